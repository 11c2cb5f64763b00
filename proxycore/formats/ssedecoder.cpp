// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/ssedecoder.h"

namespace llmproxy {

namespace {

constexpr QByteArrayView kBom("\xEF\xBB\xBF");

void appendDataLines(QByteArray &out, QByteArrayView payload)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i <= payload.size(); ++i) {
        if (i < payload.size() && payload[i] != '\n' && payload[i] != '\r')
            continue;
        out += "data: ";
        out += payload.sliced(start, i - start);
        out += '\n';
        if (i + 1 < payload.size() && payload[i] == '\r' && payload[i + 1] == '\n')
            ++i;
        start = i + 1;
    }
}

} // namespace

SseDecoder::SseDecoder(qsizetype maxEventBytes) : m_maxEventBytes(maxEventBytes) {}

QList<SseEvent> SseDecoder::feed(QByteArrayView bytes)
{
    QList<SseEvent> out;
    if (m_overflowed || bytes.isEmpty())
        return out;
    const qint64 base = m_fed;
    m_fed += bytes.size();
    if (!m_bomChecked) {
        // The BOM may arrive one byte at a time; hold bytes until it is clear whether one is there.
        m_line.append(bytes);
        if (m_line.size() < kBom.size() && kBom.startsWith(m_line))
            return out;
        m_bomChecked = true;
        QByteArray pending = std::move(m_line);
        m_line = QByteArray();
        qint64 start = 0; // the held bytes began the stream
        if (pending.startsWith(kBom)) {
            pending.remove(0, kBom.size());
            start = kBom.size();
        }
        consume(pending, start, out);
        return out;
    }
    consume(bytes, base, out);
    return out;
}

void SseDecoder::consume(QByteArrayView in, qint64 base, QList<SseEvent> &out)
{
    if (m_skipLf && !in.isEmpty()) {
        m_skipLf = false;
        if (in.front() == '\n') {
            // The LF of a CRLF split across feeds; as a raw byte it goes with what follows.
            in = in.sliced(1);
            ++base;
        }
    }
    const char *const begin = in.data();
    const qsizetype size = in.size();
    qsizetype pos = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = begin[i];
        if (c != '\n' && c != '\r')
            continue;
        const QByteArrayView tail(begin + pos, i - pos);
        if (c == '\r') {
            if (i + 1 < size) {
                if (begin[i + 1] == '\n')
                    ++i;
            } else {
                m_skipLf = true;
            }
        }
        const qint64 lineEnd = base + i + 1;
        // The whole line counts against the bound, as its start did while it was pending: whether
        // a long line overflows must not depend on how the stream was split.
        if (!checkSize(m_line.size() + tail.size()))
            return;
        if (m_line.isEmpty()) {
            processLine(tail, lineEnd, out);
        } else {
            m_line.append(tail);
            processLine(m_line, lineEnd, out);
            m_line.clear();
        }
        if (m_overflowed)
            return;
        pos = i + 1;
    }
    if (pos < size) {
        if (!checkSize(m_line.size() + (size - pos)))
            return;
        m_line.append(QByteArrayView(begin + pos, size - pos));
    }
}

bool SseDecoder::checkSize(qsizetype pendingLineBytes)
{
    const qsizetype total = pendingLineBytes + m_event.data.size() + m_event.event.size() + m_event.id.size();
    if (total <= m_maxEventBytes)
        return true;
    m_overflowed = true;
    m_line = QByteArray();
    clearEvent();
    return false;
}

void SseDecoder::processLine(QByteArrayView line, qint64 lineEnd, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        dispatch(lineEnd, out);
        return;
    }
    if (line.front() == ':')
        return;
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);

    if (field == "data") {
        if (m_hasData)
            m_event.data += '\n';
        m_event.data += value;
        m_hasData = true;
    } else if (field == "event") {
        m_event.event = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_event.id = value.toByteArray();
    } else if (field == "retry") {
        bool digits = !value.isEmpty();
        for (char c : value)
            digits = digits && c >= '0' && c <= '9';
        bool ok = false;
        const int retry = digits ? value.toInt(&ok) : 0;
        if (ok)
            m_event.retry = retry;
    }
    checkSize(0);
}

void SseDecoder::dispatch(qint64 end, QList<SseEvent> &out)
{
    // As the OpenAI and Anthropic SDKs: an event counts when it has data or a name.
    if (m_hasData || !m_event.event.isEmpty()) {
        m_event.rawBegin = m_boundary;
        m_event.rawEnd = end;
        out.append(std::move(m_event));
    }
    clearEvent();
    m_boundary = end;
}

void SseDecoder::clearEvent()
{
    m_event = SseEvent();
    m_hasData = false;
}

QList<SseEvent> SseDecoder::finish()
{
    QList<SseEvent> out;
    if (!m_overflowed) {
        if (!m_bomChecked && kBom.startsWith(m_line))
            m_line.clear(); // a truncated BOM is not content
        if (!m_line.isEmpty()) {
            const QByteArray last = std::move(m_line);
            m_line = QByteArray();
            processLine(last, m_fed, out);
        }
        if (!m_overflowed)
            dispatch(m_fed, out);
    }
    const bool overflowed = m_overflowed;
    reset();
    m_overflowed = overflowed;
    return out;
}

void SseDecoder::reset()
{
    m_line = QByteArray();
    clearEvent();
    m_skipLf = false;
    m_bomChecked = false;
    m_overflowed = false;
    m_fed = 0;
    m_boundary = 0;
}

QByteArray sseData(QByteArrayView payload)
{
    QByteArray out;
    out.reserve(payload.size() + 8);
    appendDataLines(out, payload);
    out += '\n';
    return out;
}

QByteArray sseEvent(QByteArrayView name, QByteArrayView payload)
{
    QByteArray out;
    out.reserve(name.size() + payload.size() + 16);
    out += "event: ";
    for (char c : name) {
        if (c != '\n' && c != '\r')
            out += c;
    }
    out += '\n';
    appendDataLines(out, payload);
    out += '\n';
    return out;
}

QByteArray sseDone()
{
    return QByteArrayLiteral("data: [DONE]\n\n");
}

} // namespace llmproxy
