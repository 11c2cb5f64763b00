// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Fuzz target: every wire format's parsers on the response path, through the same entry points the
// proxy uses (proxycore/formats/codecs.h). The first byte chooses the format and what to run, the
// second where a stream is cut; the rest is the upstream's (or, for requests, the client's) body.
//   upstream (OpenAI Chat, Anthropic Messages, Gemini, Ollama): parseResponse, parseError and the
//   stream decoder; what they yield is handed to every client format's emitters and stream encoders.
//   client (OpenAI Chat, Responses, Anthropic Messages): parseRequest, then every upstream emitter.
// Checks: the stream decoder gives the same events whether the body comes in one piece or in two,
// and keeps the canonical event contract (MessageStart first, blocks numbered from 0 that open and
// close in sequence, exactly one terminal event, last); encoders end finished and write an event
// stream of JSON payloads; every emitted body is a JSON object; every error maps to a 4xx/5xx status.
#include "proxycore/formats/anthropicmessages.h"
#include "proxycore/formats/codecs.h"
#include "proxycore/formats/gemini.h"
#include "proxycore/formats/ollamachat.h"
#include "proxycore/formats/openaichat.h"
#include "proxycore/formats/ssedecoder.h"

#include <QJsonDocument>

#include <cstdio>
#include <cstdlib>

using namespace llmproxy;
using namespace llmproxy::formats;
using canonical::StreamEvent;

/// Inputs a parser accepted, or that streamed more than a terminal event (the standalone driver's summary).
long fuzzInputsAccepted = 0;

namespace {

const ApiFormat kUpstreams[] = {ApiFormat::OpenAiChat, ApiFormat::AnthropicMessages, ApiFormat::Gemini,
                                ApiFormat::OllamaChat};
const ApiFormat kClients[] = {ApiFormat::OpenAiChat, ApiFormat::OpenAiResponses, ApiFormat::AnthropicMessages};

[[noreturn]] void finding(const char *what, QByteArrayView input)
{
    std::fprintf(stderr, "formats: %s\ninput: %s\n", what,
                 input.toByteArray().toPercentEncoding(" {}[]\":,").constData());
    std::abort();
}

bool isJsonObject(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError && doc.isObject();
}

void checkStatus(int status, QByteArrayView input)
{
    if (status < 400 || status > 599)
        finding("error status outside 4xx/5xx", input);
}

/// The events as one line each (type, index), printed with a contract finding.
void printEvents(const QList<StreamEvent> &events)
{
    static const char *const names[] = {"MessageStart", "BlockStart",  "BlockDelta", "BlockStop",
                                        "MessageDelta", "MessageStop", "Error",      "Ping"};
    for (const StreamEvent &e : events)
        std::fprintf(stderr, "  %s %d %s\n", names[int(e.type)], e.index, qPrintable(e.error.message));
}

/// The canonical stream contract (canonical.h, StreamEvent; formatsupport.h, EventStream).
void checkContract(const QList<StreamEvent> &events, QByteArrayView input)
{
    const auto finding = [&events](const char *what, QByteArrayView in) {
        printEvents(events);
        ::finding(what, in);
    };
    if (events.isEmpty())
        finding("stream without a terminal event", input);
    bool started = false;
    int open = -1;
    int nextIndex = 0;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const StreamEvent &e = events[i];
        const bool last = i == events.size() - 1;
        switch (e.type) {
        case StreamEvent::Type::MessageStart:
            if (i != 0)
                finding("MessageStart not first", input);
            started = true;
            break;
        case StreamEvent::Type::BlockStart:
            if (!started || open >= 0 || e.index != nextIndex)
                finding("BlockStart out of sequence", input);
            open = nextIndex++;
            break;
        case StreamEvent::Type::BlockDelta:
            if (e.index != open)
                finding("BlockDelta outside its block", input);
            break;
        case StreamEvent::Type::BlockStop:
            if (e.index != open)
                finding("BlockStop of a block that is not open", input);
            open = -1;
            break;
        case StreamEvent::Type::MessageDelta:
            if (!started || open >= 0)
                finding("MessageDelta before MessageStart or inside a block", input);
            break;
        case StreamEvent::Type::Ping:
            if (!started)
                finding("event before MessageStart", input);
            break;
        case StreamEvent::Type::MessageStop:
            if (!started || open >= 0)
                finding("MessageStop before MessageStart or inside a block", input);
            [[fallthrough]];
        case StreamEvent::Type::Error:
            if (!last)
                finding("events after the terminal event", input);
            if (e.type == StreamEvent::Type::Error)
                checkStatus(e.error.status, input);
            break;
        }
    }
    const StreamEvent::Type lastType = events.last().type;
    if (lastType != StreamEvent::Type::MessageStop && lastType != StreamEvent::Type::Error)
        finding("stream does not end with a terminal event", input);
}

/// Ids a decoder makes up (upstreams that send none) are random: two decodings agree when their ids
/// are equal or both made up the same way (same prefix and length).
bool sameId(const QString &a, const QString &b)
{
    return a == b || (a.size() == b.size() && a.section(u'_', 0, 0) == b.section(u'_', 0, 0));
}

bool sameEvents(const QList<StreamEvent> &a, const QList<StreamEvent> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        StreamEvent other = b[i];
        if (!sameId(a[i].id, other.id) || !sameId(a[i].toolCallId, other.toolCallId))
            return false;
        other.id = a[i].id;
        other.toolCallId = a[i].toolCallId;
        if (!(a[i] == other))
            return false;
    }
    return true;
}

QList<StreamEvent> decodeStream(ApiFormat upstream, const QList<QByteArrayView> &pieces)
{
    const std::unique_ptr<StreamDecoder> decoder = makeStreamDecoder(upstream);
    QList<StreamEvent> events;
    for (QByteArrayView piece : pieces)
        events += decoder->feed(piece);
    events += decoder->finish();
    return events;
}

/// Every client encoder over `events`: finished at the end, output an event stream whose payloads
/// are JSON (or OpenAI's [DONE]).
void checkEncoders(const QList<StreamEvent> &events, QByteArrayView input)
{
    for (ApiFormat client : kClients) {
        const std::unique_ptr<StreamEncoder> encoder = makeStreamEncoder(client, ClientOptions{});
        QByteArray out = encoder->encode(events);
        out += encoder->finish();
        if (!encoder->isFinished())
            finding("encoder not finished after finish()", input);
        SseDecoder sse;
        QList<SseEvent> written = sse.feed(out);
        written += sse.finish();
        if (sse.overflowed() || written.isEmpty())
            finding("encoder wrote no event stream", input);
        for (const SseEvent &e : std::as_const(written)) {
            if (e.data != "[DONE]" && !isJsonObject(e.data))
                finding("encoder wrote an event whose data is not a JSON object", input);
        }
    }
}

void checkUpstream(ApiFormat upstream, QByteArrayView data, QByteArrayView body, quint8 cutByte)
{
    const QByteArray bytes = body.toByteArray();
    canonical::Error error;
    if (const std::optional<canonical::Response> response = parseResponse(upstream, bytes, &error)) {
        ++fuzzInputsAccepted;
        for (ApiFormat client : kClients) {
            if (!isJsonObject(emitResponse(client, *response, ClientOptions{})))
                finding("emitted response is not a JSON object", data);
        }
    } else {
        checkStatus(error.status, data);
    }
    const canonical::Error upstreamError = parseError(upstream, 400 + cutByte % 200, bytes);
    checkStatus(upstreamError.status, data);
    for (ApiFormat client : kClients) {
        checkStatus(httpStatus(client, upstreamError), data);
        if (!isJsonObject(emitError(client, upstreamError)))
            finding("emitted error is not a JSON object", data);
    }

    const QList<StreamEvent> whole = decodeStream(upstream, {body});
    const qsizetype cut = qsizetype(cutByte) * body.size() / 256;
    if (!sameEvents(whole, decodeStream(upstream, {body.first(cut), body.sliced(cut)})))
        finding("stream events depend on how the body was cut", data);
    checkContract(whole, data);
    if (whole.size() > 1)
        ++fuzzInputsAccepted;
    checkEncoders(whole, data);
}

void checkClient(ApiFormat client, QByteArrayView data, QByteArrayView body)
{
    canonical::Error error;
    const std::optional<canonical::Request> request = parseRequest(client, body.toByteArray(), &error);
    if (!request) {
        checkStatus(error.status, data);
        return;
    }
    ++fuzzInputsAccepted;
    if (!isJsonObject(openaichat::emitRequest(*request)) || !isJsonObject(anthropicmessages::emitRequest(*request)) ||
        !isJsonObject(gemini::emitRequest(*request)) || !isJsonObject(ollamachat::emitRequest(*request)))
        finding("emitted request is not a JSON object", data);
}

void check(QByteArrayView data)
{
    if (data.size() < 2)
        return;
    const quint8 selector = quint8(data[0]) % 7;
    const QByteArrayView body = data.sliced(2);
    if (selector < 4)
        checkUpstream(kUpstreams[selector], data, body, quint8(data[1]));
    else
        checkClient(kClients[selector - 4], data, body);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
