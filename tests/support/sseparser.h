// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QList>

namespace llmproxy::test {

struct BodyChunk;

/// One dispatched Server-Sent Event. `arrivalMs` is set by eventsWithArrival(), -1 otherwise.
struct SseEvent
{
    QByteArray event;
    QByteArray data;
    QByteArray id;
    qint64 arrivalMs = -1;
};

/// A small SSE decoder for test assertions (WHATWG rules: \r\n, \n or \r line ends, one optional space
/// after the colon, multi-line data joined with \n, comments ignored). Bytes may be fed in any split.
class SseParser
{
public:
    void feed(QByteArrayView bytes);
    QList<SseEvent> takeEvents();

    static QList<SseEvent> parse(QByteArrayView all);
    /// The data fields of all events, in order.
    static QList<QByteArray> dataPayloads(QByteArrayView all);
    /// Events stamped with the arrival time of the chunk that completed them.
    static QList<SseEvent> eventsWithArrival(const QList<BodyChunk> &chunks);

private:
    void processLine(QByteArrayView line);

    QByteArray m_line;
    bool m_lastWasCr = false;
    SseEvent m_current;
    bool m_hasData = false;
    QList<SseEvent> m_events;
};

} // namespace llmproxy::test
