// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/secretstore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMetaObject>
#include <QMutexLocker>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

#include <algorithm>
#include <functional>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

QMutex g_systemMutex;
std::shared_ptr<SecretStore> g_system; // guarded by g_systemMutex; created on first use

/// The outcome of one job, filled on the keychain thread and waited for by the caller.
struct Pending
{
    QMutex mutex;
    QWaitCondition finished;
    bool done = false;
    SecretResult result;
};

QString describeError(QKeychain::Error error, const QString &detail, const QString &name)
{
    switch (error) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return u"no entry \"%1\" in the system keychain"_s.arg(name);
    case QKeychain::NoBackendAvailable:
        return u"no system keychain is available (%1)"_s.arg(detail);
    case QKeychain::AccessDeniedByUser:
        return u"access to the system keychain was refused"_s;
    default:
        return u"the system keychain failed: %1"_s.arg(detail);
    }
}

} // namespace

SecretStore::~SecretStore() = default;

std::shared_ptr<SecretStore> SecretStore::system()
{
    QMutexLocker lock(&g_systemMutex);
    if (!g_system)
        g_system = std::make_shared<KeychainSecretStore>();
    return g_system;
}

void SecretStore::setSystem(std::shared_ptr<SecretStore> store)
{
    QMutexLocker lock(&g_systemMutex);
    g_system = std::move(store);
}

bool SecretStore::isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > 128)
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
               QStringView(u"-_.:@/").contains(c);
    });
}

/// The thread QtKeychain's jobs run on, with its own event loop: one for the whole process, shared
/// by every KeychainSecretStore. QtKeychain queues jobs in a process-wide object that belongs to the
/// thread that first started one, and its backends answer through that thread's event loop, so
/// every job starts here. Stopped when the process exits.
class KeychainSecretStore::Worker
{
public:
    /// Never destroyed: a QThread must not be destroyed while it runs, and a keychain backend may
    /// hold the thread past the end of main(). It is asked to stop when the application object goes
    /// away, and given a moment to do so.
    static Worker &instance()
    {
        static Worker *worker = [] {
            auto *w = new Worker;
            qAddPostRoutine([] {
                instance().m_thread.quit();
                instance().m_thread.wait(2000);
            });
            return w;
        }();
        return *worker;
    }

    Worker()
    {
        m_thread.setObjectName(u"keychain"_s);
        m_context.moveToThread(&m_thread);
        m_thread.start();
    }

    /// Runs `make` (which creates and configures a job) on the keychain thread and waits for the
    /// job to finish; `collect` reads its result there.
    SecretResult run(int timeoutMs, const QString &name, std::function<QKeychain::Job *()> make,
                     std::function<void(QKeychain::Job *, SecretResult &)> collect)
    {
        auto pending = std::make_shared<Pending>();
        QMetaObject::invokeMethod(
            &m_context,
            [pending, make = std::move(make), collect = std::move(collect), name] {
                QKeychain::Job *job = make();
                job->setAutoDelete(true);
                job->setInsecureFallback(false); // never a plain-text file instead of the keychain
                job->setKey(name);
                QObject::connect(job, &QKeychain::Job::finished, job, [pending, collect, name](QKeychain::Job *j) {
                    SecretResult result;
                    result.ok = j->error() == QKeychain::NoError;
                    result.notFound = j->error() == QKeychain::EntryNotFound;
                    result.error = describeError(j->error(), j->errorString(), name);
                    if (result.ok)
                        collect(j, result);
                    QMutexLocker lock(&pending->mutex);
                    pending->result = std::move(result);
                    pending->done = true;
                    pending->finished.wakeAll();
                });
                job->start();
            },
            Qt::QueuedConnection);
        QMutexLocker lock(&pending->mutex);
        const QDeadlineTimer deadline(timeoutMs);
        while (!pending->done) {
            if (!pending->finished.wait(&pending->mutex, deadline)) {
                SecretResult late;
                late.error = u"the system keychain did not answer within %1 ms"_s.arg(timeoutMs);
                return late;
            }
        }
        return pending->result;
    }

private:
    QThread m_thread;
    QObject m_context;
};

KeychainSecretStore::KeychainSecretStore(int timeoutMs) : m_timeoutMs(timeoutMs) {}

KeychainSecretStore::~KeychainSecretStore() = default;

SecretResult KeychainSecretStore::read(const QString &name) const
{
    if (!isValidName(name))
        return {false, {}, false, u"\"%1\" is not a keychain entry name"_s.arg(name)};
    return Worker::instance().run(
        m_timeoutMs, name, [] { return new QKeychain::ReadPasswordJob(QString::fromLatin1(kService)); },
        [](QKeychain::Job *job, SecretResult &result) {
            result.value = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        });
}

SecretResult KeychainSecretStore::write(const QString &name, const QString &secret)
{
    if (!isValidName(name))
        return {false, {}, false, u"\"%1\" is not a keychain entry name"_s.arg(name)};
    return Worker::instance().run(
        m_timeoutMs, name,
        [secret] {
            auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(kService));
            job->setTextData(secret);
            return job;
        },
        [](QKeychain::Job *, SecretResult &) {});
}

SecretResult KeychainSecretStore::remove(const QString &name)
{
    if (!isValidName(name))
        return {false, {}, false, u"\"%1\" is not a keychain entry name"_s.arg(name)};
    return Worker::instance().run(
        m_timeoutMs, name, [] { return new QKeychain::DeletePasswordJob(QString::fromLatin1(kService)); },
        [](QKeychain::Job *, SecretResult &) {});
}

QString KeychainSecretStore::description() const
{
    return u"the system keychain"_s;
}

SecretResult MemorySecretStore::read(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_secrets.constFind(name);
    if (it == m_secrets.cend())
        return {false, {}, true, u"no entry \"%1\" in the in-memory store"_s.arg(name)};
    return {true, *it, false, {}};
}

SecretResult MemorySecretStore::write(const QString &name, const QString &secret)
{
    if (!isValidName(name))
        return {false, {}, false, u"\"%1\" is not a keychain entry name"_s.arg(name)};
    QMutexLocker lock(&m_mutex);
    m_secrets.insert(name, secret);
    return {true, {}, false, {}};
}

SecretResult MemorySecretStore::remove(const QString &name)
{
    QMutexLocker lock(&m_mutex);
    if (m_secrets.remove(name) == 0)
        return {false, {}, true, u"no entry \"%1\" in the in-memory store"_s.arg(name)};
    return {true, {}, false, {}};
}

QString MemorySecretStore::description() const
{
    return u"an in-memory store"_s;
}

} // namespace llmproxy
