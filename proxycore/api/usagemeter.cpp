// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/api/usagemeter.h"

#include "proxycore/formats/jsonmembers.h"

#include <QJsonDocument>

namespace llmproxy {

void UsageMeter::noteCanonical(const canonical::Usage &usage)
{
    if (usage.inputTokens)
        m_record->promptTokens = int(*usage.inputTokens);
    if (usage.cacheReadTokens)
        m_cachedInputTokens = *usage.cacheReadTokens;
    if (usage.outputTokens)
        m_record->completionTokens = int(*usage.outputTokens);
}

void UsageMeter::noteJson(QByteArrayView json)
{
    // Only the few members needed are located, by scanning the bytes; no document is built for
    // the response (this runs once per response, or per streamed event that carries usage).
    JsonMemberSpan spans[3];
    findTopLevelMembers(json, {"usage", "error", "message"}, spans);
    const auto objectAt = [](QByteArrayView in, const JsonMemberSpan &span) -> QByteArrayView {
        if (!span.isValid() || in[span.valueStart] != '{')
            return {};
        return in.sliced(span.valueStart, span.valueEnd - span.valueStart);
    };
    QByteArrayView usage = objectAt(json, spans[0]);
    if (usage.isEmpty()) { // Anthropic's message_start carries it inside the message
        const QByteArrayView message = objectAt(json, spans[2]);
        if (!message.isEmpty())
            usage = objectAt(message, findTopLevelMember(message, "usage"));
    }
    if (!usage.isEmpty()) {
        enum { Prompt, Input, Completion, Output, PromptDetails, CacheRead, CacheWrite, Count };
        JsonMemberSpan u[Count];
        findTopLevelMembers(usage,
                            {"prompt_tokens", "input_tokens", "completion_tokens", "output_tokens",
                             "prompt_tokens_details", "cache_read_input_tokens", "cache_creation_input_tokens"},
                            u);
        const auto number = [](QByteArrayView in, const JsonMemberSpan &span) -> std::optional<qint64> {
            if (!span.isValid())
                return std::nullopt;
            return jsonIntegerValue(in.sliced(span.valueStart, span.valueEnd - span.valueStart));
        };
        for (int field : {Prompt, Input}) {
            if (const std::optional<qint64> n = number(usage, u[field]))
                m_record->promptTokens = int(*n);
        }
        for (int field : {Completion, Output}) {
            if (const std::optional<qint64> n = number(usage, u[field]))
                m_record->completionTokens = int(*n);
        }
        // Cached input: OpenAI counts it inside prompt_tokens; Anthropic reports it beside input_tokens.
        if (const QByteArrayView details = objectAt(usage, u[PromptDetails]); !details.isEmpty()) {
            const std::optional<qint64> cached = number(details, findTopLevelMember(details, "cached_tokens"));
            if (cached.value_or(0) > 0)
                m_cachedInputTokens = *cached;
        }
        const qint64 anthropicRead = number(usage, u[CacheRead]).value_or(0);
        const qint64 anthropicWrite = number(usage, u[CacheWrite]).value_or(0);
        const std::optional<qint64> input = number(usage, u[Input]);
        if ((anthropicRead > 0 || anthropicWrite > 0) && input) {
            m_cachedInputTokens = anthropicRead;
            m_record->promptTokens = int(*input + anthropicRead + anthropicWrite);
        }
    }
    if (m_record->error.isEmpty()) {
        if (const QByteArrayView error = objectAt(json, spans[1]); !error.isEmpty()) {
            const QJsonObject e = QJsonDocument::fromJson(error.toByteArray()).object();
            m_record->error = e.value(QLatin1String("code")).toString(QStringLiteral("upstream_error"));
        }
    }
}

void UsageMeter::noteResponsesObject(const QJsonObject &response)
{
    const QJsonObject usage = response.value(QLatin1String("usage")).toObject();
    if (usage.contains(QLatin1String("input_tokens")))
        m_record->promptTokens = usage.value(QLatin1String("input_tokens")).toInt();
    if (usage.contains(QLatin1String("output_tokens")))
        m_record->completionTokens = usage.value(QLatin1String("output_tokens")).toInt();
    const QJsonObject error = response.value(QLatin1String("error")).toObject();
    if (!error.isEmpty() && m_record->error.isEmpty())
        m_record->error = error.value(QLatin1String("code")).toString(QStringLiteral("upstream_error"));
}

void UsageMeter::charge(const ModelPrice &price, BudgetLedger *ledger, qint64 nowEpochMs)
{
    if (!hasUsage())
        return;
    const double usd =
        costUsd(price, qMax(0, m_record->promptTokens), m_cachedInputTokens, qMax(0, m_record->completionTokens));
    m_record->costUsd = usd;
    const BudgetLedger::Charged charged = ledger->charge(usd, nowEpochMs);
    if (charged.before != charged.after && charged.after != BudgetLedger::State::Ok)
        qWarning("daily budget: %s limit reached (%.4f USD spent today)",
                 charged.after == BudgetLedger::State::Exhausted ? "daily" : "soft", charged.spentTodayUsd);
}

} // namespace llmproxy
