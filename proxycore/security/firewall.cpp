// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/firewall.h"

#include "proxycore/security/encodingdecoder.h"

#include <QByteArray>
#include <QChar>
#include <QList>
#include <QStringList>

#include <algorithm>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

/// `text` with every BMP format character (zero-width, bidi controls, soft hyphen: Unicode
/// category Cf) replaced by a space, so words that were separated only by them stay apart.
QString invisibleAsSpace(QStringView text)
{
    QString out = text.toString();
    for (QChar &c : out) {
        if (c.unicode() >= 0x80 && !c.isSurrogate() && c.category() == QChar::Other_Format)
            c = u' ';
    }
    return out;
}

/// The ASCII text carried by Unicode tag characters (U+E0020–U+E007E, each the tag form of the
/// ASCII character 0x20–0x7E), in order; empty when there is none.
QString tagPayload(QStringView text)
{
    QString out;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i + 1 < n; ++i) {
        const QChar hi = text[i];
        if (!hi.isHighSurrogate() || !text[i + 1].isLowSurrogate())
            continue;
        const char32_t cp = QChar::surrogateToUcs4(hi, text[i + 1]);
        if (cp >= 0xE0020 && cp <= 0xE007E)
            out.append(QChar(char16_t(cp - 0xE0000)));
        ++i;
    }
    return out;
}

/// The state of one inspect() call.
class Scan
{
public:
    Scan(const SignatureSet &set, FirewallReport &report) : m_set(set), m_report(report) {}

    /// Scans `raw` and everything hidden in it; `prefix` names the layer it came from ("" for the
    /// request text, "unicode_tags" for a tag payload). True when a signature matched.
    bool layer(QStringView raw, const QString &prefix);
    /// layer(raw, prefix) with `raw` normalised and decoded already.
    bool layer(QStringView raw, const QString &prefix, const NormalizedText &normalized, const DecodeResult &decoded);

private:
    QString name(const QString &encoding) const { return m_prefix.isEmpty() ? encoding : m_prefix + u'>' + encoding; }
    /// Matches `utf8` unless an identical variant was scanned already; records a hit as `encoding`.
    bool variant(const QByteArray &utf8, const QString &encoding, bool rot13Set = false);
    bool hit(const SignatureMatch &match, const QString &encoding);
    bool normalizedVariants(QStringView text, const QString &encoding);

    const SignatureSet &m_set;
    FirewallReport &m_report;
    QList<QByteArray> m_seen;
    QString m_prefix;
};

bool Scan::hit(const SignatureMatch &match, const QString &encoding)
{
    const SignatureInfo &info = m_set.at(match.index);
    QString where = encoding;
    if (match.rot13 && !where.endsWith(u"rot13"_s))
        where = where == u"plaintext"_s ? u"rot13"_s : where + u">rot13"_s;
    m_report.hit = FirewallHit{info.id, info.family, where};
    return true;
}

bool Scan::variant(const QByteArray &utf8, const QString &encoding, bool rot13Set)
{
    if (utf8.isEmpty())
        return false;
    if (!rot13Set) {
        for (const QByteArray &seen : std::as_const(m_seen)) {
            if (seen.size() == utf8.size() && seen == utf8)
                return false;
        }
        m_seen.append(utf8);
    }
    ++m_report.variantsScanned;
    const QList<SignatureMatch> found = rot13Set ? m_set.rot13Matches(utf8) : m_set.matches(utf8);
    return !found.isEmpty() && hit(found.constFirst(), encoding);
}

bool Scan::normalizedVariants(QStringView text, const QString &encoding)
{
    const NormalizedText n = normalizeForScan(text);
    if (variant(n.text.toUtf8(), encoding))
        return true;
    return n.hasLeetspeak() && variant(n.leetspeak.toUtf8(), encoding + u">leetspeak"_s);
}

bool Scan::layer(QStringView raw, const QString &prefix)
{
    // No ROT13 variant from the decoder: every phrase is matched in its ROT13 form by each pass.
    DecodeLimits limits;
    limits.rot13Variant = false;
    return layer(raw, prefix, normalizeForScan(raw), decodeEncodedSpans(raw, limits));
}

bool Scan::layer(QStringView raw, const QString &prefix, const NormalizedText &normalized, const DecodeResult &decoded)
{
    m_prefix = prefix;
    const NormalizationCounts &counts = normalized.counts;
    if (prefix.isEmpty())
        m_report.counts = counts;
    const QByteArray plain = normalized.text.toUtf8();
    const bool separators = counts.zeroWidth + counts.bidi > 0;

    // Plain text. With zero-width or bidi characters present, a match that disappears when they
    // are read as spaces was assembled by removing them: report the smuggling, not plain text.
    m_seen.append(plain);
    ++m_report.variantsScanned;
    if (const QList<SignatureMatch> found = m_set.matches(plain); !found.isEmpty()) {
        QString encoding = prefix.isEmpty() ? u"plaintext"_s : prefix;
        if (separators) {
            const QByteArray spaced = normalizeForScan(invisibleAsSpace(raw)).text.toUtf8();
            ++m_report.variantsScanned;
            const QList<SignatureMatch> again = m_set.matches(spaced);
            const SignatureMatch &first = found.constFirst();
            if (std::none_of(again.begin(), again.end(), [&first](const SignatureMatch &m) {
                    return m.index == first.index && m.rot13 == first.rot13;
                }))
                encoding = name(u"zero_width"_s);
        }
        return hit(found.constFirst(), encoding);
    }
    if (normalized.hasLeetspeak() && variant(normalized.leetspeak.toUtf8(), name(u"leetspeak"_s)))
        return true;
    // Zero-width characters used as word separators: "ignore\u200Bprevious\u200Binstructions".
    if (separators && normalizedVariants(invisibleAsSpace(raw), name(u"zero_width"_s)))
        return true;
    if (counts.tags > 0 && prefix.isEmpty()) {
        const QString payload = tagPayload(raw);
        if (!payload.isEmpty() && layer(payload, u"unicode_tags"_s))
            return true;
        m_prefix = prefix;
    }

    m_report.decodeTruncated = m_report.decodeTruncated || decoded.truncated;
    for (const DecodedSpan &span : decoded.spans) {
        if (!span.candidate && normalizedVariants(span.text, name(span.chain)))
            return true;
    }
    // Encodings inside a sentence ("\u0069gnore previous instructions"): the text with each span
    // found in it replaced by its decoding, so the plain words around it still form the phrase.
    QString spliced;
    QStringList chains;
    qsizetype done = 0;
    for (const DecodedSpan &span : decoded.spans) {
        if (span.candidate || span.parent != -1 || span.start < done)
            continue;
        spliced += raw.sliced(done, span.start - done) + span.text;
        done = span.start + span.length;
        if (!chains.contains(span.chain))
            chains.append(span.chain);
    }
    if (!chains.isEmpty()) {
        spliced += raw.sliced(done);
        if (normalizedVariants(spliced, name(chains.join(u'+'))))
            return true;
    }

    if (m_set.hasRot13Signatures() && !m_set.rot13Covered())
        return variant(plain, name(u"rot13"_s), true);
    return false;
}

} // namespace

Firewall::Firewall(std::shared_ptr<const SignatureSet> signatures) : m_signatures(std::move(signatures)) {}

FirewallReport Firewall::inspect(QStringView text) const
{
    FirewallReport report;
    if (!m_signatures || text.isEmpty())
        return report;
    Scan(*m_signatures, report).layer(text, QString());
    return report;
}

FirewallReport Firewall::inspect(QStringView text, const NormalizedText &normalized, const DecodeResult &decoded) const
{
    FirewallReport report;
    if (!m_signatures || text.isEmpty())
        return report;
    Scan(*m_signatures, report).layer(text, QString(), normalized, decoded);
    return report;
}

std::optional<FirewallHit> Firewall::scan(QStringView text) const
{
    return inspect(text).hit;
}

} // namespace llmproxy
