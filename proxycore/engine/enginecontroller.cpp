// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/engine/enginecontroller.h"

#include "proxycore/engine/engine.h"

namespace llmproxy {

class EngineController::Private
{
public:
    quint64 lastSequence = 0;
};

EngineController::EngineController(Engine *engine, QObject *parent)
    : QObject(parent), m_engine(engine), d(new Private)
{
    qRegisterMetaType<llmproxy::RequestRecord>();
    qRegisterMetaType<llmproxy::EndpointStatus>();
    connect(engine, &Engine::recordsAvailable, this, &EngineController::drainRecords);
    connect(engine, &Engine::endpointsChanged, this, [this] { emit endpointsChanged(m_engine->endpointStatuses()); });
    connect(engine, &Engine::pausedChanged, this, &EngineController::pausedChanged);
    connect(engine, &Engine::panicChanged, this, &EngineController::panicChanged);
    connect(engine, &Engine::configReloaded, this, &EngineController::configReloaded);
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
    return m_engine->endpointStatuses();
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
