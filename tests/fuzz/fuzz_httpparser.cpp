// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Fuzz target: the front end's HTTP/1.x request parser (HttpRequestParser), driven the way
// HttpConnection drives it. Input: one flags byte (bit 0: tight limits, so that the 413 and 431
// paths are reached), two bytes choosing where the stream is cut, then the bytes a client sends
// (pipelined requests, chunked bodies, bad framing). Checks: the stream cut in three pieces or fed
// byte by byte gives the same requests and the same refusal as in one piece; every request is well
// formed (token method, path, lower-case header names, values without CR/LF/NUL, body within the
// limit); a refusal carries one of the parser's statuses; and a request written out again in
// canonical form parses back to the same request.
#include "proxycore/http/httprequestparser.h"

#include <QList>

#include <cstdio>
#include <cstdlib>

using namespace llmproxy;

/// Inputs that gave at least one complete request (the standalone driver's summary).
long fuzzInputsAccepted = 0;

namespace {

[[noreturn]] void finding(const char *what, QByteArrayView input)
{
    std::fprintf(stderr, "http parser: %s\ninput: %s\n", what,
                 input.toByteArray().toPercentEncoding(" /:;,=").constData());
    std::abort();
}

struct Parsed
{
    QList<HttpRequest> requests;
    QList<bool> keepAlive;
    int errorStatus = 0;
    qsizetype leftover = 0;
};

bool sameRequest(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.target == b.target && a.path == b.path && a.query == b.query &&
           a.minorVersion == b.minorVersion && a.headers == b.headers && a.body == b.body;
}

/// Runs the parser over `pieces` as HttpConnection would: after each append, next() until it needs
/// more bytes or refuses.
Parsed parse(const ServerLimits &limits, const QList<QByteArrayView> &pieces)
{
    HttpRequestParser parser(limits);
    Parsed result;
    for (QByteArrayView piece : pieces) {
        parser.append(piece.toByteArray());
        for (;;) {
            const HttpRequestParser::Event event = parser.next();
            if (event == HttpRequestParser::Event::NeedMore)
                break;
            if (event == HttpRequestParser::Event::Error) {
                result.errorStatus = parser.errorStatus();
                if (parser.next() != HttpRequestParser::Event::Error)
                    finding("parser went on after refusing", {});
                return result;
            }
            if (event == HttpRequestParser::Event::Request) {
                result.keepAlive.append(parser.keepAlive());
                result.requests.append(parser.takeRequest());
            }
        }
    }
    result.leftover = parser.bufferedBytes();
    return result;
}

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

void checkWellFormed(const HttpRequest &r, const ServerLimits &limits, QByteArrayView input)
{
    if (r.method.isEmpty() || !std::all_of(r.method.begin(), r.method.end(), isTokenChar))
        finding("method is not a token", input);
    if (r.minorVersion != 0 && r.minorVersion != 1)
        finding("version", input);
    if (r.target.isEmpty() || (!r.path.startsWith('/') && r.path != "*"))
        finding("path", input);
    if (r.body.size() > limits.maxBodyBytes)
        finding("body over the limit", input);
    for (const auto &[name, value] : r.headers) {
        if (name.isEmpty() || name != name.toLower() || !std::all_of(name.begin(), name.end(), isTokenChar))
            finding("header name", input);
        if (value.contains('\r') || value.contains('\n') || value.contains('\0'))
            finding("header value with CR, LF or NUL", input);
        if (value.startsWith(' ') || value.startsWith('\t') || value.endsWith(' ') || value.endsWith('\t'))
            finding("header value not trimmed", input);
    }
    const QByteArray contentLength = r.header("content-length");
    if (!contentLength.isNull() && contentLength.toLongLong() != r.body.size())
        finding("body length differs from Content-Length", input);
    if (!r.header("transfer-encoding").isNull() && !contentLength.isNull())
        finding("both Content-Length and Transfer-Encoding accepted", input);
}

/// `r` in canonical form: the same head with the body framed by Content-Length.
QByteArray serialize(const HttpRequest &r)
{
    QByteArray out = r.method + ' ' + r.target + " HTTP/1." + QByteArray::number(r.minorVersion) + "\r\n";
    for (const auto &[name, value] : r.headers) {
        if (name != "content-length" && name != "transfer-encoding")
            out += name + ": " + value + "\r\n";
    }
    out += "content-length: " + QByteArray::number(r.body.size()) + "\r\n\r\n" + r.body;
    return out;
}

bool sameWithoutFraming(const HttpRequest &a, const HttpRequest &b)
{
    HeaderList ha;
    HeaderList hb;
    for (const auto &h : a.headers) {
        if (h.first != "content-length" && h.first != "transfer-encoding")
            ha.append(h);
    }
    for (const auto &h : b.headers) {
        if (h.first != "content-length" && h.first != "transfer-encoding")
            hb.append(h);
    }
    return a.method == b.method && a.target == b.target && a.path == b.path && a.query == b.query &&
           a.minorVersion == b.minorVersion && ha == hb && a.body == b.body;
}

void check(QByteArrayView data)
{
    if (data.size() < 3)
        return;
    ServerLimits limits;
    if (data[0] & 1) {
        limits.maxHeaderBytes = 200;
        limits.maxBodyBytes = 64;
    } else {
        limits.maxHeaderBytes = 8 * 1024;
        limits.maxBodyBytes = 64 * 1024;
    }
    const QByteArrayView stream = data.sliced(3);
    qsizetype cut1 = stream.isEmpty() ? 0 : qsizetype(quint8(data[1])) * stream.size() / 256;
    qsizetype cut2 = stream.isEmpty() ? 0 : qsizetype(quint8(data[2])) * stream.size() / 256;
    if (cut1 > cut2)
        std::swap(cut1, cut2);

    const Parsed whole = parse(limits, {stream});
    const Parsed cut = parse(limits, {stream.first(cut1), stream.sliced(cut1, cut2 - cut1), stream.sliced(cut2)});
    QList<QByteArrayView> bytes;
    if (data[0] & 2) {
        for (qsizetype i = 0; i < stream.size(); ++i)
            bytes.append(stream.sliced(i, 1));
    }
    const Parsed single = (data[0] & 2) ? parse(limits, bytes) : whole;

    for (const Parsed *other : {&cut, &single}) {
        if (other->errorStatus != whole.errorStatus)
            finding("refusal depends on how the stream was cut", data);
        if (other->requests.size() != whole.requests.size() || other->keepAlive != whole.keepAlive ||
            other->leftover != whole.leftover)
            finding("requests depend on how the stream was cut", data);
        for (qsizetype i = 0; i < whole.requests.size(); ++i) {
            if (!sameRequest(whole.requests[i], other->requests[i]))
                finding("a request depends on how the stream was cut", data);
        }
    }
    static const int statuses[] = {0, 400, 413, 417, 431, 501, 505};
    if (std::find(std::begin(statuses), std::end(statuses), whole.errorStatus) == std::end(statuses))
        finding("unexpected status", data);
    if (!whole.requests.isEmpty())
        ++fuzzInputsAccepted;
    for (const HttpRequest &r : whole.requests) {
        checkWellFormed(r, limits, data);
        ServerLimits roomy = limits;
        roomy.maxHeaderBytes = 1024 * 1024;
        const QByteArray again = serialize(r);
        const Parsed reparsed = parse(roomy, {again});
        if (reparsed.requests.size() != 1 || reparsed.errorStatus != 0 || reparsed.leftover != 0 ||
            !sameWithoutFraming(reparsed.requests.first(), r))
            finding("request written out again does not parse back the same", data);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
