// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/observability/requestrecord.h"

#include <QMutex>

namespace llmproxy {

/// Finished-request records of one worker, waiting to be collected by the engine. Each worker
/// has its own queue, so the only contention is between that worker and the periodic collector.
/// Bounded: when nobody collects, the oldest records are dropped.
class RecordQueue
{
public:
    void push(RequestRecord record)
    {
        QMutexLocker lock(&m_mutex);
        if (m_records.size() >= Capacity)
            m_records.removeFirst();
        m_records.append(std::move(record));
    }
    QList<RequestRecord> takeAll()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_records, {});
    }

private:
    static constexpr qsizetype Capacity = 2000;
    QMutex m_mutex;
    QList<RequestRecord> m_records;
};

} // namespace llmproxy
