// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "app/auditcommand.h"
#include "app/connectcommand.h"
#include "app/keychaincommand.h"
#include "app/signalwatcher.h"
#include "app/verifysignature.h"
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "proxycore/engine/enginehost.h"
#include "proxycore/observability/logger.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#ifdef LLMPROXY_HAVE_GUI
#include "app/singleinstance.h"
#include "ui/desktopshell.h"

#include <QApplication>
#endif

#include <cstdio>
#include <memory>

using namespace llmproxy;

namespace {

struct Options
{
    bool headless = false;
    bool checkConfig = false;
    QString dataDir;
    ConfigSources sources;
};

/// The server's configuration file when neither --config, LLM_PROXY_CONFIG nor ./config.yaml names one.
constexpr auto kSystemConfigPath = "/etc/llmproxy/config.yaml";

void printLine(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text), stream);
    std::fputc('\n', stream);
}

/// Parses argv before any Q*Application exists, so --headless can decide which one to build.
/// Returns -1 to continue, or an exit code.
int parseCommandLine(int argc, char **argv, Options *options)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("LLMProxy — a security gateway for LLM traffic (OpenAI-compatible API on one local port).\n"
                       "Check a signed response: llmproxy verify-signature --help\n"
                       "Verify an exported audit chain: llmproxy audit --help\n"
                       "Keep endpoint keys in the system keychain: llmproxy keychain --help\n"
                       "Point a coding tool at the gateway: llmproxy connect --help"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Print the version and exit."));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run without a window or tray icon (server mode)."));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Configuration file (YAML)."),
                                    QStringLiteral("file"));
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("address"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port to listen on (default 8090)."),
                                  QStringLiteral("port"));
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("Worker threads (default: one per CPU core)."), QStringLiteral("n"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Directory for state (default: the per-user data directory)."),
                                     QStringLiteral("dir"));
    const QCommandLineOption logFormat(QStringLiteral("log-format"), QStringLiteral("Log format: text or json."),
                                       QStringLiteral("format"));
    const QCommandLineOption checkConfig(
        QStringLiteral("check-config"),
        QStringLiteral("Validate the configuration, print any problem as file:line:column, and exit."));
    parser.addOptions({help, version, headless, config, host, port, workers, dataDir, logFormat, checkConfig});

    if (!parser.parse(arguments)) {
        printLine(stderr, QStringLiteral("llmproxy: %1 (see --help)").arg(parser.errorText()));
        return 2;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printLine(stderr, QStringLiteral("llmproxy: unexpected argument '%1' (see --help)")
                              .arg(parser.positionalArguments().constFirst()));
        return 2;
    }
    if (parser.isSet(help)) {
        // Without a Q*Application yet, Qt cannot know the program's name and writes a placeholder.
        printLine(stdout, parser.helpText().replace(QStringLiteral("<executable_name> [options]"),
                                                    QStringLiteral("llmproxy [--headless] [options]")));
        return 0;
    }
    if (parser.isSet(version)) {
        printLine(stdout, QStringLiteral("llmproxy " LLMPROXY_VERSION));
        return 0;
    }
    options->headless = parser.isSet(headless);
    options->checkConfig = parser.isSet(checkConfig);
    options->dataDir = parser.value(dataDir);

    ConfigSources &s = options->sources;
    const QString envConfig = s.environment.value(QStringLiteral("LLM_PROXY_CONFIG"));
    if (parser.isSet(config)) {
        s.configPath = parser.value(config);
        s.configPathExplicit = true;
    } else if (!envConfig.isEmpty()) {
        s.configPath = envConfig;
        s.configPathExplicit = true;
    }
    if (parser.isSet(host))
        s.cli.host = parser.value(host);
    if (parser.isSet(port)) {
        bool ok = false;
        const uint p = parser.value(port).toUInt(&ok);
        if (!ok || p > 65535) {
            printLine(stderr, QStringLiteral("llmproxy: --port must be a number from 0 to 65535"));
            return 2;
        }
        s.cli.port = quint16(p);
    }
    if (parser.isSet(workers)) {
        bool ok = false;
        const int n = parser.value(workers).toInt(&ok);
        if (!ok || n < 1 || n > 256) {
            printLine(stderr, QStringLiteral("llmproxy: --workers must be a number from 1 to 256"));
            return 2;
        }
        s.cli.workers = n;
    }
    if (parser.isSet(logFormat)) {
        bool ok = false;
        logging::parseFormat(parser.value(logFormat), &ok);
        if (!ok) {
            printLine(stderr, QStringLiteral("llmproxy: --log-format must be 'text' or 'json'"));
            return 2;
        }
        s.cli.logFormat = parser.value(logFormat);
    }
    return -1;
}

bool haveDisplay()
{
#ifdef LLMPROXY_HAVE_GUI
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty())
        return platform != "minimal";
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
#else
    return false;
#endif
}

/// Whether ./.env names the configuration file (LLM_PROXY_CONFIG): the loader then reads that one.
bool dotenvNamesConfig(const ConfigSources &s)
{
    QFile file(s.dotenvPath.isEmpty() ? QStringLiteral(".env") : s.dotenvPath);
    return file.open(QIODevice::ReadOnly) &&
           !parseDotenv(file.read(1024 * 1024)).value(QStringLiteral("LLM_PROXY_CONFIG")).isEmpty();
}

/// Picks the configuration file when neither --config nor LLM_PROXY_CONFIG names one (see
/// docs/configuration.md): the desktop reads the per-user file, then, for older setups, a
/// config.yaml in the current directory; the server reads ./config.yaml, then /etc/llmproxy.
/// A default file that does not exist means built-in defaults; its path is still where the
/// desktop's "Open configuration file" creates one and what Reload reads.
void chooseDefaultConfig(ConfigSources &s, bool desktop)
{
    if (s.configPathExplicit || dotenvNamesConfig(s))
        return;
    const bool inWorkingDirectory = QFileInfo(QStringLiteral("config.yaml")).isFile();
    if (desktop) {
        const QString user = QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                                 .filePath(QStringLiteral("config.yaml"));
        if (QFileInfo(user).isFile() || !inWorkingDirectory)
            s.configPath = user;
        return; // else ./config.yaml, as before the per-user file existed
    }
    if (!inWorkingDirectory)
        s.configPath = QString::fromLatin1(kSystemConfigPath);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && (qstrcmp(argv[1], "verify-signature") == 0 || qstrcmp(argv[1], "keychain") == 0 ||
                     qstrcmp(argv[1], "audit") == 0)) {
        QStringList arguments;
        for (int i = 1; i < argc; ++i)
            arguments.append(QString::fromLocal8Bit(argv[i]));
        if (qstrcmp(argv[1], "audit") == 0)
            return runAuditCommand(arguments);
        return qstrcmp(argv[1], "keychain") == 0 ? runKeychainCommand(arguments) : runVerifySignature(arguments);
    }
    if (argc > 1 && qstrcmp(argv[1], "connect") == 0) {
        // The per-user data directory (undo records) and configuration depend on these names.
        QCoreApplication::setApplicationName(QStringLiteral("llmproxy"));
        QCoreApplication::setOrganizationName(QStringLiteral("LLMProxy"));
        QStringList arguments;
        for (int i = 0; i < argc; ++i)
            arguments.append(QString::fromLocal8Bit(argv[i]));
        return runConnect(arguments);
    }
    Options options;
    if (const int exitCode = parseCommandLine(argc, argv, &options); exitCode >= 0)
        return exitCode;

    // Before any Q*Application: the per-user configuration location depends on these names.
    QCoreApplication::setApplicationName(QStringLiteral("llmproxy"));
    QCoreApplication::setOrganizationName(QStringLiteral("LLMProxy"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LLMPROXY_VERSION));
    const bool desktop = !options.headless && haveDisplay();
    chooseDefaultConfig(options.sources, desktop);

    const ConfigLoadResult loaded = loadConfig(options.sources);
    if (options.checkConfig) {
        for (const ConfigDiagnostic &w : loaded.warnings)
            printLine(stderr, w.checkLine(false));
        for (const ConfigDiagnostic &e : loaded.errors)
            printLine(stderr, e.checkLine(true));
        if (!loaded.ok())
            return 1;
        // The engine refuses to start on such an address; say so now, not at the next start.
        if (const QString refusal = Engine::listenRefusal(loaded.config->server); !refusal.isEmpty()) {
            printLine(stderr, ConfigDiagnostic{loaded.config->sourcePath, 0, 0, refusal}.checkLine(true));
            return 1;
        }
        const QString source = loaded.config->sourcePath.isEmpty() ? QStringLiteral("built-in defaults")
                                                                   : loaded.config->sourcePath;
        printLine(stdout, QStringLiteral("configuration OK: %1, %2 endpoint(s)")
                              .arg(source)
                              .arg(loaded.config->endpoints.size()));
        return 0;
    }
    if (!loaded.ok()) {
        for (const ConfigDiagnostic &e : loaded.errors)
            printLine(stderr, QStringLiteral("llmproxy: configuration error: %1").arg(e.toString()));
        return 1;
    }
    auto config = std::make_shared<const Config>(*loaded.config);
    logging::install(logging::parseFormat(config->logging.format), logging::parseLevel(config->logging.level));
    for (const ConfigDiagnostic &w : loaded.warnings)
        qWarning("%s", qPrintable(w.toString()));

    std::unique_ptr<QCoreApplication> app;
#ifdef LLMPROXY_HAVE_GUI
    if (desktop)
        app = std::make_unique<QApplication>(argc, argv);
    else
#endif
        app = std::make_unique<QCoreApplication>(argc, argv);

#ifdef LLMPROXY_HAVE_GUI
    std::unique_ptr<SingleInstance> instance;
    if (desktop) {
        instance = std::make_unique<SingleInstance>();
        if (!instance->isPrimary()) {
            printLine(stdout, QStringLiteral("LLMProxy is already running; its window was brought to the front."));
            return 0;
        }
    }
#endif

    QString dataDir = options.dataDir;
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dataDir)) {
        printLine(stderr, QStringLiteral("llmproxy: cannot create the data directory %1").arg(dataDir));
        return 1;
    }

    // The engine and the admin API work on a thread of their own, in the desktop and the server
    // alike; this thread runs the window (if any) and turns POSIX signals into events.
    EngineHost host(config, options.sources);
    QString error;
    if (!host.start(dataDir, &error)) {
        printLine(stderr, QStringLiteral("llmproxy: %1").arg(error));
        return 1;
    }
    Engine *engine = host.engine();
    if (!loaded.config->sourcePath.isEmpty())
        qInfo("configuration: %s", qPrintable(loaded.config->sourcePath));
    if (desktop && loaded.config->sourcePath == QLatin1String("config.yaml")) {
        qInfo("configuration: read from the working directory as before; move it to %s so that it is found "
              "wherever LLMProxy starts",
              qPrintable(QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                             .filePath(QStringLiteral("config.yaml"))));
    } else if (loaded.config->sourcePath.isEmpty() && !options.sources.configPath.isEmpty()) {
        qInfo("configuration: built-in defaults (no file at %s)", qPrintable(options.sources.configPath));
    }

    SignalWatcher signalWatcher;
    bool shuttingDown = false;
    const auto shutDown = [&host, &shuttingDown](int graceMs) {
        // A second request ends what is left right away.
        host.beginShutdown(shuttingDown ? 0 : graceMs);
        shuttingDown = true;
    };
    QObject::connect(&signalWatcher, &SignalWatcher::reloadRequested, engine, [engine] { engine->reload(); });
    QObject::connect(&signalWatcher, &SignalWatcher::terminateRequested, app.get(),
                     [&shutDown, &config](int) { shutDown(config->server.shutdownGraceMs); });
    // exit(), not quit(): quit() asks every window to close first, and a window that hides to the
    // tray refuses, which would leave the process running with its port closed.
    QObject::connect(&host, &EngineHost::shutdownFinished, app.get(), [] { QCoreApplication::exit(0); });

#ifdef LLMPROXY_HAVE_GUI
    std::unique_ptr<EngineController> controller;
    std::unique_ptr<DesktopShell> shell;
    if (desktop) {
        QApplication::setQuitOnLastWindowClosed(false);
        controller = std::make_unique<EngineController>(engine);
        shell = std::make_unique<DesktopShell>(controller.get());
        // Quit from the window or the tray: finish in-flight requests briefly, then exit.
        QObject::connect(shell.get(), &DesktopShell::quitRequested, app.get(),
                         [&shutDown, &config] { shutDown(qMin(config->server.shutdownGraceMs, 5000)); });
        QObject::connect(instance.get(), &SingleInstance::activationRequested, shell.get(),
                         [s = shell.get()] { s->activate(); });
        shell->show();
        shell->showFirstRunWizardIfNeeded();
    }
#endif

    const int exitCode = QCoreApplication::exec();
#ifdef LLMPROXY_HAVE_GUI
    shell.reset();
    controller.reset();
#endif
    return exitCode;
}
