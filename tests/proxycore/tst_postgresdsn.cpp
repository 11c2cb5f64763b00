// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/postgresdsn.h"

#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;

class TestPostgresDsn : public QObject
{
    Q_OBJECT

private slots:
    void readsBothForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("options");

        QTest::newRow("url") << u"postgres://app:secret@db.internal:5433/llmproxy"_s << u"db.internal"_s << 5433
                             << u"llmproxy"_s << u"app"_s << u"secret"_s << QString();
        QTest::newRow("postgresql url, escapes, options")
            << u"postgresql://app:p%40ss%2Fw@10.0.0.5/llm?sslmode=verify-full&connect_timeout=3"_s << u"10.0.0.5"_s
            << 5432 << u"llm"_s << u"app"_s << u"p@ss/w"_s << u"sslmode=verify-full;connect_timeout=3"_s;
        QTest::newRow("url with a socket directory")
            << u"postgres:///llm?host=/run/postgresql&user=gw"_s << u"/run/postgresql"_s << 5432 << u"llm"_s << u"gw"_s
            << QString() << QString();
        QTest::newRow("key=value") << u"host=/tmp/pg port=6000 dbname=history user=postgres"_s << u"/tmp/pg"_s << 6000
                                   << u"history"_s << u"postgres"_s << QString() << QString();
        QTest::newRow("quoted value") << u"host=db password='a b\\'c' sslmode=require"_s << u"db"_s << 5432 << QString()
                                      << QString() << u"a b'c"_s << u"sslmode=require"_s;
    }

    void readsBothForms()
    {
        QFETCH(QString, text);
        QString error;
        const std::optional<PostgresDsn> dsn = parsePostgresDsn(text, &error);
        QVERIFY2(dsn, qPrintable(error));
        QTEST(dsn->host, "host");
        QTEST(dsn->port, "port");
        QTEST(dsn->database, "database");
        QTEST(dsn->user, "user");
        QTEST(dsn->password, "password");
        QTEST(dsn->options, "options");
        QVERIFY(!dsn->describe().contains(u"secret"_s));
    }

    void refusesWhatItCannotRead_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty") << u"  "_s << u"empty"_s;
        QTest::newRow("mysql url") << u"mysql://root@db/x"_s << u"postgres://"_s;
        QTest::newRow("bad port") << u"host=db port=99999"_s << u"port"_s;
        QTest::newRow("unknown key") << u"host=db colour=blue"_s << u"colour"_s;
        QTest::newRow("no value") << u"host"_s << u"key=value"_s;
        QTest::newRow("unclosed quote") << u"password='abc"_s << u"not closed"_s;
    }

    void refusesWhatItCannotRead()
    {
        QFETCH(QString, text);
        QFETCH(QString, fragment);
        QString error;
        QVERIFY(!parsePostgresDsn(text, &error));
        QVERIFY2(error.contains(fragment), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPostgresDsn)
#include "tst_postgresdsn.moc"
