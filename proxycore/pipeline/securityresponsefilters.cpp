// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/pipeline/securityresponsefilters.h"

#include <QDateTime>
#include <QUrl>

namespace llmproxy {

// ---------------------------------------------------------------------------------------------
// InvisibleCharFilter

InvisibleCharFilter::InvisibleCharFilter(ResponseScanReportPtr report, QSet<TextKind> kinds)
    : m_report(std::move(report)), m_kinds(std::move(kinds))
{
}

void InvisibleCharFilter::beginResponse()
{
    m_blocks.clear();
    if (m_report)
        m_report->invisibleRemoved = {};
}

void InvisibleCharFilter::addCounts(const InvisibleCounts &before, const InvisibleCounts &after)
{
    if (!m_report)
        return;
    m_report->invisibleRemoved.zeroWidth += after.zeroWidth - before.zeroWidth;
    m_report->invisibleRemoved.bidi += after.bidi - before.bidi;
    m_report->invisibleRemoved.tags += after.tags - before.tags;
}

QString InvisibleCharFilter::filterText(int blockIndex, TextKind kind, const QString &text, FilterControl &)
{
    if (!m_kinds.contains(kind))
        return text;
    InvisibleCharStripper &stripper = m_blocks[blockIndex];
    const InvisibleCounts before = stripper.counts();
    QString out = stripper.feed(text);
    addCounts(before, stripper.counts());
    return out;
}

QString InvisibleCharFilter::endBlock(int blockIndex, TextKind kind, FilterControl &)
{
    if (!m_kinds.contains(kind) || !m_blocks.contains(blockIndex))
        return {};
    InvisibleCharStripper stripper = m_blocks.take(blockIndex);
    const InvisibleCounts before = stripper.counts();
    QString out = stripper.finish();
    addCounts(before, stripper.counts());
    return out;
}

// ---------------------------------------------------------------------------------------------
// HomoglyphFlagFilter

HomoglyphFlagFilter::HomoglyphFlagFilter(ResponseScanReportPtr report, QSet<TextKind> kinds)
    : m_report(std::move(report)), m_kinds(std::move(kinds))
{
}

void HomoglyphFlagFilter::beginResponse()
{
    m_blocks.clear();
    if (m_report) {
        m_report->homoglyphWords = 0;
        m_report->homoglyphSamples.clear();
    }
}

QString HomoglyphFlagFilter::filterText(int blockIndex, TextKind kind, const QString &text, FilterControl &)
{
    if (m_kinds.contains(kind))
        m_blocks[blockIndex].feed(text);
    return text;
}

QString HomoglyphFlagFilter::endBlock(int blockIndex, TextKind kind, FilterControl &)
{
    if (!m_kinds.contains(kind) || !m_blocks.contains(blockIndex))
        return {};
    HomoglyphWordScanner scanner = m_blocks.take(blockIndex);
    scanner.finish();
    if (m_report && scanner.flaggedWords() > 0) {
        m_report->homoglyphWords += scanner.flaggedWords();
        for (const QString &sample : scanner.samples()) {
            if (m_report->homoglyphSamples.size() < HomoglyphWordScanner::MaxSamples)
                m_report->homoglyphSamples.append(sample);
        }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// LinkSanitizerFilter

LinkSanitizerFilter::LinkSanitizerFilter(std::shared_ptr<const BlockedDomains> blocked, ResponseScanReportPtr report,
                                         QSet<TextKind> kinds)
    : m_blocked(std::move(blocked)), m_report(std::move(report)), m_kinds(std::move(kinds))
{
}

void LinkSanitizerFilter::beginResponse()
{
    m_blocks.clear();
    if (m_report) {
        m_report->linksReplaced = 0;
        m_report->blockedHosts.clear();
        m_report->exfiltrationImages = 0;
    }
}

LinkSanitizer &LinkSanitizerFilter::sanitizerFor(int blockIndex)
{
    std::shared_ptr<LinkSanitizer> &s = m_blocks[blockIndex];
    if (!s)
        s = std::make_shared<LinkSanitizer>(m_blocked);
    return *s;
}

void LinkSanitizerFilter::noteHosts(const LinkSanitizer &sanitizer)
{
    if (!m_report)
        return;
    for (const QString &host : sanitizer.blockedHosts()) {
        if (m_report->blockedHosts.size() < 5 && !m_report->blockedHosts.contains(host))
            m_report->blockedHosts.append(host);
    }
}

QString LinkSanitizerFilter::filterText(int blockIndex, TextKind kind, const QString &text, FilterControl &)
{
    if (!m_kinds.contains(kind) || !m_blocked || m_blocked->isEmpty())
        return text;
    LinkSanitizer &sanitizer = sanitizerFor(blockIndex);
    const int before = sanitizer.replaced();
    QString out = sanitizer.feed(text);
    if (m_report && sanitizer.replaced() > before) {
        m_report->linksReplaced += sanitizer.replaced() - before;
        noteHosts(sanitizer);
    }
    return out;
}

QString LinkSanitizerFilter::endBlock(int blockIndex, TextKind kind, FilterControl &)
{
    if (!m_kinds.contains(kind) || !m_blocks.contains(blockIndex))
        return {};
    const std::shared_ptr<LinkSanitizer> sanitizer = m_blocks.take(blockIndex);
    const int before = sanitizer->replaced();
    QString out = sanitizer->finish();
    if (m_report && sanitizer->replaced() > before) {
        m_report->linksReplaced += sanitizer->replaced() - before;
        noteHosts(*sanitizer);
    }
    return out;
}

void LinkSanitizerFilter::endResponse(ResponseEnd &end)
{
    if (!m_report)
        return;
    for (const FilteredBlock &block : end.blocks()) {
        if (block.kind == TextKind::ToolArguments)
            continue; // a tool's URL is not rendered by the client
        const QList<FoundLink> links = findLinks(block.text);
        for (const FoundLink &link : links)
            m_report->exfiltrationImages += link.exfiltrationShape() ? 1 : 0;
    }
}

// ---------------------------------------------------------------------------------------------
// PromptLeakFilter

PromptLeakFilter::PromptLeakFilter(std::shared_ptr<const PromptLeakDetector> detector, ResponseScanReportPtr report,
                                   QSet<TextKind> kinds)
    : m_detector(std::move(detector)), m_report(std::move(report)), m_kinds(std::move(kinds)), m_tracker(m_detector)
{
}

canonical::Error PromptLeakFilter::leakError()
{
    canonical::Error e;
    e.status = 403;
    e.type = QStringLiteral("permission_error");
    e.code = QStringLiteral("system_prompt_leak");
    e.message = QStringLiteral("The answer was stopped: it disclosed the system prompt.");
    return e;
}

void PromptLeakFilter::beginResponse()
{
    m_tracker.reset();
    m_held.clear();
    if (m_report) {
        m_report->promptLeak = false;
        m_report->leakKind.clear();
        m_report->leakShingles = 0;
        m_report->leakShare = 0.0;
        if (m_report->blockedBy == name())
            m_report->blockedBy.clear();
    }
}

void PromptLeakFilter::stop(QByteArray kind, FilterControl &control)
{
    if (m_report) {
        m_report->promptLeak = true;
        m_report->leakKind = std::move(kind);
        m_report->leakShingles = m_tracker.matchedShingles();
        m_report->leakShare = m_tracker.share();
        if (m_report->blockedBy.isEmpty() && !control.isBlocked())
            m_report->blockedBy = name();
    }
    control.block(leakError());
}

QString PromptLeakFilter::filterText(int blockIndex, TextKind kind, const QString &text, FilterControl &control)
{
    if (!m_kinds.contains(kind))
        return text;
    const QString &canary = m_detector->canary();
    QString buffer = m_held.isEmpty() ? text : m_held.take(blockIndex) + text;
    qsizetype hold = 0;
    if (!canary.isEmpty()) {
        if (buffer.contains(canary, Qt::CaseInsensitive)) {
            stop(QByteArrayLiteral("canary"), control);
            return {};
        }
        hold = partialTokenAtEnd(buffer, canary);
    }
    if (hold > 0) {
        m_held.insert(blockIndex, buffer.last(hold));
        buffer.chop(hold);
    }
    m_tracker.feed(buffer);
    if (stopOnOverlap(control))
        return {};
    return buffer;
}

bool PromptLeakFilter::stopOnOverlap(FilterControl &control)
{
    if (m_tracker.leaked()) {
        stop(QByteArrayLiteral("overlap"), control);
        return true;
    }
    if (m_report) {
        m_report->leakShingles = m_tracker.matchedShingles();
        m_report->leakShare = m_tracker.share();
    }
    return false;
}

QString PromptLeakFilter::endBlock(int blockIndex, TextKind kind, FilterControl &control)
{
    if (!m_kinds.contains(kind))
        return {};
    QString rest = m_held.take(blockIndex); // a proper prefix of the canary: not a leak by itself
    m_tracker.feed(rest);
    m_tracker.endText();
    if (stopOnOverlap(control))
        return {};
    return rest;
}

// ---------------------------------------------------------------------------------------------
// ResponseSignerFilter

SignedAnswer signedAnswerOf(const QList<FilteredBlock> &blocks)
{
    SignedAnswer answer;
    for (const FilteredBlock &block : blocks) {
        if (block.kind == TextKind::Content)
            answer.text += block.text;
        else if (block.kind == TextKind::ToolArguments)
            answer.toolCalls.append({block.toolName, block.text});
    }
    return answer;
}

ResponseSignerFilter::ResponseSignerFilter(QByteArray key, QString requestId, QString model,
                                           ResponseScanReportPtr report, std::function<qint64()> nowSeconds)
    : m_key(std::move(key)), m_requestId(std::move(requestId)), m_model(std::move(model)), m_report(std::move(report)),
      m_now(std::move(nowSeconds))
{
    if (!m_now)
        m_now = [] { return QDateTime::currentSecsSinceEpoch(); };
}

void ResponseSignerFilter::beginResponse()
{
    if (m_report)
        m_report->signedAnswer = false;
}

QString ResponseSignerFilter::filterText(int, TextKind, const QString &text, FilterControl &)
{
    return text;
}

void ResponseSignerFilter::endResponse(ResponseEnd &end)
{
    if (m_key.isEmpty())
        return;
    SignatureFields fields;
    fields.signedAt = m_now();
    fields.requestId = m_requestId;
    fields.model = m_model;
    fields.answerDigest = answerDigest(signedAnswerOf(end.blocks()));
    const QByteArray signature = signResponse(m_key, fields);
    if (end.isStream()) {
        end.addStreamComment(streamSignatureComment(fields, signature));
    } else {
        end.addHeader(SignatureHeader, signatureHeaderValue(signature));
        end.addHeader(SignedAtHeader, formatSignedAt(fields.signedAt));
        end.addHeader(SignedFieldsHeader, SignedFieldsValue);
        end.addHeader(SignedRequestIdHeader, QUrl::toPercentEncoding(m_requestId));
        end.addHeader(SignedModelHeader, QUrl::toPercentEncoding(m_model));
    }
    if (m_report)
        m_report->signedAnswer = true;
}

} // namespace llmproxy
