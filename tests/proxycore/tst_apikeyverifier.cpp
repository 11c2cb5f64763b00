// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Proxy API keys: accepted forms of presenting them, verification, and what each key may do
// (named keys with model allow-lists, also given as SHA-256 digests).
#include "proxycore/security/apikeyverifier.h"

#include <QCryptographicHash>
#include <QTest>

using namespace llmproxy;

class TestApiKeyVerifier : public QObject
{
    Q_OBJECT
private slots:
    void verifiesConfiguredKeysOnly()
    {
        const ApiKeyVerifier v({QStringLiteral("sk-one"), QStringLiteral(" sk-two "), QString()});
        QVERIFY(v.isEnabled());
        QVERIFY(v.verify("sk-one"));
        QVERIFY(v.verify("sk-two"));
        QVERIFY(!v.verify("sk-on"));
        QVERIFY(!v.verify("sk-one "));
        QVERIFY(!v.verify(""));
        QVERIFY(!v.verify("SK-ONE"));
    }

    void unnamedKeysMayUseEveryModel()
    {
        const ApiKeyVerifier v({QStringLiteral("sk-one")});
        const std::shared_ptr<const KeyAccess> a = v.verify("sk-one");
        QVERIFY(a);
        QVERIFY(a->allowsEveryModel());
        QVERIFY(a->name().isEmpty());
        QVERIFY(a->allowsModel(QStringLiteral("anything/at-all")));
    }

    void namedKeysCarryTheirOwnAccess()
    {
        ClientKeyConfig ci;
        ci.name = QStringLiteral("ci");
        ci.key = QStringLiteral("sk-ci-key");
        ci.models = {QStringLiteral("gpt-4o-mini"), QStringLiteral("claude-*")};
        ClientKeyConfig hashed;
        hashed.name = QStringLiteral("contractor");
        hashed.sha256 = QCryptographicHash::hash("sk-contractor", QCryptographicHash::Sha256);
        hashed.models = {QStringLiteral("local-?b")};
        ClientKeyConfig everything;
        everything.name = QStringLiteral("ops");
        everything.key = QStringLiteral("sk-ops");
        const ApiKeyVerifier v({QStringLiteral("sk-open"), QStringLiteral("sk-open-2")}, {ci, hashed, everything});

        // Each key maps to its own rights, whatever its position in the list.
        const auto open2 = v.verify("sk-open-2");
        QVERIFY(open2 && open2->allowsEveryModel());
        const auto a = v.verify("sk-ci-key");
        QVERIFY(a);
        QCOMPARE(a->name(), QStringLiteral("ci"));
        QVERIFY(!a->allowsEveryModel());
        QVERIFY(a->allowsModel(QStringLiteral("gpt-4o-mini")));
        QVERIFY(!a->allowsModel(QStringLiteral("gpt-4o")));
        QVERIFY(!a->allowsModel(QStringLiteral("gpt-4o-mini-2024")));
        QVERIFY(a->allowsModel(QStringLiteral("claude-")));
        QVERIFY(a->allowsModel(QStringLiteral("claude-sonnet-4/latest")));
        QVERIFY(!a->allowsModel(QStringLiteral("xclaude-sonnet")));
        QVERIFY(!a->allowsModel(QStringLiteral("Claude-sonnet")));

        const auto c = v.verify("sk-contractor");
        QVERIFY(c);
        QCOMPARE(c->name(), QStringLiteral("contractor"));
        QVERIFY(c->allowsModel(QStringLiteral("local-7b")));
        QVERIFY(!c->allowsModel(QStringLiteral("local-13b")));
        QVERIFY(!c->allowsModel(QStringLiteral("local-7")));
        QVERIFY(!v.verify("sk-contractor-2"));

        const auto o = v.verify("sk-ops");
        QVERIFY(o && o->allowsEveryModel());
        QCOMPARE(o->name(), QStringLiteral("ops"));
    }

    void globsMatchTheWholeName_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("star middle") << "gpt-*-mini" << "gpt-4o-mini" << true;
        QTest::newRow("star middle empty") << "gpt-*-mini" << "gpt--mini" << true;
        QTest::newRow("star middle no suffix") << "gpt-*-mini" << "gpt-4o-mini-x" << false;
        QTest::newRow("two stars") << "*llama*" << "meta-llama/Llama-3" << true;
        QTest::newRow("backtrack") << "a*ab" << "aaab" << true;
        QTest::newRow("backtrack fails") << "a*ab" << "aaba" << false;
        QTest::newRow("question") << "o?-mini" << "o3-mini" << true;
        QTest::newRow("question needs one") << "o?-mini" << "o-mini" << false;
        QTest::newRow("regex chars literal") << "qwen2.5*" << "qwen2x5-coder" << false;
        QTest::newRow("regex chars literal ok") << "qwen2.5*" << "qwen2.5-coder" << true;
        QTest::newRow("empty model") << "a*" << "" << false;
    }
    void globsMatchTheWholeName()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, model);
        QFETCH(bool, allowed);
        const KeyAccess access(QStringLiteral("k"), {pattern});
        QCOMPARE(access.allowsModel(model), allowed);
    }

    void starAloneMeansEveryModel()
    {
        const KeyAccess access(QStringLiteral("k"), {QStringLiteral("gpt-4o"), QStringLiteral("*")});
        QVERIFY(access.allowsEveryModel());
        QVERIFY(access.allowsModel(QStringLiteral("x")));
    }

    void disabledWithoutKeys()
    {
        const ApiKeyVerifier v(QStringList{QString(), QStringLiteral("  ")});
        QVERIFY(!v.isEnabled());
        QVERIFY(!v.verify("anything"));
    }

    void extractsPresentedKey_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bearer") << QByteArray("authorization") << QByteArray("Bearer sk-1") << QByteArray("sk-1");
        QTest::newRow("bearer lower") << QByteArray("authorization") << QByteArray("bearer  sk-1 ") << QByteArray("sk-1");
        QTest::newRow("x-api-key") << QByteArray("x-api-key") << QByteArray("sk-2") << QByteArray("sk-2");
        QTest::newRow("none") << QByteArray("x-other") << QByteArray("sk-3") << QByteArray();
    }
    void extractsPresentedKey()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, expected);
        HttpRequest r;
        r.headers.append({name, value});
        QCOMPARE(ApiKeyVerifier::presentedKey(r), expected);
    }
};

QTEST_GUILESS_MAIN(TestApiKeyVerifier)
#include "tst_apikeyverifier.moc"
