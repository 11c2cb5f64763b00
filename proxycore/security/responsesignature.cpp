// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/responsesignature.h"

#include "proxycore/formats/codecs.h"
#include "proxycore/formats/ssedecoder.h"
#include "proxycore/util/sha256.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace llmproxy {

namespace {

void appendLength(QByteArray &out, quint32 n)
{
    out.append(char(n >> 24));
    out.append(char(n >> 16));
    out.append(char(n >> 8));
    out.append(char(n));
}

void appendField(QByteArray &out, QByteArrayView field)
{
    appendLength(out, quint32(field.size()));
    out.append(field);
}

bool isLowerHex(QByteArrayView text)
{
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

/// The signed parts of a canonical response.
SignedAnswer answerOf(const canonical::Response &response)
{
    SignedAnswer answer;
    for (const canonical::ContentPart &part : response.content) {
        if (part.kind == canonical::PartKind::Text)
            answer.text += part.text;
        else if (part.kind == canonical::PartKind::ToolCall)
            answer.toolCalls.append({part.toolName, part.arguments});
    }
    return answer;
}

/// The signed parts of a stream's canonical events; an error when the stream failed.
std::optional<SignedAnswer> answerOf(const QList<canonical::StreamEvent> &events, QString *error)
{
    SignedAnswer answer;
    bool stopped = false;
    bool toolOpen = false;
    for (const canonical::StreamEvent &e : events) {
        switch (e.type) {
        case canonical::StreamEvent::Type::BlockStart:
            toolOpen = e.blockKind == canonical::BlockKind::ToolCall;
            if (toolOpen)
                answer.toolCalls.append({e.toolName, {}});
            break;
        case canonical::StreamEvent::Type::BlockDelta:
            if (e.deltaKind == canonical::DeltaKind::Text)
                answer.text += e.text;
            else if (e.deltaKind == canonical::DeltaKind::ToolArguments && toolOpen)
                answer.toolCalls.last().arguments += e.text;
            break;
        case canonical::StreamEvent::Type::BlockStop:
            toolOpen = false;
            break;
        case canonical::StreamEvent::Type::MessageStop:
            stopped = true;
            break;
        case canonical::StreamEvent::Type::Error:
            *error = QStringLiteral("the saved stream ends with an error: %1").arg(e.error.message);
            return std::nullopt;
        default:
            break;
        }
    }
    if (!stopped) {
        *error = QStringLiteral("the saved stream is incomplete");
        return std::nullopt;
    }
    return answer;
}

/// The signed parts of an OpenAI Responses response object (`output` items).
SignedAnswer answerOfResponsesObject(const QJsonObject &response)
{
    SignedAnswer answer;
    const QJsonArray output = response.value(QLatin1String("output")).toArray();
    for (const QJsonValue &value : output) {
        const QJsonObject item = value.toObject();
        const QString type = item.value(QLatin1String("type")).toString();
        if (type == QLatin1String("message")) {
            const QJsonArray content = item.value(QLatin1String("content")).toArray();
            for (const QJsonValue &partValue : content) {
                const QJsonObject part = partValue.toObject();
                const QString partType = part.value(QLatin1String("type")).toString();
                if (partType == QLatin1String("output_text"))
                    answer.text += part.value(QLatin1String("text")).toString();
                else if (partType == QLatin1String("refusal"))
                    answer.text += part.value(QLatin1String("refusal")).toString();
            }
        } else if (type == QLatin1String("function_call")) {
            answer.toolCalls.append(
                {item.value(QLatin1String("name")).toString(), item.value(QLatin1String("arguments")).toString()});
        } else if (type == QLatin1String("custom_tool_call")) {
            // The gateway sends the `input` member of the canonical arguments object as is.
            const QJsonObject arguments{{QStringLiteral("input"), item.value(QLatin1String("input"))}};
            answer.toolCalls.append({item.value(QLatin1String("name")).toString(),
                                     QString::fromUtf8(QJsonDocument(arguments).toJson(QJsonDocument::Compact))});
        }
    }
    return answer;
}

bool looksLikeSse(const QByteArray &body)
{
    const QByteArray start = body.left(64).trimmed();
    return start.startsWith("event:") || start.startsWith("data:") || start.startsWith(':') || start.startsWith("id:");
}

std::optional<SignedAnswer> decodeSavedStream(const QByteArray &body, QString *error)
{
    SseDecoder sse;
    QList<SseEvent> events = sse.feed(body);
    events += sse.finish();
    if (sse.overflowed() || events.isEmpty()) {
        *error = QStringLiteral("the saved stream has no events");
        return std::nullopt;
    }
    bool anthropic = false;
    bool responses = false;
    for (const SseEvent &e : std::as_const(events)) {
        anthropic = anthropic || e.event == "message_start";
        responses = responses || e.event.startsWith("response.");
    }
    if (responses) {
        // The terminal event carries the whole response object.
        for (qsizetype i = events.size() - 1; i >= 0; --i) {
            const SseEvent &e = events.at(i);
            if (e.event == "response.completed" || e.event == "response.incomplete")
                return answerOfResponsesObject(
                    QJsonDocument::fromJson(e.data).object().value(QLatin1String("response")).toObject());
            if (e.event == "response.failed") {
                *error = QStringLiteral("the saved stream ends with response.failed");
                return std::nullopt;
            }
        }
        *error = QStringLiteral("the saved Responses stream has no terminal event");
        return std::nullopt;
    }
    const std::unique_ptr<formats::StreamDecoder> decoder =
        formats::makeStreamDecoder(anthropic ? formats::ApiFormat::AnthropicMessages : formats::ApiFormat::OpenAiChat);
    QList<canonical::StreamEvent> canonicalEvents = decoder->feed(body);
    canonicalEvents += decoder->finish();
    return answerOf(canonicalEvents, error);
}

} // namespace

QString canonicalToolArguments(QStringView arguments)
{
    if (arguments.trimmed().isEmpty())
        return QStringLiteral("{}");
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(arguments.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.isNull())
        return arguments.toString();
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

QByteArray answerDigest(const SignedAnswer &answer)
{
    QByteArray data = QByteArrayLiteral("llmproxy-answer-v1");
    appendField(data, answer.text.toUtf8());
    appendLength(data, quint32(answer.toolCalls.size()));
    for (const SignedAnswer::ToolCall &call : answer.toolCalls) {
        appendField(data, call.name.toUtf8());
        appendField(data, canonicalToolArguments(call.arguments).toUtf8());
    }
    return sha256(data);
}

QByteArray signatureMessage(const SignatureFields &fields)
{
    QByteArray message = QByteArrayLiteral("llmproxy-response-signature");
    appendField(message, SignatureVersion);
    appendField(message, QByteArray::number(fields.signedAt));
    appendField(message, fields.requestId.toUtf8());
    appendField(message, fields.model.toUtf8());
    appendField(message, fields.answerDigest);
    return message;
}

QByteArray signResponse(QByteArrayView key, const SignatureFields &fields)
{
    if (key.isEmpty())
        return {};
    const QByteArray message = signatureMessage(fields);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.data(), int(key.size()), reinterpret_cast<const unsigned char *>(message.constData()),
              size_t(message.size()), mac, &length))
        return {};
    return QByteArray(reinterpret_cast<const char *>(mac), int(length)).toHex();
}

QString describe(SignatureCheck check)
{
    switch (check) {
    case SignatureCheck::Valid:
        return QStringLiteral("signature valid");
    case SignatureCheck::Mismatch:
        return QStringLiteral("signature does not match the response");
    case SignatureCheck::Expired:
        return QStringLiteral("signature is older than the allowed age");
    case SignatureCheck::FromFuture:
        return QStringLiteral("signature time is in the future");
    case SignatureCheck::Malformed:
        break;
    }
    return QStringLiteral("signature or key is malformed");
}

SignatureCheck verifyResponseSignature(QByteArrayView key, const SignatureFields &fields, QByteArrayView signatureHex,
                                       qint64 nowSeconds, qint64 maxAgeSeconds, qint64 clockSkewSeconds)
{
    const QByteArray given = signatureHex.toByteArray().toLower();
    if (key.isEmpty() || given.size() != 2 * Sha256Size || !isLowerHex(given))
        return SignatureCheck::Malformed;
    const QByteArray expected = signResponse(key, fields);
    if (expected.size() != given.size() ||
        CRYPTO_memcmp(expected.constData(), given.constData(), size_t(given.size())) != 0)
        return SignatureCheck::Mismatch;
    if (maxAgeSeconds > 0) {
        if (fields.signedAt > nowSeconds + clockSkewSeconds)
            return SignatureCheck::FromFuture;
        if (nowSeconds - fields.signedAt > maxAgeSeconds)
            return SignatureCheck::Expired;
    }
    return SignatureCheck::Valid;
}

QByteArray formatSignedAt(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate).toLatin1();
}

std::optional<qint64> parseSignedAt(QByteArrayView text)
{
    if (text.size() != 20 || text.back() != 'Z')
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    const qint64 seconds = t.toSecsSinceEpoch();
    if (formatSignedAt(seconds) != text)
        return std::nullopt;
    return seconds;
}

QByteArray signatureHeaderValue(QByteArrayView signatureHex)
{
    return QByteArray(SignatureVersion) + '=' + signatureHex;
}

std::optional<QByteArray> parseSignatureHeaderValue(QByteArrayView value)
{
    value = value.trimmed();
    const QByteArray prefix = QByteArray(SignatureVersion) + '=';
    if (!value.startsWith(prefix))
        return std::nullopt;
    return value.sliced(prefix.size()).toByteArray();
}

QByteArray streamSignatureComment(const SignatureFields &fields, QByteArrayView signatureHex)
{
    return QByteArrayLiteral("llmproxy-signature ") + SignatureVersion + " t=" + formatSignedAt(fields.signedAt) +
           " id=" + QUrl::toPercentEncoding(fields.requestId) + " model=" + QUrl::toPercentEncoding(fields.model) +
           " sig=" + signatureHex;
}

std::optional<StreamSignature> parseStreamSignatureComment(QByteArrayView line)
{
    line = line.trimmed();
    if (line.startsWith(':'))
        line = line.sliced(1).trimmed();
    const QList<QByteArray> words = line.toByteArray().split(' ');
    if (words.size() != 6 || words.at(0) != "llmproxy-signature" || words.at(1) != SignatureVersion)
        return std::nullopt;
    StreamSignature s;
    bool haveTime = false;
    for (qsizetype i = 2; i < words.size(); ++i) {
        const QByteArray &w = words.at(i);
        if (w.startsWith("t=")) {
            const std::optional<qint64> t = parseSignedAt(w.sliced(2));
            if (!t)
                return std::nullopt;
            s.fields.signedAt = *t;
            haveTime = true;
        } else if (w.startsWith("id=")) {
            s.fields.requestId = QUrl::fromPercentEncoding(w.sliced(3));
        } else if (w.startsWith("model=")) {
            s.fields.model = QUrl::fromPercentEncoding(w.sliced(6));
        } else if (w.startsWith("sig=")) {
            s.signatureHex = w.sliced(4);
        } else {
            return std::nullopt;
        }
    }
    if (!haveTime || s.signatureHex.isEmpty())
        return std::nullopt;
    return s;
}

std::optional<StreamSignature> findStreamSignature(QByteArrayView body)
{
    std::optional<StreamSignature> found;
    qsizetype at = 0;
    while (at < body.size()) {
        qsizetype end = body.indexOf('\n', at);
        if (end < 0)
            end = body.size();
        const QByteArrayView line = body.sliced(at, end - at);
        if (line.startsWith(": llmproxy-signature ") || line.startsWith(":llmproxy-signature ")) {
            if (auto parsed = parseStreamSignatureComment(line))
                found = std::move(parsed);
        }
        at = end + 1;
    }
    return found;
}

std::optional<SignedAnswer> decodeSavedAnswer(const QByteArray &body, QString *error)
{
    if (looksLikeSse(body))
        return decodeSavedStream(body, error);
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (object.isEmpty()) {
        *error = QStringLiteral("the saved body is neither JSON nor an SSE stream");
        return std::nullopt;
    }
    if (object.value(QLatin1String("object")).toString() == QLatin1String("response"))
        return answerOfResponsesObject(object);
    const formats::ApiFormat format = object.value(QLatin1String("type")).toString() == QLatin1String("message")
                                          ? formats::ApiFormat::AnthropicMessages
                                          : formats::ApiFormat::OpenAiChat;
    canonical::Error parseError;
    const std::optional<canonical::Response> response = formats::parseResponse(format, body, &parseError);
    if (!response) {
        *error = QStringLiteral("the saved body is not a response the gateway writes: %1").arg(parseError.message);
        return std::nullopt;
    }
    return answerOf(*response);
}

QByteArray signingKeyFromEnvironment(const char *name)
{
    return qgetenv(name);
}

} // namespace llmproxy
