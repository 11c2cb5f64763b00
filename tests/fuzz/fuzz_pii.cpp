// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Fuzz target: the PII detector and its validators on any text, read as UTF-8 and, for lone
// surrogates, as raw UTF-16. Checks that every span lies inside the text, that spans are sorted
// and never overlap, that two calls give the same answer (with the default options and with
// non-public addresses included), and that no validator crashes or reads out of bounds on
// arbitrary input. (A reported span may be the union of two overlapping values, so it is not
// itself checked against one validator.)
#include "proxycore/security/piidetector.h"
#include "proxycore/security/piivalidators.h"
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
    fuzzFinding("pii detector", what, input);
}

const PiiDetector &detector()
{
    static const PiiDetector d;
    return d;
}

const PiiDetector &everyAddressDetector()
{
    static const PiiDetector d = [] {
        PiiOptions o;
        o.includeNonPublicIps = true;
        return PiiDetector(o);
    }();
    return d;
}

void checkValidators(QStringView text)
{
    // Results are irrelevant; bounds and termination are what is checked (with ASan/UBSan).
    const QStringView head = text.first(qMin<qsizetype>(text.size(), 64));
    QString brand;
    (void)luhnValid(head);
    (void)cardBrand(head);
    (void)paymentCardValid(head, &brand);
    (void)ibanLength(head.first(qMin<qsizetype>(head.size(), 2)));
    (void)ibanValid(head);
    (void)usSsnValid(head);
    (void)emailValid(head);
    quint32 v4 = 0;
    if (parseIpv4(head, &v4))
        (void)isPublicIpv4(v4);
    std::array<quint8, 16> v6{};
    if (parseIpv6(head, &v6))
        (void)isPublicIpv6(v6);
    const double h = shannonEntropy(text);
    if (h < 0.0 || h > 16.0001)
        finding("entropy out of range", text);
    (void)isSecretPlaceholder(head);
    (void)jwtValid(text.first(qMin<qsizetype>(text.size(), 4096)));
}

void checkFind(const PiiDetector &d, QStringView text)
{
    const QList<PiiMatch> matches = d.find(text);
    qsizetype lastEnd = 0;
    for (const PiiMatch &m : matches) {
        if (m.start < 0 || m.length <= 0 || m.start + m.length > text.size())
            finding("span outside the text", text);
        if (m.start < lastEnd)
            finding("spans unsorted or overlapping", text);
        lastEnd = m.start + m.length;
    }
    if (d.find(text) != matches)
        finding("two calls differ", text);
}

void check(const QString &text)
{
    checkValidators(text);
    checkFind(detector(), text);
    checkFind(everyAddressDetector(), text);
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
