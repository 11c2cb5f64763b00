// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "app/singleinstance.h"

#include <QLocalSocket>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace llmproxy;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private:
    static QString uniqueName()
    {
        return QStringLiteral("llmproxy-test-") + QUuid::createUuid().toString(QUuid::Id128);
    }

private slots:
    void firstInstanceIsPrimary();
    void secondInstanceActivatesFirst();
    void instanceAfterPrimaryExitsBecomesPrimary();
    void garbageFromClientIsIgnored();
    void defaultNameIncludesUser();
};

void TestSingleInstance::firstInstanceIsPrimary()
{
    SingleInstance instance(uniqueName());
    QVERIFY(instance.isPrimary());
}

void TestSingleInstance::secondInstanceActivatesFirst()
{
    const QString name = uniqueName();
    SingleInstance first(name);
    QVERIFY(first.isPrimary());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);

    SingleInstance second(name);
    QVERIFY(!second.isPrimary());
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, 10'000);

    SingleInstance third(name);
    QVERIFY(!third.isPrimary());
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 2, 10'000);
}

void TestSingleInstance::instanceAfterPrimaryExitsBecomesPrimary()
{
    const QString name = uniqueName();
    {
        SingleInstance first(name);
        QVERIFY(first.isPrimary());
    }
    SingleInstance next(name);
    QVERIFY(next.isPrimary());
    QSignalSpy activated(&next, &SingleInstance::activationRequested);
    SingleInstance second(name);
    QVERIFY(!second.isPrimary());
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, 10'000);
}

void TestSingleInstance::garbageFromClientIsIgnored()
{
    const QString name = uniqueName();
    SingleInstance first(name);
    QVERIFY(first.isPrimary());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);

    QLocalSocket client;
    client.connectToServer(name);
    QVERIFY(client.waitForConnected(5000));
    client.write("{\"cmd\":\"shutdown\"}\nnot json\n");
    QVERIFY(client.waitForBytesWritten(5000));
    // The primary answers by closing the connection; nothing is activated.
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QLocalSocket::UnconnectedState, 10'000);
    QCOMPARE(activated.count(), 0);

    // A well-formed request still works afterwards.
    SingleInstance second(name);
    QVERIFY(!second.isPrimary());
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, 10'000);
}

void TestSingleInstance::defaultNameIncludesUser()
{
    const QString name = SingleInstance::defaultServerName();
    QVERIFY(name.startsWith(QStringLiteral("io.github.llmproxy.LLMProxy-")));
    QVERIFY(name.size() > int(qstrlen("io.github.llmproxy.LLMProxy-")));
    QVERIFY(!name.contains(QLatin1Char('/')));
    QVERIFY(!name.contains(QLatin1Char(' ')));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
