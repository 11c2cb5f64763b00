// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>

struct evp_md_ctx_st;

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

/// An incremental SHA-256: the digest of every addData() since construction, for input that
/// arrives in pieces (the response cache hashes a request member by member without copying it
/// into one buffer). Not copyable; one thread at a time.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView data);
    /// The 32-byte digest; the object is spent afterwards (construct a new one for more).
    QByteArray result();

private:
    evp_md_ctx_st *m_context; ///< OpenSSL's EVP_MD_CTX; null only when OpenSSL is out of memory
};

} // namespace llmproxy
