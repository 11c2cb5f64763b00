// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/endpointmodel.h"
#include "ui/requestlogmodel.h"

#include <QColor>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;

class TestEndpointModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsBreakerHealthAndStatistics();
    void stateSpellsOutEveryBreakerState_data();
    void stateSpellsOutEveryBreakerState();
    void updatesRowsInPlace();
    void checkBoxAsksToToggle();
    void requestLogShowsAttempts();
    void requestLogKeepsArrivalOrder();
    void requestLogShowsEndpointServedModelAndError();
    void healthChecksSwitchedOffAreExplained();

private:
    static EndpointStatus endpoint(const QString &id);
    static QString text(const EndpointModel &model, int row, int column);
};

void TestEndpointModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

EndpointStatus TestEndpointModel::endpoint(const QString &id)
{
    EndpointStatus e;
    e.id = id;
    e.provider = QStringLiteral("OpenAI");
    e.baseUrl = QStringLiteral("https://%1.example/v1").arg(id);
    e.models = {QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini")};
    e.source = QStringLiteral("file");
    e.hasKey = true;
    e.health = QStringLiteral("unknown");
    e.breakerState = QStringLiteral("closed");
    e.probe = QStringLiteral("unknown");
    return e;
}

QString TestEndpointModel::text(const EndpointModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

void TestEndpointModel::showsBreakerHealthAndStatistics()
{
    EndpointStatus busy = endpoint(QStringLiteral("busy"));
    busy.latencyMs = 123.4;
    busy.successRate = 0.75;
    busy.requests = 8;
    busy.failures = 2;
    busy.probe = QStringLiteral("healthy");

    EndpointStatus dead = endpoint(QStringLiteral("dead"));
    dead.breakerState = QStringLiteral("open");
    dead.consecutiveFailures = 3;
    dead.breakerRetryInMs = 41'200;
    dead.successRate = 0;
    dead.requests = 3;
    dead.failures = 3;
    dead.probe = QStringLiteral("unhealthy");

    EndpointStatus off = endpoint(QStringLiteral("off"));
    off.enabled = false;
    off.breakerState.clear();
    off.probe.clear();
    off.models.clear();

    EndpointModel model;
    model.setEndpoints({busy, dead, off});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(EndpointModel::ColumnCount));

    QCOMPARE(model.headerData(EndpointModel::StateColumn, Qt::Horizontal).toString(), QStringLiteral("State"));
    QCOMPARE(model.headerData(EndpointModel::LatencyColumn, Qt::Horizontal).toString(), QStringLiteral("Latency"));
    QVERIFY(!model.headerData(EndpointModel::LatencyColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());

    QCOMPARE(text(model, 0, EndpointModel::IdColumn), QStringLiteral("busy"));
    QCOMPARE(text(model, 0, EndpointModel::ProviderColumn), QStringLiteral("OpenAI"));
    QCOMPARE(text(model, 0, EndpointModel::ModelsColumn), QStringLiteral("gpt-4o, gpt-4o-mini"));
    QCOMPARE(text(model, 0, EndpointModel::StateColumn), QStringLiteral("Enabled"));
    QCOMPARE(text(model, 0, EndpointModel::HealthColumn), QStringLiteral("Up"));
    QCOMPARE(text(model, 0, EndpointModel::LatencyColumn), QStringLiteral("123 ms"));
    QCOMPARE(text(model, 0, EndpointModel::SuccessColumn), QStringLiteral("75%"));
    QCOMPARE(text(model, 0, EndpointModel::RequestsColumn), QStringLiteral("8"));
    QCOMPARE(model.index(0, EndpointModel::RequestsColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Requests: 8, failed: 2"));
    QCOMPARE(model.index(0, EndpointModel::IdColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(model.index(0, EndpointModel::StateColumn).data(Qt::DecorationRole).value<QColor>(),
             QColor(0x2e, 0x7d, 0x32));
    QVERIFY(model.index(0, EndpointModel::IdColumn).data(Qt::ToolTipRole).toString().contains(busy.baseUrl));
    QVERIFY(model.flags(model.index(0, EndpointModel::IdColumn)).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(!model.flags(model.index(0, EndpointModel::StateColumn)).testFlag(Qt::ItemIsUserCheckable));

    QCOMPARE(text(model, 1, EndpointModel::StateColumn), QStringLiteral("Open — retrying in 42 s"));
    QCOMPARE(text(model, 1, EndpointModel::HealthColumn), QStringLiteral("Down"));
    QCOMPARE(text(model, 1, EndpointModel::LatencyColumn), QStringLiteral("–"));
    QCOMPARE(text(model, 1, EndpointModel::SuccessColumn), QStringLiteral("0%"));
    QCOMPARE(text(model, 1, EndpointModel::RequestsColumn), QStringLiteral("3"));
    QCOMPARE(model.index(1, EndpointModel::StateColumn).data(Qt::DecorationRole).value<QColor>(),
             QColor(0xc6, 0x28, 0x28));
    QCOMPARE(model.index(1, EndpointModel::StateColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Circuit breaker open (failures in a row: 3): requests skip this endpoint until a "
                            "test request succeeds."));
    // The tooltip doubles as the accessible description, so screen readers get the explanation too.
    QCOMPARE(model.index(1, EndpointModel::StateColumn).data(Qt::AccessibleDescriptionRole),
             model.index(1, EndpointModel::StateColumn).data(Qt::ToolTipRole));

    QCOMPARE(text(model, 2, EndpointModel::ModelsColumn), QStringLiteral("any model"));
    QCOMPARE(text(model, 2, EndpointModel::StateColumn), QStringLiteral("Disabled"));
    QCOMPARE(text(model, 2, EndpointModel::HealthColumn), QStringLiteral("–"));
    QCOMPARE(text(model, 2, EndpointModel::LatencyColumn), QStringLiteral("–"));
    QCOMPARE(text(model, 2, EndpointModel::SuccessColumn), QStringLiteral("–"));
    QCOMPARE(text(model, 2, EndpointModel::RequestsColumn), QStringLiteral("0"));
    QCOMPARE(model.index(2, EndpointModel::IdColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(model.index(2, EndpointModel::StateColumn).data(Qt::FontRole).value<QFont>().italic());
    QCOMPARE(model.rowOf(QStringLiteral("off")), 2);
    QCOMPARE(model.rowOf(QStringLiteral("nowhere")), -1);
}

void TestEndpointModel::stateSpellsOutEveryBreakerState_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("breaker");
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("retryInMs");
    QTest::addColumn<QString>("expected");

    QTest::newRow("closed") << true << QStringLiteral("closed") << 0 << qint64(-1) << QStringLiteral("Enabled");
    QTest::newRow("closed with failures")
        << true << QStringLiteral("closed") << 2 << qint64(-1) << QStringLiteral("Enabled — failures in a row: 2");
    QTest::newRow("open, seconds") << true << QStringLiteral("open") << 5 << qint64(1) << QStringLiteral("Open — retrying in 1 s");
    QTest::newRow("open, 119 s")
        << true << QStringLiteral("open") << 5 << qint64(119'000) << QStringLiteral("Open — retrying in 119 s");
    QTest::newRow("open, minutes")
        << true << QStringLiteral("open") << 5 << qint64(150'000) << QStringLiteral("Open — retrying in 3 min");
    QTest::newRow("open, probe due")
        << true << QStringLiteral("open") << 5 << qint64(0) << QStringLiteral("Open — retrying with the next request");
    QTest::newRow("half-open")
        << true << QStringLiteral("half_open") << 5 << qint64(-1) << QStringLiteral("Half-open — testing one request");
    QTest::newRow("disabled wins") << false << QString() << 0 << qint64(-1) << QStringLiteral("Disabled");
}

void TestEndpointModel::stateSpellsOutEveryBreakerState()
{
    QFETCH(bool, enabled);
    QFETCH(QString, breaker);
    QFETCH(int, failures);
    QFETCH(qint64, retryInMs);
    QFETCH(QString, expected);
    EndpointStatus e = endpoint(QStringLiteral("e"));
    e.enabled = enabled;
    e.breakerState = breaker;
    e.consecutiveFailures = failures;
    e.breakerRetryInMs = retryInMs;
    QCOMPARE(EndpointModel::stateText(e), expected);
}

void TestEndpointModel::updatesRowsInPlace()
{
    EndpointModel model;
    model.setEndpoints({endpoint(QStringLiteral("a")), endpoint(QStringLiteral("b")), endpoint(QStringLiteral("c"))});
    const QPersistentModelIndex cIndex(model.index(2, EndpointModel::StateColumn));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // The same list again: nothing to tell the view.
    model.setEndpoints({endpoint(QStringLiteral("a")), endpoint(QStringLiteral("b")), endpoint(QStringLiteral("c"))});
    QCOMPARE(changed.count(), 0);

    // One breaker opens: only its row changes.
    EndpointStatus b = endpoint(QStringLiteral("b"));
    b.breakerState = QStringLiteral("open");
    b.breakerRetryInMs = 5000;
    model.setEndpoints({endpoint(QStringLiteral("a")), b, endpoint(QStringLiteral("c"))});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(1, 0));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(1, EndpointModel::ColumnCount - 1));
    QCOMPARE(text(model, 1, EndpointModel::StateColumn), QStringLiteral("Open — retrying in 5 s"));

    // "a" goes, "d" comes, and the engine lists the rest in another order: the remaining rows keep
    // their relative order, the new one is appended.
    changed.clear();
    EndpointStatus c = endpoint(QStringLiteral("c"));
    c.enabled = false;
    model.setEndpoints({c, endpoint(QStringLiteral("d")), b});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(text(model, 0, EndpointModel::IdColumn), QStringLiteral("b"));
    QCOMPARE(text(model, 1, EndpointModel::IdColumn), QStringLiteral("c"));
    QCOMPARE(text(model, 2, EndpointModel::IdColumn), QStringLiteral("d"));
    QVERIFY(cIndex.isValid());
    QCOMPARE(cIndex.row(), 1);
    QCOMPARE(cIndex.data().toString(), QStringLiteral("Disabled"));

    // Rows are told apart by source as well as id.
    EndpointStatus discovered = endpoint(QStringLiteral("b"));
    discovered.source = QStringLiteral("discovery");
    model.setEndpoints({b, c, endpoint(QStringLiteral("d")), discovered});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.endpoints().at(3).source, QStringLiteral("discovery"));
    QCOMPARE(reset.count(), 0);
}

void TestEndpointModel::checkBoxAsksToToggle()
{
    EndpointModel model;
    model.setEndpoints({endpoint(QStringLiteral("a"))});
    QSignalSpy requested(&model, &EndpointModel::enabledChangeRequested);
    const QModelIndex check = model.index(0, EndpointModel::IdColumn);

    QVERIFY(model.setData(check, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("a"));
    QCOMPARE(requested.at(0).at(1).toBool(), false);
    // The row shows the engine's state, not the click, until the engine answers.
    QCOMPARE(check.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);

    QVERIFY(model.setData(check, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(requested.count(), 1);
    QVERIFY(!model.setData(model.index(0, EndpointModel::StateColumn), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!model.setData(check, QStringLiteral("x"), Qt::EditRole));
    QCOMPARE(requested.count(), 1);
}

void TestEndpointModel::requestLogShowsAttempts()
{
    RequestRecord first;
    first.requestId = QStringLiteral("req-1");
    first.method = QStringLiteral("POST");
    first.route = QStringLiteral("/v1/chat/completions");
    first.status = 200;
    first.attempts = 1;
    RequestRecord fellBack = first;
    fellBack.requestId = QStringLiteral("req-2");
    fellBack.endpoint = QStringLiteral("backup");
    fellBack.attempts = 2;
    fellBack.keyName = QStringLiteral("ci-bot");

    RequestLogModel log;
    log.appendRecords({first, fellBack});
    QCOMPARE(log.headerData(RequestLogModel::AttemptsColumn, Qt::Horizontal).toString(), QStringLiteral("Attempts"));
    // One attempt is shown as 1, not left blank; only a request never sent upstream has none.
    QCOMPARE(log.index(0, RequestLogModel::AttemptsColumn).data().toInt(), 1);
    QCOMPARE(log.index(1, RequestLogModel::AttemptsColumn).data().toInt(), 2);
    RequestRecord refused = first;
    refused.attempts = 0;
    refused.status = 401;
    log.appendRecords({refused});
    QVERIFY(!log.index(2, RequestLogModel::AttemptsColumn).data().isValid());
    QCOMPARE(log.index(1, RequestLogModel::StatusColumn).data().toInt(), 200);
    const QString tip = log.index(1, RequestLogModel::ModelColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral(
                 "\nEndpoint: backup\nClient key: ci-bot\n2 attempts: retried or fell back to another endpoint")),
             qPrintable(tip));
    const QString plain = log.index(0, RequestLogModel::ModelColumn).data(Qt::ToolTipRole).toString();
    QVERIFY(!plain.contains(QStringLiteral("attempts")));
    QVERIFY(!plain.contains(QStringLiteral("Client key")));
}

void TestEndpointModel::requestLogKeepsArrivalOrder()
{
    const QDateTime base = QDateTime::fromString(QStringLiteral("2026-01-01T10:00:00.000Z"), Qt::ISODateWithMs);
    const auto record = [&base](const char *id, int ms) {
        RequestRecord r;
        r.requestId = QString::fromLatin1(id);
        r.time = base.addMSecs(ms);
        r.status = 200;
        return r;
    };
    RequestLogModel log;
    // Two workers' batches in one collection, and a slow request that finishes after newer ones:
    // all within the same second, and every row lands where its arrival puts it.
    log.appendRecords({record("c", 300), record("a", 100)});
    log.appendRecords({record("d", 400), record("b", 200)});
    QStringList order;
    for (int row = 0; row < log.rowCount(); ++row)
        order << log.record(row).requestId;
    QCOMPARE(order, (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
}

void TestEndpointModel::requestLogShowsEndpointServedModelAndError()
{
    RequestRecord r;
    r.requestId = QStringLiteral("req-1");
    r.model = QStringLiteral("fast");
    r.servedModel = QStringLiteral("llama-3.3-70b");
    r.provider = QStringLiteral("groq");
    r.endpoint = QStringLiteral("groq-main");
    r.status = 429;
    r.attempts = 1;
    r.error = QStringLiteral("rate_limited");
    RequestRecord plain = r;
    plain.model = plain.servedModel;
    plain.error.clear();
    plain.status = 200;

    RequestLogModel log;
    log.appendRecords({r, plain});
    QCOMPARE(log.headerData(RequestLogModel::EndpointColumn, Qt::Horizontal).toString(), QStringLiteral("Endpoint"));
    QCOMPARE(log.index(0, RequestLogModel::EndpointColumn).data().toString(), QStringLiteral("groq-main"));
    QCOMPARE(log.index(0, RequestLogModel::ModelColumn).data().toString(), QStringLiteral("fast → llama-3.3-70b"));
    QCOMPARE(log.index(1, RequestLogModel::ModelColumn).data().toString(), QStringLiteral("llama-3.3-70b"));
    QCOMPARE(log.index(0, RequestLogModel::ErrorColumn).data().toString(), QStringLiteral("rate_limited"));
    QCOMPARE(log.index(1, RequestLogModel::ErrorColumn).data().toString(), QString());
    const QString tip = log.index(0, RequestLogModel::ModelColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Provider: groq")), qPrintable(tip));
}

void TestEndpointModel::healthChecksSwitchedOffAreExplained()
{
    EndpointStatus unprobed = endpoint(QStringLiteral("unprobed"));
    unprobed.probe = QStringLiteral("off");
    EndpointStatus pending = endpoint(QStringLiteral("pending"));
    pending.probe = QStringLiteral("unknown");
    EndpointModel model;
    model.setEndpoints({unprobed, pending});
    QCOMPARE(model.index(0, EndpointModel::HealthColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Health checks are off for this endpoint (probe: false)."));
    QCOMPARE(model.index(1, EndpointModel::HealthColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Not checked yet."));
}

QTEST_MAIN(TestEndpointModel)
#include "tst_endpointmodel.moc"
