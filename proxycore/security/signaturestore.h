// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/security/signatureset.h"

#include <QByteArray>
#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>

namespace llmproxy {

/// What SignatureStore::reload() did.
enum class SignatureReloadOutcome {
    Unchanged, ///< same file content (SHA-256) or still no file: nothing rebuilt
    Loaded,    ///< the file was compiled and is now the current set
    Builtin,   ///< the file is missing: the embedded default is now the current set
    Failed,    ///< the file could not be read or compiled: the previous set stays
};

struct SignatureReloadResult
{
    SignatureReloadOutcome outcome = SignatureReloadOutcome::Unchanged;
    QString error; ///< set when outcome is Failed

    bool ok() const { return outcome != SignatureReloadOutcome::Failed; }
};

/// The state SignatureStore reports (guards status, UI).
struct SignatureStoreStatus
{
    QString source;    ///< "builtin" or the path of the file in use
    int count = 0;     ///< signatures in the current set
    QString lastError; ///< of the last reload that failed; cleared by the next one that succeeds
    QByteArray sha256; ///< hex digest of the file in use; empty for the builtin set
};

/// Holds the firewall's current SignatureSet and replaces it as a whole. Readers call current()
/// (a lock-free atomic load of a shared_ptr; the set stays alive while anyone holds it) from any
/// thread, on every request. reload() compiles the new set off to the side and swaps it in with
/// one atomic store, so a request sees either the old set or the new one, never a mix; it is
/// serialised by a mutex and meant to run on a timer or file-watcher thread, not on a worker
/// (compiling takes milliseconds). Starts with SignatureSet::builtin().
class SignatureStore
{
public:
    SignatureStore();

    /// The set in use. Never null.
    std::shared_ptr<const SignatureSet> current() const;

    /// Loads `path` if its content changed since the last load (SHA-256). A missing file selects
    /// the builtin set; an unreadable, oversized or invalid file keeps the current set and returns
    /// the error (also kept as lastError).
    SignatureReloadResult reload(const QString &path);

    SignatureStoreStatus status() const;

private:
    std::atomic<std::shared_ptr<const SignatureSet>> m_current;
    mutable QMutex m_mutex; ///< serialises reload() and guards the fields below
    QString m_source;
    QString m_lastError;
    QByteArray m_digest;       ///< of the file in use
    QByteArray m_failedDigest; ///< of the last content that failed to load
};

} // namespace llmproxy
