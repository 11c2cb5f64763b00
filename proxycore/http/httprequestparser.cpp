// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/http/httprequestparser.h"

namespace llmproxy {

namespace {

constexpr qsizetype MaxChunkLine = 1024;
/// The most a request body reserves before its bytes arrive.
constexpr qint64 kBodyReserveStep = 256 * 1024;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
        v.chop(1);
    return v;
}

bool parseDecimal(QByteArrayView v, qint64 *out)
{
    if (v.isEmpty() || v.size() > 15)
        return false;
    qint64 n = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + (c - '0');
    }
    *out = n;
    return true;
}

bool containsToken(QByteArrayView list, QByteArrayView token)
{
    while (!list.isEmpty()) {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView part = comma < 0 ? list : list.first(comma);
        if (trimmed(part).compare(token, Qt::CaseInsensitive) == 0)
            return true;
        list = comma < 0 ? QByteArrayView() : list.sliced(comma + 1);
    }
    return false;
}

} // namespace

HttpRequestParser::HttpRequestParser(const ServerLimits &limits) : m_limits(limits) {}

void HttpRequestParser::append(const QByteArray &bytes)
{
    m_buffer.append(bytes);
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    return request;
}

HttpRequestParser::Event HttpRequestParser::fail(int status, const char *message)
{
    m_errorStatus = status;
    m_errorMessage = QByteArrayView(message);
    return Event::Error;
}

HttpRequestParser::Event HttpRequestParser::next()
{
    if (m_errorStatus)
        return Event::Error;
    if (m_state == State::Idle) {
        // Tolerate stray CRLFs between requests (RFC 9112 §2.2).
        qsizetype skip = 0;
        while (skip < m_buffer.size() && (m_buffer[skip] == '\r' || m_buffer[skip] == '\n'))
            ++skip;
        if (skip)
            m_buffer.remove(0, skip);
        if (m_buffer.isEmpty())
            return Event::NeedMore;
        m_state = State::Head;
        m_scanFrom = 0;
        return Event::HeadStarted;
    }
    if (m_state == State::Head) {
        qsizetype end = -1;
        qsizetype terminatorLength = 0;
        for (qsizetype i = qMax<qsizetype>(0, m_scanFrom); i < m_buffer.size(); ++i) {
            if (m_buffer[i] != '\n')
                continue;
            if (i + 1 < m_buffer.size() && m_buffer[i + 1] == '\n') {
                end = i;
                terminatorLength = 2;
                break;
            }
            if (i + 2 < m_buffer.size() && m_buffer[i + 1] == '\r' && m_buffer[i + 2] == '\n') {
                end = i;
                terminatorLength = 3;
                break;
            }
        }
        if (end < 0) {
            if (m_buffer.size() > m_limits.maxHeaderBytes)
                return fail(431, "Request header block exceeds the limit");
            m_scanFrom = qMax<qsizetype>(0, m_buffer.size() - 3);
            return Event::NeedMore;
        }
        if (end + terminatorLength > m_limits.maxHeaderBytes)
            return fail(431, "Request header block exceeds the limit");
        if (!parseHead(end))
            return Event::Error;
        m_buffer.remove(0, end + terminatorLength);
        m_request.receivedNs = monotonicNowNs();
        if (m_bodyMode == BodyMode::None) {
            m_state = State::Idle;
            return Event::Request;
        }
        m_state = State::Body;
        return Event::BodyStarted;
    }
    if (!readBody())
        return m_errorStatus ? Event::Error : Event::NeedMore;
    m_state = State::Idle;
    return Event::Request;
}

bool HttpRequestParser::parseHead(qsizetype headEnd)
{
    const QByteArrayView head(m_buffer.constData(), headEnd);
    qsizetype lineEnd = head.indexOf('\n');
    if (lineEnd < 0)
        lineEnd = head.size();
    const QByteArrayView requestLine = trimmed(head.first(lineEnd));

    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0) {
        fail(400, "Malformed request line");
        return false;
    }
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method)) {
        fail(400, "Malformed request method");
        return false;
    }
    if (version == "HTTP/1.1") {
        m_request.minorVersion = 1;
    } else if (version == "HTTP/1.0") {
        m_request.minorVersion = 0;
    } else if (version.startsWith("HTTP/")) {
        fail(505, "HTTP version not supported");
        return false;
    } else {
        fail(400, "Malformed request line");
        return false;
    }
    QByteArrayView path = target;
    if (target.startsWith("http://") || target.startsWith("https://")) {
        // absolute-form: keep only the path for routing
        const qsizetype slash = target.indexOf('/', target.indexOf("//") + 2);
        path = slash < 0 ? QByteArrayView("/") : target.sliced(slash);
    } else if (!target.startsWith('/') && target != "*") {
        fail(400, "Malformed request target");
        return false;
    }
    for (char c : target) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
            fail(400, "Malformed request target");
            return false;
        }
    }
    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    const qsizetype q = path.indexOf('?');
    m_request.path = (q < 0 ? path : path.first(q)).toByteArray();
    m_request.query = q < 0 ? QByteArray() : path.sliced(q + 1).toByteArray();
    m_request.headers.clear();
    m_request.body.clear();

    qint64 contentLength = -1;
    bool chunked = false;
    bool hasTransferEncoding = false;
    m_keepAlive = m_request.minorVersion == 1;
    m_expectContinue = false;

    qsizetype pos = lineEnd + 1;
    while (pos < head.size()) {
        qsizetype next = head.indexOf('\n', pos);
        if (next < 0)
            next = head.size();
        QByteArrayView line = head.sliced(pos, next - pos);
        pos = next + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if (line.front() == ' ' || line.front() == '\t') {
            fail(400, "Obsolete header line folding is not accepted");
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon))) {
            fail(400, "Malformed header line");
            return false;
        }
        QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        for (char c : value) {
            if (c == '\0' || c == '\r' || c == '\n') {
                fail(400, "Malformed header value");
                return false;
            }
        }
        if (name == "content-length") {
            qint64 n = 0;
            if (!parseDecimal(value, &n) || (contentLength >= 0 && contentLength != n)) {
                fail(400, "Invalid Content-Length");
                return false;
            }
            contentLength = n;
        } else if (name == "transfer-encoding") {
            hasTransferEncoding = true;
            if (value.compare("chunked", Qt::CaseInsensitive) != 0) {
                fail(501, "Only the chunked transfer coding is supported");
                return false;
            }
            chunked = true;
        } else if (name == "connection") {
            if (containsToken(value, "close"))
                m_keepAlive = false;
            else if (m_request.minorVersion == 0 && containsToken(value, "keep-alive"))
                m_keepAlive = true;
        } else if (name == "expect") {
            if (value.compare("100-continue", Qt::CaseInsensitive) != 0) {
                fail(417, "Unsupported expectation");
                return false;
            }
            m_expectContinue = m_request.minorVersion == 1;
        }
        m_request.headers.append({std::move(name), value.toByteArray()});
    }
    if (hasTransferEncoding && contentLength >= 0) {
        // Ambiguous framing is how requests get smuggled past proxies: refuse it.
        fail(400, "Both Content-Length and Transfer-Encoding given");
        return false;
    }
    if (chunked && m_request.minorVersion == 0) {
        fail(400, "Chunked transfer coding requires HTTP/1.1");
        return false;
    }
    if (contentLength > m_limits.maxBodyBytes) {
        fail(413, "Request body exceeds the limit");
        return false;
    }
    if (chunked) {
        m_bodyMode = BodyMode::Chunked;
        m_chunkState = 0;
        m_bodyRemaining = 0;
    } else if (contentLength > 0) {
        m_bodyMode = BodyMode::Length;
        m_bodyRemaining = contentLength;
        // A declared length is not a body: reserve for what arrives, up to a first step, so that
        // connections that announce large bodies and send nothing cost nothing.
        m_request.body.reserve(qMin<qint64>(contentLength, kBodyReserveStep));
    } else {
        m_bodyMode = BodyMode::None;
    }
    return true;
}

bool HttpRequestParser::readBody()
{
    if (m_bodyMode == BodyMode::Length) {
        const qint64 take = qMin<qint64>(m_bodyRemaining, m_buffer.size());
        if (take == m_buffer.size() && m_request.body.isEmpty() && take == m_bodyRemaining) {
            m_request.body = std::move(m_buffer); // whole body arrived with the head: no copy
            m_buffer = QByteArray();
        } else {
            m_request.body.append(m_buffer.constData(), take);
            m_buffer.remove(0, take);
        }
        m_bodyRemaining -= take;
        return m_bodyRemaining == 0;
    }
    // Chunked: states 0 = size line, 1 = data, 2 = CRLF after data, 3 = trailers
    for (;;) {
        if (m_chunkState == 0 || m_chunkState == 2 || m_chunkState == 3) {
            // A line longer than MaxChunkLine is refused whether or not its line feed has arrived,
            // so that the outcome does not depend on how the client's bytes were split.
            const qsizetype nl = m_buffer.indexOf('\n');
            if ((nl < 0 && m_buffer.size() > MaxChunkLine) || nl > MaxChunkLine) {
                fail(400, "Malformed chunked body");
                return false;
            }
            if (nl < 0)
                return false;
            QByteArrayView line(m_buffer.constData(), nl);
            if (line.endsWith('\r'))
                line.chop(1);
            if (m_chunkState == 2) {
                if (!line.isEmpty()) {
                    fail(400, "Malformed chunked body");
                    return false;
                }
                m_buffer.remove(0, nl + 1);
                m_chunkState = 0;
                continue;
            }
            if (m_chunkState == 3) {
                m_buffer.remove(0, nl + 1);
                if (line.isEmpty())
                    return true; // end of trailers: body complete
                continue;
            }
            const qsizetype semi = line.indexOf(';');
            const QByteArrayView sizeText = trimmed(semi < 0 ? line : line.first(semi));
            bool ok = false;
            const qint64 size = sizeText.size() <= 15 ? sizeText.toLongLong(&ok, 16) : -1;
            if (!ok || size < 0 || sizeText.startsWith('-') || sizeText.startsWith('+')) {
                fail(400, "Malformed chunked body");
                return false;
            }
            m_buffer.remove(0, nl + 1);
            if (size == 0) {
                m_chunkState = 3;
                continue;
            }
            if (m_request.body.size() + size > m_limits.maxBodyBytes) {
                fail(413, "Request body exceeds the limit");
                return false;
            }
            m_bodyRemaining = size;
            m_chunkState = 1;
        }
        if (m_chunkState == 1) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, m_buffer.size());
            m_request.body.append(m_buffer.constData(), take);
            m_buffer.remove(0, take);
            m_bodyRemaining -= take;
            if (m_bodyRemaining > 0)
                return false;
            m_chunkState = 2;
        }
    }
}

} // namespace llmproxy
