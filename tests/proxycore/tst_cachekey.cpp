// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: the response cache key (cache/cachekey.h): every request field that can change the
// answer changes the key, what cannot (formatting, top-level member order, the ignored end-user
// ids) does not, and the scope, client API, routes and forwarded headers are part of it.
#include "proxycore/cache/cachekey.h"

#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(llmproxy::ClientApi)

namespace {

const QByteArray kChat = R"({"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},)"
                         R"({"role":"user","content":"Hello"}],"temperature":0.2,"max_tokens":100,"top_p":1,)"
                         R"("tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object",)"
                         R"("properties":{"a":{"type":"string"},"b":{"type":"number"}}}}}]})";

RequestView view(ClientApi api, const QByteArray &body)
{
    ApiError error;
    std::optional<RequestView> v = RequestView::build(api, body, &error);
    if (!v)
        qFatal("invalid test body: %s", qPrintable(error.message));
    return *v;
}

CacheKeyInput input(ClientApi api = ClientApi::ChatCompletions)
{
    CacheKeyInput in;
    in.scope = u"key:alice"_s;
    in.api = api;
    in.routes = {QByteArrayLiteral("openai\0https://api.openai.com/v1\0gpt-4o")};
    return in;
}

QByteArray keyOf(const QByteArray &body, ClientApi api = ClientApi::ChatCompletions)
{
    return responseCacheKey(input(api), view(api, body));
}

/// `body` with the first occurrence of `from` replaced by `to`; fails the test when absent.
QByteArray edited(QByteArray body, QByteArrayView from, QByteArrayView to)
{
    const qsizetype at = body.indexOf(from);
    if (at < 0)
        qFatal("test body has no %s", from.toByteArray().constData());
    return body.replace(at, from.size(), to.toByteArray());
}

} // namespace

class TestCacheKey : public QObject
{
    Q_OBJECT

private slots:
    void isADigest();
    void answerChangingFieldsChangeTheKey_data();
    void answerChangingFieldsChangeTheKey();
    void formattingDoesNotChangeTheKey_data();
    void formattingDoesNotChangeTheKey();
    void ignoredMembersPerApi();
    void contextChangesTheKey();
    void routeOrderDoesNotChangeTheKey();
    void scopes();
};

void TestCacheKey::isADigest()
{
    const QByteArray key = keyOf(kChat);
    QCOMPARE(key.size(), 32);
    QCOMPARE(keyOf(kChat), key); // deterministic
}

void TestCacheKey::answerChangingFieldsChangeTheKey_data()
{
    QTest::addColumn<QByteArray>("variant");
    const auto row = [](const char *name, QByteArrayView from, QByteArrayView to) {
        QTest::newRow(name) << edited(kChat, from, to);
    };
    row("temperature", R"("temperature":0.2)", R"("temperature":0.3)");
    row("max_tokens", R"("max_tokens":100)", R"("max_tokens":101)");
    row("top_p", R"("top_p":1)", R"("top_p":0.9)");
    row("system", "Be brief.", "Be long.");
    row("user text", "Hello", "Hallo");
    row("model", R"("model":"gpt-4o")", R"("model":"gpt-4o-mini")");
    row("tools", R"("name":"f")", R"("name":"g")");
    row("tool_choice added", R"("top_p":1)", R"("top_p":1,"tool_choice":"required")");
    row("stop added", R"("top_p":1)", R"("top_p":1,"stop":["\n"])");
    row("seed added", R"("top_p":1)", R"("top_p":1,"seed":7)");
    row("n added", R"("top_p":1)", R"("top_p":1,"n":2)");
    row("logprobs added", R"("top_p":1)", R"("top_p":1,"logprobs":true)");
    row("stream added", R"("top_p":1)", R"("top_p":1,"stream":true)");
    row("response_format added", R"("top_p":1)", R"("top_p":1,"response_format":{"type":"json_object"})");
    row("reasoning_effort added", R"("top_p":1)", R"("top_p":1,"reasoning_effort":"high")");
    row("unknown field added", R"("top_p":1)", R"("top_p":1,"x_provider_option":1)");
    // Nested order is kept: a tool schema's property order may reach the model.
    row("nested member order", R"("a":{"type":"string"},"b":{"type":"number"})",
        R"("b":{"type":"number"},"a":{"type":"string"})");
    // Numbers and strings as written: a provider may read 100 and 100.0 differently.
    row("number spelling", R"("max_tokens":100)", R"("max_tokens":100.0)");
    row("string escape", "Hello", R"(\u0048ello)");
    row("message order", R"({"role":"system","content":"Be brief."},{"role":"user","content":"Hello"})",
        R"({"role":"user","content":"Hello"},{"role":"system","content":"Be brief."})");
}

void TestCacheKey::answerChangingFieldsChangeTheKey()
{
    QFETCH(QByteArray, variant);
    QVERIFY(keyOf(variant) != keyOf(kChat));
}

void TestCacheKey::formattingDoesNotChangeTheKey_data()
{
    QTest::addColumn<QByteArray>("variant");
    QTest::newRow("whitespace") << edited(edited(kChat, R"("temperature":0.2)", "\n  \"temperature\" :\t0.2 "),
                                          R"({"role":"user")", "{ \"role\" : \"user\"");
    QTest::newRow("top-level order") << edited(edited(kChat, R"("temperature":0.2,)", ""), R"("top_p":1,)",
                                               R"("top_p":1,"temperature":0.2,)");
    QTest::newRow("user") << edited(kChat, R"("top_p":1)", R"("top_p":1,"user":"u-123")");
    QTest::newRow("safety_identifier") << edited(kChat, R"("top_p":1)", R"("top_p":1,"safety_identifier":"s")");
    QTest::newRow("escaped member name") << edited(kChat, R"("top_p")", R"("top\u005fp")");
}

void TestCacheKey::formattingDoesNotChangeTheKey()
{
    QFETCH(QByteArray, variant);
    QCOMPARE(keyOf(variant), keyOf(kChat));
}

void TestCacheKey::ignoredMembersPerApi()
{
    // Messages: metadata (user_id) is ignored; Responses echoes metadata and user, so they count.
    const QByteArray messages = R"({"model":"claude","max_tokens":10,"messages":[{"role":"user","content":"Hi"}]})";
    QCOMPARE(keyOf(edited(messages, R"("max_tokens":10)", R"("max_tokens":10,"metadata":{"user_id":"u1"})"),
                   ClientApi::Messages),
             keyOf(messages, ClientApi::Messages));
    QVERIFY(keyOf(edited(messages, R"("max_tokens":10)",
                         R"("max_tokens":10,"thinking":{"type":"enabled",)"
                         R"("budget_tokens":1024})"),
                  ClientApi::Messages) != keyOf(messages, ClientApi::Messages));
    const QByteArray responses = R"({"model":"gpt-4o","input":"Hi","max_output_tokens":50})";
    for (const QByteArrayView added : {QByteArrayView(R"(,"metadata":{"a":"b"})"), QByteArrayView(R"(,"user":"u1")"),
                                       QByteArrayView(R"(,"reasoning":{"effort":"low"})")}) {
        const QByteArray variant = edited(responses, R"("max_output_tokens":50)",
                                          QByteArray(QByteArray(R"("max_output_tokens":50)") + added.toByteArray()));
        QVERIFY2(keyOf(variant, ClientApi::Responses) != keyOf(responses, ClientApi::Responses),
                 added.toByteArray().constData());
    }
    QVERIFY(cacheIgnoredMembers(ClientApi::Responses).isEmpty());
}

void TestCacheKey::contextChangesTheKey()
{
    const RequestView v = view(ClientApi::ChatCompletions, kChat);
    const QByteArray base = responseCacheKey(input(), v);

    CacheKeyInput other = input();
    other.scope = u"key:bob"_s;
    QVERIFY(responseCacheKey(other, v) != base);

    other = input();
    other.stream = true;
    QVERIFY(responseCacheKey(other, v) != base);

    other = input();
    other.routes = {QByteArrayLiteral("azure\0https://x.openai.azure.com\0gpt-4o")};
    QVERIFY(responseCacheKey(other, v) != base);

    other = input();
    other.routes.append(QByteArrayLiteral("backup\0http://127.0.0.1:1\0gpt-4o"));
    QVERIFY(responseCacheKey(other, v) != base);

    other = input();
    other.headers = {{QByteArrayLiteral("anthropic-beta"), QByteArrayLiteral("interleaved-thinking-2025-05-14")}};
    QVERIFY(responseCacheKey(other, v) != base);

    // The same body read as another client API.
    const QByteArray completion = R"({"model":"gpt-4o","prompt":"Hello"})";
    QVERIFY(responseCacheKey(input(ClientApi::Completions), view(ClientApi::Completions, completion)) !=
            responseCacheKey(input(ClientApi::Embeddings),
                             view(ClientApi::Embeddings, R"({"model":"gpt-4o","input":"Hello"})")));

    // Field boundaries are unambiguous: moving a byte from the scope into a route differs.
    CacheKeyInput a = input();
    a.scope = u"key:ab"_s;
    a.routes = {QByteArrayLiteral("c")};
    CacheKeyInput b = input();
    b.scope = u"key:a"_s;
    b.routes = {QByteArrayLiteral("bc")};
    QVERIFY(responseCacheKey(a, v) != responseCacheKey(b, v));
}

void TestCacheKey::routeOrderDoesNotChangeTheKey()
{
    const RequestView v = view(ClientApi::ChatCompletions, kChat);
    CacheKeyInput a = input();
    a.routes = {QByteArrayLiteral("one"), QByteArrayLiteral("two")};
    CacheKeyInput b = input();
    b.routes = {QByteArrayLiteral("two"), QByteArrayLiteral("one")};
    QCOMPARE(responseCacheKey(a, v), responseCacheKey(b, v));
}

void TestCacheKey::scopes()
{
    QCOMPARE(cacheScope(false, {}, "sk-whatever"), u"anonymous"_s);
    QCOMPARE(cacheScope(true, u"alice"_s, "sk-alice"), u"key:alice"_s);
    QCOMPARE(cacheScopeOfKey(u"alice"_s), u"key:alice"_s);
    const QString unnamed = cacheScope(true, {}, "sk-one");
    QVERIFY(unnamed.startsWith(u"digest:"));
    QCOMPARE(unnamed.size(), 7 + 16);
    QVERIFY(!unnamed.contains(u"sk-one"));
    QVERIFY(cacheScope(true, {}, "sk-two") != unnamed);
}

QTEST_APPLESS_MAIN(TestCacheKey)
#include "tst_cachekey.moc"
