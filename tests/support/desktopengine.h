// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "tests/support/inprocessengine.h"
#include "ui/desktopshell.h"

#include <QTemporaryDir>

#include <memory>

namespace llmproxy::test {

/// An engine run inside the test process with the desktop over it (its controller and shell), in a
/// temporary directory of its own that is also its data directory when it keeps a store.
/// Header-only, for the gui tests (they link llmproxy_ui).
struct DesktopEngine
{
    QTemporaryDir dir;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<EngineController> controller;
    std::unique_ptr<DesktopShell> shell;

    /// Starts the engine with `yaml` as its config.yaml and `env` as its environment (see
    /// loadIsolatedConfig()), with the store (SQLite in `dir`, unless `yaml` names another database)
    /// when `withStore`, then the controller and the shell. False with `error`.
    bool start(const QByteArray &yaml, bool withStore, QString *error, const QMap<QString, QString> &env = {})
    {
        if (!dir.isValid()) {
            *error = QStringLiteral("no temporary directory");
            return false;
        }
        ConfigSources sources;
        const ConfigPtr config = loadIsolatedConfig(dir.path(), yaml, &sources, error, env);
        if (!config)
            return false;
        engine = std::make_unique<Engine>(config, sources);
        if (withStore)
            engine->setDataDirectory(dir.path());
        if (!engine->start(error))
            return false;
        if ((engine->store() != nullptr) != withStore) {
            *error = QStringLiteral("the store is not as asked");
            return false;
        }
        controller = std::make_unique<EngineController>(engine.get());
        shell = std::make_unique<DesktopShell>(controller.get());
        return true;
    }

    /// Closes the shell and the controller, then stops the engine; false when it did not stop.
    [[nodiscard]] bool stop()
    {
        shell.reset();
        controller.reset();
        return stopEngine(engine);
    }
};

} // namespace llmproxy::test
