// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// What the text fuzz targets share: how a violated invariant is reported.
#pragma once

#include <QByteArray>
#include <QStringView>

#include <cstdio>
#include <cstdlib>

/// Reports a violated invariant of `target` with the input that broke it (as UTF-16 hex, so lone
/// surrogates survive) and aborts, which the fuzzer records as a finding.
[[noreturn]] inline void fuzzFinding(const char *target, const char *what, QStringView input)
{
    std::fprintf(stderr, "%s: %s\ninput (UTF-16 hex): %s\n", target, what,
                 QByteArray(reinterpret_cast<const char *>(input.utf16()), input.size() * 2).toHex().constData());
    std::abort();
}
