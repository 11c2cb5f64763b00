// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace llmproxy {

/// Hard bounds of one decodeEncodedSpans() call. Sizes are in UTF-16 code units (2 bytes each).
struct DecodeLimits
{
    int maxDepth = 3;                      ///< a decoded span is searched again up to this depth
    qsizetype maxOutputRatio = 4;          ///< all decoded text together ≤ ratio × input length
    qsizetype maxOutputUnits = 128 * 1024; ///< and ≤ this many code units (256 KiB)
    int maxSpansPerLevel = 64;             ///< decoded spans kept per depth
    /// Offer the ROT13 variant of the whole input. A caller that matches ROT13 forms of its
    /// patterns directly (the firewall) turns it off and saves a copy of the input.
    bool rot13Variant = true;
};

/// One piece of hidden text found in the input or in another decoded piece.
struct DecodedSpan
{
    QString text;         ///< the decoded text (valid, printable UTF-16)
    QString chain;        ///< encodings peeled, outermost first: "base64", "url>base64", "rot13"
    int depth = 1;        ///< 1 = found in the input itself
    int parent = -1;      ///< index of the span it was found in, -1 = the input
    qsizetype start = 0;  ///< where the encoded form starts in the parent (code units)
    qsizetype length = 0; ///< its length in the parent
    /// ROT13 cannot be told from ordinary text, so it is only offered as a variant of the whole
    /// input (never searched further); a match in it is weaker evidence than in a real decoding.
    bool candidate = false;
};

struct DecodeResult
{
    QList<DecodedSpan> spans;  ///< breadth first: every depth-1 span, then depth 2, then 3
    qsizetype outputUnits = 0; ///< code units of decoded text produced
    bool truncated = false;    ///< a bound stopped the search; the remaining input was not decoded
};

/// Finds encoded text inside `text` and decodes it, layer by layer: base64 and base64url (runs of
/// ≥ 16 alphabet characters with valid length and padding), hex (≥ 16 digits, even length; or
/// ≥ 8 bytes written apart: "49 67", "0x49, 0x67", "49:67", groups of one size, hex dumps), UTF-16
/// text inside base64 or hex,
/// URL percent-encoding (≥ 3 escapes close together), `\uXXXX` / `\xXX` escapes, HTML entities
/// (numeric and a common named set), plus a ROT13 variant of the whole input. A decoding is kept
/// only when it yields valid, printable text, so hashes, UUIDs, words and paths that happen to fit
/// an alphabet produce nothing. Work and memory are linear in the input and bounded by `limits`.
/// Pure function, no shared state: callable from any thread; never throws.
DecodeResult decodeEncodedSpans(QStringView text, const DecodeLimits &limits = {});

} // namespace llmproxy
