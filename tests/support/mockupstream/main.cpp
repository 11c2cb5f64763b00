// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// llmproxy-mock-upstream: a scriptable OpenAI, Anthropic, Gemini and Ollama upstream for tests and benchmarks.
// See tests/support/README.md for the routes and the /__mock/ control API.
#include "tests/support/mockupstream/mockserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("llmproxy-mock-upstream"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Scriptable mock upstream (OpenAI, Anthropic, Gemini, Ollama)"));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port to listen on (0 picks a free one)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption hostOption(QStringLiteral("host"), QStringLiteral("Address to listen on."),
                                        QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption modelsOption(
        QStringLiteral("models"),
        QStringLiteral("Comma-separated model ids (OpenAI and Gemini model lists, Ollama tags)."),
        QStringLiteral("list"), QStringLiteral("mock-model"));
    const QCommandLineOption captureOption(
        QStringLiteral("capture-limit"),
        QStringLiteral("Keep at most this many requests for /__mock/requests (0 disables)."), QStringLiteral("n"),
        QStringLiteral("1000"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"), QStringLiteral("Log every request to stderr."));
    parser.addOptions({portOption, hostOption, modelsOption, captureOption, verboseOption});
    parser.process(app);

    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        std::fprintf(stderr, "invalid --port\n");
        return 2;
    }
    const QHostAddress address(parser.value(hostOption));
    if (address.isNull()) {
        std::fprintf(stderr, "invalid --host\n");
        return 2;
    }
    llmproxy::test::MockServer::Options options;
    options.models = parser.value(modelsOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    options.verbose = parser.isSet(verboseOption);
    options.captureLimit = parser.value(captureOption).toInt();

    llmproxy::test::MockServer server(options);
    if (!server.listen(address, quint16(port))) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    // The test harness waits for this line to learn the port.
    std::printf("LISTENING %u\n", unsigned(server.port()));
    std::fflush(stdout);
    return app.exec();
}
