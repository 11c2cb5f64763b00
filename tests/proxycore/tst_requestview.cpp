// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: JsonIndex (strict parsing, decoded keys, repeated keys rejected anywhere with their
// path), RequestView (model / stream read once, the 400s of every client API, text segments of
// every API with kind, role and exact byte ranges, byte-exact patching), RequestVault and the
// request pipeline (stages in order, patches visible to the next stage, blocking).
#include "proxycore/formats/jsonindex.h"
#include "proxycore/formats/requestview.h"
#include "proxycore/pipeline/requestcontext.h"
#include "proxycore/pipeline/requestpipeline.h"

#include <QJsonDocument>
#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(llmproxy::ClientApi)

namespace {

/// Segment texts as "kind:role:text" for compact comparisons.
QStringList describe(const RequestView &view)
{
    static const char *const kinds[] = {"system",     "message",   "tooldesc", "toolargs",
                                        "toolresult", "reasoning", "prompt",   "input"};
    QStringList out;
    for (const TextSegment &s : view.segments())
        out << QString::fromLatin1(kinds[int(s.kind)]) + u':' + s.role + u':' + s.text;
    return out;
}

RequestView mustBuild(ClientApi api, const QByteArray &body)
{
    ApiError error;
    std::optional<RequestView> view = RequestView::build(api, body, &error);
    if (!view)
        qFatal("unexpected error: %s", qPrintable(error.message));
    return *view;
}

/// Replaces every segment's text with upper case, and a second stage that records what it saw.
class UpperCaseStage : public RequestStage
{
public:
    QString name() const override { return u"upper"_s; }
    std::optional<ApiError> process(RequestContext &context) const override
    {
        const QList<TextSegment> &segments = context.view->segments();
        for (int i = 0; i < segments.size(); ++i) {
            context.vault.keep(u"TEXT"_s, segments[i].text);
            context.patches.append({i, segments[i].text.toUpper()});
        }
        return std::nullopt;
    }
};

class RecordingStage : public RequestStage
{
public:
    explicit RecordingStage(QStringList *seen, bool block) : m_seen(seen), m_block(block) {}
    QString name() const override { return u"recorder"_s; }
    std::optional<ApiError> process(RequestContext &context) const override
    {
        for (const TextSegment &s : context.view->segments())
            *m_seen << s.text;
        if (m_block)
            return ApiError::invalidRequest(u"blocked by test"_s, "blocked");
        return std::nullopt;
    }

private:
    QStringList *m_seen;
    bool m_block;
};

} // namespace

class TestRequestView : public QObject
{
    Q_OBJECT

private slots:
    void indexReadsStrictJson_data();
    void indexReadsStrictJson();
    void repeatedKeysAreRejectedWithTheirPath_data();
    void repeatedKeysAreRejectedWithTheirPath();
    void manyKeysUseTheHashedCheck();
    void escapesDecodeLikeAFullParser();
    void viewRefusesWhatTheApiRequires_data();
    void viewRefusesWhatTheApiRequires();
    void segmentsOfEveryApi_data();
    void segmentsOfEveryApi();
    void segmentRangesPointAtTheirStrings();
    void patchChangesOnlyThoseBytes();
    void memberRewriteKeepsEveryOtherByte();
    void vaultGivesStablePlaceholders();
    void pipelineRunsStagesInOrderAndBlocks();
};

void TestRequestView::indexReadsStrictJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::newRow("object") << QByteArray(R"( {"a":[1,2.5e3,-0,true,false,null,"x"]} )") << true;
    QTest::newRow("empty") << QByteArray("  ") << false;
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})") << false;
    QTest::newRow("comment") << QByteArray(R"({"a":1}//)") << false;
    QTest::newRow("nan") << QByteArray(R"({"a":NaN})") << false;
    QTest::newRow("leading zero") << QByteArray(R"({"a":01})") << false;
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF{}") << false;
    QTest::newRow("bad utf8") << QByteArray("{\"a\":\"\xC0\xAF\"}") << false;
    QTest::newRow("surrogate bytes") << QByteArray("{\"a\":\"\xED\xA0\x80\"}") << false;
    QTest::newRow("control char") << QByteArray("{\"a\":\"\x01\"}") << false;
    QTest::newRow("bad escape") << QByteArray(R"({"a":"\x"})") << false;
    QTest::newRow("two values") << QByteArray(R"({} {})") << false;
    QTest::newRow("deep ok") << QByteArray(512, '[') + QByteArray(512, ']') << true;
    QTest::newRow("too deep") << QByteArray(514, '[') + QByteArray(514, ']') << false;
}

void TestRequestView::indexReadsStrictJson()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    const JsonIndex index = JsonIndex::build(json);
    QCOMPARE(index.isValid(), valid);
    if (valid)
        QCOMPARE(QJsonDocument::fromJson(json).isNull(), false);
}

void TestRequestView::repeatedKeysAreRejectedWithTheirPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::newRow("top level") << QByteArray(R"({"model":"a","model":"b"})") << u"$.model"_s;
    QTest::newRow("escaped key") << QByteArray(R"({"model":"a","mod\u0065l":"b"})") << u"$.model"_s;
    QTest::newRow("escaped solidus") << QByteArray(R"({"a\/b":1,"a/b":2})") << u"$.a/b"_s;
    QTest::newRow("nested") << QByteArray(R"({"messages":[{"role":"user"},{"content":"x","content":"y"}]})")
                            << u"$.messages[1].content"_s;
    QTest::newRow("deep schema") << QByteArray(
                                        R"({"tools":[{"function":{"parameters":{"p":{"type":"a","type":"b"}}}}]})")
                                 << u"$.tools[0].function.parameters.p.type"_s;
}

void TestRequestView::repeatedKeysAreRejectedWithTheirPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    const JsonIndex index = JsonIndex::build(json);
    QCOMPARE(index.error(), JsonIndex::Error::DuplicateKey);
    QCOMPARE(index.errorPath(), path);
    ApiError error;
    QVERIFY(!RequestView::build(ClientApi::ChatCompletions, json, &error));
    QCOMPARE(error.status, 400);
    QCOMPARE(error.code, QByteArray("duplicate_key"));
    QVERIFY2(error.message.contains(path), qPrintable(error.message));
}

void TestRequestView::manyKeysUseTheHashedCheck()
{
    QByteArray json = "{";
    for (int i = 0; i < 40; ++i)
        json += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ",";
    QByteArray unique = json;
    unique.chop(1);
    unique += "}";
    QVERIFY(JsonIndex::build(unique).isValid());
    const JsonIndex repeated = JsonIndex::build(json + R"("k\u00317":1})");
    QCOMPARE(repeated.error(), JsonIndex::Error::DuplicateKey);
    QCOMPARE(repeated.duplicateKey(), u"k17"_s);
}

void TestRequestView::escapesDecodeLikeAFullParser()
{
    const QByteArray json = R"({"s":"a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00\ud800x","k\u00e9y":1})";
    const JsonIndex index = JsonIndex::build(json);
    QVERIFY(index.isValid());
    const QString expected = QJsonDocument::fromJson(json).object().value(u"s"_s).toString();
    QCOMPARE(index.string(index.member(JsonIndex::Root, "s")), expected);
    QVERIFY(index.member(JsonIndex::Root, "k\xC3\xA9y") > 0);
    QVERIFY(index.stringIs(index.member(JsonIndex::Root, "s"), expected.toUtf8()));
}

void TestRequestView::viewRefusesWhatTheApiRequires_data()
{
    QTest::addColumn<ClientApi>("api");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("not an object") << ClientApi::ChatCompletions << QByteArray("[1]") << QByteArray("invalid_json");
    QTest::newRow("empty") << ClientApi::ChatCompletions << QByteArray("") << QByteArray("invalid_json");
    QTest::newRow("no model") << ClientApi::ChatCompletions << QByteArray(R"({"messages":[]})")
                              << QByteArray("missing_model");
    QTest::newRow("model not string") << ClientApi::Responses << QByteArray(R"({"model":1})")
                                      << QByteArray("missing_model");
    QTest::newRow("messages not array") << ClientApi::ChatCompletions << QByteArray(R"({"model":"m","messages":{}})")
                                        << QByteArray("invalid_request");
    QTest::newRow("no prompt") << ClientApi::Completions << QByteArray(R"({"model":"m"})")
                               << QByteArray("invalid_request");
    QTest::newRow("null input") << ClientApi::Embeddings << QByteArray(R"({"model":"m","input":null})")
                                << QByteArray("invalid_request");
    QTest::newRow("stream string") << ClientApi::Messages << QByteArray(R"({"model":"m","stream":"yes"})")
                                   << QByteArray("invalid_type");
    QTest::newRow("anthropic no model") << ClientApi::Messages << QByteArray(R"({"messages":[]})")
                                        << QByteArray("invalid_request");
}

void TestRequestView::viewRefusesWhatTheApiRequires()
{
    QFETCH(ClientApi, api);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, code);
    ApiError error;
    QVERIFY(!RequestView::build(api, body, &error));
    QCOMPARE(error.status, 400);
    QCOMPARE(error.code, code);
}

void TestRequestView::segmentsOfEveryApi_data()
{
    QTest::addColumn<ClientApi>("api");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("segments");
    QTest::newRow("chat")
        << ClientApi::ChatCompletions << QByteArray(R"({"model":"m","messages":[
        {"role":"system","content":"be brief"},
        {"content":[{"type":"text","text":"hello"},{"type":"image_url","image_url":{"url":"data:x"}}],"role":"user"},
        {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\"q\":\"x\"}"}}]},
        {"role":"tool","tool_call_id":"c1","content":"result"}],
        "tools":[{"type":"function","function":{"name":"f","description":"finds","parameters":{"type":"object","properties":{"q":{"type":"string","description":"query"}}}}}]})")
        << QStringList{u"system:system:be brief"_s, u"message:user:hello"_s, u"toolargs:assistant:{\"q\":\"x\"}"_s,
                       u"toolresult:tool:result"_s, u"tooldesc::finds"_s,    u"tooldesc::query"_s};
    QTest::newRow("completions") << ClientApi::Completions
                                 << QByteArray(R"({"model":"m","prompt":["a","b"],"suffix":"c"})")
                                 << QStringList{u"prompt::a"_s, u"prompt::b"_s, u"prompt::c"_s};
    QTest::newRow("embeddings") << ClientApi::Embeddings << QByteArray(R"({"model":"m","input":"text"})")
                                << QStringList{u"input::text"_s};
    QTest::newRow("responses")
        << ClientApi::Responses << QByteArray(R"({"model":"m","instructions":"sys","input":[
        {"role":"user","content":[{"type":"input_text","text":"hi"}]},
        {"type":"function_call","call_id":"c","name":"f","arguments":"{}"},
        {"type":"function_call_output","call_id":"c","output":"out"},
        {"type":"custom_tool_call","call_id":"d","name":"apply_patch","input":"patch"},
        {"type":"reasoning","summary":[{"type":"summary_text","text":"thought"}]}],
        "tools":[{"type":"function","name":"f","description":"tool"}]})")
        << QStringList{u"system::sys"_s,         u"message:user:hi"_s,          u"toolargs:assistant:{}"_s,
                       u"toolresult:tool:out"_s, u"toolargs:assistant:patch"_s, u"reasoning:assistant:thought"_s,
                       u"tooldesc::tool"_s};
    QTest::newRow("responses string input")
        << ClientApi::Responses << QByteArray(R"({"model":"m","input":"hi"})") << QStringList{u"message:user:hi"_s};
    QTest::newRow("messages") << ClientApi::Messages
                              << QByteArray(R"({"model":"m","max_tokens":5,"system":[{"type":"text","text":"sys"}],
        "messages":[{"role":"user","content":"plain"},
        {"role":"assistant","content":[{"type":"thinking","thinking":"hmm","signature":"s"},{"type":"text","text":"ok"},
          {"type":"tool_use","id":"t","name":"f","input":{"path":"/etc","opts":{"n":1,"tag":"x"}}}]},
        {"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":[{"type":"text","text":"file"}]}]}],
        "tools":[{"name":"f","description":"reads","input_schema":{"type":"object"}}]})")
                              << QStringList{u"system:system:sys"_s,       u"message:user:plain"_s,
                                             u"reasoning:assistant:hmm"_s, u"message:assistant:ok"_s,
                                             u"toolargs:assistant:/etc"_s, u"toolargs:assistant:x"_s,
                                             u"toolresult:tool:file"_s,    u"tooldesc::reads"_s};
}

void TestRequestView::segmentsOfEveryApi()
{
    QFETCH(ClientApi, api);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, segments);
    QCOMPARE(describe(mustBuild(api, body)), segments);
}

void TestRequestView::segmentRangesPointAtTheirStrings()
{
    const QByteArray body = R"({"model":"m","messages":[{"role":"user","content":"caf\u00e9 \"x\""}]})";
    const RequestView view = mustBuild(ClientApi::ChatCompletions, body);
    QCOMPARE(view.segments().size(), 1);
    const TextSegment &s = view.segments().first();
    QCOMPARE(body.mid(s.start, s.end - s.start), QByteArray(R"("caf\u00e9 \"x\"")"));
    QCOMPARE(s.text, u"café \"x\""_s);
    QCOMPARE(s.message, 0);
}

void TestRequestView::patchChangesOnlyThoseBytes()
{
    const QByteArray body =
        R"({"model":"m",  "messages":[{"role":"user","content":"mail a@b.c"},{"role":"user","content":"keep"}], "x":{"y":1}})";
    const RequestView view = mustBuild(ClientApi::ChatCompletions, body);
    const QByteArray out = view.patched({{0, u"mail [EMAIL_1] \"q\""_s}, {7, u"ignored"_s}});
    QCOMPARE(
        out,
        QByteArray(
            R"({"model":"m",  "messages":[{"role":"user","content":"mail [EMAIL_1] \"q\""},{"role":"user","content":"keep"}], "x":{"y":1}})"));
    const RequestView again = mustBuild(ClientApi::ChatCompletions, out);
    QCOMPARE(again.segments().first().text, u"mail [EMAIL_1] \"q\""_s);
}

void TestRequestView::memberRewriteKeepsEveryOtherByte()
{
    const QByteArray body = R"({ "mod\u0065l" : "a", "stream_options" : {"include_usage":true} , "n":1 })";
    const RequestView view = mustBuild(ClientApi::ChatCompletions, R"({"messages":[],)" + body.mid(1));
    QCOMPARE(view.model(), u"a"_s);
    QVERIFY(view.includeUsage());
    QCOMPARE(view.withMember("model", "\"b\""),
             QByteArray(R"({"messages":[], "mod\u0065l" : "b", "stream_options" : {"include_usage":true} , "n":1 })"));
    QCOMPARE(view.withoutMember("stream_options"), QByteArray(R"({"messages":[], "mod\u0065l" : "a", "n":1 })"));
    QCOMPARE(view.withoutMember("n"),
             QByteArray(R"({"messages":[], "mod\u0065l" : "a", "stream_options" : {"include_usage":true}  })"));
}

void TestRequestView::vaultGivesStablePlaceholders()
{
    RequestVault vault;
    QCOMPARE(vault.keep(u"EMAIL"_s, u"a@b.c"_s), u"[EMAIL_1]"_s);
    QCOMPARE(vault.keep(u"EMAIL"_s, u"d@e.f"_s), u"[EMAIL_2]"_s);
    QCOMPARE(vault.keep(u"EMAIL"_s, u"a@b.c"_s), u"[EMAIL_1]"_s);
    QCOMPARE(vault.keep(u"PHONE"_s, u"a@b.c"_s), u"[PHONE_1]"_s);
    QCOMPARE(vault.original(u"[EMAIL_2]"_s), u"d@e.f"_s);
    QVERIFY(vault.original(u"[EMAIL_9]"_s).isNull());
    QCOMPARE(vault.entries().size(), 3);
}

void TestRequestView::pipelineRunsStagesInOrderAndBlocks()
{
    QStringList seen;
    RequestContext context;
    context.api = ClientApi::ChatCompletions;
    context.view =
        mustBuild(ClientApi::ChatCompletions, R"({"model":"m","messages":[{"role":"user","content":"hi"}]})");
    const RequestPipeline passing({std::make_shared<UpperCaseStage>(), std::make_shared<RecordingStage>(&seen, false)});
    QVERIFY(!passing.run(context));
    QCOMPARE(seen, QStringList{u"HI"_s}); // the second stage reads the first one's change
    QCOMPARE(context.body(), QByteArray(R"({"model":"m","messages":[{"role":"user","content":"HI"}]})"));
    QCOMPARE(context.vault.original(u"[TEXT_1]"_s), u"hi"_s);
    QVERIFY(context.record.blockedBy.isEmpty());

    const RequestPipeline blocking({std::make_shared<RecordingStage>(&seen, true), std::make_shared<UpperCaseStage>()});
    const std::optional<ApiError> blocked = blocking.run(context);
    QVERIFY(blocked);
    QCOMPARE(blocked->code, QByteArray("blocked"));
    QCOMPARE(context.record.blockedBy, u"recorder"_s);
    QCOMPARE(context.body(), QByteArray(R"({"model":"m","messages":[{"role":"user","content":"HI"}]})"));
}

QTEST_GUILESS_MAIN(TestRequestView)
#include "tst_requestview.moc"
