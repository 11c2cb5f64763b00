// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/api/adminapi.h"
#include "proxycore/config/configloader.h"
#include "proxycore/observability/requestrecord.h"

#include <QObject>

#include <functional>
#include <memory>

namespace llmproxy {

class RequestPipeline;

class EnginePrivate;

/// The proxy engine: owns the listener, the worker threads (each with its own HTTP server and
/// upstream transport), the endpoint registry and the request log. Lives in the main thread;
/// its public functions must be called from there. Workers never block on it. The admin API
/// reaches it as its AdminControl.
class Engine : public QObject, public AdminControl
{
    Q_OBJECT
public:
    /// `sources` is kept for reloads (SIGHUP, reloadConfig()).
    Engine(ConfigPtr config, ConfigSources sources, QObject *parent = nullptr);
    ~Engine() override;

    /// Binds server.host:server.port (port 0 = any free port) and starts the workers.
    /// Returns false with a human-readable reason (port in use, non-loopback bind without keys, ...).
    bool start(QString *errorMessage);

    /// Where state that outlives the process is kept: today's spend (budget.json) and the admin
    /// API's registry changes (registry.json). Call before start(); without one nothing is written.
    void setDataDirectory(const QString &dir);

    /// The monotonic clock, in milliseconds, of every circuit-breaker decision: client requests,
    /// the admin API, EngineController::endpoints() and the health prober. Without one the engine uses
    /// monotonicNowNs(). Call before start(): the workers read it without a lock. Lets tests move
    /// past a breaker's recovery time without sleeping.
    void setClock(std::function<qint64()> monotonicMs);
    /// Now on that clock, in milliseconds. Thread-safe.
    qint64 nowMs() const;

    /// Installs the request pipeline's stages (null = none). Thread-safe; takes effect with the
    /// next request on every worker, requests in flight keep the one they started with.
    void setRequestPipeline(std::shared_ptr<const RequestPipeline> pipeline);

    /// Stops accepting connections, lets requests in flight finish for up to `graceMs`, then ends
    /// the rest with a protocol-correct error. Emits shutdownFinished() when every worker is idle.
    void beginShutdown(int graceMs);
    bool isShuttingDown() const;

    /// Reloads the configuration from the same sources. A configuration that fails to load
    /// leaves the running one untouched. Emits configReloaded().
    bool reload(QString *message = nullptr);

    ConfigPtr config() const;
    QString listenUrl() const;   ///< "http://host:port" once listening
    quint16 port() const;

    bool isPaused() const override;
    void setPaused(bool paused) override;
    bool isPanic() const override;
    void setPanic(bool on) override;
    bool isOnboarding() const;   ///< no usable endpoint
    /// Every endpoint, disabled ones included (enabled = false).
    QList<EndpointStatus> endpointStatuses() const;

    QObject *adminContext() override { return this; }
    QList<RegistryEntry> registry() const override;
    RegistryChange addEndpoint(const NewEndpoint &endpoint, RegistryEntry *added = nullptr) override;
    RegistryChange removeEndpoint(const QString &id) override;
    RegistryChange setEndpointEnabled(const QString &id, std::optional<bool> enabled,
                                      RegistryEntry *entry = nullptr) override;

    /// Records finished since `sinceSequence`; returns the sequence of the newest one. Thread-safe.
    QList<RequestRecord> takeRecords(quint64 sinceSequence, quint64 *newestSequence) const;

signals:
    void shutdownFinished();
    void endpointsChanged();
    void pausedChanged(bool paused);
    void panicChanged(bool on);
    void configReloaded(bool ok, const QString &message);
    void recordsAvailable(); ///< emitted at most ~10 times a second while requests finish

private:
    std::unique_ptr<EnginePrivate> d;
};

} // namespace llmproxy
