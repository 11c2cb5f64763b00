// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/observability/requestrecord.h"

#include <QObject>
#include <QString>

#include <functional>

namespace llmproxy {

class Engine;
struct EngineStatus;

/// The facade over the Engine for the UI and the app shell. Lives in the GUI/main thread; the
/// engine may live on another thread (EngineHost) or the same one (tests). With the engine on
/// another thread, every change is posted to it and never waited for, and the window reads value
/// snapshots the engine sends back; with the engine on the same thread, the calls are direct.
/// Signals carry value types only and are coalesced (at most ~10 per second), so a flood of
/// requests never floods the receiver, and a slow receiver never slows the workers or the admin API.
class EngineController : public QObject
{
    Q_OBJECT
public:
    /// `engine` must outlive the controller and must have been started.
    explicit EngineController(Engine *engine, QObject *parent = nullptr);
    ~EngineController() override;

    QString listenUrl() const;           ///< e.g. "http://127.0.0.1:8090"; empty before the engine listens
    bool isListening() const;
    bool isPaused() const;               ///< paused: inference requests get 503, health stays up
    bool isPanic() const;                ///< kill switch on: inference requests get 503 panic_mode
    bool isOnboarding() const;           ///< no endpoint configured at all (disabled ones count as configured)
    /// Endpoints are configured but every one is switched off: inference requests get 503.
    bool allEndpointsDisabled() const;
    /// Every enabled endpoint is down right now (breaker open or probe unhealthy).
    bool allEndpointsDown() const;
    /// Every endpoint, disabled ones included, with its circuit breaker, probe result and
    /// statistics (as of the last snapshot when the engine runs on another thread).
    QList<EndpointStatus> endpoints() const;
    QList<RequestRecord> recentRequests() const; ///< newest last, at most 500
    /// The configuration file in use, or the one Reload reads when it does not exist yet.
    QString configPath() const;
    bool clientKeyRequired() const; ///< clients must send a proxy API key
    /// Request records that never reached the window: dropped by the workers (see
    /// Engine::droppedRecords()) or gone before this controller collected them.
    quint64 droppedRecords() const;

    /// While non-zero, the endpoint statuses are re-read every `ms` milliseconds and
    /// endpointsChanged is emitted when anything in them changed (breaker state, countdown,
    /// latency, counters), so a window showing them stays current. 0, the default, stops it:
    /// turn it off while nobody looks. Negative values count as 0.
    void setEndpointRefreshInterval(int ms);
    int endpointRefreshInterval() const;

public slots:
    void setPaused(bool paused);
    /// The kill switch: every inference request is refused at once until it is released.
    void setPanic(bool on);
    /// Switches an endpoint on or off until the process ends (reloads keep the choice); requests
    /// already on it finish.
    void setEndpointEnabled(const QString &id, bool enabled);
    void reloadConfig();

signals:
    void requestsFinished(const QList<llmproxy::RequestRecord> &records); ///< batch since the last emission
    /// The endpoint list changed: configuration, toggles, or (while refreshing) live state.
    void endpointsChanged(const QList<llmproxy::EndpointStatus> &endpoints);
    void pausedChanged(bool paused);
    void panicChanged(bool on);
    void listeningChanged(const QString &url);
    void configReloaded(bool ok, const QString &message);
    void droppedRecordsChanged(quint64 count);

private:
    bool sameThread() const;
    /// Runs `work` on the engine's thread: at once when that is this thread, else posted.
    void onEngine(std::function<void(Engine *)> work);
    void drainRecords();
    void requestStatus(bool onlyIfChanged);
    void applyStatus(const EngineStatus &status, bool onlyIfChanged);
    Engine *m_engine;
    class Private;
    Private *d;
};

} // namespace llmproxy
