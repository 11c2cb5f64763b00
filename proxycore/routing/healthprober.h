// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/routing/routingsnapshot.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace llmproxy {

/// One health check as sent on the wire: GET without a body, or POST with a JSON body.
struct HealthCheckRequest
{
    QByteArray method;  ///< "GET" or "POST"
    QByteArray url;     ///< complete, query included
    HeaderList headers; ///< key header, provider headers and the endpoint's extra headers (lower-case names)
    QByteArray body;    ///< empty for GET

    friend bool operator==(const HealthCheckRequest &, const HealthCheckRequest &) = default;
};

/// The check for `endpoint` in `mode` ("models" or "completion"; see HealthProbeConfig), or nullopt
/// when the endpoint cannot be checked that way.
///
/// models: `GET <base>/models` with the endpoint's key header (Anthropic adds anthropic-version).
/// Costs nothing. Azure deployments have no such list: nullopt.
/// completion: the cheapest valid chat request in the endpoint's own format to its first model —
/// one user message "ping", at most one output token, no stream (OpenAI `max_completion_tokens`,
/// other OpenAI-style servers `max_tokens`, Anthropic `max_tokens`, Gemini
/// `generationConfig.maxOutputTokens`, Ollama's native API `options.num_predict`). Costs the
/// prompt's few tokens and one output token per check. An endpoint that lists no model gets the
/// models check instead (Azure: nullopt).
std::optional<HealthCheckRequest> healthCheckRequest(const ResolvedEndpoint &endpoint, QStringView mode);

/// Checks the routed endpoints now and then with a cheap request (routing.health), so that an
/// endpoint that went away is marked before clients run into it, and one that came back closes its
/// circuit breaker without waiting for a client's request to risk it.
///
/// Schedule: an endpoint is first checked at a random moment within half an interval of it showing
/// up (or of the prober starting), then every interval × U(0.8, 1.2), so checks never come in
/// bursts. Each round uses the endpoints, keys and settings of the newest snapshot; an endpoint
/// whose check changed (new URL, key or mode) is checked afresh within half an interval. Endpoints
/// are skipped while their breaker is open and not yet due for recovery (the check is moved to when
/// it is due), and while half-open (a client's request holds the single probe).
///
/// Results go to EndpointHealth: `probe` and `lastProbeEpochMs`, and the breaker:
/// - 2xx, and 429 (it answers, it is only busy): healthy. An open breaker past its recovery time is
///   closed: the prober claims the half-open probe with tryAcquire() and records the success at
///   once, so it never holds the probe a client's request could use. A closed breaker with a
///   failure streak has it cleared.
/// - no connection, timeout, 408, 5xx: unhealthy, and a failure of the breaker (an open breaker past
///   its recovery time is opened again for another recovery period).
/// - 401, 403: unhealthy; the breaker is left alone (a key problem is not an outage); logged once
///   with a hint to check the key.
/// - any other answer (3xx, 4xx): unhealthy, breaker left alone. In models mode 404, 405 and 501
///   mean the server has no models list: the health stays unknown.
/// The log gets a line when an endpoint's result changes, never for a repeated one. Probes never
/// feed the latency and success statistics, which describe client traffic.
///
/// Lives in the thread that created it (the main thread); every call and signal happens there.
/// Checks are asynchronous and end after `timeout_ms` at the latest; nothing here blocks, and
/// workers only see the atomics of EndpointHealth. Owns the control-plane network manager it
/// creates when none is given; a given manager must outlive this object.
class HealthProber final : public QObject
{
    Q_OBJECT
public:
    /// What one check found.
    enum class Outcome {
        Healthy,     ///< 2xx or 429
        Down,        ///< no connection, timeout, 408, 5xx: counted by the breaker
        KeyRejected, ///< 401, 403
        Rejected,    ///< another answer
        NoCheck,     ///< models mode, and the server has no models list (404, 405, 501)
    };
    Q_ENUM(Outcome)

    explicit HealthProber(QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~HealthProber() override;

    /// The routing snapshot to take endpoints and settings (routing.health) from; call it with every
    /// new snapshot. Endpoints no longer in it are forgotten, and their checks in flight dropped.
    void setSnapshot(RoutingSnapshotPtr snapshot);

    /// Checks from now on, as scheduled; stop() ends the schedule and drops checks in flight.
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    /// Checks endpoint `id` of the snapshot now, out of schedule: also when routing.health does not
    /// check it on a schedule (probe: false, a local server, checks switched off) and while its
    /// breaker is open. The result is stored and signalled as a scheduled check's is; a check of it
    /// already running counts as this one. False with `why` when the snapshot has no endpoint `id`
    /// or it cannot be checked (an Azure deployment in models mode). The schedule is not moved.
    bool probeNow(const QString &id, QString *why);

    /// Average time between checks in milliseconds, instead of the configuration's interval_s
    /// (finer than seconds, for tests and tools); 0 = the configuration's.
    void setIntervalMs(int ms);
    /// The monotonic clock, in milliseconds, that breaker decisions use; by default the one client
    /// requests use. Tests set their own to move past recovery times without sleeping.
    void setClock(std::function<qint64()> monotonicMs);

Q_SIGNALS:
    /// A check of `endpointId` ended, its result already stored.
    void probed(const QString &endpointId, llmproxy::HealthProber::Outcome outcome);

private:
    struct Slot
    {
        qint64 dueMs = 0; ///< on m_elapsed
        HealthCheckRequest request;
        QPointer<QNetworkReply> reply; ///< the check in flight
        std::optional<Outcome> last;   ///< of the latest check with this request
        bool scheduled = true;         ///< false: only the check probeNow() started, forgotten once it ends
    };

    qint64 intervalMs() const;
    qint64 firstDelayMs(qint64 interval) const;
    qint64 nextDelayMs(qint64 interval) const;
    /// Brings the schedule in line with the snapshot and arms the timer.
    void sync();
    void arm();
    void runDue();
    /// Sends the check; `force` sends it even while the breaker holds calls back.
    void check(const ResolvedEndpoint &endpoint, Slot &slot, bool force = false);
    void finished(QNetworkReply *reply, const QString &id, const std::shared_ptr<EndpointHealth> &health);
    void apply(const QString &id, Slot &slot, EndpointHealth &health, Outcome outcome, const QString &detail);
    void drop(Slot &slot);

    RoutingSnapshotPtr m_snapshot;
    std::unique_ptr<QNetworkAccessManager> m_ownNetwork;
    QNetworkAccessManager *m_network = nullptr;
    QHash<QString, Slot> m_slots; ///< by endpoint id
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    std::function<qint64()> m_clock;
    int m_intervalOverrideMs = 0;
    bool m_running = false;
};

} // namespace llmproxy
