// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The Request history window against a running engine with its SQLite store: pages load as the table
// scrolls, the filters narrow the query the store runs, a request sent over HTTP shows up after
// Refresh, and without a store the window says why.
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "proxycore/store/store.h"
#include "tests/support/inprocessengine.h"
#include "ui/desktopshell.h"
#include "ui/historymodel.h"
#include "ui/historywindow.h"
#include "ui/mainwindow.h"
#include "ui/requestlogmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPushButton>
#include <QSet>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <memory>

using namespace llmproxy;
using namespace Qt::StringLiterals;

namespace {

/// Request `i` of the seeded history: every 10th a 502, every 7th a blocked 403, keys alternate.
RequestRecord seeded(int i, const QDateTime &start)
{
    RequestRecord r;
    r.time = start.addMSecs(qint64(i) * 1000);
    r.requestId = u"seed-%1"_s.arg(i);
    r.method = u"POST"_s;
    r.route = u"/v1/chat/completions"_s;
    r.clientApi = u"chat_completions"_s;
    r.keyName = i % 2 ? u"laptop"_s : u"ci"_s;
    r.model = u"gpt-4o-mini"_s;
    r.servedModel = r.model;
    r.provider = u"openai"_s;
    r.endpoint = u"main"_s;
    r.attempts = 1;
    r.latencyMs = 100;
    if (i % 10 == 0) {
        r.status = 502;
        r.error = u"upstream_error"_s;
    } else if (i % 7 == 0) {
        r.status = 403;
        r.error = u"request_blocked"_s;
        r.blockedBy = u"firewall"_s;
    } else {
        r.status = 200;
    }
    return r;
}

} // namespace

class TestHistoryWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void pagesLoadAsTheTableScrolls();
    void filtersNarrowTheQuery();
    void requestSentOverHttpAppearsAfterRefresh();
    void withoutAStoreTheWindowSaysWhy();
    void followingShowsNewRowsAndKeepsTheSelection();
    void doubleClickInTheLiveLogOpensTheRequest();

private:
    void startEngine(bool withStore);
    /// Seeds `count` requests of the last `count` seconds into the store and waits until written.
    void seed(int count);
    template <typename T> T *child(const char *name) const
    {
        T *widget = m_shell->historyWindow()->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no child named %s", name);
        return widget;
    }
    HistoryWindow *openWindow();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<DesktopShell> m_shell;
};

void TestHistoryWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestHistoryWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestHistoryWindow::cleanup()
{
    m_shell.reset();
    m_controller.reset();
    QVERIFY(test::stopEngine(m_engine));
    m_dir.reset();
}

void TestHistoryWindow::startEngine(bool withStore)
{
    ConfigSources sources;
    QString error;
    const ConfigPtr config = test::loadIsolatedConfig(
        m_dir->path(), "server:\n  host: 127.0.0.1\ndiscovery:\n  local_scan: false\n", &sources, &error);
    QVERIFY2(config, qPrintable(error));
    m_engine = std::make_unique<Engine>(config, sources);
    if (withStore)
        m_engine->setDataDirectory(m_dir->path());
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    QCOMPARE(m_engine->store() != nullptr, withStore);
    m_controller = std::make_unique<EngineController>(m_engine.get());
    m_shell = std::make_unique<DesktopShell>(m_controller.get());
}

void TestHistoryWindow::seed(int count)
{
    QList<RequestRecord> records;
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-count - 60);
    for (int i = 1; i <= count; ++i)
        records.append(seeded(i, start));
    m_engine->store()->recordRequests(records);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->store()->status().writer.written, quint64(count), 30'000);
}

HistoryWindow *TestHistoryWindow::openWindow()
{
    m_shell->actions().history->trigger();
    HistoryWindow *window = m_shell->historyWindow();
    if (window && !QTest::qWaitForWindowExposed(window))
        qWarning("the history window was not exposed");
    return window;
}

void TestHistoryWindow::pagesLoadAsTheTableScrolls()
{
    startEngine(true);
    seed(1200);
    HistoryWindow *window = openWindow();
    QVERIFY(window);
    HistoryModel *model = window->model();
    QTRY_VERIFY(!model->isLoading());
    QVERIFY2(model->error().isEmpty(), qPrintable(model->error()));
    QCOMPARE(model->rowCount(), HistoryModel::PageSize);
    QCOMPARE(model->total(), std::optional<qint64>(1200));
    // Newest first, with the date in the time column.
    QCOMPARE(model->historyRow(0).record.requestId, u"seed-1200"_s);
    QVERIFY(model->data(model->index(0, RequestLogModel::TimeColumn)).toString().contains(u'-'));
    auto *state = child<QLabel>("stateLabel");
    QVERIFY2(state->text().contains(u"Matching requests: 1,200"_s), qPrintable(state->text()));
    QVERIFY2(state->text().contains(u"scroll down"_s), qPrintable(state->text()));

    // Scrolling to the end fetches the next pages, until every row is there.
    auto *table = child<QTableView>("tableView");
    for (int i = 0; i < 10 && model->rowCount() < 1200; ++i) {
        table->scrollToBottom();
        QTRY_VERIFY(!model->isLoading());
    }
    QCOMPARE(model->rowCount(), 1200);
    QVERIFY(model->atEnd());
    QCOMPARE(model->historyRow(1199).record.requestId, u"seed-1"_s);
    QVERIFY2(!state->text().contains(u"scroll down"_s), qPrintable(state->text()));
    QSet<QString> ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.insert(model->historyRow(row).record.requestId);
    QCOMPARE(ids.size(), 1200); // every row once, none twice across the pages

    // Copy request ID puts the selected row's ID on the clipboard.
    auto *copy = child<QPushButton>("copyIdButton");
    QVERIFY(!copy->isEnabled());
    table->selectRow(3);
    QVERIFY(copy->isEnabled());
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), model->historyRow(3).record.requestId);
    // The detail pane shows every field the row recorded.
    const QString detail = child<QTextBrowser>("detailView")->toPlainText();
    QVERIFY2(detail.contains(model->historyRow(3).record.requestId), qPrintable(detail));
    QVERIFY2(detail.contains(u"Model asked for"_s) && detail.contains(u"gpt-4o-mini"_s), qPrintable(detail));
    QVERIFY2(detail.contains(u"Client key"_s) && detail.contains(model->historyRow(3).record.keyName),
             qPrintable(detail));
}

void TestHistoryWindow::filtersNarrowTheQuery()
{
    startEngine(true);
    seed(300);
    HistoryWindow *window = openWindow();
    QVERIFY(window);
    HistoryModel *model = window->model();
    QTRY_COMPARE(model->total(), std::optional<qint64>(300));

    auto *status = child<QComboBox>("statusCombo");
    status->setCurrentIndex(HistoryWindow::ServerErrors);
    emit status->activated(HistoryWindow::ServerErrors);
    QTRY_COMPARE(model->total(), std::optional<qint64>(30));
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->historyRow(row).record.status, 502);

    status->setCurrentIndex(HistoryWindow::Blocked);
    emit status->activated(HistoryWindow::Blocked);
    // 1..300: multiples of 7 that are not multiples of 10.
    QTRY_COMPARE(model->total(), std::optional<qint64>(42 - 4));

    status->setCurrentIndex(HistoryWindow::AnyStatus);
    emit status->activated(HistoryWindow::AnyStatus);
    auto *key = child<QLineEdit>("keyEdit");
    QTest::keyClicks(key, u"laptop"_s);
    QTest::keyClick(key, Qt::Key_Return);
    QTRY_COMPARE(model->total(), std::optional<qint64>(150));

    key->clear();
    auto *modelEdit = child<QLineEdit>("modelEdit");
    QTest::keyClicks(modelEdit, u"gpt-4o"_s); // exact: gpt-4o-mini is another model
    QTest::keyClick(modelEdit, Qt::Key_Return);
    QTRY_COMPARE(model->total(), std::optional<qint64>(0));
    QTest::keyClicks(modelEdit, u"-mini"_s);
    QTest::keyClick(modelEdit, Qt::Key_Return);
    QTRY_COMPARE(model->total(), std::optional<qint64>(300));
    modelEdit->clear();
    auto *search = child<QLineEdit>("searchEdit");
    QTest::keyClicks(search, u"seed-123"_s); // an exact request ID; typing waits for a pause
    QTRY_COMPARE(model->total(), std::optional<qint64>(1));
    QCOMPARE(model->historyRow(0).record.requestId, u"seed-123"_s);

    search->clear();
    QTest::keyClicks(search, u"no-such-thing"_s);
    QTRY_COMPARE(model->total(), std::optional<qint64>(0));
    QTRY_COMPARE(child<QLabel>("stateLabel")->text(), u"No stored request matches."_s);

    // The period counts back from now; the seeded requests are of the last few minutes.
    search->clear();
    auto *period = child<QComboBox>("periodCombo");
    period->setCurrentIndex(HistoryWindow::LastHour);
    emit period->activated(HistoryWindow::LastHour);
    QTRY_COMPARE(model->total(), std::optional<qint64>(300));
    QVERIFY(window->currentFilter().from.isValid());
    period->setCurrentIndex(HistoryWindow::AllTime);
    QVERIFY(!window->currentFilter().from.isValid());
}

void TestHistoryWindow::requestSentOverHttpAppearsAfterRefresh()
{
    startEngine(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isListening(), 10'000);
    HistoryWindow *window = openWindow();
    QVERIFY(window);
    HistoryModel *model = window->model();
    QTRY_COMPARE(model->total(), std::optional<qint64>(0));

    // No endpoint is configured: the gateway answers 503, and keeps the request all the same.
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(QUrl(m_controller->listenUrl() + u"/v1/chat/completions"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    const QByteArray body = R"({"model":"history-probe","messages":[{"role":"user","content":"hello"}]})";
    std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30'000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
    const QString requestId = QString::fromLatin1(reply->rawHeader("x-llmproxy-request-id"));
    QVERIFY(!requestId.isEmpty());

    // The row reaches the store a little after the response; Refresh shows it.
    auto *refresh = child<QPushButton>("refreshButton");
    QElapsedTimer waited;
    waited.start();
    while (model->total().value_or(0) == 0 && waited.elapsed() < 15'000) {
        QTest::qWait(100);
        refresh->click();
        QTRY_VERIFY(!model->isLoading());
    }
    QCOMPARE(model->total(), std::optional<qint64>(1));
    const RequestRecord &r = model->historyRow(0).record;
    QCOMPARE(r.requestId, requestId);
    QCOMPARE(r.status, 503);
    QCOMPARE(r.model, u"history-probe"_s);
}

void TestHistoryWindow::withoutAStoreTheWindowSaysWhy()
{
    startEngine(false);
    HistoryWindow *window = openWindow();
    QVERIFY(window);
    HistoryModel *model = window->model();
    QTRY_VERIFY(!model->error().isEmpty());
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!model->canFetchMore({}));
    QTRY_VERIFY(child<QLabel>("stateLabel")->text().contains(u"request history is off"_s));
}

void TestHistoryWindow::followingShowsNewRowsAndKeepsTheSelection()
{
    startEngine(true);
    seed(30);
    HistoryWindow *window = openWindow();
    QVERIFY(window);
    HistoryModel *model = window->model();
    QTRY_COMPARE(model->total(), std::optional<qint64>(30));
    auto *table = child<QTableView>("tableView");
    table->selectRow(4);
    const QString selected = model->historyRow(4).record.requestId;

    // Without Follow, new rows wait for Refresh.
    QList<RequestRecord> newer;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 1; i <= 3; ++i) {
        RequestRecord r = seeded(i, now);
        r.requestId = u"live-%1"_s.arg(i);
        newer.append(r);
    }
    m_engine->store()->recordRequests(newer.mid(0, 1));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->store()->status().writer.written, quint64(31), 30'000);
    QTest::qWait(2500);
    QCOMPARE(model->total(), std::optional<qint64>(30));

    window->setFollowing(true);
    QTRY_COMPARE_WITH_TIMEOUT(model->total(), std::optional<qint64>(31), 10'000);
    m_engine->store()->recordRequests(newer.mid(1));
    QTRY_COMPARE_WITH_TIMEOUT(model->total(), std::optional<qint64>(33), 10'000);
    QCOMPARE(model->historyRow(0).record.requestId, u"live-3"_s);
    // The row that was selected still is, wherever it moved.
    QTRY_COMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(model->historyRow(table->selectionModel()->selectedRows().first().row()).record.requestId, selected);
    QVERIFY(child<QTextBrowser>("detailView")->toPlainText().contains(selected));

    window->setFollowing(false);
    QVERIFY(!window->isFollowing());
}

void TestHistoryWindow::doubleClickInTheLiveLogOpensTheRequest()
{
    startEngine(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isListening(), 10'000);
    m_shell->show();
    MainWindow *main = m_shell->mainWindow();
    QVERIFY(main);
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(QUrl(m_controller->listenUrl() + u"/v1/chat/completions"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    std::unique_ptr<QNetworkReply> reply(
        network.post(request, R"({"model":"live-probe","messages":[{"role":"user","content":"hi"}]})"));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30'000);
    const QString requestId = QString::fromLatin1(reply->rawHeader("x-llmproxy-request-id"));
    QVERIFY(!requestId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(main->requestLogModel()->rowCount(), 1, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->store()->status().writer.written, quint64(1), 30'000);

    auto *live = main->findChild<QTableView *>(u"requestLogView"_s);
    QVERIFY(live);
    QVERIFY(QTest::qWaitForWindowExposed(main));
    const QRect cell = live->visualRect(live->model()->index(0, RequestLogModel::ModelColumn));
    QTest::mouseClick(live->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(live->viewport(), Qt::LeftButton, {}, cell.center());
    HistoryWindow *window = m_shell->historyWindow();
    QVERIFY(window);
    QTRY_VERIFY(window->isVisible());
    QCOMPARE(child<QLineEdit>("searchEdit")->text(), requestId);
    QTRY_COMPARE(window->model()->total(), std::optional<qint64>(1));
    auto *table = child<QTableView>("tableView");
    QTRY_COMPARE(table->selectionModel()->selectedRows().size(), 1);
    QVERIFY(child<QTextBrowser>("detailView")->toPlainText().contains(u"live-probe"_s));
}

QTEST_MAIN(TestHistoryWindow)
#include "tst_historywindow.moc"
