// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The Security window against a running engine with its SQLite store and audit ledger: Verify shows
// an intact chain with the entries checked, a row changed in SQL is named as the first broken one,
// Export saves a person's data as JSON, Erase asks first (naming the person) and, once confirmed,
// destroys their keys, after which the chain still verifies; without a store the window says why.
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "proxycore/store/auditledger.h"
#include "proxycore/store/auditservice.h"
#include "proxycore/store/store.h"
#include "tests/support/desktopengine.h"
#include "ui/desktopshell.h"
#include "ui/securitywindow.h"
#include "ui/shellactions.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace llmproxy;
using namespace Qt::StringLiterals;

class TestSecurityWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void verifyExportEraseThenVerify();
    void cancellingTheConfirmationErasesNothing();
    void aChangedRowIsNamed();
    void withoutAStoreTheWindowSaysWhy();

private:
    void startEngine(bool withStore);
    /// Records `count` admin events by `actor` into the audit ledger.
    void seedAudit(const QString &actor, int count);
    SecurityWindow *openWindow();
    /// Clicks Erase and answers the confirmation with the button of `role`; returns its text.
    QString eraseAnswering(QMessageBox::ButtonRole role);
    /// Exports `subject` to a file and returns the JSON saved.
    QJsonObject exported(const QString &subject);
    template <typename T> T *child(const char *name) const
    {
        T *widget = m_desktop->shell->securityWindow()->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no child named %s", name);
        return widget;
    }

    std::unique_ptr<test::DesktopEngine> m_desktop;
    int m_exports = 0;
};

void TestSecurityWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestSecurityWindow::init()
{
    m_desktop = std::make_unique<test::DesktopEngine>();
}

void TestSecurityWindow::cleanup()
{
    QVERIFY(m_desktop->stop());
    m_desktop.reset();
}

void TestSecurityWindow::startEngine(bool withStore)
{
    QString error;
    QVERIFY2(m_desktop->start("server:\n  host: 127.0.0.1\ndiscovery:\n  local_scan: false\n", withStore, &error),
             qPrintable(error));
    if (withStore)
        QVERIFY(m_desktop->engine->store()->audit()); // the ledger secret is made in the data directory
}

void TestSecurityWindow::seedAudit(const QString &actor, int count)
{
    for (int i = 0; i < count; ++i) {
        AuditEvent e;
        e.timeMs = QDateTime::currentMSecsSinceEpoch();
        e.category = AuditCategory::Admin;
        e.action = u"admin.call"_s;
        e.outcome = u"ok"_s;
        e.actor = actor;
        e.actorRole = u"admin"_s;
        e.clientIp = u"192.0.2.%1"_s.arg(10 + i);
        e.details = QJsonObject{{u"route"_s, u"/api/v1/proxy/toggle"_s}};
        QVERIFY(m_desktop->engine->store()->audit()->record(e));
    }
}

SecurityWindow *TestSecurityWindow::openWindow()
{
    m_desktop->shell->actions().security->trigger();
    SecurityWindow *window = m_desktop->shell->securityWindow();
    if (window && !QTest::qWaitForWindowExposed(window))
        qWarning("the security window was not exposed");
    return window;
}

QString TestSecurityWindow::eraseAnswering(QMessageBox::ButtonRole role)
{
    QString text;
    bool answered = false;
    // The confirmation is modal: answer it from the event loop it runs.
    QTimer timer;
    timer.setInterval(20);
    connect(&timer, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || answered)
            return;
        text = box->text();
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == role) {
                answered = true;
                button->click();
                return;
            }
        }
    });
    timer.start();
    child<QPushButton>("eraseButton")->click();
    timer.stop();
    if (!answered)
        qWarning("no confirmation was asked");
    return text;
}

QJsonObject TestSecurityWindow::exported(const QString &subject)
{
    SecurityWindow *window = m_desktop->shell->securityWindow();
    const QString path = m_desktop->dir.filePath(u"export-%1.json"_s.arg(++m_exports));
    window->exportSubjectTo(subject, path);
    if (!QTest::qWaitFor([&] { return !window->isBusy(); }, 15'000))
        qWarning("the export did not end");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qWarning("no export was saved: %s", qPrintable(child<QLabel>("gdprResultLabel")->text()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

void TestSecurityWindow::verifyExportEraseThenVerify()
{
    startEngine(true);
    seedAudit(u"alice"_s, 3);
    seedAudit(u"bob"_s, 2);
    SecurityWindow *window = openWindow();
    QVERIFY(window);
    auto *verify = child<QPushButton>("verifyButton");
    QTRY_VERIFY(verify->isEnabled());
    QVERIFY(window->unavailableReason().isEmpty());

    verify->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isBusy(), 15'000);
    QVERIFY(window->lastCheck());
    QVERIFY(window->lastCheck()->ok);
    QVERIFY2(window->lastCheck()->entries >= 5, qPrintable(QString::number(window->lastCheck()->entries)));
    QCOMPARE(window->lastCheck()->headSequence, window->lastCheck()->entries);
    const QString result = child<QLabel>("verifyResultLabel")->text();
    QVERIFY2(result.contains(u"intact"_s) &&
                 result.contains(u"%1 entries checked"_s.arg(window->lastCheck()->entries)) &&
                 result.contains(u" ms"_s),
             qPrintable(result));

    // Export: alice's three entries, with her address in clear.
    QJsonObject data = exported(u"alice"_s);
    QJsonArray entries = data.value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.first().toObject().value(u"as_actor"_s).toObject().value(u"actor"_s).toString(), u"alice"_s);
    QVERIFY(QJsonDocument(data).toJson().contains("192.0.2.10"));
    QVERIFY2(child<QLabel>("gdprResultLabel")->text().contains(u"Saved"_s),
             qPrintable(child<QLabel>("gdprResultLabel")->text()));

    // Erase asks first, naming the person and what is destroyed.
    auto *subject = child<QLineEdit>("subjectEdit");
    QTest::keyClicks(subject, u"alice"_s);
    QVERIFY(child<QPushButton>("eraseButton")->isEnabled());
    const QString question = eraseAnswering(QMessageBox::DestructiveRole);
    QVERIFY2(question.contains(u"“alice”"_s) && question.contains(u"keys are destroyed"_s) &&
                 question.contains(u"cannot be undone"_s),
             qPrintable(question));
    QTRY_VERIFY_WITH_TIMEOUT(window->lastErasure().has_value(), 15'000);
    QVERIFY(window->lastErasure()->keysDestroyed >= 1);
    QVERIFY(window->lastErasure()->entries >= 3);
    QVERIFY2(child<QLabel>("gdprResultLabel")->text().contains(u"is erased"_s),
             qPrintable(child<QLabel>("gdprResultLabel")->text()));

    // Her data can no longer be read; the chain still verifies, the erasure on record in it.
    data = exported(u"alice"_s);
    entries = data.value(u"entries"_s).toArray();
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.first().toObject().value(u"as_actor"_s).toObject(), (QJsonObject{{u"erased"_s, true}}));
    QVERIFY(!QJsonDocument(data).toJson().contains("192.0.2.10"));
    QCOMPARE(exported(u"bob"_s).value(u"entries"_s).toArray().size(), 2); // bob is untouched
    const qint64 before = window->lastCheck()->entries;
    verify->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isBusy(), 15'000);
    QVERIFY(window->lastCheck());
    QVERIFY2(window->lastCheck()->ok, qPrintable(window->lastCheck()->summary));
    QVERIFY(window->lastCheck()->entries > before); // the exports and the erasure are entries too
}

void TestSecurityWindow::cancellingTheConfirmationErasesNothing()
{
    startEngine(true);
    seedAudit(u"carol"_s, 2);
    SecurityWindow *window = openWindow();
    QVERIFY(window);
    QTRY_VERIFY(child<QPushButton>("verifyButton")->isEnabled());
    QTest::keyClicks(child<QLineEdit>("subjectEdit"), u"carol"_s);
    const QString question = eraseAnswering(QMessageBox::RejectRole);
    QVERIFY2(question.contains(u"“carol”"_s), qPrintable(question));
    QTest::qWait(200);
    QVERIFY(!window->lastErasure());
    const QJsonArray entries = exported(u"carol"_s).value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.first().toObject().value(u"as_actor"_s).toObject().value(u"actor"_s).toString(), u"carol"_s);
}

void TestSecurityWindow::aChangedRowIsNamed()
{
    startEngine(true);
    seedAudit(u"dave"_s, 5);
    SecurityWindow *window = openWindow();
    QVERIFY(window);
    auto *verify = child<QPushButton>("verifyButton");
    QTRY_VERIFY(verify->isEnabled());
    verify->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isBusy(), 15'000);
    QVERIFY(window->lastCheck() && window->lastCheck()->ok);

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(m_desktop->dir.filePath(u"llmproxy.db"_s));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"UPDATE audit_log SET outcome = 'forged' WHERE sequence = 3"_s));
        QCOMPARE(q.numRowsAffected(), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);

    verify->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isBusy(), 15'000);
    QVERIFY(window->lastCheck());
    QVERIFY(!window->lastCheck()->ok);
    QCOMPARE(window->lastCheck()->brokenSequence, 3);
    QCOMPARE(window->lastCheck()->entries, 2);
    const QString result = child<QLabel>("verifyResultLabel")->text();
    QVERIFY2(result.contains(u"broken at entry 3"_s) && result.contains(u"2 entries before it"_s), qPrintable(result));
}

void TestSecurityWindow::withoutAStoreTheWindowSaysWhy()
{
    startEngine(false);
    SecurityWindow *window = openWindow();
    QVERIFY(window);
    QTRY_VERIFY(!window->unavailableReason().isEmpty());
    QVERIFY2(child<QLabel>("stateLabel")->text().contains(u"audit ledger is off"_s),
             qPrintable(child<QLabel>("stateLabel")->text()));
    QVERIFY(!child<QPushButton>("verifyButton")->isEnabled());
    QTest::keyClicks(child<QLineEdit>("subjectEdit"), u"x"_s);
    QVERIFY(!child<QPushButton>("eraseButton")->isEnabled());
    QVERIFY(!child<QPushButton>("exportButton")->isEnabled());
    // Asked all the same, the controller answers with the reason.
    window->verify();
    QTRY_VERIFY(!window->isBusy());
    QVERIFY(!window->lastCheck());
    QVERIFY2(child<QLabel>("verifyResultLabel")->text().contains(u"audit ledger is off"_s),
             qPrintable(child<QLabel>("verifyResultLabel")->text()));
}

QTEST_MAIN(TestSecurityWindow)
#include "tst_securitywindow.moc"
