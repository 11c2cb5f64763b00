// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/pipeline/responsefilter.h"
#include "proxycore/security/responsescan.h"
#include "proxycore/security/responsesignature.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

/// The security side of the response filter chain: invisible characters removed, look-alike words
/// flagged, links to blocked domains replaced, system-prompt leaks stopped, answers signed. Each
/// filter serves one request (it keeps per-answer state) and works on the text pieces the relay
/// gives it, holding back only what a later piece could still change; every hold-back is bounded.
///
/// Suggested order in a chain: InvisibleCharFilter first (the others then see clean text, so a
/// canary or a domain split by zero-width characters is still recognised), then PromptLeakFilter,
/// LinkSanitizerFilter, HomoglyphFlagFilter, and ResponseSignerFilter last among the filters that
/// change text (it signs what the client receives, whatever its position, but a filter after it
/// could still block).
namespace llmproxy {

/// What the security response filters did to one answer. The filters of one request share one
/// report and write to it on the request's worker thread; whoever built the chain reads it there
/// once the answer ended (or was blocked) and turns it into events. Each filter resets its own
/// fields when a new answer (attempt) begins.
struct ResponseScanReport
{
    InvisibleCounts invisibleRemoved; ///< InvisibleCharFilter
    int homoglyphWords = 0;           ///< HomoglyphFlagFilter: mixed-script look-alike words
    QStringList homoglyphSamples;     ///< the first few of them
    int linksReplaced = 0;            ///< LinkSanitizerFilter: links to blocked domains replaced
    QStringList blockedHosts;         ///< their hosts (distinct, at most 5)
    int exfiltrationImages = 0;       ///< auto-loaded images whose URL carries long data (flag only)
    bool promptLeak = false;          ///< PromptLeakFilter stopped the answer
    QByteArray leakKind;              ///< "canary" or "overlap" when promptLeak
    int leakShingles = 0;             ///< prompt shingles seen in the answer (at the stop or the end)
    double leakShare = 0.0;           ///< their share of the prompt's shingles
    bool signedAnswer = false;        ///< ResponseSignerFilter attached a signature
    QByteArray blockedBy;             ///< name of the filter that stopped the answer; empty when none

    /// Something worth an event: a change, a flag or a stop (signing alone is not).
    bool hasFindings() const
    {
        return invisibleRemoved.total() > 0 || homoglyphWords > 0 || linksReplaced > 0 || exfiltrationImages > 0 ||
               promptLeak;
    }
};

using ResponseScanReportPtr = std::shared_ptr<ResponseScanReport>;

/// All text kinds (the default of the filters that change or stop text).
inline QSet<TextKind> allTextKinds()
{
    return {TextKind::Content, TextKind::Reasoning, TextKind::ToolArguments};
}

/// Removes invisible and bidi-control characters (see InvisibleCharStripper: joiners and
/// direction marks inside non-Latin writing stay) and counts them in the report.
class InvisibleCharFilter : public ResponseFilter
{
public:
    explicit InvisibleCharFilter(ResponseScanReportPtr report, QSet<TextKind> kinds = allTextKinds());

    QByteArray name() const override { return QByteArrayLiteral("invisible-chars"); }
    void beginResponse() override;
    QString filterText(int blockIndex, TextKind kind, const QString &text, FilterControl &control) override;
    QString endBlock(int blockIndex, TextKind kind, FilterControl &control) override;

private:
    void addCounts(const InvisibleCounts &before, const InvisibleCounts &after);

    ResponseScanReportPtr m_report;
    QSet<TextKind> m_kinds;
    QHash<int, InvisibleCharStripper> m_blocks;
};

/// Flags words mixing Latin letters with look-alikes of another script (HomoglyphWordScanner);
/// never changes or delays text.
class HomoglyphFlagFilter : public ResponseFilter
{
public:
    explicit HomoglyphFlagFilter(ResponseScanReportPtr report,
                                 QSet<TextKind> kinds = {TextKind::Content, TextKind::Reasoning});

    QByteArray name() const override { return QByteArrayLiteral("homoglyph-flag"); }
    void beginResponse() override;
    QString filterText(int blockIndex, TextKind kind, const QString &text, FilterControl &control) override;
    QString endBlock(int blockIndex, TextKind kind, FilterControl &control) override;

private:
    ResponseScanReportPtr m_report;
    QSet<TextKind> m_kinds;
    QHash<int, HomoglyphWordScanner> m_blocks;
};

/// Replaces links to blocked domains with `[BLOCKED_LINK]` (LinkSanitizer: only a link in
/// progress is held back, at most 2048 characters). At the end it also counts, as a flag, images
/// a client would load on its own whose URL carries long data (the exfiltration shape).
class LinkSanitizerFilter : public ResponseFilter
{
public:
    LinkSanitizerFilter(std::shared_ptr<const BlockedDomains> blocked, ResponseScanReportPtr report,
                        QSet<TextKind> kinds = allTextKinds());

    QByteArray name() const override { return QByteArrayLiteral("link-sanitizer"); }
    void beginResponse() override;
    QString filterText(int blockIndex, TextKind kind, const QString &text, FilterControl &control) override;
    QString endBlock(int blockIndex, TextKind kind, FilterControl &control) override;
    void endResponse(ResponseEnd &end) override;

private:
    LinkSanitizer &sanitizerFor(int blockIndex);
    void noteHosts(const LinkSanitizer &sanitizer);

    std::shared_ptr<const BlockedDomains> m_blocked;
    ResponseScanReportPtr m_report;
    QSet<TextKind> m_kinds;
    QHash<int, std::shared_ptr<LinkSanitizer>> m_blocks;
};

/// Stops an answer that leaks the operator's system prompt: its canary token, or enough word
/// overlap with it (PromptLeakDetector). The answer ends with a canonical::Error, status 403,
/// type `permission_error`, code `system_prompt_leak`. A piece's tail that could be the start of
/// the canary is held back, so no part of the canary reaches the client once its whole text could
/// be recognised; the piece that completes the leak is not passed on either.
class PromptLeakFilter : public ResponseFilter
{
public:
    PromptLeakFilter(std::shared_ptr<const PromptLeakDetector> detector, ResponseScanReportPtr report,
                     QSet<TextKind> kinds = allTextKinds());

    QByteArray name() const override { return QByteArrayLiteral("prompt-leak"); }
    void beginResponse() override;
    QString filterText(int blockIndex, TextKind kind, const QString &text, FilterControl &control) override;
    QString endBlock(int blockIndex, TextKind kind, FilterControl &control) override;

    /// The error an answer is stopped with.
    static canonical::Error leakError();

private:
    void stop(QByteArray kind, FilterControl &control);
    /// Stops the answer when what the tracker has read leaks the prompt; otherwise updates the report.
    bool stopOnOverlap(FilterControl &control);

    std::shared_ptr<const PromptLeakDetector> m_detector;
    ResponseScanReportPtr m_report;
    QSet<TextKind> m_kinds;
    PromptLeakTracker m_tracker;
    QHash<int, QString> m_held; ///< per block: a tail that may be the start of the canary
};

/// Signs the answer the client receives (see responsesignature.h): buffered answers get the
/// signature headers, streams a final SSE comment line. Changes no text; one per request.
class ResponseSignerFilter : public ResponseFilter
{
public:
    /// `key`: the HMAC key (signingKeyFromEnvironment()); an empty key signs nothing. `nowSeconds`
    /// gives the signing time (UTC seconds; the system clock when empty).
    ResponseSignerFilter(QByteArray key, QString requestId, QString model, ResponseScanReportPtr report = {},
                         std::function<qint64()> nowSeconds = {});

    QByteArray name() const override { return QByteArrayLiteral("response-signer"); }
    void beginResponse() override;
    QString filterText(int blockIndex, TextKind kind, const QString &text, FilterControl &control) override;
    void endResponse(ResponseEnd &end) override;

private:
    QByteArray m_key;
    QString m_requestId;
    QString m_model;
    ResponseScanReportPtr m_report;
    std::function<qint64()> m_now;
};

/// The signed parts of a filtered answer: Content blocks joined, tool calls with their arguments.
SignedAnswer signedAnswerOf(const QList<FilteredBlock> &blocks);

} // namespace llmproxy
