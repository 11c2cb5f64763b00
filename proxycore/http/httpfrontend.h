// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/config.h"
#include "proxycore/http/requesthandler.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace llmproxy {

class HttpAcceptor;
class HttpWorker;

/// Creates the request handler of one worker; called on that worker's thread, so everything the
/// handler creates (upstream transport, timers) belongs to it. `threadContext` lives as long as
/// the worker and may be used as the parent/context of worker-owned QObjects.
using RequestHandlerFactory = std::function<std::unique_ptr<IRequestHandler>(QObject *threadContext)>;

/// The HTTP server: one acceptor thread hands accepted sockets round-robin to N worker threads,
/// each of which owns its connections and its request handler. Lives in the main thread and owns
/// all threads it starts; its destructor stops and joins them.
class HttpFrontend : public QObject
{
    Q_OBJECT
public:
    HttpFrontend(const ServerLimits &limits, int workerCount, RequestHandlerFactory factory,
                 QObject *parent = nullptr);
    ~HttpFrontend() override;

    /// Binds and listens. `port` 0 picks a free port. Returns false with a reason on failure.
    bool listen(const QHostAddress &address, quint16 port, QString *errorMessage);
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }
    int workerCount() const;

    /// New limits for connections accepted from now on (existing ones keep theirs).
    void setLimits(const ServerLimits &limits);

    /// Stops accepting, closes idle connections and lets busy ones finish for `graceMs`; then
    /// asks the handlers still working to end their responses. Emits drained() when done.
    void beginDrain(int graceMs);
    /// Ends the grace period of a drain now.
    void terminateNow();

signals:
    void drained();

private:
    void workerDrained();

    ServerLimits m_limits;
    RequestHandlerFactory m_factory;
    QList<QThread *> m_threads;
    QList<HttpWorker *> m_workers;
    QThread *m_acceptThread = nullptr;
    HttpAcceptor *m_acceptor = nullptr;
    std::shared_ptr<std::atomic<int>> m_connections;
    QHostAddress m_address;
    quint16 m_port = 0;
    int m_drainedWorkers = 0;
    bool m_draining = false;
    QTimer m_graceTimer;
};

} // namespace llmproxy
