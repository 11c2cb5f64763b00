// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Changing one top-level member of a JSON body keeps every other byte as the client sent it.
#include "proxycore/formats/jsonmembers.h"

#include <QJsonDocument>
#include <QTest>

using namespace llmproxy;

class TestJsonMembers : public QObject
{
    Q_OBJECT
private slots:
    void replacesOnlyTheValue_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("first") << QByteArray("{\"model\":\"a\",\"x\":1.0}") << QByteArray("{\"model\":\"bb\",\"x\":1.0}");
        QTest::newRow("spaces") << QByteArray("{ \"messages\" : [{\"model\":\"inner\"}] ,\n \"model\" :\t\"a\" }")
                                << QByteArray("{ \"messages\" : [{\"model\":\"inner\"}] ,\n \"model\" :\t\"bb\" }");
        QTest::newRow("nested string with brace")
            << QByteArray("{\"p\":\"}\\\"{\",\"model\":\"a\",\"cache_control\":{\"type\":\"ephemeral\"}}")
            << QByteArray("{\"p\":\"}\\\"{\",\"model\":\"bb\",\"cache_control\":{\"type\":\"ephemeral\"}}");
        QTest::newRow("absent") << QByteArray("{\"x\":[1,2,{\"model\":\"a\"}]}") << QByteArray("{\"x\":[1,2,{\"model\":\"a\"}]}");
    }
    void replacesOnlyTheValue()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(replaceTopLevelValue(input, "model", jsonString(QStringLiteral("bb"))), expected);
    }

    void removesMember_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("middle") << QByteArray("{\"a\":1,\"stream_options\":{\"include_usage\":true},\"b\":2}")
                                << QByteArray("{\"a\":1,\"b\":2}");
        QTest::newRow("last") << QByteArray("{\"a\":1, \"stream_options\":{\"x\":[1]}}") << QByteArray("{\"a\":1}");
        QTest::newRow("first") << QByteArray("{\"stream_options\":null,\"a\":1}") << QByteArray("{\"a\":1}");
        QTest::newRow("only") << QByteArray("{\"stream_options\":{}}") << QByteArray("{}");
    }
    void removesMember()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const QByteArray out = removeTopLevelMember(input, "stream_options");
        QCOMPARE(out, expected);
        QVERIFY(!QJsonDocument::fromJson(out).isNull());
    }

    void escapesStrings()
    {
        QCOMPARE(jsonString(QStringLiteral("a\"b\\c\n")), QByteArray("\"a\\\"b\\\\c\\n\""));
    }
};

QTEST_GUILESS_MAIN(TestJsonMembers)
#include "tst_jsonmembers.moc"
