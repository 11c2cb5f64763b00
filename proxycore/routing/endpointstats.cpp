// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/routing/endpointstats.h"

#include <QSet>

#include <cmath>

namespace llmproxy {

namespace {

double clampAlpha(double alpha)
{
    return std::isnan(alpha) ? 1.0 : qBound(0.0, alpha, 1.0);
}

/// Folds `sample` into `ema`; `first` replaces the value instead.
void foldSample(std::atomic<double> &ema, double sample, double alpha, bool first)
{
    double old = ema.load(std::memory_order_relaxed);
    while (!ema.compare_exchange_weak(old, first ? sample : alpha * sample + (1.0 - alpha) * old,
                                      std::memory_order_relaxed))
        ;
}

} // namespace

void ModelStats::recordSuccess(double latencyMs, double alpha)
{
    alpha = clampAlpha(alpha);
    const double sample = std::isfinite(latencyMs) ? qMax(0.0, latencyMs) : 0.0;
    const bool first = m_requests.fetch_add(1, std::memory_order_relaxed) == 0;
    foldSample(m_success, 1.0, alpha, first);
    // The latency average only learns from successes, so it starts at the first success even
    // when failures came before it. Exactly one thread can swap the initial 0 for its sample.
    double expected = 0.0;
    if (!m_latencyMs.compare_exchange_strong(expected, sample, std::memory_order_relaxed))
        foldSample(m_latencyMs, sample, alpha, false);
}

void ModelStats::recordFailure(double alpha)
{
    alpha = clampAlpha(alpha);
    m_failures.fetch_add(1, std::memory_order_relaxed);
    const bool first = m_requests.fetch_add(1, std::memory_order_relaxed) == 0;
    foldSample(m_success, 0.0, alpha, first);
}

void ModelStats::begin()
{
    m_inFlight.fetch_add(1, std::memory_order_relaxed);
}

void ModelStats::end()
{
    m_inFlight.fetch_sub(1, std::memory_order_relaxed);
}

double ModelStats::latencyMs() const
{
    return m_latencyMs.load(std::memory_order_relaxed);
}

double ModelStats::successRate() const
{
    return m_success.load(std::memory_order_relaxed);
}

quint64 ModelStats::requests() const
{
    return m_requests.load(std::memory_order_relaxed);
}

quint64 ModelStats::failures() const
{
    return m_failures.load(std::memory_order_relaxed);
}

int ModelStats::inFlight() const
{
    return m_inFlight.load(std::memory_order_relaxed);
}

static QString statsKey(const QString &endpointId, const QString &model)
{
    return endpointId + QLatin1Char('\n') + model;
}

std::shared_ptr<EndpointHealth> EndpointHealthRegistry::health(const QString &endpointId)
{
    std::shared_ptr<EndpointHealth> &entry = m_health[endpointId];
    if (!entry)
        entry = std::make_shared<EndpointHealth>();
    return entry;
}

std::shared_ptr<ModelStats> EndpointHealthRegistry::stats(const QString &endpointId, const QString &model)
{
    std::shared_ptr<ModelStats> &entry = m_stats[statsKey(endpointId, model)];
    if (!entry)
        entry = std::make_shared<ModelStats>();
    return entry;
}

void EndpointHealthRegistry::retainOnly(const QStringList &endpointIds)
{
    const QSet<QString> keep(endpointIds.cbegin(), endpointIds.cend());
    m_health.removeIf([&keep](decltype(m_health)::iterator it) { return !keep.contains(it.key()); });
    m_stats.removeIf([&keep](decltype(m_stats)::iterator it) {
        const QString &key = it.key();
        return !keep.contains(key.left(key.indexOf(QLatin1Char('\n'))));
    });
}

QString breakerStateName(CircuitBreaker::State state)
{
    switch (state) {
    case CircuitBreaker::State::Closed:
        return QStringLiteral("closed");
    case CircuitBreaker::State::Open:
        return QStringLiteral("open");
    case CircuitBreaker::State::HalfOpen:
        return QStringLiteral("half_open");
    }
    return QStringLiteral("closed");
}

QString probeName(int probe)
{
    switch (EndpointHealth::Probe(probe)) {
    case EndpointHealth::Probe::Healthy:
        return QStringLiteral("healthy");
    case EndpointHealth::Probe::Unhealthy:
        return QStringLiteral("unhealthy");
    case EndpointHealth::Probe::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace llmproxy
