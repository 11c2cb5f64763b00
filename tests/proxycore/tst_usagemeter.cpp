// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// UsageMeter: token counts from OpenAI and Anthropic bodies and events (cached input included),
// canonical usage and Responses objects, the error code, and the cost charged to the budget.
#include "proxycore/api/usagemeter.h"

#include <QJsonDocument>
#include <QTest>

using namespace llmproxy;

class TestUsageMeter : public QObject
{
    Q_OBJECT
private slots:
    void readsOpenAiUsageWithCachedTokens()
    {
        RequestRecord r;
        UsageMeter m(&r);
        QVERIFY(!m.hasUsage());
        m.noteJson(R"({"choices":[],"usage":{"prompt_tokens":100,"completion_tokens":20,)"
                   R"("prompt_tokens_details":{"cached_tokens":60}}})");
        QCOMPARE(r.promptTokens, 100);
        QCOMPARE(r.completionTokens, 20);
        QCOMPARE(m.cachedInputTokens(), 60);
        QVERIFY(r.error.isEmpty());
    }

    void readsAnthropicUsageInsideMessageStart()
    {
        RequestRecord r;
        UsageMeter m(&r);
        m.noteJson(R"({"type":"message_start","message":{"id":"x","usage":{"input_tokens":10,)"
                   R"("cache_read_input_tokens":2048,"cache_creation_input_tokens":5,"output_tokens":1}}})");
        QCOMPARE(r.promptTokens, 10 + 2048 + 5); // the OpenAI meaning: all input
        QCOMPARE(m.cachedInputTokens(), 2048);
        m.noteJson(R"({"type":"message_delta","usage":{"output_tokens":60}})"); // cumulative
        QCOMPARE(r.completionTokens, 60);
    }

    void keepsTheFirstErrorCode()
    {
        RequestRecord r;
        UsageMeter m(&r);
        m.noteJson(R"({"error":{"message":"slow down","code":"rate_limited"}})");
        m.noteJson(R"({"error":{"message":"other","code":"other"}})");
        QCOMPARE(r.error, QStringLiteral("rate_limited"));
    }

    void readsCanonicalAndResponsesUsage()
    {
        RequestRecord r;
        UsageMeter m(&r);
        canonical::Usage u;
        u.inputTokens = 12;
        u.cacheReadTokens = 4;
        m.noteCanonical(u);
        QCOMPARE(r.promptTokens, 12);
        QCOMPARE(r.completionTokens, -1);
        QCOMPARE(m.cachedInputTokens(), 4);
        m.noteResponsesObject(QJsonDocument::fromJson(R"({"usage":{"input_tokens":30,"output_tokens":7},)"
                                                      R"("error":{"code":"server_error"}})")
                                  .object());
        QCOMPARE(r.promptTokens, 30);
        QCOMPARE(r.completionTokens, 7);
        QCOMPARE(r.error, QStringLiteral("server_error"));
    }

    void chargesThePricedTokens()
    {
        RequestRecord r;
        UsageMeter m(&r);
        BudgetLedger ledger;
        ModelPrice price;
        price.inputPerMtok = 2.0;
        price.outputPerMtok = 10.0;
        m.charge(price, &ledger, 1'700'000'000'000);
        QCOMPARE(r.costUsd, -1.0); // no usage: nothing charged
        m.noteJson(R"({"usage":{"prompt_tokens":1000000,"completion_tokens":100000}})");
        m.charge(price, &ledger, 1'700'000'000'000);
        QCOMPARE(r.costUsd, 3.0);
    }
};

QTEST_GUILESS_MAIN(TestUsageMeter)
#include "tst_usagemeter.moc"
