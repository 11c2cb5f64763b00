// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/config.h"
#include "proxycore/http/httprequest.h"

#include <QByteArray>
#include <QByteArrayView>

namespace llmproxy {

/// The HTTP/1.0 and 1.1 request parser of the front end, without a socket: bytes go in with
/// append(), next() turns them into requests one at a time. HttpConnection drives it and owns
/// everything else (timers, responses, closing); the fuzz target drives it directly.
///
/// It enforces the limits a public listener needs: header block size (431), body size (413, known
/// from the head before the body is read), and it refuses ambiguous framing — both Content-Length
/// and Transfer-Encoding, differing Content-Length values, obsolete line folding, transfer codings
/// other than chunked — with the status to answer. Stray CRLFs between requests are skipped
/// (RFC 9112 §2.2). Memory is bounded by the limits plus what the caller appends.
///
/// A plain value object with no thread affinity; one per connection.
class HttpRequestParser
{
public:
    /// What next() found.
    enum class Event {
        NeedMore,    ///< nothing more to do until more bytes are appended
        HeadStarted, ///< the first byte of a request head arrived (header timeout starts)
        BodyStarted, ///< a head announcing a body was parsed (body timeout, 100-continue)
        Request,     ///< a complete request is ready: takeRequest()
        Error,       ///< the input is refused: answer errorStatus() and close; the parser is done
    };

    explicit HttpRequestParser(const ServerLimits &limits);

    /// Bytes received from the client.
    void append(const QByteArray &bytes);
    /// Advances as far as the buffered bytes allow and reports the next step. After Request the
    /// parser starts on the next (pipelined) request at the following call.
    Event next();
    /// The request completed by the last Request event.
    HttpRequest takeRequest();

    /// After Error: the HTTP status to answer and its message.
    int errorStatus() const { return m_errorStatus; }
    QByteArrayView errorMessage() const { return m_errorMessage; }
    /// Whether the connection may stay open after the response to the last parsed head.
    bool keepAlive() const { return m_keepAlive; }
    /// The last parsed head asked for `100 Continue` (HTTP/1.1 only).
    bool expectsContinue() const { return m_expectContinue; }
    /// Bytes appended but not consumed yet (the start of a pipelined request, or body bytes).
    qsizetype bufferedBytes() const { return m_buffer.size(); }
    /// Drops the buffered bytes (the connection is closing).
    void clearBuffer() { m_buffer.clear(); }

private:
    enum class State { Idle, Head, Body };
    enum class BodyMode { None, Length, Chunked };

    bool parseHead(qsizetype headEnd);
    /// True when the body is complete; false when more bytes are needed or on error (m_errorStatus).
    bool readBody();
    Event fail(int status, const char *message);

    ServerLimits m_limits;
    State m_state = State::Idle;
    QByteArray m_buffer;      ///< received, not yet consumed
    qsizetype m_scanFrom = 0; ///< head terminator search resumes here
    HttpRequest m_request;    ///< being assembled
    BodyMode m_bodyMode = BodyMode::None;
    qint64 m_bodyRemaining = 0; ///< Length mode: bytes still to read; Chunked: bytes left in the current chunk
    int m_chunkState = 0;       ///< chunked decoder state
    bool m_expectContinue = false;
    bool m_keepAlive = true;
    int m_errorStatus = 0;
    QByteArrayView m_errorMessage;
};

} // namespace llmproxy
