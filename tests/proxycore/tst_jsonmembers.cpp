// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Changing one top-level member of a JSON body keeps every other byte as the client sent it.
#include "proxycore/formats/jsonindex.h"
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

    void validatesJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::newRow("object") << QByteArray("{\"a\":[1,-2.5e+3,0.1,true,false,null,\"x\\u00e9\\n\"]}") << true;
        QTest::newRow("whitespace") << QByteArray(" \n{ \"a\" : { } , \"b\" : [ ] }\r\n") << true;
        QTest::newRow("utf8") << QByteArray("{\"t\":\"h\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"}") << true;
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("truncated") << QByteArray("{\"a\":[1,2}") << false;
        QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}") << false;
        QTest::newRow("trailing garbage") << QByteArray("{}x") << false;
        QTest::newRow("single quotes") << QByteArray("{'a':1}") << false;
        QTest::newRow("leading zero") << QByteArray("{\"a\":01}") << false;
        QTest::newRow("bare dot") << QByteArray("{\"a\":1.}") << false;
        QTest::newRow("control char") << QByteArray("{\"a\":\"x\ny\"}") << false;
        QTest::newRow("bad escape") << QByteArray("{\"a\":\"\\x\"}") << false;
        QTest::newRow("short unicode") << QByteArray("{\"a\":\"\\u12\"}") << false;
        QTest::newRow("overlong utf8") << QByteArray("{\"a\":\"\xc0\xaf\"}") << false;
        QTest::newRow("surrogate utf8") << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << false;
        QTest::newRow("truncated utf8") << QByteArray("{\"a\":\"\xe2\x82\"}") << false;
        QTest::newRow("unquoted key") << QByteArray("{a:1}") << false;
        QTest::newRow("too deep") << QByteArray(600, '[') + QByteArray(600, ']') << false;
        QTest::newRow("deep ok") << QByteArray(100, '[') + QByteArray(100, ']') << true;
    }
    void validatesJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QCOMPARE(JsonIndex::build(json).isValid(), valid);
        // Stricter than Qt's parser (which lets "1.", raw control characters and unknown escapes
        // through), never more lenient: what Qt rejects, we reject.
        QJsonParseError error{};
        QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError && json.trimmed().startsWith('{'))
            QVERIFY(!valid);
    }

    void decodesStringValues()
    {
        QCOMPARE(decodeJsonString("\"gpt-4o\""), QStringLiteral("gpt-4o"));
        QCOMPARE(decodeJsonString("\"a\\\"b\\u00e9\""), QStringLiteral("a\"b\u00e9"));
        QVERIFY(JsonIndex::build("42").string(JsonIndex::Root).isNull());
        QVERIFY(JsonIndex::build("null").string(JsonIndex::Root).isNull());
    }

    void readsIntegerValues()
    {
        QCOMPARE(jsonIntegerValue("12"), std::optional<qint64>(12));
        QCOMPARE(jsonIntegerValue(" -3 "), std::optional<qint64>(-3));
        QCOMPARE(jsonIntegerValue("9007199254740993"), std::optional<qint64>(9007199254740993LL));
        QCOMPARE(jsonIntegerValue("12.0"), std::optional<qint64>(12));
        QCOMPARE(jsonIntegerValue("1e3"), std::optional<qint64>(1000));
        QCOMPARE(jsonIntegerValue("12.5"), std::nullopt);
        QCOMPARE(jsonIntegerValue("null"), std::nullopt);
        QCOMPARE(jsonIntegerValue("\"12\""), std::nullopt);
        QCOMPARE(jsonIntegerValue(""), std::nullopt);
        QCOMPARE(jsonIntegerValue("1e300"), std::nullopt);
    }

    void findsSeveralMembersInOnePass()
    {
        const QByteArray json = "{\"stream\":true,\"messages\":[{\"model\":\"x\"}],\"model\":\"a\",\"model\":\"b\"}";
        JsonMemberSpan spans[3];
        findTopLevelMembers(json, {"model", "stream", "absent"}, spans);
        QVERIFY(spans[0].isValid());
        QCOMPARE(json.sliced(spans[0].valueStart, spans[0].valueEnd - spans[0].valueStart), QByteArray("\"a\""));
        QCOMPARE(json.sliced(spans[1].valueStart, spans[1].valueEnd - spans[1].valueStart), QByteArray("true"));
        QVERIFY(!spans[2].isValid());
    }

    void escapesStrings()
    {
        QCOMPARE(jsonString(QStringLiteral("a\"b\\c\n")), QByteArray("\"a\\\"b\\\\c\\n\""));
    }
};

QTEST_GUILESS_MAIN(TestJsonMembers)
#include "tst_jsonmembers.moc"
