// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "tests/support/inprocessengine.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/testsupport.h"
#include "ui/routemenu.h"
#include "ui/trayicon.h"

#include <QAction>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace llmproxy;
using namespace llmproxy::test;

/// The "Route coding tools" menu of the tray and the main window against a running in-process
/// gateway with two endpoints on the mock upstream: choosing a model for Claude Code sends a real
/// Anthropic Messages request for any model there, the other APIs are untouched, the choice is
/// shown (title, check mark), survives a restart on the same data directory, and "As requested"
/// ends it.
class TestRouteMenu : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void listsEveryEnabledEndpointsModels();
    void choosingAModelRoutesClaudeCode();
    void choiceSurvivesARestartAndCanBeUndone();
    void trayMenuHasIt();

private:
    void startEngine();
    QAction *action(const QString &name) const;
    /// POSTs `body` to `path` on the gateway; returns the status and the X-LLMProxy-Endpoint header.
    QPair<int, QByteArray> post(const QString &path, const QJsonObject &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers = {});

    std::unique_ptr<MockUpstreamProcess> m_mock;
    QTemporaryDir m_data;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<RouteMenu> m_menu;
};

void TestRouteMenu::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QSettings().clear();
    m_mock = std::make_unique<MockUpstreamProcess>(
        QStringList{QStringLiteral("--models"), QStringLiteral("mock-chat,second-model")});
    QVERIFY2(m_mock->start(), qPrintable(m_mock->errorString()));
    QVERIFY(m_data.isValid());
}

void TestRouteMenu::startEngine()
{
    QVERIFY(m_mock->reset());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    ProxyConfig config;
    EndpointSpec mock;
    mock.id = QStringLiteral("mock");
    mock.baseUrl = m_mock->baseUrl();
    mock.models = {QStringLiteral("mock-chat")};
    mock.apiKey = QStringLiteral("sk-upstream");
    EndpointSpec second = mock;
    second.id = QStringLiteral("second");
    second.models = {QStringLiteral("second-model"), QStringLiteral("mock-chat")};
    second.priority = 10;
    config.endpoints = {mock, second};
    config.extraYaml = "routing:\n  health: {interval_s: 0}\n";
    ConfigSources sources;
    QString error;
    const ConfigPtr loaded = loadIsolatedConfig(m_dir->path(), config.toYaml(), &sources, &error);
    QVERIFY2(loaded, qPrintable(error));
    m_engine = std::make_unique<Engine>(loaded, sources);
    m_engine->setDataDirectory(m_data.path());
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    m_controller = std::make_unique<EngineController>(m_engine.get());
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isListening(), 10'000);
    m_menu = std::make_unique<RouteMenu>(m_controller.get());
    m_menu->rebuild();
}

void TestRouteMenu::cleanup()
{
    m_menu.reset();
    m_controller.reset();
    if (m_engine)
        QVERIFY(stopEngine(m_engine));
    m_dir.reset();
}

QAction *TestRouteMenu::action(const QString &name) const
{
    return m_menu->menu()->findChild<QAction *>(name);
}

QPair<int, QByteArray> TestRouteMenu::post(const QString &path, const QJsonObject &body,
                                           const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_controller->listenUrl() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    QPair<int, QByteArray> out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                               reply->rawHeader("X-LLMProxy-Endpoint")};
    reply->deleteLater();
    return out;
}

static QJsonObject messagesBody(const QString &model)
{
    return {
        {QStringLiteral("model"), model},
        {QStringLiteral("max_tokens"), 32},
        {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                            {QStringLiteral("content"), QStringLiteral("hello")}}}}};
}

static const QList<QPair<QByteArray, QByteArray>> kAnthropic{{"anthropic-version", "2023-06-01"}};

void TestRouteMenu::listsEveryEnabledEndpointsModels()
{
    startEngine();
    QStringList titles;
    for (const QAction *a : m_menu->menu()->actions())
        titles << a->text();
    QCOMPARE(titles, (QStringList{RouteMenu::apiTitle(QStringLiteral("messages")),
                                  RouteMenu::apiTitle(QStringLiteral("responses")),
                                  RouteMenu::apiTitle(QStringLiteral("chat_completions"))}));
    for (const QString &api : RouteMenu::apis()) {
        QVERIFY(action(QStringLiteral("route_%1_none").arg(api))->isChecked());
        QVERIFY(action(QStringLiteral("route_%1_mock_mock-chat").arg(api)));
        QVERIFY(action(QStringLiteral("route_%1_second_second-model").arg(api)));
        QVERIFY(action(QStringLiteral("route_%1_second_mock-chat").arg(api)));
    }
    // A disabled endpoint's models leave the menu.
    m_controller->setEndpointEnabled(QStringLiteral("second"), false);
    QTRY_VERIFY(!action(QStringLiteral("route_messages_second_second-model")));
    QVERIFY(action(QStringLiteral("route_messages_mock_mock-chat")));
    m_controller->setEndpointEnabled(QStringLiteral("second"), true); // kept in the data directory
    QTRY_VERIFY(action(QStringLiteral("route_messages_second_second-model")));
}

void TestRouteMenu::choosingAModelRoutesClaudeCode()
{
    startEngine();
    QCOMPARE(post(QStringLiteral("/v1/messages"), messagesBody(QStringLiteral("claude-sonnet-4-5")), kAnthropic).first,
             404);
    action(QStringLiteral("route_messages_second_second-model"))->trigger();
    QTRY_COMPARE(m_controller->routing().clientRoutes.value(QStringLiteral("messages")).model,
                 QStringLiteral("second-model"));
    QTRY_VERIFY(m_menu->menu()->actions().first()->text().endsWith(QStringLiteral("→ second-model")));
    QVERIFY(action(QStringLiteral("route_messages_second_second-model"))->isChecked());
    QVERIFY(!action(QStringLiteral("route_messages_none"))->isChecked());
    QVERIFY(action(QStringLiteral("route_responses_none"))->isChecked());

    const auto [status, endpoint] =
        post(QStringLiteral("/v1/messages"), messagesBody(QStringLiteral("claude-sonnet-4-5")), kAnthropic);
    QCOMPARE(status, 200);
    QCOMPARE(endpoint, QByteArray("second"));
    QCOMPARE(m_mock->inferenceRequests().last().json().value(QStringLiteral("model")).toString(),
             QStringLiteral("second-model"));
    // Chat Completions clients still go where they ask.
    const QJsonObject chat{
        {QStringLiteral("model"), QStringLiteral("mock-chat")},
        {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                            {QStringLiteral("content"), QStringLiteral("hi")}}}}};
    QCOMPARE(post(QStringLiteral("/v1/chat/completions"), chat).second, QByteArray("mock"));
    // Kept for the next start (in the data directory's database).
    QVERIFY(savedRuntimeState(m_data.path(), QStringLiteral("routing"), [](const QJsonObject &o) {
                return QJsonDocument(o).toJson().contains("second-model");
            }).contains("second-model"));
}

void TestRouteMenu::choiceSurvivesARestartAndCanBeUndone()
{
    startEngine(); // the choice of the previous test is in the data directory
    QVERIFY(action(QStringLiteral("route_messages_second_second-model"))->isChecked());
    QCOMPARE(post(QStringLiteral("/v1/messages"), messagesBody(QStringLiteral("claude-opus-4")), kAnthropic).second,
             QByteArray("second"));
    action(QStringLiteral("route_messages_none"))->trigger();
    QTRY_VERIFY(m_controller->routing().clientRoutes.isEmpty());
    QTRY_VERIFY(action(QStringLiteral("route_messages_none"))->isChecked());
    QCOMPARE(post(QStringLiteral("/v1/messages"), messagesBody(QStringLiteral("claude-opus-4")), kAnthropic).first,
             404);
}

void TestRouteMenu::trayMenuHasIt()
{
    startEngine();
    std::vector<std::unique_ptr<QAction>> store;
    ShellActions actions;
    for (QAction **a : {&actions.open, &actions.pause, &actions.panic, &actions.copyUrl, &actions.openConfig,
                        &actions.threats, &actions.guards, &actions.connectTool, &actions.playground, &actions.quit}) {
        store.push_back(std::make_unique<QAction>(QStringLiteral("action")));
        *a = store.back().get();
    }
    TrayIcon tray(m_controller.get(), actions);
    QMenu *route = tray.routeMenu()->menu();
    bool inTray = false;
    for (const QObject *a : route->menuAction()->associatedObjects())
        inTray = inTray || qobject_cast<const QMenu *>(a) != nullptr;
    QVERIFY(inTray);
    QCOMPARE(route->title(), QStringLiteral("&Route coding tools"));
    QCOMPARE(route->actions().size(), 3);
}

QTEST_MAIN(TestRouteMenu)
#include "tst_routemenu.moc"
