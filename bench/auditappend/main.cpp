// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// audit-append: the audit thread's CPU per entry (bench/README.md, docs/PERFORMANCE.md#audit-ledger).
// Drafts and appends --entries request outcomes (default 50,000) in batches of --batch (default 500,
// as AuditService appends them) to the ledger of a fresh or existing database, the way the audit
// thread does: 20 named client keys, each entry sealing its actor under the key's current key (kept in
// memory). Prints this thread's CPU time per entry, in microseconds: drafting (sealing the actor) and
// appending (the transaction and its lock, reading the head, chaining — encoding and SHA-256 — and the
// INSERTs).
//
//   audit-append --sqlite /tmp/audit.db [--entries N] [--batch N]
//   audit-append --postgres "host=/tmp/pg port=5432 user=postgres dbname=bench" [--entries N] [--batch N]
#include "bench/support/databaseargs.h"
#include "proxycore/store/auditledger.h"
#include "proxycore/store/migrations.h"
#include "proxycore/store/sqlauditstore.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>
#include <ctime>

using namespace llmproxy;
using namespace Qt::StringLiterals;

namespace {

/// This thread's CPU time in nanoseconds.
qint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

/// A completed request of `key`, as the engine reports it.
AuditEvent outcome(qint64 i, qint64 timeMs)
{
    AuditEvent e;
    e.timeMs = timeMs;
    e.category = AuditCategory::Request;
    e.action = u"request.completed"_s;
    e.outcome = u"ok"_s;
    e.actor = u"key-%1"_s.arg(i % 20);
    e.actorRole = u"client"_s;
    e.clientIp = u"203.0.113.7"_s;
    e.requestId = u"req-%1"_s.arg(i);
    e.details = QJsonObject{{u"model"_s, u"gpt-4o-mini"_s}, {u"provider"_s, u"openai"_s}, {u"status"_s, 200},
                            {u"latency_ms"_s, 12.5},        {u"prompt_tokens"_s, 100},    {u"completion_tokens"_s, 20}};
    return e;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    DatabaseSettings settings;
    QHash<QString, QString> flags;
    QString error;
    if (!bench::readBenchArguments(app.arguments(), &settings, &flags, &error)) {
        std::fprintf(stderr, "%s\nusage: audit-append --sqlite FILE | --postgres DSN [--entries N] [--batch N]\n",
                     qPrintable(error));
        return 2;
    }
    const qint64 entries = flags.value(u"entries"_s, u"50000"_s).toLongLong();
    const qsizetype batchSize = qMax<qsizetype>(1, flags.value(u"batch"_s, u"500"_s).toLongLong());
    const QByteArray secret = QByteArrayLiteral("bench ledger secret of 32 bytes!");
    DatabaseConnection connection(settings, u"audit-bench"_s);
    if (!connection.open(&error) || SchemaMigrator::migrate(connection, &error) != MigrationOutcome::UpToDate) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    SqlAuditStore store(connection);
    SqlSubjectKeyStore keys(connection, secret);
    AuditLedger ledger(&store, &keys, secret, QByteArrayLiteral("bench anchor key"), u"bench"_s);
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    qint64 draftNs = 0;
    qint64 appendNs = 0;
    QList<AuditEntry> batch;
    for (qint64 i = 0; i < entries; ++i) {
        const qint64 t0 = threadCpuNs();
        std::optional<AuditEntry> draft = ledger.draft(outcome(i, start + i), &error);
        draftNs += threadCpuNs() - t0;
        if (!draft) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        batch.append(std::move(*draft));
        if (batch.size() == batchSize || i + 1 == entries) {
            const qint64 t1 = threadCpuNs();
            if (!store.append(batch, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
            appendNs += threadCpuNs() - t1;
            batch.clear();
        }
    }
    const double n = double(qMax<qint64>(1, entries));
    std::printf("%lld entries in batches of %lld: draft %.1f us, append %.1f us, total %.1f us per entry "
                "(audit thread CPU)\n",
                entries, qint64(batchSize), double(draftNs) / n / 1000, double(appendNs) / n / 1000,
                double(draftNs + appendNs) / n / 1000);
    return 0;
}
