// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/routing/circuitbreaker.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace llmproxy {

/// Live statistics of one endpoint × model, updated lock-free by every worker.
/// Latency and success are exponential moving averages: the first sample sets them, each later
/// one moves them by `alpha` (value = alpha·sample + (1−alpha)·value; alpha is clamped to [0, 1]).
/// Success learns from every sample (1 or 0); latency only from successes, so its first sample is
/// the first success. Concurrent samples are folded in one after another, never lost or torn;
/// only samples racing with the very first one may be applied in either order.
class ModelStats
{
public:
    void recordSuccess(double latencyMs, double alpha);
    void recordFailure(double alpha);
    /// A request to this endpoint × model started / ended (least-busy routing).
    void begin();
    void end();

    /// EMA; 0 before the first success. An average of exactly 0 counts as "no sample yet", so a
    /// first sample of 0 ms is replaced rather than averaged by the next one.
    double latencyMs() const;
    double successRate() const; ///< EMA in [0, 1]; 1 before the first sample
    quint64 requests() const;   ///< samples recorded (successes and failures)
    quint64 failures() const;
    int inFlight() const;

private:
    std::atomic<double> m_latencyMs{0.0};
    std::atomic<double> m_success{1.0};
    std::atomic<quint64> m_requests{0};
    std::atomic<quint64> m_failures{0};
    std::atomic<int> m_inFlight{0};
};

/// Everything LLMProxy learns about one endpoint at run time: its breaker, its health as seen by
/// the prober, and statistics per model. Lives as long as the endpoint id is configured and
/// survives configuration reloads, so statistics and breaker state are not lost on a reload.
struct EndpointHealth
{
    enum class Probe { Unknown, Healthy, Unhealthy };

    CircuitBreaker breaker;
    ModelStats total; ///< every model together
    std::atomic<int> probe{int(Probe::Unknown)};
    std::atomic<qint64> lastProbeEpochMs{0};
};

/// "closed", "open" or "half_open": the breaker state as the admin API and the window name it.
QString breakerStateName(CircuitBreaker::State state);
/// "unknown", "healthy" or "unhealthy" for an EndpointHealth::probe value.
QString probeName(int probe);

/// The EndpointHealth objects by endpoint id, and their per-model statistics. Only the main thread
/// creates entries (while it builds a routing snapshot); workers reach the objects through the
/// snapshot's pointers and never touch this registry. Not thread-safe itself.
class EndpointHealthRegistry
{
public:
    /// The health of endpointId (the same object every time), created on first use.
    std::shared_ptr<EndpointHealth> health(const QString &endpointId);
    /// Statistics of endpointId × model (the same object every time).
    std::shared_ptr<ModelStats> stats(const QString &endpointId, const QString &model);
    /// Drops the health and statistics of every endpoint not in `endpointIds`; snapshots still
    /// holding them keep them alive, and asking again later starts afresh.
    void retainOnly(const QStringList &endpointIds);

private:
    QHash<QString, std::shared_ptr<EndpointHealth>> m_health;
    QHash<QString, std::shared_ptr<ModelStats>> m_stats; ///< key: id + '\n' + model
};

} // namespace llmproxy
