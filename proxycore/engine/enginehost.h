// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/configloader.h"

#include <QObject>

#include <functional>

class QThread;

namespace llmproxy {

class Engine;

/// Runs an Engine on a thread of its own, so that neither the admin API (carried out on the
/// engine's thread) nor the collection of request records ever waits for the GUI, and a busy
/// window never slows the engine. Created and destroyed in the main thread. The destructor shuts
/// the engine down if nobody did (requests in flight are ended at once), destroys it on its thread,
/// then quits and joins the thread.
class EngineHost : public QObject
{
    Q_OBJECT
public:
    EngineHost(ConfigPtr config, ConfigSources sources, QObject *parent = nullptr);
    ~EngineHost() override;

    /// Builds the engine on its thread with `dataDirectory` (see Engine::setDataDirectory) and
    /// starts it there; blocks until it listens or failed (then false with the reason).
    bool start(const QString &dataDirectory, QString *errorMessage);

    /// The engine, which lives on the host's thread: connect to its signals freely, but call its
    /// functions only through runOnEngine() (or the thread-safe ones). nullptr before start().
    Engine *engine() const { return m_engine; }

    /// Runs `work` on the engine's thread, later; returns at once. Any thread.
    void runOnEngine(std::function<void(Engine *)> work);

    /// Asks the engine to shut down (see Engine::beginShutdown); a second call ends what is
    /// left at once. shutdownFinished() follows. Any thread.
    void beginShutdown(int graceMs);

signals:
    /// The engine finished shutting down: the port is closed and no request is in flight.
    void shutdownFinished();

private:
    QThread *m_thread;
    QObject *m_context; ///< lives on m_thread: where work is posted before the engine exists
    Engine *m_engine = nullptr;
    ConfigPtr m_config;
    ConfigSources m_sources;
    bool m_finished = false;
};

} // namespace llmproxy
