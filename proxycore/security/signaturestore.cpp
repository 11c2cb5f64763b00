// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/signaturestore.h"

#include "proxycore/util/sha256.h"

#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {
const QString kBuiltin = u"builtin"_s;
} // namespace

SignatureStore::SignatureStore() : m_current(SignatureSet::builtin()), m_source(kBuiltin) {}

std::shared_ptr<const SignatureSet> SignatureStore::current() const
{
    return m_current.load(std::memory_order_acquire);
}

SignatureReloadResult SignatureStore::reload(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    const auto fail = [this](const QString &error) {
        m_lastError = error;
        return SignatureReloadResult{SignatureReloadOutcome::Failed, error};
    };

    const QFileInfo info(path);
    if (!info.exists()) {
        m_lastError.clear();
        m_failedDigest.clear();
        if (m_source == kBuiltin)
            return {SignatureReloadOutcome::Unchanged, {}};
        m_current.store(SignatureSet::builtin(), std::memory_order_release);
        m_source = kBuiltin;
        m_digest.clear();
        return {SignatureReloadOutcome::Builtin, {}};
    }
    if (info.size() > SignatureLimits::MaxFileBytes)
        return fail(
            u"%1: %2 bytes, more than the %3 allowed"_s.arg(path).arg(info.size()).arg(SignatureLimits::MaxFileBytes));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"%1: %2"_s.arg(path, file.errorString()));
    const QByteArray content = file.read(SignatureLimits::MaxFileBytes + 1);
    if (content.size() > SignatureLimits::MaxFileBytes)
        return fail(u"%1: more than %2 bytes"_s.arg(path).arg(SignatureLimits::MaxFileBytes));

    const QByteArray digest = sha256Hex(content);
    if (digest == m_digest && m_source == path) {
        m_lastError.clear(); // back to the content in use after a failed edit
        m_failedDigest.clear();
        return {SignatureReloadOutcome::Unchanged, {}};
    }
    if (digest == m_failedDigest) // the same broken content would fail the same way
        return {SignatureReloadOutcome::Failed, m_lastError};
    QString error;
    std::shared_ptr<const SignatureSet> set = SignatureSet::fromYaml(content, &error, path);
    if (!set) {
        m_failedDigest = digest;
        return fail(error);
    }
    m_current.store(std::move(set), std::memory_order_release);
    m_source = path;
    m_digest = digest;
    m_failedDigest.clear();
    m_lastError.clear();
    return {SignatureReloadOutcome::Loaded, {}};
}

SignatureStoreStatus SignatureStore::status() const
{
    QMutexLocker lock(&m_mutex);
    return {m_source, current()->size(), m_lastError, m_digest};
}

} // namespace llmproxy
