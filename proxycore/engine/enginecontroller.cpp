// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/engine/enginecontroller.h"

#include "proxycore/engine/engine.h"

#include <QTimer>

#include <algorithm>

namespace llmproxy {

namespace {

/// Fills the live fields of `statuses` from the breakers and statistics the routed endpoints
/// share with the workers, at `nowMs` on the engine's clock. Disabled endpoints have none and keep the
/// defaults.
void addRoutingState(QList<EndpointStatus> &statuses, const QList<RegistryEntry> &registry, qint64 nowMs)
{
    for (EndpointStatus &status : statuses) {
        const auto entry = std::find_if(registry.cbegin(), registry.cend(), [&status](const RegistryEntry &r) {
            return r.health && r.config.id == status.id && r.config.source == status.source;
        });
        if (entry == registry.cend())
            continue;
        const EndpointHealth &health = *entry->health;
        const CircuitBreaker::State state = health.breaker.state(nowMs);
        status.breakerState = breakerStateName(state);
        status.consecutiveFailures = health.breaker.consecutiveFailures();
        status.breakerRetryInMs =
            state == CircuitBreaker::State::Open
                ? qMax<qint64>(0, health.breaker.openedAtMs() + health.breaker.settings().recoveryMs - nowMs)
                : -1;
        status.latencyMs = health.total.latencyMs();
        status.successRate = health.total.successRate();
        status.requests = health.total.requests();
        status.failures = health.total.failures();
        status.probe = entry->config.probe ? probeName(health.probe.load(std::memory_order_relaxed))
                                           : QStringLiteral("off");
    }
}

} // namespace

class EngineController::Private
{
public:
    quint64 lastSequence = 0;
    QTimer refreshTimer;
    QList<EndpointStatus> published; ///< what endpointsChanged last carried
};

EngineController::EngineController(Engine *engine, QObject *parent)
    : QObject(parent), m_engine(engine), d(new Private)
{
    qRegisterMetaType<llmproxy::RequestRecord>();
    qRegisterMetaType<llmproxy::EndpointStatus>();
    connect(engine, &Engine::recordsAvailable, this, &EngineController::drainRecords);
    connect(engine, &Engine::endpointsChanged, this, [this] { publishEndpoints(false); });
    connect(engine, &Engine::pausedChanged, this, &EngineController::pausedChanged);
    connect(engine, &Engine::panicChanged, this, &EngineController::panicChanged);
    connect(engine, &Engine::configReloaded, this, &EngineController::configReloaded);
    connect(&d->refreshTimer, &QTimer::timeout, this, [this] { publishEndpoints(true); });
}

EngineController::~EngineController()
{
    delete d;
}

void EngineController::drainRecords()
{
    quint64 newest = 0;
    const QList<RequestRecord> batch = m_engine->takeRecords(d->lastSequence, &newest);
    d->lastSequence = newest;
    if (!batch.isEmpty())
        emit requestsFinished(batch);
}

void EngineController::publishEndpoints(bool onlyIfChanged)
{
    QList<EndpointStatus> current = endpoints();
    if (onlyIfChanged && current == d->published)
        return;
    d->published = current;
    emit endpointsChanged(current);
}

void EngineController::setEndpointRefreshInterval(int ms)
{
    if (ms <= 0) {
        d->refreshTimer.stop();
        return;
    }
    if (!d->refreshTimer.isActive() || d->refreshTimer.interval() != ms)
        d->refreshTimer.start(ms);
}

int EngineController::endpointRefreshInterval() const
{
    return d->refreshTimer.isActive() ? d->refreshTimer.interval() : 0;
}

QString EngineController::listenUrl() const
{
    return m_engine->listenUrl();
}

bool EngineController::isListening() const
{
    return m_engine->port() != 0;
}

bool EngineController::isPaused() const
{
    return m_engine->isPaused();
}

bool EngineController::isPanic() const
{
    return m_engine->isPanic();
}

bool EngineController::isOnboarding() const
{
    return m_engine->isOnboarding();
}

QList<EndpointStatus> EngineController::endpoints() const
{
    QList<EndpointStatus> statuses = m_engine->endpointStatuses();
    addRoutingState(statuses, m_engine->registry(), m_engine->nowMs());
    return statuses;
}

QList<RequestRecord> EngineController::recentRequests() const
{
    return m_engine->takeRecords(0, nullptr);
}

QString EngineController::configPath() const
{
    return m_engine->config()->sourcePath;
}

void EngineController::setPaused(bool paused)
{
    m_engine->setPaused(paused);
}

void EngineController::setPanic(bool on)
{
    m_engine->setPanic(on);
}

void EngineController::setEndpointEnabled(const QString &id, bool enabled)
{
    m_engine->setEndpointEnabled(id, enabled);
}

void EngineController::reloadConfig()
{
    m_engine->reload();
}

} // namespace llmproxy
