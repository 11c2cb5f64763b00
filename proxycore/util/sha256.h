// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace llmproxy {

/// The one SHA-256 of proxycore: every digest (stored API keys, request ids, key fingerprints)
/// goes through here, so there is one implementation to trust and to make fast.
///
/// Lives in proxycore/util, the lowest layer, because its lowest user is config (key_sha256);
/// util includes nothing else from proxycore. Thread-safe, no state besides OpenSSL's digest
/// description fetched once per process. Never fails: allocation failure aside, OpenSSL's SHA-256
/// cannot fail for in-memory input.

/// The 32-byte digest of `data`.
QByteArray sha256(QByteArrayView data);

/// The digest as 64 lower-case hexadecimal characters.
QByteArray sha256Hex(QByteArrayView data);

/// Size of a digest in bytes.
inline constexpr qsizetype Sha256Size = 32;

} // namespace llmproxy
