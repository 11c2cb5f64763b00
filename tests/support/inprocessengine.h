// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QSignalSpy>
#include <QStringList>

#include <memory>

namespace llmproxy::test {

// Helpers for tests that run an Engine inside the test process (header-only: those tests link
// llmproxy_core themselves).

/// Loads `yaml` as the configuration of an engine run inside the test process: written to
/// `dir`/config.yaml, with an empty .env beside it, an empty environment (nothing from the machine
/// running the test; `env`, when given, is the whole environment) and port 0 (any free port).
/// `sources` receives what was loaded, for the Engine's constructor. On failure `error` lists the
/// diagnostics.
inline ConfigPtr loadIsolatedConfig(const QString &dir, const QByteArray &yaml, ConfigSources *sources, QString *error,
                                    const QMap<QString, QString> &env = {})
{
    const QString configPath = QDir(dir).filePath(QStringLiteral("config.yaml"));
    const QString dotenv = QDir(dir).filePath(QStringLiteral(".env"));
    QFile config(configPath);
    QFile dotenvFile(dotenv);
    if (!config.open(QIODevice::WriteOnly) || config.write(yaml) != yaml.size() ||
        !dotenvFile.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the configuration into %1").arg(dir);
        return {};
    }
    config.close();
    dotenvFile.close();
    sources->configPath = configPath;
    sources->configPathExplicit = true;
    sources->environment = QProcessEnvironment();
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        sources->environment.insert(it.key(), it.value());
    sources->dotenvPath = dotenv;
    sources->cli.port = 0;
    const ConfigLoadResult loaded = loadConfig(*sources);
    if (!loaded.ok()) {
        QStringList lines;
        for (const ConfigDiagnostic &d : loaded.errors)
            lines << d.toString();
        *error = lines.join(QLatin1Char('\n'));
        return {};
    }
    return std::make_shared<const Config>(*loaded.config);
}

/// A started Engine with its configuration and data directory in `dir`: one endpoint serving `model`
/// at `baseUrl`, health probes off, `extraYaml` appended to its config.yaml, `env` as its whole environment.
/// nullptr with `error` on failure.
inline std::unique_ptr<Engine> startEngineInDirectory(const QString &dir, const QString &baseUrl, const QString &model,
                                                      const QMap<QString, QString> &env, QString *error,
                                                      const QByteArray &extraYaml = {})
{
    ProxyConfig proxy;
    EndpointSpec endpoint;
    endpoint.baseUrl = baseUrl;
    endpoint.models = {model};
    endpoint.apiKey = QStringLiteral("sk-upstream");
    proxy.endpoints = {endpoint};
    proxy.extraYaml = "routing:\n  health: {interval_s: 0}\n" + extraYaml;
    ConfigSources sources;
    if (!loadIsolatedConfig(dir, proxy.toYaml(), &sources, error))
        return nullptr;
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        sources.environment.insert(it.key(), it.value());
    const ConfigLoadResult loaded = loadConfig(sources);
    if (!loaded.ok()) {
        *error = QStringLiteral("the configuration does not load");
        return nullptr;
    }
    auto engine = std::make_unique<Engine>(std::make_shared<const Config>(*loaded.config), sources);
    engine->setDataDirectory(dir);
    if (!engine->start(error))
        return nullptr;
    return engine;
}

/// Shuts `engine` down (requests in flight are ended at once) and destroys it. False when its
/// workers did not finish within 30 s.
[[nodiscard]] inline bool stopEngine(std::unique_ptr<Engine> &engine)
{
    bool finishedInTime = true;
    if (engine) {
        QSignalSpy finished(engine.get(), &Engine::shutdownFinished);
        engine->beginShutdown(0);
        finishedInTime = finished.count() > 0 || finished.wait(30'000);
    }
    engine.reset();
    return finishedInTime;
}

} // namespace llmproxy::test
