// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QMetaObject>
#include <QObject>

#include <functional>

namespace llmproxy {

/// Lives in a worker's thread while another thread works for it, holding the continuation (and
/// with it the client's responder): whatever happens, the continuation runs on the worker, once.
/// Deleted with its parent (the worker's thread context) when the answer never comes.
template <class Result> class PendingAnswer final : public QObject
{
public:
    PendingAnswer(QObject *workerContext, std::function<void(const Result &)> done)
        : QObject(workerContext), m_done(std::move(done))
    {
    }
    void finish(const Result &result)
    {
        m_done(result);
        deleteLater();
    }

private:
    std::function<void(const Result &)> m_done;
};

/// Runs `work` in the thread of `target` (the engine's, the store's reader), then `done` with its
/// result on the thread of `workerContext`, without blocking either. The worker (and so the pending
/// answer) outlives every event of `target`'s thread: the engine joins its workers only in its own
/// destructor, after it has stopped the store's reader thread, and drops its own unprocessed events
/// then. Work posted to a thread that has stopped is never run, and `done` is never called.
template <class Result>
void runThenAnswer(QObject *target, QObject *workerContext, std::function<Result()> work,
                   std::function<void(const Result &)> done)
{
    auto *pending = new PendingAnswer<Result>(workerContext, std::move(done));
    QMetaObject::invokeMethod(
        target,
        [pending, work = std::move(work)] {
            Result result = work();
            QMetaObject::invokeMethod(
                pending, [pending, result = std::move(result)] { pending->finish(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace llmproxy
