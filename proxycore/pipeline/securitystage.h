// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/pipeline/requestpipeline.h"
#include "proxycore/pipeline/securityguards.h"

#include <memory>

namespace llmproxy {

class RequestScanner;
class PiiDetector;

/// The security pipeline's request side, as one stage of the request pipeline: flood guard,
/// firewall, injection scoring with multi-turn trajectory and the threat ledger, PII and secret
/// masking; and it installs the answer's filters (PII restore, sanitizer, link sanitizer,
/// system-prompt leak guard, signing). One pass over the request view's decoded text segments, for
/// every client API; the body changes only where a value is masked.
///
/// Role-aware: the operator's system prompt is never scored and never causes a block (it only feeds
/// the leak guard); user turns, prompts and embedding input are scored as direct injection; tool
/// results as indirect injection; tool descriptions, assistant turns and tool arguments only meet
/// the firewall's signatures. A text already scanned in an earlier request (an agent's history,
/// resent every turn) is not scanned again: its verdict comes from the guards' cache.
///
/// Immutable and shared by every worker; per-request state lives in the RequestContext, shared
/// state (switches, counters, cache, ledger) in SecurityGuards.
class SecurityStage : public RequestStage
{
public:
    SecurityStage(std::shared_ptr<SecurityGuards> guards, std::shared_ptr<const RequestScanner> scanner,
                  std::shared_ptr<const PiiDetector> pii);
    ~SecurityStage() override;

    QString name() const override { return QStringLiteral("security"); }
    std::optional<ApiError> process(RequestContext &context) const override;

    /// A user turn is suspicious (counted by the trajectory) from this score on.
    static constexpr double kSuspicious = 0.3;
    /// A request is a near miss (evidence for the threat ledger) when a text it brings that was not
    /// scanned before scores this much without being blocked. Short, ordinary instructions ("Name
    /// three prime numbers.") score 0.3–0.5, so a lower floor made busy named keys trip the ledger.
    static constexpr double kNearMiss = 0.6;

private:
    struct Scan;
    std::optional<ApiError> block(RequestContext &context, Guard guard, ApiError error, double score,
                                  const QString &detail) const;
    void installResponseFilters(RequestContext &context, const Scan &scan) const;

    std::shared_ptr<SecurityGuards> m_guards;
    std::shared_ptr<const RequestScanner> m_scanner;
    std::shared_ptr<const PiiDetector> m_pii;
};

} // namespace llmproxy
