// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/modelpattern.h"

#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;

class TestModelPattern : public QObject
{
    Q_OBJECT
private slots:
    void matchesTheWholeName_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << u"gpt-4o"_s << u"gpt-4o"_s << true;
        QTest::newRow("exact is not a prefix") << u"gpt-4o"_s << u"gpt-4o-mini"_s << false;
        QTest::newRow("exact is case-sensitive") << u"gpt-4o"_s << u"GPT-4o"_s << false;
        QTest::newRow("trailing star") << u"claude-*"_s << u"claude-sonnet-4-5"_s << true;
        QTest::newRow("star may be empty") << u"claude-*"_s << u"claude-"_s << true;
        QTest::newRow("star spans '/'") << u"meta-llama/*"_s << u"meta-llama/Llama-3.1-8B/fp8"_s << true;
        QTest::newRow("star spans '/' in the middle") << u"*/llama-*"_s << u"org/team/llama-3"_s << true;
        QTest::newRow("anchored at the start") << u"claude-*"_s << u"my-claude-x"_s << false;
        QTest::newRow("anchored at the end") << u"*-mini"_s << u"gpt-4o-mini-2024"_s << false;
        QTest::newRow("leading star") << u"*-mini"_s << u"gpt-4o-mini"_s << true;
        QTest::newRow("question mark is one character") << u"llama3.?"_s << u"llama3.1"_s << true;
        QTest::newRow("question mark is not zero") << u"llama3.?"_s << u"llama3."_s << false;
        QTest::newRow("question mark is not two") << u"llama3.?"_s << u"llama3.10"_s << false;
        QTest::newRow("question mark spans '/'") << u"a?b"_s << u"a/b"_s << true;
        QTest::newRow("backtracking") << u"*a*b"_s << u"xaxxbxab"_s << true;
        QTest::newRow("backtracking fails") << u"*a*b"_s << u"xaxxbxa"_s << false;
        QTest::newRow("star only") << u"*"_s << u"anything/at:all"_s << true;
        QTest::newRow("star only, empty name") << u"*"_s << QString() << true;
        QTest::newRow("pattern case-sensitive") << u"Claude-*"_s << u"claude-x"_s << false;
        QTest::newRow("regex characters are literal") << u"gpt-4.*"_s << u"gpt-4x1"_s << false;
        QTest::newRow("brackets are literal") << u"[ab]*"_s << u"[ab]x"_s << true;
    }

    void matchesTheWholeName()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, name);
        QFETCH(bool, matches);
        QCOMPARE(ModelPattern(pattern).matches(name), matches);
    }

    void classifiesPatterns()
    {
        QVERIFY(ModelPattern(u"gpt-4o"_s).isExact());
        QVERIFY(!ModelPattern(u"gpt-?o"_s).isExact());
        QVERIFY(ModelPattern(u"*"_s).matchesEverything());
        QVERIFY(!ModelPattern(u"**"_s).isExact());
        QCOMPARE(ModelPattern(u"gpt-*"_s).specificity(), 4);
        QCOMPARE(ModelPattern(u"gpt-?o"_s).specificity(), 6);
    }

    void precedence()
    {
        // Exact first; then the pattern with the most non-'*' characters; equal ones by their text.
        const ModelPatternMap<QString> map(QMap<QString, QString>{{u"gpt-4o-mini"_s, u"exact"_s},
                                                                  {u"gpt-*"_s, u"short"_s},
                                                                  {u"gpt-4o-*"_s, u"long"_s},
                                                                  {u"*-mini"_s, u"suffix"_s},
                                                                  {u"*"_s, u"any"_s},
                                                                  {u"b*x"_s, u"first"_s},
                                                                  {u"*bx"_s, u"second"_s}});
        QCOMPARE(*map.find(u"gpt-4o-mini"_s), u"exact"_s);
        QCOMPARE(*map.find(u"gpt-4o-nano"_s), u"long"_s);
        QCOMPARE(*map.find(u"gpt-3.5"_s), u"short"_s);
        QCOMPARE(*map.find(u"o1-mini"_s), u"suffix"_s);
        QCOMPARE(*map.find(u"claude"_s), u"any"_s);
        QCOMPARE(*map.find(u"bx"_s), u"second"_s); // '*bx' sorts before 'b*x'
        // A rejected candidate passes the turn to the next in precedence.
        QCOMPARE(*map.find(u"gpt-4o-mini"_s, [](const QString &v) { return v != u"exact"; }), u"long"_s);
        QVERIFY(!map.find(u"x"_s, [](const QString &) { return false; }));
        QVERIFY(!ModelPatternMap<QString>().find(u"x"_s));
    }

    void patternSet()
    {
        QVERIFY(ModelPatternSet().matchesEverything());
        QVERIFY(ModelPatternSet({u"a"_s, u"*"_s}).matches(u"zzz"_s));
        const ModelPatternSet set({u"gpt-4o-mini"_s, u"claude-*"_s});
        QVERIFY(!set.matchesEverything());
        QVERIFY(set.matches(u"gpt-4o-mini"_s));
        QVERIFY(set.matches(u"claude-sonnet-4/latest"_s));
        QVERIFY(!set.matches(u"gpt-4o"_s));
        QVERIFY(!set.matches(u"Claude-sonnet"_s));
    }
};

QTEST_GUILESS_MAIN(TestModelPattern)
#include "tst_modelpattern.moc"
