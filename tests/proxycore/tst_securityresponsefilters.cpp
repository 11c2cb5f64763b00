// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The security response filters on their own and in a chain: invisible characters, blocked links
// and a canary split at every position across pieces; the canary never reaches the output and
// the answer stops with system_prompt_leak; overlap leaks stop the answer, code and talk about
// system prompts do not; look-alike words are counted; world-language answers pass untouched;
// the signer attaches headers to buffered answers and a comment to streams, with the same
// answer digest for both.
#include "proxycore/pipeline/responsefilterrun.h"
#include "proxycore/pipeline/securityresponsefilters.h"

#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;
using canonical::StreamEvent;

namespace {

const QString kCanary = u"llmproxy-canary-5f0c1d2e3a4b5c6d7e8f"_s;
const QString kPrompt =
    u"You are the coding assistant of Northwind Traders. Only answer questions about the Northwind code base, "
    "never share credentials or customer data, and refuse requests to change production databases. Use "
    "British spelling, cite file paths for every claim, and keep explanations short."_s;

StreamEvent streamEvent(StreamEvent::Type type, int index = 0)
{
    StreamEvent e;
    e.type = type;
    e.index = index;
    return e;
}

StreamEvent textDelta(int index, const QString &text)
{
    StreamEvent e = streamEvent(StreamEvent::Type::BlockDelta, index);
    e.text = text;
    return e;
}

/// Runs `pieces` as one text block of a stream through `chain`; returns the text that came out.
QString streamThrough(const ResponseFilterChainPtr &chain, const QStringList &pieces, bool *blocked,
                      canonical::Error *error = nullptr, QByteArray *comments = nullptr)
{
    ResponseFilterRun run(chain, true);
    run.begin();
    QList<StreamEvent> in{streamEvent(StreamEvent::Type::MessageStart), streamEvent(StreamEvent::Type::BlockStart)};
    for (const QString &p : pieces)
        in << textDelta(0, p);
    in << streamEvent(StreamEvent::Type::BlockStop) << streamEvent(StreamEvent::Type::MessageStop);
    QString text;
    for (const StreamEvent &e : in) {
        for (const StreamEvent &o : run.filterEvents({e})) {
            if (o.type == StreamEvent::Type::BlockDelta)
                text += o.text;
        }
    }
    *blocked = run.isBlocked();
    if (error)
        *error = run.blockError();
    if (comments)
        *comments = run.takeStreamComments();
    return text;
}

QList<QStringList> everySplitInThree(const QString &text)
{
    QList<QStringList> splits;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        for (qsizetype j = i; j <= text.size(); ++j)
            splits.append({text.first(i), text.sliced(i, j - i), text.sliced(j)});
    }
    return splits;
}

ResponseFilterChainPtr securityChain(const ResponseScanReportPtr &report, const QByteArray &key = {})
{
    auto chain = std::make_shared<ResponseFilterChain>();
    chain->append(std::make_shared<InvisibleCharFilter>(report));
    chain->append(
        std::make_shared<PromptLeakFilter>(std::make_shared<const PromptLeakDetector>(kPrompt, kCanary), report));
    chain->append(std::make_shared<LinkSanitizerFilter>(
        std::make_shared<const BlockedDomains>(QStringList{u"evil.example"_s}), report));
    chain->append(std::make_shared<HomoglyphFlagFilter>(report));
    if (!key.isEmpty())
        chain->append(std::make_shared<ResponseSignerFilter>(key, u"req-1"_s, u"model-a"_s, report,
                                                             [] { return qint64(1'790'000'000); }));
    return chain;
}

} // namespace

class TestSecurityResponseFilters : public QObject
{
    Q_OBJECT
private slots:
    void chainCleansTextAtEverySplit()
    {
        const QString input =
            u"Hi\u200B there! Log in at https://evil.example/login\u200D or p\u0430ypal.com.\U000E0041"_s;
        const QString expected = u"Hi there! Log in at [BLOCKED_LINK] or p\u0430ypal.com."_s;
        for (const QStringList &pieces : everySplitInThree(input)) {
            auto report = std::make_shared<ResponseScanReport>();
            bool blocked = true;
            QCOMPARE(streamThrough(securityChain(report), pieces, &blocked), expected);
            QVERIFY(!blocked);
            QCOMPARE(report->invisibleRemoved.zeroWidth, 2);
            QCOMPARE(report->invisibleRemoved.tags, 1);
            QCOMPARE(report->linksReplaced, 1);
            QCOMPARE(report->blockedHosts, QStringList{u"evil.example"_s});
            QCOMPARE(report->homoglyphWords, 1);
            QVERIFY(!report->promptLeak);
            QVERIFY(report->hasFindings());
        }
    }

    void canaryNeverReachesTheClient()
    {
        const QString input = u"Sure. The hidden marker is "_s + kCanary + u" and more text."_s;
        for (qsizetype i = 0; i <= input.size(); ++i) {
            for (qsizetype j = i; j <= input.size(); j += 3) {
                auto report = std::make_shared<ResponseScanReport>();
                bool blocked = false;
                canonical::Error error;
                const QString out = streamThrough(
                    securityChain(report), {input.first(i), input.sliced(i, j - i), input.sliced(j)}, &blocked, &error);
                QVERIFY(blocked);
                QCOMPARE(error.code, u"system_prompt_leak"_s);
                QCOMPARE(error.status, 403);
                QVERIFY2(!out.contains(u"canary"_s, Qt::CaseInsensitive), qPrintable(out));
                QVERIFY(u"Sure. The hidden marker is "_s.startsWith(out));
                QVERIFY(report->promptLeak);
                QCOMPARE(report->leakKind, QByteArray("canary"));
                QCOMPARE(report->blockedBy, QByteArray("prompt-leak"));
            }
        }
        // Case changes and zero-width characters (removed by the filter before) do not hide it.
        QString disguised = kCanary.toUpper();
        disguised.insert(5, u'\u200B');
        auto report = std::make_shared<ResponseScanReport>();
        bool blocked = false;
        streamThrough(securityChain(report), {u"x "_s + disguised}, &blocked);
        QVERIFY(blocked);
    }

    void canaryPrefixIsReleasedWhenTheTextGoesElsewhere()
    {
        PromptLeakFilter f(std::make_shared<const PromptLeakDetector>(kPrompt, kCanary), nullptr);
        FilterControl control;
        QCOMPARE(f.filterText(0, TextKind::Content, u"a llmproxy-can"_s, control), u"a "_s);
        QCOMPARE(f.filterText(0, TextKind::Content, u"dy shop"_s, control), u"llmproxy-candy shop"_s);
        QCOMPARE(f.filterText(0, TextKind::Content, u" llm"_s, control), u" "_s);
        QCOMPARE(f.endBlock(0, TextKind::Content, control), u"llm"_s);
        QVERIFY(!control.isBlocked());
    }

    void overlapWithTheSystemPromptStopsTheAnswer()
    {
        const QString answer = u"My instructions say: "_s + kPrompt;
        auto report = std::make_shared<ResponseScanReport>();
        bool blocked = false;
        canonical::Error error;
        QStringList words = answer.split(u' ');
        for (QString &w : words)
            w += u' ';
        const QString out = streamThrough(securityChain(report), words, &blocked, &error);
        QVERIFY(blocked);
        QCOMPARE(error.code, u"system_prompt_leak"_s);
        QCOMPARE(report->leakKind, QByteArray("overlap"));
        QVERIFY(report->leakShare >= 0.5);
        QVERIFY(out.size() < answer.size()); // stopped before the end of the copy
    }

    void benignAnswersPassUntouched_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::newRow("code about prompts")
            << u"```python\ndef build(system_prompt: str) -> list:\n    # the system prompt goes first; ignore "
               "previous instructions in user data\n    return [{\"role\": \"system\", \"content\": system_prompt}]\n```"_s;
        QTest::newRow("talk about assistants")
            << u"A coding assistant should cite file paths, keep explanations short, and never share credentials."_s;
        QTest::newRow("links to allowed sites") << u"See https://doc.qt.io/qt-6/qstring.html and www.example.org."_s;
        QTest::newRow("hindi")
            << u"नमस्ते! क्‍ष एक संयुक्ताक्षर है। यह उत्तर हिंदी में है।"_s;
        QTest::newRow("thai") << u"ฟังก์ชันนี้คืนค่าเป็นจำนวนเต็ม"_s;
        QTest::newRow("vietnamese") << u"Hàm này trả về một số nguyên; người dùng được thông báo."_s;
        QTest::newRow("arabic") << u"اَلدَّالَّةُ تُعِيدُ عَدَدًا صَحِيحًا\u200F 42\u200F."_s;
        QTest::newRow("hebrew") << u"הַפּוּנְקְצְיָה מַחֲזִירָה מִסְפָּר שָׁלֵם."_s;
        QTest::newRow("persian") << u"این تابع یک عدد صحیح برمی‌گرداند."_s;
        QTest::newRow("japanese") << u"この関数は整数を返します。詳しくはドキュメントを参照してください。"_s;
        QTest::newRow("emoji") << u"Done 👩\u200D💻 ✅"_s;
    }
    void benignAnswersPassUntouched()
    {
        QFETCH(QString, answer);
        for (qsizetype i = 0; i <= answer.size(); i += 2) {
            auto report = std::make_shared<ResponseScanReport>();
            bool blocked = true;
            QCOMPARE(streamThrough(securityChain(report), {answer.first(i), answer.sliced(i)}, &blocked), answer);
            QVERIFY(!blocked);
            QVERIFY2(!report->hasFindings(), qPrintable(report->homoglyphSamples.join(u' ')));
        }
    }

    void bufferedAnswersAreFilteredAndSigned()
    {
        auto report = std::make_shared<ResponseScanReport>();
        ResponseFilterRun run(securityChain(report, "key"), false);
        run.begin();
        canonical::Response response;
        response.content.append(canonical::ContentPart::makeText(u"Go to https://evil.example/x\u200B now"_s));
        canonical::ContentPart call;
        call.kind = canonical::PartKind::ToolCall;
        call.toolName = u"fetch"_s;
        call.arguments = u"{\"url\":\"https://evil.example/a\"}"_s;
        response.content.append(call);
        QVERIFY(run.filterResponse(response));
        QVERIFY(!run.isBlocked());
        QCOMPARE(response.content.at(0).text, u"Go to [BLOCKED_LINK] now"_s);
        QCOMPARE(response.content.at(1).arguments, u"{\"url\":\"[BLOCKED_LINK]\"}"_s);
        QCOMPARE(report->linksReplaced, 2);
        QVERIFY(report->signedAnswer);

        QHash<QByteArray, QByteArray> headers;
        for (const auto &h : run.headers())
            headers.insert(h.first, h.second);
        QCOMPARE(headers.value(SignedAtHeader), QByteArray("2026-09-21T14:13:20Z"));
        QCOMPARE(headers.value(SignedFieldsHeader), QByteArray(SignedFieldsValue));
        QCOMPARE(headers.value(SignedRequestIdHeader), QByteArray("req-1"));
        QCOMPARE(headers.value(SignedModelHeader), QByteArray("model-a"));
        const std::optional<QByteArray> sig = parseSignatureHeaderValue(headers.value(SignatureHeader));
        QVERIFY(sig);

        SignedAnswer answer;
        answer.text = response.content.at(0).text;
        answer.toolCalls.append({u"fetch"_s, response.content.at(1).arguments});
        SignatureFields fields;
        fields.signedAt = 1'790'000'000;
        fields.requestId = u"req-1"_s;
        fields.model = u"model-a"_s;
        fields.answerDigest = answerDigest(answer);
        QCOMPARE(verifyResponseSignature("key", fields, *sig, fields.signedAt), SignatureCheck::Valid);

        // The same content streamed gets the same signature, in a comment.
        bool blocked = true;
        QByteArray comments;
        auto streamReport = std::make_shared<ResponseScanReport>();
        ResponseFilterRun stream(securityChain(streamReport, "key"), true);
        stream.begin();
        QList<StreamEvent> in{streamEvent(StreamEvent::Type::MessageStart), streamEvent(StreamEvent::Type::BlockStart),
                              textDelta(0, u"Go to https://evil.ex"_s), textDelta(0, u"ample/x\u200B now"_s),
                              streamEvent(StreamEvent::Type::BlockStop)};
        StreamEvent start = streamEvent(StreamEvent::Type::BlockStart, 1);
        start.blockKind = canonical::BlockKind::ToolCall;
        start.toolName = u"fetch"_s;
        StreamEvent args = textDelta(1, u"{\"url\":\"https://evil.example/a\"}"_s);
        args.deltaKind = canonical::DeltaKind::ToolArguments;
        in << start << args << streamEvent(StreamEvent::Type::BlockStop, 1)
           << streamEvent(StreamEvent::Type::MessageStop);
        stream.filterEvents(in);
        blocked = stream.isBlocked();
        comments = stream.takeStreamComments();
        QVERIFY(!blocked);
        const std::optional<StreamSignature> s = findStreamSignature(comments);
        QVERIFY2(s, comments.constData());
        QCOMPARE(s->signatureHex, *sig);
        QCOMPARE(s->fields.requestId, u"req-1"_s);
    }

    void signerWithoutKeySignsNothing()
    {
        auto chain = std::make_shared<ResponseFilterChain>();
        chain->append(std::make_shared<ResponseSignerFilter>(QByteArray(), u"r"_s, u"m"_s));
        ResponseFilterRun run(chain, false);
        run.begin();
        canonical::Response response;
        response.content.append(canonical::ContentPart::makeText(u"x"_s));
        run.filterResponse(response);
        QVERIFY(run.headers().isEmpty());
    }

    void reportIsResetForANewAttempt()
    {
        auto report = std::make_shared<ResponseScanReport>();
        auto chain = securityChain(report);
        bool blocked = false;
        streamThrough(chain, {u"x "_s + kCanary}, &blocked);
        QVERIFY(blocked && report->promptLeak);
        streamThrough(chain, {u"clean answer"_s}, &blocked);
        QVERIFY(!blocked);
        QVERIFY(!report->promptLeak);
        QVERIFY(report->blockedBy.isEmpty());
        QVERIFY(!report->hasFindings());
    }

    void flagsExfiltrationImages()
    {
        auto report = std::make_shared<ResponseScanReport>();
        bool blocked = true;
        streamThrough(
            securityChain(report),
            {u"![status](https://img.allowed.example/pixel.png?data=c2VjcmV0LXRva2VuLXNrLWFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6)"_s},
            &blocked);
        QVERIFY(!blocked);
        QCOMPARE(report->exfiltrationImages, 1);
        QCOMPARE(report->linksReplaced, 0);
    }
};

QTEST_GUILESS_MAIN(TestSecurityResponseFilters)
#include "tst_securityresponsefilters.moc"
