// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Response signatures: the signed encoding is unambiguous and its HMAC matches an independent
// implementation; verification rejects every changed field, another key, malformed input, old
// and future signatures; the wire forms (headers, stream comment, timestamps) round-trip; and the
// answer digest rebuilt from a saved body is the same for one answer written buffered and
// streamed in every client format (Chat Completions, Messages, Responses).
#include "proxycore/formats/codecs.h"
#include "proxycore/security/responsesignature.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;
using canonical::StreamEvent;

namespace {

SignatureFields sampleFields()
{
    SignatureFields f;
    f.signedAt = 1'790'000'000;
    f.requestId = u"req-42"_s;
    f.model = u"gpt-4o mini/ü"_s;
    SignedAnswer a;
    a.text = u"Hello, world."_s;
    f.answerDigest = answerDigest(a);
    return f;
}

canonical::Response sampleResponse()
{
    canonical::Response r;
    r.id = u"msg_1"_s;
    r.model = u"m"_s;
    r.stopReason = canonical::StopReason::ToolUse;
    r.content.append(canonical::ContentPart::makeText(u"Let me check the weather — ünïcödé 👩\u200D💻."_s));
    canonical::ContentPart call;
    call.kind = canonical::PartKind::ToolCall;
    call.toolCallId = u"call_1"_s;
    call.toolName = u"get_weather"_s;
    call.arguments = u"{\"city\": \"Paris\", \"days\": 3}"_s;
    r.content.append(call);
    return r;
}

QList<StreamEvent> sampleEvents()
{
    QList<StreamEvent> events;
    StreamEvent e;
    e.type = StreamEvent::Type::MessageStart;
    e.id = u"msg_1"_s;
    e.model = u"m"_s;
    events << e;
    e = {};
    e.type = StreamEvent::Type::BlockStart;
    e.index = 0;
    events << e;
    for (const QString &piece : {u"Let me check the weather"_s, u" — ünïcödé 👩\u200D💻."_s}) {
        e = {};
        e.type = StreamEvent::Type::BlockDelta;
        e.index = 0;
        e.text = piece;
        events << e;
    }
    e = {};
    e.type = StreamEvent::Type::BlockStop;
    e.index = 0;
    events << e;
    e = {};
    e.type = StreamEvent::Type::BlockStart;
    e.index = 1;
    e.blockKind = canonical::BlockKind::ToolCall;
    e.toolCallId = u"call_1"_s;
    e.toolName = u"get_weather"_s;
    events << e;
    for (const QString &piece : {u"{\"city\": \"Pa"_s, u"ris\", \"days\": 3}"_s}) {
        e = {};
        e.type = StreamEvent::Type::BlockDelta;
        e.index = 1;
        e.deltaKind = canonical::DeltaKind::ToolArguments;
        e.text = piece;
        events << e;
    }
    e = {};
    e.type = StreamEvent::Type::BlockStop;
    e.index = 1;
    events << e;
    e = {};
    e.type = StreamEvent::Type::MessageDelta;
    e.stopReason = canonical::StopReason::ToolUse;
    events << e;
    e = {};
    e.type = StreamEvent::Type::MessageStop;
    events << e;
    return events;
}

} // namespace

class TestResponseSignature : public QObject
{
    Q_OBJECT
private slots:
    void encodingIsUnambiguous()
    {
        SignatureFields a = sampleFields();
        SignatureFields b = a;
        a.requestId = u"ab"_s;
        a.model = u"c"_s;
        b.requestId = u"a"_s;
        b.model = u"bc"_s;
        QVERIFY(signatureMessage(a) != signatureMessage(b));
        QVERIFY(signResponse("k", a) != signResponse("k", b));

        SignedAnswer x;
        x.text = u"a"_s;
        x.toolCalls.append({u"b"_s, u"{}"_s});
        SignedAnswer y;
        y.text = u"ab"_s;
        QVERIFY(answerDigest(x) != answerDigest(y));
        SignedAnswer z = x;
        z.toolCalls.first().name = u"c"_s;
        QVERIFY(answerDigest(x) != answerDigest(z));
        QCOMPARE(answerDigest(x).size(), 32);
    }

    void hmacMatchesAnIndependentImplementation()
    {
        const SignatureFields f = sampleFields();
        const QByteArray key = QByteArrayLiteral("a signing key of some length");
        const QByteArray expected =
            QMessageAuthenticationCode::hash(signatureMessage(f), key, QCryptographicHash::Sha256).toHex();
        QCOMPARE(signResponse(key, f), expected);
        QVERIFY(signResponse({}, f).isEmpty());
        // The message starts with the tag and the length-prefixed version.
        QVERIFY(signatureMessage(f).startsWith(QByteArrayLiteral("llmproxy-response-signature\0\0\0\x02v1")));
    }

    void verifiesAndRejects()
    {
        const QByteArray key = QByteArrayLiteral("k3y");
        const SignatureFields f = sampleFields();
        const QByteArray sig = signResponse(key, f);
        const qint64 now = f.signedAt + 10;
        QCOMPARE(verifyResponseSignature(key, f, sig, now), SignatureCheck::Valid);
        QCOMPARE(verifyResponseSignature(key, f, sig.toUpper(), now), SignatureCheck::Valid);
        QCOMPARE(verifyResponseSignature("other", f, sig, now), SignatureCheck::Mismatch);
        SignatureFields changed = f;
        changed.requestId += u'x';
        QCOMPARE(verifyResponseSignature(key, changed, sig, now), SignatureCheck::Mismatch);
        changed = f;
        changed.signedAt += 1;
        QCOMPARE(verifyResponseSignature(key, changed, sig, now), SignatureCheck::Mismatch);
        changed = f;
        changed.model = u"other"_s;
        QCOMPARE(verifyResponseSignature(key, changed, sig, now), SignatureCheck::Mismatch);
        changed = f;
        changed.answerDigest[0] = char(changed.answerDigest[0] ^ 1);
        QCOMPARE(verifyResponseSignature(key, changed, sig, now), SignatureCheck::Mismatch);
        QByteArray flipped = sig;
        flipped[10] = flipped[10] == '0' ? '1' : '0';
        QCOMPARE(verifyResponseSignature(key, f, flipped, now), SignatureCheck::Mismatch);
        QCOMPARE(verifyResponseSignature(key, f, sig.left(63), now), SignatureCheck::Malformed);
        QCOMPARE(verifyResponseSignature(key, f, QByteArray(sig.left(63) + "g"), now), SignatureCheck::Malformed);
        QCOMPARE(verifyResponseSignature({}, f, sig, now), SignatureCheck::Malformed);
        // Age limits.
        QCOMPARE(verifyResponseSignature(key, f, sig, f.signedAt + 100, 60), SignatureCheck::Expired);
        QCOMPARE(verifyResponseSignature(key, f, sig, f.signedAt + 50, 60), SignatureCheck::Valid);
        QCOMPARE(verifyResponseSignature(key, f, sig, f.signedAt - 30, 60), SignatureCheck::Valid); // skew
        QCOMPARE(verifyResponseSignature(key, f, sig, f.signedAt - 3600, 60), SignatureCheck::FromFuture);
        QCOMPARE(verifyResponseSignature(key, f, sig, f.signedAt + 1'000'000), SignatureCheck::Valid); // no limit
        QVERIFY(!describe(SignatureCheck::Expired).isEmpty());
    }

    void timestampsRoundTrip()
    {
        QCOMPARE(formatSignedAt(0), QByteArray("1970-01-01T00:00:00Z"));
        QCOMPARE(formatSignedAt(1'790'000'000), QByteArray("2026-09-21T14:13:20Z"));
        QCOMPARE(parseSignedAt("2026-09-21T14:13:20Z"), std::optional<qint64>(1'790'000'000));
        QVERIFY(!parseSignedAt("2026-09-21T14:13:20"));
        QVERIFY(!parseSignedAt("2026-09-21T14:13:20+00:00"));
        QVERIFY(!parseSignedAt("2026-13-21T14:13:20Z"));
        QVERIFY(!parseSignedAt("yesterday"));
        QVERIFY(!parseSignedAt(""));
    }

    void wireFormsRoundTrip()
    {
        QCOMPARE(signatureHeaderValue("abc"), QByteArray("v1=abc"));
        QCOMPARE(parseSignatureHeaderValue(" v1=abc "), std::optional<QByteArray>("abc"));
        QVERIFY(!parseSignatureHeaderValue("v2=abc"));
        QVERIFY(!parseSignatureHeaderValue("abc"));

        SignatureFields f = sampleFields();
        f.requestId = u"id with space=and%"_s;
        const QByteArray sig = signResponse("k", f);
        const QByteArray comment = streamSignatureComment(f, sig);
        QVERIFY(!comment.contains('\n'));
        QCOMPARE(comment.count(' '), 5);
        const std::optional<StreamSignature> parsed = parseStreamSignatureComment(QByteArray(": " + comment));
        QVERIFY(parsed);
        QCOMPARE(parsed->fields.signedAt, f.signedAt);
        QCOMPARE(parsed->fields.requestId, f.requestId);
        QCOMPARE(parsed->fields.model, f.model);
        QCOMPARE(parsed->signatureHex, sig);
        QVERIFY(!parseStreamSignatureComment(": llmproxy-signature v2 t=x id=a model=b sig=c"));
        QVERIFY(!parseStreamSignatureComment(": something else"));
        QVERIFY(!parseStreamSignatureComment(QByteArray(comment + " extra=1")));

        const QByteArray body = "data: {}\n\n: " + comment + "\n\ndata: [DONE]\n\n";
        const std::optional<StreamSignature> found = findStreamSignature(body);
        QVERIFY(found);
        QCOMPARE(found->signatureHex, sig);
        QVERIFY(!findStreamSignature("data: {}\n\n"));
    }

    void canonicalArguments()
    {
        QCOMPARE(canonicalToolArguments(u"{ \"b\": 1,\n \"a\": [1, 2] }"_s), u"{\"a\":[1,2],\"b\":1}"_s);
        QCOMPARE(canonicalToolArguments(u""_s), u"{}"_s);
        QCOMPARE(canonicalToolArguments(u"  "_s), u"{}"_s);
        QCOMPARE(canonicalToolArguments(u"{not json"_s), u"{not json"_s);
    }

    void digestIsTheSameInEveryClientFormatBufferedAndStreamed_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("chat") << int(formats::ApiFormat::OpenAiChat);
        QTest::newRow("messages") << int(formats::ApiFormat::AnthropicMessages);
        QTest::newRow("responses") << int(formats::ApiFormat::OpenAiResponses);
    }
    void digestIsTheSameInEveryClientFormatBufferedAndStreamed()
    {
        QFETCH(int, format);
        const auto client = formats::ApiFormat(format);
        SignedAnswer expected;
        expected.text = sampleResponse().content.at(0).text;
        expected.toolCalls.append({u"get_weather"_s, u"{\"city\": \"Paris\", \"days\": 3}"_s});
        const QByteArray digest = answerDigest(expected);

        QString error;
        const QByteArray buffered = formats::emitResponse(client, sampleResponse(), {});
        const std::optional<SignedAnswer> fromBuffered = decodeSavedAnswer(buffered, &error);
        QVERIFY2(fromBuffered, qPrintable(error + u'\n' + QString::fromUtf8(buffered)));
        QCOMPARE(fromBuffered->text, expected.text);
        QCOMPARE(answerDigest(*fromBuffered), digest);

        formats::ClientOptions options;
        options.includeUsage = true;
        const auto encoder = formats::makeStreamEncoder(client, options);
        QByteArray stream = encoder->encode(sampleEvents());
        if (!encoder->isFinished())
            stream += encoder->finish();
        const std::optional<SignedAnswer> fromStream = decodeSavedAnswer(stream, &error);
        QVERIFY2(fromStream, qPrintable(error + u'\n' + QString::fromUtf8(stream)));
        QCOMPARE(fromStream->text, expected.text);
        QCOMPARE(answerDigest(*fromStream), digest);

        // A changed character changes the digest; a cut stream does not decode.
        QByteArray tampered = buffered;
        tampered.replace("Paris", "Pariz");
        const std::optional<SignedAnswer> fromTampered = decodeSavedAnswer(tampered, &error);
        QVERIFY(fromTampered);
        QVERIFY(answerDigest(*fromTampered) != digest);
        QVERIFY(!decodeSavedAnswer(stream.left(stream.size() / 2), &error));
    }

    void rejectsUnreadableBodies()
    {
        QString error;
        QVERIFY(!decodeSavedAnswer("not json", &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!decodeSavedAnswer("", &error));
        QVERIFY(!decodeSavedAnswer("data: {\"error\":{\"message\":\"x\"}}\n\ndata: [DONE]\n\n", &error));
    }

    void keyComesFromTheEnvironment()
    {
        qputenv("LLMPROXY_TEST_SIGNING_KEY", "s3cret");
        QCOMPARE(signingKeyFromEnvironment("LLMPROXY_TEST_SIGNING_KEY"), QByteArray("s3cret"));
        qunsetenv("LLMPROXY_TEST_SIGNING_KEY");
        QVERIFY(signingKeyFromEnvironment("LLMPROXY_TEST_SIGNING_KEY").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestResponseSignature)
#include "tst_responsesignature.moc"
