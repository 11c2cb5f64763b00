// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Fuzz target: the request firewall's text preparation (normalizeForScan, decodeEncodedSpans) on
// any text, read as UTF-8 and, for lone surrogates, as raw UTF-16. Checks that normalising the
// output again changes nothing and leaves nothing invisible, and that the decoder keeps every
// bound (depth, spans per depth, output size) with default and with tight limits, and that every
// span points inside its parent.
#include "proxycore/security/encodingdecoder.h"
#include "proxycore/security/textnormalizer.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace llmproxy;

/// Inputs checked (for the standalone driver's summary; every input reaches the checks here).
long fuzzInputsAccepted = 0;

namespace {

[[noreturn]] void finding(const char *what, QStringView input)
{
    fuzzFinding("text preparation", what, input);
}

void checkDecoder(QStringView text, const DecodeLimits &limits)
{
    const DecodeResult r = decodeEncodedSpans(text, limits);
    qsizetype total = 0;
    QList<int> perDepth(limits.maxDepth + 1, 0);
    for (qsizetype i = 0; i < r.spans.size(); ++i) {
        const DecodedSpan &s = r.spans[i];
        total += s.text.size();
        if (s.chain.isEmpty() || s.text.isEmpty())
            finding("empty span or chain", text);
        if (s.candidate)
            continue;
        if (s.depth < 1 || s.depth > limits.maxDepth)
            finding("depth bound", text);
        if (++perDepth[s.depth] > limits.maxSpansPerLevel)
            finding("spans per depth bound", text);
        if (s.parent >= i || (s.parent >= 0 && r.spans[s.parent].depth + 1 != s.depth))
            finding("parent", text);
        const qsizetype parentSize = s.parent < 0 ? text.size() : r.spans[s.parent].text.size();
        if (s.start < 0 || s.length <= 0 || s.start + s.length > parentSize)
            finding("span outside its parent", text);
    }
    if (total != r.outputUnits)
        finding("output count", text);
    if (r.outputUnits > limits.maxOutputUnits || r.outputUnits > limits.maxOutputRatio * text.size())
        finding("output bound", text);
}

void check(const QString &text)
{
    const NormalizedText once = normalizeForScan(text);
    const NormalizedText twice = normalizeForScan(once.text);
    if (twice.text != once.text)
        finding("normalising twice differs from once", text);
    if (twice.counts.invisible() != 0)
        finding("invisible characters left", text);
    if (once.hasLeetspeak() && once.leetspeak.size() != once.text.size())
        finding("leetspeak variant changed the length", text);

    checkDecoder(text, DecodeLimits{});
    DecodeLimits tight;
    tight.maxOutputRatio = 1;
    tight.maxOutputUnits = 64;
    tight.maxSpansPerLevel = 2;
    checkDecoder(text, tight);
    checkDecoder(once.text, DecodeLimits{});
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ++fuzzInputsAccepted;
    check(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    QString units(qsizetype(size / 2), Qt::Uninitialized); // raw UTF-16: lone surrogates, any code unit
    std::memcpy(units.data(), data, (size / 2) * 2);
    check(units);
    return 0;
}
