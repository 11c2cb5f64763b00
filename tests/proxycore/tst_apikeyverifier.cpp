// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Proxy API keys: accepted forms of presenting them, and verification.
#include "proxycore/security/apikeyverifier.h"

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
