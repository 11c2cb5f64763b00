// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The security pipeline's shared state: switches (configuration, run-time overrides, the
// firewall's environment switch that nothing overrides), counters, the scan-time distribution,
// the event ring, the scan cache and the threat ledger; and the guard switches' file.
#include "proxycore/pipeline/securityguards.h"
#include "proxycore/store/featuresfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace llmproxy;
using namespace Qt::StringLiterals;

class TestSecurityGuards : public QObject
{
    Q_OBJECT

private slots:
    void everyGuardIsOnByDefault()
    {
        SecurityGuards guards;
        for (const GuardInfo &g : guardInfos()) {
            QCOMPARE(guardFromId(QString::fromLatin1(g.id)), std::optional<Guard>(g.guard));
            // Signing needs a key and the answer sanitizer is opt-in; every other guard is on.
            QCOMPARE(guards.isOn(g.guard), g.guard != Guard::Signing && g.guard != Guard::ResponseSanitizer);
        }
        QCOMPARE(guardFromId(u"link_sanitizer"), std::optional<Guard>(Guard::LinkSanitizer)); // the reference's name
        QVERIFY(!guardFromId(u"nonsense"));
    }

    void overridesWinOverTheConfiguration()
    {
        SecurityGuards guards;
        SecurityConfig c;
        c.injectionEnabled = false;
        guards.setConfig(c);
        QVERIFY(!guards.isOn(Guard::Injection));
        guards.setOverride(Guard::Injection, true);
        QVERIFY(guards.isOn(Guard::Injection));
        QVERIFY(!guards.configured(Guard::Injection));
        guards.setOverride(Guard::Injection, std::nullopt);
        QVERIFY(!guards.isOn(Guard::Injection));

        guards.setMasterOverride(false);
        QVERIFY(!guards.isOn(Guard::Firewall));
        QVERIFY(!guards.masterOn());
        guards.setMasterOverride(std::nullopt);
        QVERIFY(guards.isOn(Guard::Firewall));
    }

    void environmentSwitchBeatsToggles()
    {
        SecurityGuards guards;
        SecurityConfig c;
        c.firewallEnabled = false;
        c.firewallDisabledReason = u"env:LLM_PROXY_FIREWALL_ENABLED"_s;
        guards.setConfig(c);
        guards.setOverride(Guard::Firewall, true);
        QVERIFY(!guards.isOn(Guard::Firewall));
        c.firewallDisabledReason = u"config:security.firewall.enabled=false"_s;
        guards.setConfig(c);
        QVERIFY(guards.isOn(Guard::Firewall)); // a file setting can be overridden at run time
    }

    void signingNeedsAKey()
    {
        SecurityGuards guards;
        guards.setOverride(Guard::Signing, true);
        QVERIFY(!guards.isOn(Guard::Signing));
        SecurityConfig c;
        c.signingKey = u"k"_s;
        guards.setConfig(c);
        QVERIFY(guards.isOn(Guard::Signing));
    }

    void overridesRoundTripThroughTheFile()
    {
        QTemporaryDir dir;
        SecurityGuards guards;
        guards.setOverride(Guard::Pii, false);
        guards.setMasterOverride(true);
        FeaturesFile file(dir.filePath(u"features.json"_s));
        QString error;
        QVERIFY2(file.save(guards.overrides(), &error), qPrintable(error));
        QHash<QString, bool> loaded;
        QVERIFY2(file.load(&loaded, &error), qPrintable(error));
        SecurityGuards restored;
        restored.setOverrides(loaded);
        QCOMPARE(restored.override(Guard::Pii), std::optional<bool>(false));
        QCOMPARE(restored.masterOverride(), std::optional<bool>(true));
        QCOMPARE(restored.override(Guard::Firewall), std::nullopt);

        QFile broken(dir.filePath(u"broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"version\": 9}");
        broken.close();
        QVERIFY(!FeaturesFile(broken.fileName()).load(&loaded, &error));
        QVERIFY(error.contains(u"broken.json"));
        QVERIFY(FeaturesFile(dir.filePath(u"missing.json"_s)).load(&loaded, &error));
        QVERIFY(loaded.isEmpty());

        // A file that cannot be written: a clear error, and the saved switches stay as they were.
        const QString blocked = dir.filePath(u"no-such-dir/features.json"_s);
        QVERIFY(!FeaturesFile(blocked).save(guards.overrides(), &error));
        QVERIFY2(error.startsWith(u"cannot write "_s + blocked), qPrintable(error));
        QVERIFY2(file.load(&loaded, &error), qPrintable(error));
        QCOMPARE(loaded.value(u"pii"_s, true), false);
    }

    void eventsArePagedNewestFirst()
    {
        SecurityGuards guards;
        for (int i = 0; i < SecurityGuards::kEventCapacity + 10; ++i) {
            SecurityEvent e;
            e.reason = QString::number(i);
            guards.addEvent(e);
        }
        quint64 total = 0;
        const QList<SecurityEvent> page = guards.recentEvents(2, 3, &total);
        QCOMPARE(total, quint64(SecurityGuards::kEventCapacity));
        QCOMPARE(page.size(), 3);
        QCOMPARE(page[0].reason, QString::number(SecurityGuards::kEventCapacity + 7));
        QVERIFY(page[0].id > page[1].id);
        const QList<SecurityEvent> after = guards.eventsAfter(page[0].id, 100);
        QCOMPARE(after.size(), 2);
        guards.reset();
        QVERIFY(guards.recentEvents(0, 10, &total).isEmpty());
    }

    void scanTimesGivePercentiles()
    {
        SecurityGuards guards;
        QCOMPARE(guards.scanPercentileUs(0.5), 0.0);
        for (int i = 0; i < 99; ++i)
            guards.recordScan(10'000, false); // 10 µs
        guards.recordScan(5'000'000, true);   // 5 ms
        QVERIFY(guards.scanPercentileUs(0.5) >= 10.0 && guards.scanPercentileUs(0.5) < 13.0);
        QVERIFY(guards.scanPercentileUs(0.999) >= 5000.0);
        QCOMPARE(guards.requestsScanned(), quint64(100));
        QCOMPARE(guards.requestsBlocked(), quint64(1));
    }

    void scanCacheKeysDependOnSaltAndText()
    {
        SecurityGuards guards;
        const auto a = guards.scanKey(1, u"hello world"_s);
        QCOMPARE(guards.scanKey(1, u"hello world"_s), a);
        QVERIFY(guards.scanKey(2, u"hello world"_s) != a);
        QVERIFY(guards.scanKey(1, u"hello worle"_s) != a);
        QVERIFY(!guards.cached(a));
        guards.remember(a, {0.4, false, true});
        QCOMPARE(guards.cached(a)->injection, 0.4);
        QCOMPARE(guards.cacheHits(), quint64(1));
        // Another process (another hash key) gives other keys.
        SecurityGuards other;
        QVERIFY(other.scanKey(1, u"hello world"_s) != a);
    }

    void ledgerNeedsEnoughEventsInTheWindow()
    {
        SecurityGuards guards;
        SecurityConfig c;
        c.threatLedgerMinEvents = 3;
        c.threatLedgerThreshold = 1.5;
        c.threatLedgerWindowS = 60;
        guards.setConfig(c);
        const QString actor = u"ip:10.0.0.1"_s;
        QVERIFY(!guards.ledgerRecord(actor, 0.9, 1'000));
        QVERIFY(!guards.ledgerRecord(actor, 0.9, 2'000)); // 1.8, but two events only
        QVERIFY(guards.ledgerRecord(actor, 0.4, 3'000));
        QVERIFY(guards.ledgerRecord(actor, 0.1, 4'000));             // still over: 2.3 in 4 events
        QVERIFY(!guards.ledgerRecord(u"ip:10.0.0.2"_s, 0.9, 4'000)); // another actor starts from nothing
        QVERIFY(!guards.ledgerRecord(actor, 0.9, 70'000));           // the window moved on: one event left
        QCOMPARE(guards.ledgerActors(), 2);

        c.threatLedgerMaxActors = 2;
        guards.setConfig(c);
        QVERIFY(guards.ledgerRecord(actor, 0.9, 71'000) == false); // two events in the window
        guards.ledgerRecord(u"a"_s, 0.5, 72'000);                  // evicts the least recently seen (10.0.0.2)
        guards.ledgerRecord(u"b"_s, 0.5, 73'000);                  // evicts the first actor and its events
        QCOMPARE(guards.ledgerActors(), 2);
        QVERIFY(!guards.ledgerRecord(actor, 0.9, 74'000)); // starts again from one event
    }

    void countersAreThreadSafe()
    {
        SecurityGuards guards;
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([&guards] {
                for (int i = 0; i < 10'000; ++i) {
                    guards.countScanned(Guard::Firewall);
                    guards.recordScan(1'000 + i, false);
                    if (i % 100 == 0)
                        guards.addEvent({});
                }
            }));
            threads.last()->start();
        }
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        QCOMPARE(guards.counters(Guard::Firewall).scanned, quint64(40'000));
        QCOMPARE(guards.requestsScanned(), quint64(40'000));
        quint64 total = 0;
        guards.recentEvents(0, 1, &total);
        QCOMPARE(total, quint64(400));
    }
};

QTEST_GUILESS_MAIN(TestSecurityGuards)
#include "tst_securityguards.moc"
