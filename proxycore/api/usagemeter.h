// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/cost/budget.h"
#include "proxycore/formats/canonical.h"
#include "proxycore/observability/requestrecord.h"

#include <QByteArrayView>
#include <QJsonObject>

namespace llmproxy {

/// The token count, price and budget charge of one call. Reads usage from whatever the answer
/// carries (a JSON body or streamed event, a canonical stream event, a Responses response object)
/// into the call's RequestRecord, which it does not own (it must outlive the meter). Counts are
/// cumulative: a later report replaces an earlier one, never adds to it. Worker thread only.
class UsageMeter
{
public:
    explicit UsageMeter(RequestRecord *record) : m_record(record) {}

    /// A JSON body or streamed event (OpenAI or Anthropic shape): usage, and the error code if it
    /// carries one. Scans bytes for the few members needed; builds no document.
    void noteJson(QByteArrayView json);
    void noteCanonical(const canonical::Usage &usage);
    /// A Responses `response` object (from response.created / .completed / .failed events).
    void noteResponsesObject(const QJsonObject &response);

    /// Input tokens served from the provider's prompt cache (priced lower).
    qint64 cachedInputTokens() const { return m_cachedInputTokens; }
    bool hasUsage() const { return m_record->promptTokens >= 0 || m_record->completionTokens >= 0; }

    /// Prices the counted tokens with `price`, records the cost and charges `ledger` (today's
    /// spend) at `nowEpochMs`; logs when a limit is reached. Nothing when no usage was reported.
    void charge(const ModelPrice &price, BudgetLedger *ledger, qint64 nowEpochMs);

private:
    RequestRecord *m_record;
    qint64 m_cachedInputTokens = 0;
};

} // namespace llmproxy
