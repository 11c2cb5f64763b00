// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "app/verifysignature.h"

#include "proxycore/security/responsesignature.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QUrl>

#include <cstdio>
#include <optional>

namespace llmproxy {

namespace {

constexpr int kValid = 0;
constexpr int kInvalid = 1;
constexpr int kUsage = 2;

int finish(int code, const QString &message)
{
    std::fputs(qPrintable(message), code == kValid ? stdout : stderr);
    std::fputc('\n', code == kValid ? stdout : stderr);
    return code;
}

/// A saved HTTP response split into lower-case headers and body.
struct SavedResponse
{
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (h.first == name)
                return h.second;
        }
        return {};
    }
};

/// The body of a `Transfer-Encoding: chunked` message; nullopt when it is not chunked validly.
std::optional<QByteArray> dechunk(const QByteArray &raw)
{
    QByteArray out;
    qsizetype at = 0;
    while (at < raw.size()) {
        const qsizetype lineEnd = raw.indexOf("\r\n", at);
        if (lineEnd < 0)
            return std::nullopt;
        bool ok = false;
        const qint64 size = raw.mid(at, lineEnd - at).split(';').first().trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0 || lineEnd + 2 + size > raw.size())
            return std::nullopt;
        if (size == 0)
            return out;
        out += raw.mid(lineEnd + 2, size);
        at = lineEnd + 2 + size + 2;
    }
    return std::nullopt;
}

SavedResponse splitHttp(const QByteArray &data)
{
    SavedResponse saved;
    if (!data.startsWith("HTTP/")) {
        saved.body = data;
        return saved;
    }
    qsizetype end = data.indexOf("\r\n\r\n");
    qsizetype bodyStart = end + 4;
    if (end < 0) {
        end = data.indexOf("\n\n");
        bodyStart = end < 0 ? data.size() : end + 2;
        if (end < 0)
            end = data.size();
    }
    const QList<QByteArray> lines = data.left(end).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            saved.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    saved.body = data.mid(bodyStart);
    if (saved.header("transfer-encoding").toLower().contains("chunked")) {
        if (const std::optional<QByteArray> body = dechunk(saved.body))
            saved.body = *body;
    }
    return saved;
}

std::optional<qint64> parseTime(const QString &text)
{
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds;
    return parseSignedAt(text.toLatin1());
}

} // namespace

int runVerifySignature(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Checks the signature of a response LLMProxy signed."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption body(QStringLiteral("body"),
                                  QStringLiteral("The response body alone (JSON or SSE text); signature values "
                                                 "come from the options or the stream's comment."),
                                  QStringLiteral("file"));
    const QCommandLineOption signature(QStringLiteral("signature"),
                                       QStringLiteral("The X-LLMProxy-Signature value (v1=<hex>)."),
                                       QStringLiteral("value"));
    const QCommandLineOption signedAt(QStringLiteral("signed-at"),
                                      QStringLiteral("The X-LLMProxy-Signed-At value (ISO 8601 UTC or Unix seconds)."),
                                      QStringLiteral("time"));
    const QCommandLineOption requestId(QStringLiteral("request-id"), QStringLiteral("The signed request id."),
                                       QStringLiteral("id"));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("The signed model."),
                                   QStringLiteral("model"));
    const QCommandLineOption keyEnv(QStringLiteral("key-env"),
                                    QStringLiteral("Environment variable holding the signing key (default "
                                                   "LLM_PROXY_SIGNING_KEY)."),
                                    QStringLiteral("name"));
    const QCommandLineOption maxAge(QStringLiteral("max-age"),
                                    QStringLiteral("Reject signatures older than this many seconds."),
                                    QStringLiteral("seconds"));
    parser.addOptions({help, body, signature, signedAt, requestId, model, keyEnv, maxAge});
    parser.addPositionalArgument(QStringLiteral("response"),
                                 QStringLiteral("A saved raw HTTP response (headers and body)."));
    const QString usage = QStringLiteral("usage: llmproxy verify-signature [options] <response file> | --body <file>");

    QStringList args = arguments;
    args.prepend(QStringLiteral("llmproxy"));
    if (!parser.parse(args))
        return finish(kUsage, QStringLiteral("llmproxy verify-signature: %1 (see --help)").arg(parser.errorText()));
    if (parser.isSet(help)) {
        // Without a Q*Application, Qt cannot know the program's name and writes a placeholder.
        std::fputs(qPrintable(parser.helpText().replace(QStringLiteral("<executable_name>"),
                                                        QStringLiteral("llmproxy verify-signature"))),
                   stdout);
        return kValid;
    }
    QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && positional.first() == QLatin1String("verify-signature"))
        positional.removeFirst();
    if (positional.size() + (parser.isSet(body) ? 1 : 0) != 1)
        return finish(kUsage, usage);

    const QString keyName = parser.isSet(keyEnv) ? parser.value(keyEnv) : QString::fromLatin1(SigningKeyVariable);
    const QByteArray key = signingKeyFromEnvironment(keyName.toLocal8Bit().constData());
    if (key.isEmpty())
        return finish(kUsage, QStringLiteral("llmproxy verify-signature: no key: %1 is not set").arg(keyName));
    qint64 maxAgeSeconds = 0;
    if (parser.isSet(maxAge)) {
        bool ok = false;
        maxAgeSeconds = parser.value(maxAge).toLongLong(&ok);
        if (!ok || maxAgeSeconds <= 0)
            return finish(kUsage, QStringLiteral("llmproxy verify-signature: --max-age must be a positive number"));
    }

    const QString path = parser.isSet(body) ? parser.value(body) : positional.first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return finish(kUsage,
                      QStringLiteral("llmproxy verify-signature: cannot read %1: %2").arg(path, file.errorString()));
    const SavedResponse saved = parser.isSet(body) ? SavedResponse{{}, file.readAll()} : splitHttp(file.readAll());

    // The signature: a stream's comment, else the headers; options override either.
    SignatureFields fields;
    QByteArray hex;
    bool haveTime = false;
    if (const std::optional<StreamSignature> s = findStreamSignature(saved.body)) {
        fields = s->fields;
        hex = s->signatureHex;
        haveTime = true;
    } else if (const std::optional<QByteArray> h = parseSignatureHeaderValue(saved.header(SignatureHeader))) {
        hex = *h;
        if (const std::optional<qint64> t = parseSignedAt(saved.header(SignedAtHeader))) {
            fields.signedAt = *t;
            haveTime = true;
        }
        const QByteArray id = saved.header(SignedRequestIdHeader);
        fields.requestId =
            QUrl::fromPercentEncoding(id.isEmpty() ? saved.header(QByteArrayLiteral("x-llmproxy-request-id")) : id);
        fields.model = QUrl::fromPercentEncoding(saved.header(SignedModelHeader));
    }
    if (parser.isSet(signature)) {
        const QByteArray value = parser.value(signature).toLatin1();
        hex = parseSignatureHeaderValue(value).value_or(value);
    }
    if (parser.isSet(signedAt)) {
        const std::optional<qint64> t = parseTime(parser.value(signedAt));
        if (!t)
            return finish(kUsage, QStringLiteral("llmproxy verify-signature: --signed-at must be ISO 8601 UTC "
                                                 "(2026-01-31T12:00:00Z) or Unix seconds"));
        fields.signedAt = *t;
        haveTime = true;
    }
    if (parser.isSet(requestId))
        fields.requestId = parser.value(requestId);
    if (parser.isSet(model))
        fields.model = parser.value(model);
    if (hex.isEmpty() || !haveTime)
        return finish(kInvalid, QStringLiteral("invalid: %1 carries no LLMProxy signature").arg(path));

    QString error;
    const std::optional<SignedAnswer> answer = decodeSavedAnswer(saved.body, &error);
    if (!answer)
        return finish(kInvalid, QStringLiteral("invalid: %1").arg(error));
    fields.answerDigest = answerDigest(*answer);
    const SignatureCheck check =
        verifyResponseSignature(key, fields, hex, QDateTime::currentSecsSinceEpoch(), maxAgeSeconds);
    if (check != SignatureCheck::Valid)
        return finish(kInvalid, QStringLiteral("invalid: %1").arg(describe(check)));
    return finish(kValid,
                  QStringLiteral("valid: request %1, model %2, signed %3")
                      .arg(fields.requestId, fields.model, QString::fromLatin1(formatSignedAt(fields.signedAt))));
}

} // namespace llmproxy
