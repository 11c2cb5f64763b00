// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// llmproxy-store-probe: writes request-history rows through the store as fast as it can and prints
// "written <n>" each time the writer has committed more, until it is killed. The crash test
// (tst_store killDuringWrites) kills it with SIGKILL and checks that every row it reported is in
// the database and that the database is intact.
//
//   llmproxy-store-probe --sqlite FILE
//   llmproxy-store-probe --postgres "host=/tmp/x port=5432 user=postgres dbname=db"
#include "proxycore/store/store.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace llmproxy;
using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3 || (args[1] != u"--sqlite" && args[1] != u"--postgres")) {
        std::fprintf(stderr, "usage: llmproxy-store-probe --sqlite FILE | --postgres DSN\n");
        return 2;
    }
    DatabaseSettings settings;
    if (args[1] == u"--sqlite") {
        settings.sqlitePath = args[2];
    } else {
        QString error;
        const std::optional<PostgresDsn> dsn = parsePostgresDsn(args[2], &error);
        if (!dsn) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
        settings.dialect = SqlDialect::Postgres;
        settings.postgres = *dsn;
    }
    QString error;
    std::unique_ptr<Store> store = Store::open(settings, StoreWriterOptions{}, &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    quint64 sequence = 0;
    quint64 reported = 0;
    QTimer tick;
    tick.setInterval(2);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        QList<RequestRecord> batch;
        for (int i = 0; i < 20; ++i) {
            RequestRecord r;
            r.time = QDateTime::currentDateTimeUtc();
            r.requestId = u"probe-%1"_s.arg(++sequence);
            r.keyName = u"probe"_s;
            r.model = u"probe-model"_s;
            r.status = 200;
            batch.append(r);
        }
        if (store->status().writer.queueDepth < 5'000)
            store->recordRequests(batch);
        else
            sequence -= quint64(batch.size());
        const quint64 written = store->status().writer.written;
        if (written != reported) {
            reported = written;
            std::printf("written %llu\n", static_cast<unsigned long long>(written));
            std::fflush(stdout);
        }
    });
    tick.start();
    return app.exec();
}
