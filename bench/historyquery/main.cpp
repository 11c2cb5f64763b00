// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// history-query: the request history's query time on a large table (bench/README.md).
// Fills request_history with --rows rows (default 1,000,000: 30 days, 50 keys, through the store's
// writer, unless the table already holds that many), then times GET /api/v1/requests' query for one
// key and one day: the first page (100 rows) and the same with the day's total count. Prints the
// median and 95th percentile in milliseconds over --runs queries (different keys and days).
//
//   history-query --sqlite /tmp/history.db [--rows N] [--runs N]
//   history-query --postgres "host=/tmp/pg port=5432 user=postgres dbname=bench" [--rows N] [--runs N]
#include "bench/support/databaseargs.h"
#include "proxycore/store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

using namespace llmproxy;
using namespace Qt::StringLiterals;

namespace {

constexpr int kDays = 30;
constexpr int kKeys = 50;
const QDateTime kStart = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());

qint64 rowCount(const DatabaseSettings &settings)
{
    DatabaseConnection c(settings, u"bench"_s);
    QString error;
    if (!c.open(&error))
        return -1;
    QSqlQuery q(c.database());
    return q.exec(u"SELECT COUNT(*) FROM request_history"_s) && q.next() ? q.value(0).toLongLong() : -1;
}

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[qMin(v.size() - 1, qsizetype(p * double(v.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    DatabaseSettings settings;
    QHash<QString, QString> flags;
    QString error;
    if (!bench::readBenchArguments(app.arguments(), &settings, &flags, &error)) {
        std::fprintf(stderr, "%s\nusage: history-query --sqlite FILE | --postgres DSN [--rows N] [--runs N]\n",
                     qPrintable(error));
        return 2;
    }
    const qint64 rows = flags.value(u"rows"_s, u"1000000"_s).toLongLong();
    const int runs = flags.value(u"runs"_s, u"200"_s).toInt();
    StoreWriterOptions options;
    options.queueCapacity = 200'000;
    options.maxBatch = 5'000;
    {
        std::unique_ptr<Store> store = Store::open(settings, options, &error);
        if (!store) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        const qint64 existing = rowCount(settings);
        if (existing < rows) {
            std::fprintf(stderr, "filling %lld rows...\n", rows - existing);
            QElapsedTimer fill;
            fill.start();
            const qint64 spacingMs = qint64(kDays) * 86'400'000 / rows;
            // Filled the way the engine hands its records over: lists, 64 rows per write.
            QList<RequestRecord> pending;
            for (qint64 i = existing; i < rows; ++i) {
                while (store->status().writer.queueDepth >= options.queueCapacity - 2'000)
                    QThread::msleep(5);
                RequestRecord r;
                r.time = kStart.addMSecs(i * spacingMs);
                r.requestId = QString::number(i, 16);
                r.keyName = u"key-%1"_s.arg(i % kKeys);
                r.clientApi = u"chat_completions"_s;
                r.method = u"POST"_s;
                r.route = u"/v1/chat/completions"_s;
                r.model = i % 3 ? u"gpt-4o-mini"_s : u"claude-sonnet-4"_s;
                r.provider = i % 3 ? u"openai"_s : u"anthropic"_s;
                r.status = i % 50 ? 200 : 429;
                r.promptTokens = int(i % 2000);
                r.completionTokens = int(i % 500);
                r.latencyMs = double(i % 3000);
                pending.append(r);
                if (pending.size() == 1'000 || i + 1 == rows) {
                    store->recordRequests(pending);
                    pending.clear();
                }
            }
            while (store->status().writer.queueDepth > 0)
                QThread::msleep(20);
            std::fprintf(stderr, "filled in %.1f s (%.0f rows/s through the writer)\n", double(fill.elapsed()) / 1000,
                         double(rows - existing) * 1000.0 / double(qMax<qint64>(1, fill.elapsed())));
        }
    }

    RequestHistory history(settings);
    QList<double> page, counted;
    int found = 0;
    for (int run = 0; run < runs; ++run) {
        HistoryFilter f;
        f.key = u"key-%1"_s.arg((run * 7) % kKeys);
        f.from = kStart.addDays((run * 11) % kDays);
        f.to = f.from.addDays(1);
        f.limit = 100;
        QElapsedTimer t;
        t.start();
        std::optional<HistoryPage> p = history.query(f, &error);
        page << double(t.nsecsElapsed()) / 1e6;
        if (!p) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        found += int(p->rows.size());
        f.withTotal = true;
        t.restart();
        p = history.query(f, &error);
        counted << double(t.nsecsElapsed()) / 1e6;
    }
    std::printf("backend %s, %lld rows, %d queries (one key, one day)\n", qPrintable(settings.backendName()),
                rowCount(settings), runs);
    std::printf("first page (100 rows): median %.2f ms, p95 %.2f ms\n", percentile(page, 0.5), percentile(page, 0.95));
    std::printf("first page + day's total: median %.2f ms, p95 %.2f ms\n", percentile(counted, 0.5),
                percentile(counted, 0.95));
    std::printf("rows per page: %.0f\n", double(found) / runs);
    history.close();
    return 0;
}
