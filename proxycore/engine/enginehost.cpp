// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/engine/enginehost.h"

#include "proxycore/engine/engine.h"

#include <QEventLoop>
#include <QThread>

namespace llmproxy {

EngineHost::EngineHost(ConfigPtr config, ConfigSources sources, QObject *parent)
    : QObject(parent), m_thread(new QThread), m_context(new QObject), m_config(std::move(config)),
      m_sources(std::move(sources))
{
    qRegisterMetaType<llmproxy::EngineStatus>();
    qRegisterMetaType<llmproxy::RequestRecord>();
    qRegisterMetaType<llmproxy::EndpointStatus>();
    m_thread->setObjectName(QStringLiteral("engine"));
    m_context->moveToThread(m_thread);
    m_thread->start();
}

EngineHost::~EngineHost()
{
    if (m_engine && !m_finished) {
        QEventLoop loop;
        connect(this, &EngineHost::shutdownFinished, &loop, &QEventLoop::quit);
        beginShutdown(0);
        if (!m_finished)
            loop.exec();
    }
    // The engine joins its workers in its destructor, on its own thread.
    QMetaObject::invokeMethod(
        m_context, [this] { delete std::exchange(m_engine, nullptr); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_context;
    delete m_thread;
}

bool EngineHost::start(const QString &dataDirectory, QString *errorMessage)
{
    bool ok = false;
    QString error;
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            m_engine = new Engine(m_config, m_sources);
            if (!dataDirectory.isEmpty())
                m_engine->setDataDirectory(dataDirectory);
            ok = m_engine->start(&error);
        },
        Qt::BlockingQueuedConnection);
    connect(m_engine, &Engine::shutdownFinished, this, [this] {
        m_finished = true;
        emit shutdownFinished();
    });
    if (!ok && errorMessage)
        *errorMessage = error;
    return ok;
}

void EngineHost::runOnEngine(std::function<void(Engine *)> work)
{
    QMetaObject::invokeMethod(m_context, [this, work = std::move(work)] {
        if (m_engine)
            work(m_engine);
    });
}

void EngineHost::beginShutdown(int graceMs)
{
    runOnEngine([graceMs](Engine *engine) { engine->beginShutdown(graceMs); });
}

} // namespace llmproxy
