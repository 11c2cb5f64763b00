// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/sseparser.h"

#include "tests/support/httpclient.h"

namespace llmproxy::test {

void SseParser::feed(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (c == '\n' && m_lastWasCr) {
            // Second half of a \r\n whose \r already ended the line.
            m_lastWasCr = false;
            continue;
        }
        m_lastWasCr = c == '\r';
        if (c == '\r' || c == '\n') {
            processLine(m_line);
            m_line.clear();
        } else {
            m_line += c;
        }
    }
}

void SseParser::processLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        if (m_hasData || !m_current.event.isEmpty())
            m_events.append(m_current);
        m_current = {};
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return;
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_current.data += '\n';
        m_current.data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_current.event = value.toByteArray();
    } else if (field == "id") {
        m_current.id = value.toByteArray();
    }
}

QList<SseEvent> SseParser::takeEvents()
{
    return std::exchange(m_events, {});
}

QList<SseEvent> SseParser::parse(QByteArrayView all)
{
    SseParser parser;
    parser.feed(all);
    return parser.takeEvents();
}

QList<QByteArray> SseParser::dataPayloads(QByteArrayView all)
{
    QList<QByteArray> out;
    const QList<SseEvent> events = parse(all);
    for (const SseEvent &e : events)
        out.append(e.data);
    return out;
}

QList<SseEvent> SseParser::eventsWithArrival(const QList<BodyChunk> &chunks)
{
    SseParser parser;
    QList<SseEvent> out;
    for (const BodyChunk &chunk : chunks) {
        parser.feed(chunk.data);
        QList<SseEvent> events = parser.takeEvents();
        for (SseEvent &e : events) {
            e.arrivalMs = chunk.elapsedMs;
            out.append(std::move(e));
        }
    }
    return out;
}

} // namespace llmproxy::test
