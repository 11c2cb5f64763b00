// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// How late the desktop's event loop runs while the proxy is under load, with the main window and
// its live request log shown, as in the application (the engine on its own thread):
//
//   ui-latency --upstream URL [--seconds N] [--port P]
//
// Prints "LISTENING <port>" once the gateway listens (bench/uilatency.sh then starts wrk against
// it), measures for N seconds (default 12) how late a 5 ms timer fires on the GUI thread, and prints
// one line: requests logged per second, and the timer's lateness (p50, p99, max, in ms).
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "proxycore/engine/enginehost.h"
#include "ui/desktopshell.h"
#include "ui/mainwindow.h"
#include "ui/requestlogmodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace llmproxy;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption upstream(QStringLiteral("upstream"), QStringLiteral("Mock upstream base URL."),
                                      QStringLiteral("url"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("How long to measure."),
                                     QStringLiteral("n"), QStringLiteral("12"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Listen port (0: any)."), QStringLiteral("p"),
                                  QStringLiteral("0"));
    parser.addOptions({upstream, seconds, port});
    parser.process(app);
    if (!parser.isSet(upstream)) {
        std::fprintf(stderr, "ui-latency: --upstream URL is required\n");
        return 2;
    }

    QTemporaryDir dir;
    const QString configPath = dir.filePath(QStringLiteral("config.yaml"));
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write("server:\n  host: 127.0.0.1\ndiscovery:\n  local_scan: false\nendpoints:\n  mock:\n"
               "    provider: openai_compatible\n    base_url: " +
               parser.value(upstream).toUtf8() + "\n    api_key: sk-bench\n    models: [gpt-4o-mini]\n");
    file.close();
    ConfigSources sources;
    sources.configPath = configPath;
    sources.configPathExplicit = true;
    sources.environment = QProcessEnvironment();
    sources.cli.port = parser.value(port).toInt();
    const ConfigLoadResult loaded = loadConfig(sources);
    if (!loaded.ok()) {
        std::fprintf(stderr, "ui-latency: %s\n", qPrintable(loaded.errors.value(0).toString()));
        return 1;
    }
    EngineHost host(std::make_shared<const Config>(*loaded.config), sources);
    QString error;
    if (!host.start(dir.filePath(QStringLiteral("data")), &error)) {
        std::fprintf(stderr, "ui-latency: %s\n", qPrintable(error));
        return 1;
    }
    EngineController controller(host.engine());
    DesktopShell shell(&controller);
    shell.show();
    std::printf("LISTENING %s\n", qPrintable(controller.listenUrl()));
    std::fflush(stdout);

    // Every request the log receives counts; the timer's lateness is the event loop's delay.
    qint64 logged = 0;
    QObject::connect(&controller, &EngineController::requestsFinished, &app,
                     [&logged](const QList<RequestRecord> &records) { logged += records.size(); });
    constexpr int kIntervalMs = 5;
    std::vector<double> lateness;
    QElapsedTimer clock;
    qint64 expected = 0;
    qint64 loggedAtStart = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(kIntervalMs);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (expected > 0)
            lateness.push_back(std::max<qint64>(0, now - expected) / 1e6);
        expected = now + qint64(kIntervalMs) * 1'000'000;
    });
    // A second to settle before measuring.
    QTimer::singleShot(1000, &app, [&] {
        loggedAtStart = logged;
        clock.start();
        tick.start();
    });
    const int measureMs = parser.value(seconds).toInt() * 1000;
    QTimer::singleShot(1000 + measureMs, &app, [&] {
        tick.stop();
        std::vector<double> sorted = lateness;
        std::sort(sorted.begin(), sorted.end());
        const auto at = [&sorted](double q) {
            return sorted.empty() ? 0.0 : sorted[std::min(sorted.size() - 1, size_t(q * double(sorted.size())))];
        };
        std::printf("requests logged/s %.0f  event-loop lateness ms p50 %.2f p99 %.2f max %.2f  (%zu ticks, "
                    "log rows %lld)\n",
                    double(logged - loggedAtStart) * 1000.0 / measureMs, at(0.5), at(0.99),
                    sorted.empty() ? 0.0 : sorted.back(), sorted.size(),
                    qint64(shell.mainWindow()->requestLogModel()->rowCount()));
        std::fflush(stdout);
        host.beginShutdown(0);
    });
    QObject::connect(&host, &EngineHost::shutdownFinished, &app, [] { QCoreApplication::exit(0); });
    return app.exec();
}
