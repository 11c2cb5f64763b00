// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/security/encodingdecoder.h"
#include "proxycore/security/signatureset.h"
#include "proxycore/security/textnormalizer.h"

#include <QString>
#include <QStringView>

#include <memory>
#include <optional>

namespace llmproxy {

/// The signature a text matched and how the text was hidden.
struct FirewallHit
{
    QString signatureId; ///< SignatureInfo::id
    QString family;      ///< SignatureInfo::family
    /// Where the match was found: "plaintext"; "leetspeak"; "zero_width" (only matches once the
    /// zero-width or bidi characters are dropped, or read as spaces); "unicode_tags" (text carried
    /// by invisible Unicode tag characters); "rot13" (a phrase's ROT13 form, or a ROT13
    /// signature); a decoder chain such as "base64", "hex",
    /// "url>base64", "base64>hex"; several joined by '+' when the match needs the text with its
    /// encoded pieces decoded in place ("escape", "url+html"); a leetspeak variant inside one
    /// ("base64>leetspeak"), ">rot13" after any of them; and the
    /// same below "unicode_tags>" for text carried by tag characters.
    QString encoding;
};

/// Everything one Firewall::inspect() found.
struct FirewallReport
{
    std::optional<FirewallHit> hit; ///< the first match, in the order documented on inspect()
    NormalizationCounts counts;     ///< what normalising the text removed or folded: a signal of its own
    int variantsScanned = 0;        ///< RE2::Set passes made (each a distinct text variant)
    bool decodeTruncated = false;   ///< the decoder's bounds cut the search of encoded spans short
};

/// The request firewall's signature layer: prepares a text (normalizeForScan, decodeEncodedSpans)
/// and matches every variant of it against one SignatureSet. A cheap value object: build one per
/// request from SignatureStore::current() (a shared_ptr copy) or keep one per set.
///
/// Thread-safe: inspect() and scan() are const and share nothing mutable, so one Firewall may be
/// used from any number of threads. Cost is linear in the text and bounded for any input (RE2 only;
/// the decoder's DecodeLimits bound the decoded text); never throws.
class Firewall
{
public:
    /// `signatures` null means no signatures (nothing matches).
    explicit Firewall(std::shared_ptr<const SignatureSet> signatures);

    /// Scans `text`, stopping at the first match, variant by variant: the normalised text; its
    /// leetspeak variant; the text with zero-width and bidi characters read as spaces (only when
    /// it has some); the payload of Unicode tag characters (decoded to ASCII and scanned like a
    /// text of its own); every span decodeEncodedSpans() finds, normalised again (and its
    /// leetspeak variant); the text with the spans found in it decoded in place; the ROT13
    /// signatures (only when they are not all ROT13 forms of phrases). Each pass matches the
    /// phrases in plain and in ROT13 form at once. Each distinct variant costs one RE2::Set pass;
    /// a variant identical to one already scanned is skipped: ordinary ASCII prose costs one pass.
    FirewallReport inspect(QStringView text) const;
    /// inspect(text) with the text already prepared by the caller: `normalized` is
    /// normalizeForScan(text) and `decoded` is decodeEncodedSpans(text) (with or without its ROT13
    /// variant, which is not used here). Lets the injection scanner prepare each text once.
    FirewallReport inspect(QStringView text, const NormalizedText &normalized, const DecodeResult &decoded) const;

    /// inspect(text).hit.
    std::optional<FirewallHit> scan(QStringView text) const;

    const std::shared_ptr<const SignatureSet> &signatures() const { return m_signatures; }

private:
    std::shared_ptr<const SignatureSet> m_signatures;
};

} // namespace llmproxy
