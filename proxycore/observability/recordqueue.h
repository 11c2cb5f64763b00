// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/observability/requestrecord.h"

#include <QMutex>

namespace llmproxy {

/// Finished-request records of one worker, waiting to be collected by the engine. Each worker
/// has its own queue, so the only contention is between that worker and the periodic collector.
/// Bounded: when nobody collects, the oldest records are dropped, and counted, so that the
/// collector can say how many never reached the log (never silently).
class RecordQueue
{
public:
    static constexpr qsizetype Capacity = 2000;

    void push(RequestRecord record)
    {
        QMutexLocker lock(&m_mutex);
        if (m_records.size() >= Capacity) {
            m_records.removeFirst();
            ++m_dropped;
        }
        m_records.append(std::move(record));
    }
    /// Everything waiting, oldest first. `dropped`, when given, receives how many records were
    /// dropped since the previous call (the count starts again at zero).
    QList<RequestRecord> takeAll(quint64 *dropped = nullptr)
    {
        QMutexLocker lock(&m_mutex);
        if (dropped)
            *dropped = std::exchange(m_dropped, 0);
        return std::exchange(m_records, {});
    }

private:
    QMutex m_mutex;
    QList<RequestRecord> m_records;
    quint64 m_dropped = 0;
};

} // namespace llmproxy
