// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>

namespace llmproxy {

/// What one SecretStore call gave.
struct SecretResult
{
    bool ok = false;
    QString value;         ///< read(): the secret
    bool notFound = false; ///< read() or remove(): no entry by that name
    QString error;         ///< why not, for messages (never contains the secret)
};

/// Named secrets kept outside config.yaml: an endpoint's `api_key_keychain: NAME` is read from here
/// when the configuration loads. The system store is the operating system's keychain (Secret Service
/// on Linux, Keychain on macOS, Credential Manager on Windows) through QtKeychain, under the service
/// name "LLMProxy"; on a machine with none (a headless server without a session bus), every call
/// fails with a clear error within the store's timeout, and keys come from the environment and files
/// as before.
///
/// Calls block the calling thread until the keychain answers or the timeout passes; they never run
/// the caller's event loop, so nothing else happens on that thread meanwhile. Call them where a
/// short wait is acceptable (configuration loading, command-line tools), not on the GUI thread.
/// Thread-safe.
class SecretStore
{
public:
    virtual ~SecretStore();

    virtual SecretResult read(const QString &name) const = 0;
    /// Creates or replaces the entry.
    virtual SecretResult write(const QString &name, const QString &secret) = 0;
    virtual SecretResult remove(const QString &name) = 0;
    /// "the system keychain", "an in-memory store": for messages.
    virtual QString description() const = 0;

    /// The store `api_key_keychain` reads: the system keychain unless replaced by setSystem().
    static std::shared_ptr<SecretStore> system();
    /// Replaces what system() returns (tests use a MemorySecretStore); nullptr restores the system
    /// keychain.
    static void setSystem(std::shared_ptr<SecretStore> store);

    /// An entry name: 1–128 characters, letters, digits and `-_.:@/`, e.g. "openai" or "work/anthropic".
    static bool isValidName(const QString &name);
};

/// The operating system's keychain through QtKeychain. The jobs of every instance run on one
/// thread of their own (QtKeychain's job queue belongs to the thread that first uses it), each
/// bounded by `timeoutMs`.
class KeychainSecretStore : public SecretStore
{
public:
    explicit KeychainSecretStore(int timeoutMs = 5000);
    ~KeychainSecretStore() override;

    SecretResult read(const QString &name) const override;
    SecretResult write(const QString &name, const QString &secret) override;
    SecretResult remove(const QString &name) override;
    QString description() const override;

    static constexpr const char *kService = "LLMProxy";

private:
    class Worker;
    int m_timeoutMs;
};

/// Secrets in memory, for tests and for a process that must not touch the system keychain.
class MemorySecretStore : public SecretStore
{
public:
    SecretResult read(const QString &name) const override;
    SecretResult write(const QString &name, const QString &secret) override;
    SecretResult remove(const QString &name) override;
    QString description() const override;

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_secrets;
};

} // namespace llmproxy
