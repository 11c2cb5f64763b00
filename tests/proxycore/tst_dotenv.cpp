// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/dotenv.h"

#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;

using StringMap = QMap<QString, QString>;

class TestDotenv : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<StringMap>("expected");

        QTest::newRow("empty") << QByteArray() << StringMap{};
        QTest::newRow("plain") << QByteArray("A=1\nB=two\n") << StringMap{{u"A"_s, u"1"_s}, {u"B"_s, u"two"_s}};
        QTest::newRow("no final newline") << QByteArray("A=1") << StringMap{{u"A"_s, u"1"_s}};
        QTest::newRow("export prefix") << QByteArray("export A=1\nexport\tB=2\n")
                                       << StringMap{{u"A"_s, u"1"_s}, {u"B"_s, u"2"_s}};
        QTest::newRow("key named export")
            << QByteArray("export=1\nexported=2\n") << StringMap{{u"export"_s, u"1"_s}, {u"exported"_s, u"2"_s}};
        QTest::newRow("spaces around") << QByteArray("  A =  padded value  \n")
                                       << StringMap{{u"A"_s, u"padded value"_s}};
        QTest::newRow("empty value") << QByteArray("A=\nB=\"\"\n")
                                     << StringMap{{u"A"_s, QString()}, {u"B"_s, QString()}};
        QTest::newRow("comments and blanks")
            << QByteArray("# a comment\n\n   \n  # indented comment\nA=1\n") << StringMap{{u"A"_s, u"1"_s}};
        QTest::newRow("inline comment") << QByteArray("A=value # note\nB=value\t# tab note\n")
                                        << StringMap{{u"A"_s, u"value"_s}, {u"B"_s, u"value"_s}};
        QTest::newRow("hash inside value")
            << QByteArray("A=abc#def\nB=#start\n") << StringMap{{u"A"_s, u"abc#def"_s}, {u"B"_s, u"#start"_s}};
        QTest::newRow("value is a comment") << QByteArray("A= # nothing\n") << StringMap{{u"A"_s, QString()}};
        QTest::newRow("equals in value") << QByteArray("URL=http://h/p?a=b&c=d\n")
                                         << StringMap{{u"URL"_s, u"http://h/p?a=b&c=d"_s}};
        QTest::newRow("single quotes are literal")
            << QByteArray("A='x \\n # y'  # comment\n") << StringMap{{u"A"_s, u"x \\n # y"_s}};
        QTest::newRow("double quote escapes") << QByteArray("A=\"line1\\nline2 \\\"q\\\" back\\\\slash\"\n")
                                              << StringMap{{u"A"_s, u"line1\nline2 \"q\" back\\slash"_s}};
        QTest::newRow("unknown escape kept")
            << QByteArray("A=\"C:\\temp\\x\"\n") << StringMap{{u"A"_s, u"C:\temp\\x"_s}};
        QTest::newRow("hash in double quotes") << QByteArray("A=\"a # b\" # c\n") << StringMap{{u"A"_s, u"a # b"_s}};
        QTest::newRow("multi-line double quotes")
            << QByteArray("A=\"one\ntwo\"\nB=3\n") << StringMap{{u"A"_s, u"one\ntwo"_s}, {u"B"_s, u"3"_s}};
        QTest::newRow("crlf") << QByteArray("A=1\r\nB=\"q\"\r\n# c\r\nC=x # y\r\n")
                              << StringMap{{u"A"_s, u"1"_s}, {u"B"_s, u"q"_s}, {u"C"_s, u"x"_s}};
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF"
                                           "A=1\n")
                             << StringMap{{u"A"_s, u"1"_s}};
        QTest::newRow("utf-8") << QByteArray("A=gr\xC3\xBC\xC3\x9F"
                                             "e\n")
                               << StringMap{{u"A"_s, u"gr\u00FC\u00DFe"_s}};
        QTest::newRow("later wins") << QByteArray("A=1\nA=2\n") << StringMap{{u"A"_s, u"2"_s}};
        QTest::newRow("malformed lines skipped")
            << QByteArray("just text\n=novalue\n1BAD=x\nBAD KEY=x\nOK=1\n") << StringMap{{u"OK"_s, u"1"_s}};
        QTest::newRow("unterminated quote skips only its line")
            << QByteArray("A='open\nB=2\n") << StringMap{{u"B"_s, u"2"_s}};
        QTest::newRow("no expansion") << QByteArray("A=${HOME}/x\n") << StringMap{{u"A"_s, u"${HOME}/x"_s}};
    }

    void parses()
    {
        QFETCH(QByteArray, text);
        QFETCH(StringMap, expected);
        QCOMPARE(parseDotenv(text), expected);
    }
};

QTEST_GUILESS_MAIN(TestDotenv)
#include "tst_dotenv.moc"
