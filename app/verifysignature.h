// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QStringList>

namespace llmproxy {

/// `llmproxy verify-signature`: checks the signature of a response the gateway signed, saved as a
/// raw HTTP response (status line, headers, body; a stream's body as its SSE text) or given as
/// `--body FILE` with the signature values as options. The answer is rebuilt from the body with
/// the gateway's own format decoders, so a re-indented JSON body still verifies and a changed
/// answer does not. `arguments` are the command line after the program name, starting with
/// "verify-signature". Prints one line; returns 0 when valid, 1 when invalid (or missing), 2 for
/// a usage error (bad options, unreadable file, no key).
int runVerifySignature(const QStringList &arguments);

} // namespace llmproxy
