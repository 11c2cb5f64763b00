// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace llmproxy {

/// One dispatched server-sent event.
struct SseEvent
{
    QByteArray event;         ///< the "event:" field; empty when absent (the default type "message")
    QByteArray data;          ///< all "data:" lines of the event joined with '\n'
    QByteArray id;            ///< this event's own "id:" field; empty when absent (not carried over)
    std::optional<int> retry; ///< the "retry:" field in milliseconds, when given as digits
    /// Where the event's raw bytes lie in the stream, as offsets from the first byte fed (a BOM
    /// counts): from just after the previous blank line to just after the blank line that
    /// dispatched it (the end of the stream for an event finish() dispatched). Bytes between two
    /// ranges are comments and blank lines that dispatch nothing. With boundary() this lets a relay
    /// pass on exactly the events it has seen without scanning for them again.
    qint64 rawBegin = -1;
    qint64 rawEnd = -1;

    /// Same fields, wherever in a stream the events were.
    friend bool operator==(const SseEvent &a, const SseEvent &b)
    {
        return a.event == b.event && a.data == b.data && a.id == b.id && a.retry == b.retry;
    }
};

/// Incremental text/event-stream decoder (WHATWG rules, as the OpenAI and Anthropic SDKs apply them).
///
/// Bytes may be split anywhere — inside a field, between '\r' and '\n', inside a UTF-8 BOM — and the
/// decoder yields the same events as for the stream in one piece. Lines end in "\r\n", '\n' or '\r';
/// lines starting with ':' are comments; one space after the field's colon is removed; an event is
/// dispatched by a blank line when it carried data or an event name.
///
/// Memory is bounded: when one event (the line being read plus accumulated fields) grows beyond
/// maxEventBytes, however the bytes were split, the decoder sets overflowed(), drops the event and
/// ignores all further input, so a misbehaving upstream cannot grow a worker without limit. The caller ends the stream
/// with an error.
///
/// A plain value object with no thread affinity; use one per stream from one thread at a time.
class SseDecoder
{
public:
    static constexpr qsizetype DefaultMaxEventBytes = 16 * 1024 * 1024;

    explicit SseDecoder(qsizetype maxEventBytes = DefaultMaxEventBytes);

    /// Consumes the next bytes of the stream and returns the events they complete, in order.
    QList<SseEvent> feed(QByteArrayView bytes);

    /// Ends the stream: a last line without terminator is processed and a pending event without the
    /// closing blank line is dispatched. The decoder is then ready for a new stream (overflowed()
    /// stays set until reset()).
    QList<SseEvent> finish();

    /// Forgets all state, including the overflow flag.
    void reset();

    bool overflowed() const { return m_overflowed; }
    /// Stream offset just after the last blank line seen: every byte before it belongs to complete
    /// events (or to comments and empty events, which dispatch nothing). A relay may pass on the
    /// bytes up to here as whole events.
    qint64 boundary() const { return m_boundary; }
    qsizetype maxEventBytes() const { return m_maxEventBytes; }

private:
    /// `in` starts at stream offset `base`.
    void consume(QByteArrayView in, qint64 base, QList<SseEvent> &out);
    /// `lineEnd`: stream offset just after the line's terminator.
    void processLine(QByteArrayView line, qint64 lineEnd, QList<SseEvent> &out);
    void dispatch(qint64 end, QList<SseEvent> &out);
    void clearEvent();
    bool checkSize(qsizetype pendingLineBytes);

    qsizetype m_maxEventBytes;
    QByteArray m_line; ///< start of a line whose terminator has not arrived yet
    SseEvent m_event;  ///< fields collected since the last dispatch
    bool m_hasData = false;
    bool m_skipLf = false; ///< the previous chunk ended in '\r': a leading '\n' belongs to it
    bool m_bomChecked = false;
    bool m_overflowed = false;
    qint64 m_fed = 0;      ///< bytes fed since the last reset
    qint64 m_boundary = 0; ///< see boundary()
};

/// `data: <payload>\n\n`; a payload containing line breaks becomes several data lines, which a
/// decoder joins back with '\n'.
QByteArray sseData(QByteArrayView payload);

/// `event: <name>\ndata: <payload>\n\n` (line breaks in `name` are dropped).
QByteArray sseEvent(QByteArrayView name, QByteArrayView payload);

/// `data: [DONE]\n\n`, the OpenAI end-of-stream marker.
QByteArray sseDone();

} // namespace llmproxy
