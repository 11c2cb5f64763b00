// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Fuzz target: the firewall's signature loader and scan. Each input is loaded as a signature file
// (a failure must explain itself; a success must have unique ids, bounded size and sane entries)
// and scanned as text, read as UTF-8 and as raw UTF-16, by the embedded signatures and by the set
// the input itself defined. Checks that a scan gives the same answer twice, that a hit names a
// signature of the set, and that no RE2 match ran out of memory.
#include "proxycore/security/firewall.h"
#include "proxycore/security/signatureset.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace llmproxy;

/// Inputs checked (for the standalone driver's summary; every input reaches the checks here).
long fuzzInputsAccepted = 0;

namespace {

[[noreturn]] void finding(const char *what, QByteArrayView input)
{
    std::fprintf(stderr, "signatures: %s\ninput (hex): %s\n", what, input.toByteArray().toHex().constData());
    std::abort();
}

void checkScan(const Firewall &firewall, QStringView text, QByteArrayView input)
{
    const FirewallReport first = firewall.inspect(text);
    const FirewallReport second = firewall.inspect(text);
    if (first.hit.has_value() != second.hit.has_value() || first.variantsScanned != second.variantsScanned)
        finding("scan not deterministic", input);
    if (!first.hit)
        return;
    if (first.hit->encoding.isEmpty() || first.hit->family.isEmpty() || first.hit->encoding != second.hit->encoding ||
        first.hit->signatureId != second.hit->signatureId)
        finding("hit incomplete or not deterministic", input);
    const auto &signatures = firewall.signatures()->signatures();
    if (std::none_of(signatures.begin(), signatures.end(),
                     [&](const SignatureInfo &s) { return s.id == first.hit->signatureId; }))
        finding("hit names no signature of the set", input);
}

void checkSet(const SignatureSet &set, QByteArrayView input)
{
    if (set.size() > SignatureLimits::MaxEntries)
        finding("more entries than allowed", input);
    QSet<QString> ids;
    for (const SignatureInfo &s : set.signatures()) {
        if (s.id.isEmpty() || s.family.isEmpty() || ids.contains(s.id))
            finding("empty or duplicate id or family", input);
        ids.insert(s.id);
        if (s.kind != SignatureKind::Regex &&
            (s.source.size() < SignatureLimits::MinPhraseLength || s.source.size() > SignatureLimits::MaxPhraseLength))
            finding("phrase length outside the limits", input);
    }
    // Nothing may match empty text: a pattern that can match nothing would flag every request.
    if (!set.matches(QByteArrayView("")).isEmpty())
        finding("a signature matches empty text", input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ++fuzzInputsAccepted;
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));

    QString error;
    const std::shared_ptr<const SignatureSet> own = SignatureSet::fromYaml(input, &error);
    if (!own && error.isEmpty())
        finding("load failed without an error", input);
    if (own)
        checkSet(*own, input);

    static const Firewall builtin(SignatureSet::builtin());
    const QString utf8 = QString::fromUtf8(input);
    QString units(qsizetype(size / 2), Qt::Uninitialized); // raw UTF-16: lone surrogates, any code unit
    std::memcpy(units.data(), data, (size / 2) * 2);
    for (const QString &text : {utf8, units}) {
        checkScan(builtin, text, input);
        if (own)
            checkScan(Firewall(own), text, input);
    }
    if (builtin.signatures()->matchFailures() != 0 || (own && own->matchFailures() != 0))
        finding("RE2 ran out of memory", input);
    return 0;
}
