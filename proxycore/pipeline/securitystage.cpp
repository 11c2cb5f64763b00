// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/pipeline/securitystage.h"

#include "proxycore/formats/jsonmembers.h"
#include "proxycore/pipeline/requestcontext.h"
#include "proxycore/pipeline/securityresponsefilters.h"
#include "proxycore/pipeline/textreplacefilter.h"
#include "proxycore/security/piidetector.h"
#include "proxycore/security/requestscanner.h"
#include "proxycore/security/responsescan.h"
#include "proxycore/security/signaturestore.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kMinScanChars = 3;
constexpr int kTrajectoryTurns = 3;
constexpr double kTrajectorySum = 1.2;
constexpr int kRepetitionRun = 256; ///< the same word this many times in a row is a flood

/// How the guards read a segment (see SecurityStage).
std::optional<ScanMode> modeFor(const TextSegment &s)
{
    switch (s.kind) {
    case SegmentKind::System:
    case SegmentKind::Reasoning:
        return std::nullopt;
    case SegmentKind::Message:
        if (s.role == u"assistant" || s.role == u"model")
            return ScanMode::SignaturesOnly;
        if (s.role == u"tool" || s.role == u"function")
            return ScanMode::Indirect;
        return ScanMode::Direct;
    case SegmentKind::ToolResult:
        return ScanMode::Indirect;
    case SegmentKind::ToolDescription:
    case SegmentKind::ToolArguments:
        return ScanMode::SignaturesOnly;
    case SegmentKind::Prompt:
    case SegmentKind::EmbeddingInput:
        return ScanMode::Direct;
    }
    return std::nullopt;
}

/// The longest run of one word repeated back to back, in words.
int longestRepetition(QStringView text)
{
    int best = 1, run = 1;
    QStringView previous;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text[i].isSpace())
            ++i;
        const qsizetype start = i;
        while (i < n && !text[i].isSpace())
            ++i;
        if (start == i)
            break;
        const QStringView word = text.sliced(start, i - start);
        run = word == previous ? run + 1 : 1;
        best = std::max(best, run);
        previous = word;
    }
    return best;
}

/// `text` as it must appear inside a JSON string (tool arguments are JSON text).
QString jsonEscaped(const QString &text)
{
    const QByteArray literal = jsonString(text);
    return QString::fromUtf8(literal.sliced(1, literal.size() - 2));
}

QString actionFor(const SecurityConfig &c, PiiType type)
{
    switch (type) {
    case PiiType::Email:
        return c.pii.email;
    case PiiType::Phone:
        return c.pii.phone;
    case PiiType::PaymentCard:
        return c.pii.card;
    case PiiType::Iban:
        return c.pii.iban;
    case PiiType::UsSsn:
        return c.pii.ssn;
    case PiiType::IpAddress:
        return c.pii.ip;
    case PiiType::Secret:
        return c.pii.secret;
    }
    return u"mask"_s;
}

bool filterableApi(ClientApi api)
{
    return api == ClientApi::ChatCompletions || api == ClientApi::Messages || api == ClientApi::Responses;
}

ApiError blockedError(int status, const QString &what, const QByteArray &code, const QString &requestId)
{
    ApiError e;
    e.status = status;
    e.type = status == 403 ? QByteArrayLiteral("permission_error") : QByteArrayLiteral("invalid_request_error");
    e.code = code;
    e.message = u"%1 (request %2)"_s.arg(what, requestId);
    return e;
}

/// Counters and an event for what the response filters of one answer did.
void recordResponseReport(SecurityGuards &guards, const SecurityEvent &base, const ResponseScanReport &r)
{
    if (r.invisibleRemoved.total() > 0 || r.homoglyphWords > 0)
        guards.countFlagged(Guard::ResponseSanitizer);
    if (r.linksReplaced > 0)
        guards.countMasked(Guard::LinkSanitizer, quint64(r.linksReplaced));
    if (r.exfiltrationImages > 0)
        guards.countFlagged(Guard::LinkSanitizer);
    if (r.promptLeak)
        guards.countBlocked(Guard::PromptLeak);
    if (!r.hasFindings())
        return;
    SecurityEvent e = base;
    QStringList detail;
    if (r.promptLeak) {
        e.layer = QString::fromLatin1(guardInfo(Guard::PromptLeak).id);
        e.action = u"block"_s;
        e.reason = u"system_prompt_leak"_s;
        e.score = r.leakShare;
        detail << u"leak=%1 shingles=%2"_s.arg(QString::fromLatin1(r.leakKind)).arg(r.leakShingles);
    } else if (r.linksReplaced > 0) {
        e.layer = QString::fromLatin1(guardInfo(Guard::LinkSanitizer).id);
        e.action = u"mask"_s;
        e.reason = u"blocked_link"_s;
    } else {
        e.layer = QString::fromLatin1(guardInfo(Guard::ResponseSanitizer).id);
        e.action = u"flag"_s;
        e.reason = r.homoglyphWords > 0 ? u"homoglyph_words"_s : u"invisible_characters"_s;
    }
    if (r.linksReplaced > 0)
        detail << u"links=%1 hosts=%2"_s.arg(r.linksReplaced).arg(r.blockedHosts.join(u','));
    if (r.exfiltrationImages > 0)
        detail << u"exfiltration_images=%1"_s.arg(r.exfiltrationImages);
    if (r.invisibleRemoved.total() > 0)
        detail << u"invisible=%1"_s.arg(r.invisibleRemoved.total());
    if (r.homoglyphWords > 0)
        detail << u"homoglyph_words=%1"_s.arg(r.homoglyphWords);
    e.detail = detail.join(u' ');
    guards.addEvent(std::move(e));
}

} // namespace

/// What one request's scan found, for the response filters.
struct SecurityStage::Scan
{
    QString systemPrompt; ///< the operator's prompt (every system segment), for the leak guard
    QString canary;       ///< the canary token added to it, when the canary is on
};

SecurityStage::SecurityStage(std::shared_ptr<SecurityGuards> guards, std::shared_ptr<const RequestScanner> scanner,
                             std::shared_ptr<const PiiDetector> pii)
    : m_guards(std::move(guards)), m_scanner(std::move(scanner)), m_pii(std::move(pii))
{
}

SecurityStage::~SecurityStage() = default;

std::optional<ApiError> SecurityStage::block(RequestContext &context, Guard guard, ApiError error, double score,
                                             const QString &detail) const
{
    const GuardInfo &info = guardInfo(guard);
    context.record.blockedBy = QString::fromLatin1(info.id);
    m_guards->countBlocked(guard);
    SecurityEvent event;
    event.requestId = context.record.requestId;
    event.keyName = context.key ? context.key->name() : QString();
    event.model = context.model;
    event.layer = QString::fromLatin1(info.id);
    event.action = u"block"_s;
    event.reason = QString::fromLatin1(error.code);
    event.detail = detail;
    event.score = score;
    m_guards->addEvent(std::move(event));
    qInfo("request %s blocked by %s: %s (%s)", qPrintable(context.record.requestId), info.id, error.code.constData(),
          qPrintable(detail));
    return error;
}

std::optional<ApiError> SecurityStage::process(RequestContext &context) const
{
    if (!m_guards->masterOn() || !context.view)
        return std::nullopt;
    QElapsedTimer timer;
    timer.start();
    const std::shared_ptr<const SecurityConfig> config = m_guards->config();
    const QString &requestId = context.record.requestId;
    const QList<TextSegment> &segments = context.view->segments();

    auto finish = [&](std::optional<ApiError> result) {
        m_guards->recordScan(timer.nsecsElapsed(), result.has_value());
        return result;
    };

    // -- flood guard ---------------------------------------------------------------------------------
    if (m_guards->isOn(Guard::Flood)) {
        m_guards->countScanned(Guard::Flood);
        int messages = 0;
        qint64 bytes = 0;
        for (const TextSegment &s : segments) {
            messages = std::max(messages, s.message + 1);
            bytes += s.text.size() * 2;
        }
        if (config->maxMessages > 0 && messages > config->maxMessages)
            return finish(block(
                context, Guard::Flood,
                blockedError(413,
                             u"The conversation has %1 messages; the gateway accepts at most %2"_s.arg(messages).arg(
                                 config->maxMessages),
                             "too_many_messages", requestId),
                1.0, u"messages=%1"_s.arg(messages)));
        if (bytes > config->maxTextBytes)
            return finish(block(
                context, Guard::Flood,
                blockedError(413,
                             u"The request carries %1 bytes of text; the gateway accepts at most %2"_s.arg(bytes).arg(
                                 config->maxTextBytes),
                             "request_too_large", requestId),
                1.0, u"text_bytes=%1"_s.arg(bytes)));
        for (const TextSegment &s : segments) {
            if (s.text.size() < kRepetitionRun * 2 || modeFor(s) != ScanMode::Direct)
                continue;
            if (const int run = longestRepetition(s.text); run >= kRepetitionRun)
                return finish(block(context, Guard::Flood,
                                    blockedError(400, u"The request repeats one word %1 times in a row"_s.arg(run),
                                                 "repetition_flood", requestId),
                                    1.0, u"repetition=%1"_s.arg(run)));
        }
    }

    const bool firewallOn = m_guards->isOn(Guard::Firewall);
    const bool injectionOn = m_guards->isOn(Guard::Injection);
    const bool piiOn = m_guards->isOn(Guard::Pii);
    if (firewallOn)
        m_guards->countScanned(Guard::Firewall);
    if (injectionOn)
        m_guards->countScanned(Guard::Injection);
    if (piiOn)
        m_guards->countScanned(Guard::Pii);

    Scan scan;
    QList<double> userTurnScores; // direct turns, in order, for the trajectory
    double freshMax = 0.0;        // the highest score of the texts scanned now (not answered by the cache)
    QHash<QString, int> masked; // label → values masked
    bool flaggedInvisible = false;
    bool signatureHit = false; // a plain-text signature match that the composite let through

    const bool canaryOn = config->canary && m_guards->isOn(Guard::PromptLeak) && filterableApi(context.api);
    const quint64 generation = quint64(quintptr(m_scanner->signatures().current().get()));
    const auto scanSalt = [&](ScanMode mode) {
        return (generation << 8) | (quint64(mode) << 3) | (firewallOn ? 1U : 0U) | (injectionOn ? 2U : 0U) |
               (piiOn ? 4U : 0U);
    };
    // The operator's prompt and the tool descriptions first: values masked in the descriptions get
    // the first placeholder numbers, so that part of the request (the prefix a provider's prompt
    // cache keeps) reads the same whatever the conversation adds. Messages keep their order after.
    QList<int> order;
    order.reserve(segments.size());
    for (const bool leading : {true, false}) {
        for (int i = 0; i < segments.size(); ++i) {
            const SegmentKind kind = segments[i].kind;
            if ((kind == SegmentKind::System || kind == SegmentKind::ToolDescription) == leading)
                order.append(i);
        }
    }
    for (const int i : std::as_const(order)) {
        const TextSegment &segment = segments[i];
        QString detail;
        if (segment.kind == SegmentKind::System) {
            if (!scan.systemPrompt.isEmpty())
                scan.systemPrompt += u'\n';
            scan.systemPrompt += segment.text;
            if (canaryOn && scan.canary.isEmpty()) {
                // One canary per key and process: the prompt stays the same from one request to
                // the next, so a provider's prompt cache keeps working.
                scan.canary = m_guards->canaryFor(context.key ? context.key->name() : QString());
                context.patches.append({i, segment.text + u"\n\n(Confidential marker: "_s + scan.canary + u')'});
            }
            continue;
        }
        const std::optional<ScanMode> mode = modeFor(segment);
        if (!mode || segment.text.size() < kMinScanChars)
            continue;

        // Texts already scanned (an agent's history, resent every turn) keep their verdict. The key
        // covers the switches and the signature generation, so a change of either scans again.
        const SecurityGuards::ScanKey key = m_guards->scanKey(scanSalt(*mode), segment.text);
        std::optional<SecurityGuards::CachedScan> verdict = m_guards->cached(key);
        const bool freshScan = !verdict;
        QList<PiiMatch> found;
        if (!verdict) {
            SecurityGuards::CachedScan fresh;
            if (firewallOn || injectionOn) {
                const TextVerdict v = m_scanner->scan(segment.text, *mode, firewallOn, injectionOn);
                if (v.firewall && (v.hidden || !injectionOn)) {
                    // Hidden attack text is a verdict; so is a plain match when nothing scores it.
                    const FirewallHit &hit = *v.firewall;
                    return finish(block(
                        context, Guard::Firewall,
                        blockedError(403, u"The request matches a known attack signature"_s, "firewall_signature",
                                     requestId),
                        1.0, u"signature=%1 family=%2 encoding=%3"_s.arg(hit.signatureId, hit.family, hit.encoding)));
                }
                if (v.firewall)
                    signatureHit = true;
                if (v.counts.invisible() > 0)
                    flaggedInvisible = true;
                fresh.injection = *mode == ScanMode::SignaturesOnly ? 0.0 : v.injection;
                fresh.firewallHit = v.firewall.has_value();
                detail = v.detail();
            }
            if (piiOn)
                found = m_pii->find(segment.text);
            fresh.hasPii = !piiOn || !found.isEmpty(); // unknown while the PII guard is off
            m_guards->remember(key, fresh);
            verdict = fresh;
        } else if (piiOn && verdict->hasPii) {
            found = m_pii->find(segment.text);
        }
        const double score = verdict->injection;
        if (injectionOn && *mode != ScanMode::SignaturesOnly && score >= m_scanner->blockThreshold()) {
            const bool indirect = *mode == ScanMode::Indirect;
            if (verdict->firewallHit && firewallOn)
                return finish(block(context, Guard::Firewall,
                                    blockedError(403, u"The request matches a known attack signature"_s,
                                                 "firewall_signature", requestId),
                                    score, (indirect ? u"indirect "_s : QString()) + detail));
            return finish(block(context, Guard::Injection,
                                blockedError(403,
                                             indirect ? u"A tool result or document in the request carries a "
                                                        u"prompt injection"_s
                                                      : u"The request looks like a prompt injection"_s,
                                             "prompt_injection", requestId),
                                score, (indirect ? u"indirect "_s : QString()) + detail));
        }
        if (freshScan)
            freshMax = std::max(freshMax, score);
        if (*mode == ScanMode::Direct && segment.kind != SegmentKind::EmbeddingInput)
            userTurnScores.append(score);

        // -- PII and secrets -------------------------------------------------------------------------
        if (found.isEmpty())
            continue;
        QString text;
        qsizetype copied = 0;
        bool changed = false;
        for (const PiiMatch &m : found) {
            const QString action = actionFor(*config, m.type);
            const QString label = piiTypeLabel(m.type);
            if (action == u"off")
                continue;
            if (action == u"block")
                return finish(block(context, Guard::Pii,
                                    blockedError(400,
                                                 u"The request contains a value of a protected type (%1); the "
                                                 u"gateway's policy refuses it"_s.arg(label),
                                                 "pii_blocked", requestId),
                                    1.0, label));
            if (action == u"log" || !filterableApi(context.api)) {
                // Legacy completions and embeddings cannot have their answers restored; their values
                // are reported instead of masked (embeddings of placeholders would be meaningless).
                m_guards->countFlagged(Guard::Pii);
                continue;
            }
            text += QStringView(segment.text).sliced(copied, m.start - copied);
            text += context.vault.keep(label, segment.text.mid(m.start, m.length));
            copied = m.start + m.length;
            changed = true;
            ++masked[label];
        }
        if (changed) {
            text += QStringView(segment.text).sliced(copied);
            context.patches.append({i, text});
        }
    }

    // -- trajectory: recent user turns that together build up an attack --------------------------------
    if (injectionOn && m_guards->isOn(Guard::Trajectory) && userTurnScores.size() >= kTrajectoryTurns) {
        double sum = 0.0;
        int suspicious = 0;
        for (qsizetype t = userTurnScores.size() - kTrajectoryTurns; t < userTurnScores.size(); ++t) {
            sum += userTurnScores[t];
            suspicious += userTurnScores[t] >= kSuspicious ? 1 : 0;
        }
        m_guards->countScanned(Guard::Trajectory);
        if (sum >= kTrajectorySum && suspicious >= 2)
            return finish(block(context, Guard::Trajectory,
                                blockedError(403, u"The conversation's recent turns together look like an attack"_s,
                                             "multi_turn_injection", requestId),
                                sum / kTrajectoryTurns,
                                u"last %1 turns sum=%2"_s.arg(kTrajectoryTurns).arg(sum, 0, 'f', 2)));
    }

    // -- threat ledger: an origin that keeps sending near misses ----------------------------------------
    // Keyed clients are tracked by key, others by address; this machine's own clients (the desktop,
    // local coding tools) are one user the ledger has nothing to learn about. Only new text counts:
    // a conversation resending one borderline turn is not a new attempt each time.
    const bool keyed = context.key && !context.key->name().isEmpty();
    if (injectionOn && m_guards->isOn(Guard::ThreatLedger) && freshMax >= kNearMiss &&
        (keyed || !context.request.peer.isLoopback())) {
        m_guards->countScanned(Guard::ThreatLedger);
        const QString actor = keyed ? u"key:"_s + context.key->name() : u"ip:"_s + context.request.peer.toString();
        if (m_guards->ledgerRecord(actor, freshMax, QDateTime::currentMSecsSinceEpoch()))
            return finish(block(context, Guard::ThreatLedger,
                                blockedError(403, u"Too many suspicious requests came from this origin recently"_s,
                                             "threat_ledger", requestId),
                                freshMax, actor.startsWith(u"key:") ? u"key"_s : u"address"_s));
    }

    if (flaggedInvisible || signatureHit)
        m_guards->countFlagged(Guard::Firewall);
    if (!masked.isEmpty()) {
        int total = 0;
        QStringList labels;
        for (auto it = masked.cbegin(); it != masked.cend(); ++it) {
            total += it.value();
            labels << u"%1×%2"_s.arg(it.key()).arg(it.value());
        }
        labels.sort();
        m_guards->countMasked(Guard::Pii, quint64(total));
        SecurityEvent event;
        event.requestId = requestId;
        event.keyName = context.key ? context.key->name() : QString();
        event.model = context.model;
        event.layer = u"pii"_s;
        event.action = u"mask"_s;
        event.reason = u"pii_masked"_s;
        event.detail = labels.join(u' ');
        m_guards->addEvent(std::move(event));
    }
    installResponseFilters(context, scan);
    return finish(std::nullopt);
}

void SecurityStage::installResponseFilters(RequestContext &context, const Scan &scan) const
{
    if (!filterableApi(context.api))
        return;
    const std::shared_ptr<const SecurityConfig> config = m_guards->config();
    auto chain = [&context]() -> ResponseFilterChain & {
        if (!context.responseFilters)
            context.responseFilters = std::make_shared<ResponseFilterChain>();
        return *context.responseFilters;
    };
    if (!context.vault.isEmpty()) {
        // Placeholders back to the values they hide; in tool arguments (JSON text) as JSON string
        // text. Required: an answer the relay cannot decode must not reach the client with them.
        QList<QPair<QString, QString>> text, json;
        for (const auto &[placeholder, original] : context.vault.entries()) {
            text.append({placeholder, original});
            json.append({placeholder, jsonEscaped(original)});
        }
        chain().append(std::make_shared<TextReplaceFilter>(std::move(text),
                                                           QSet<TextKind>{TextKind::Content, TextKind::Reasoning}));
        chain().append(std::make_shared<TextReplaceFilter>(std::move(json), QSet<TextKind>{TextKind::ToolArguments}));
    }

    const bool sanitize = m_guards->isOn(Guard::ResponseSanitizer);
    const bool leak = m_guards->isOn(Guard::PromptLeak) && !scan.systemPrompt.isEmpty();
    const bool links = m_guards->isOn(Guard::LinkSanitizer) && !config->blockedDomains.isEmpty();
    const bool sign = m_guards->isOn(Guard::Signing);
    if (!sanitize && !leak && !links && !sign)
        return;

    // The filters report what they did; the report turns into counters and an event when the
    // request is over (its last owner, the chain, goes away on the request's worker).
    const std::shared_ptr<SecurityGuards> guards = m_guards;
    SecurityEvent base;
    base.requestId = context.record.requestId;
    base.keyName = context.key ? context.key->name() : QString();
    base.model = context.model;
    const ResponseScanReportPtr report(new ResponseScanReport, [guards, base](ResponseScanReport *r) {
        recordResponseReport(*guards, base, *r);
        delete r;
    });
    // Sanitizing filters step aside for an answer the relay cannot decode; signing does not.
    if (sanitize)
        chain().append(std::make_shared<InvisibleCharFilter>(report), false);
    if (leak) {
        if (std::shared_ptr<const PromptLeakDetector> detector = m_guards->leakDetector(scan.systemPrompt, scan.canary);
            detector->requiredShingles() > 0 || !detector->canary().isEmpty())
            chain().append(std::make_shared<PromptLeakFilter>(std::move(detector), report), false);
    }
    if (links)
        chain().append(std::make_shared<LinkSanitizerFilter>(m_guards->blockedDomains(), report), false);
    if (sanitize)
        chain().append(std::make_shared<HomoglyphFlagFilter>(report), false);
    if (sign)
        chain().append(std::make_shared<ResponseSignerFilter>(config->signingKey.toUtf8(), context.record.requestId,
                                                              context.model, report),
                       true);
}

} // namespace llmproxy
