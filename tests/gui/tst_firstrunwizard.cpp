// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configloader.h"
#include "proxycore/config/secretstore.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "tests/support/inprocessengine.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/testsupport.h"
#include "ui/connecttooldialog.h"
#include "ui/desktopshell.h"
#include "ui/firstrunwizard.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

/// A keychain that is not there: every call fails the way a machine without a Secret Service does.
class MissingKeychain : public SecretStore
{
public:
    SecretResult read(const QString &) const override { return fail(); }
    SecretResult write(const QString &, const QString &) override { return fail(); }
    SecretResult remove(const QString &) override { return fail(); }
    QString description() const override { return u"the system keychain"_s; }

private:
    static SecretResult fail()
    {
        SecretResult r;
        r.error = u"no keychain service is running (org.freedesktop.secrets not provided)"_s;
        return r;
    }
};

} // namespace

/// The first-run wizard driven through its widgets, against an engine inside the test process that
/// has no endpoint yet, with the mock upstream as the provider (and as a local server) and an
/// in-memory keychain.
class TestFirstRunWizard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void opensOnFirstStartAndFromTheMenu();
    void cloudProviderWalkStoresKeyInKeychain();
    void wrongKeyShowsTheProvidersErrorAndBackFixesIt();
    void failedModelListStillTakesTypedNames();
    void missingKeychainOffersTheVariable();
    void detectedLocalServerSkipsTheKey();

private:
    FirstRunWizard *openWizard();
    void setText(const char *name, const QString &text);
    QString label(const char *name) const;
    template <typename T> T *child(const char *name) const
    {
        return m_wizard->findChild<T *>(QString::fromLatin1(name));
    }
    /// Clicks Next and waits until `page` shows.
    bool nextTo(int page);
    /// Provider page → OpenAI at the mock (or `baseUrl`) → Next.
    bool chooseCloud(const QString &baseUrl);
    /// On the Test page: waits for the request's outcome.
    QPair<bool, QString> waitForTest();
    /// With LLMPROXY_SCREENSHOT_DIR set, saves the wizard as it looks now as `name`.png.
    void shot(const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<MockUpstreamProcess> m_mock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<DesktopShell> m_shell;
    std::shared_ptr<MemorySecretStore> m_keychain;
    std::unique_ptr<QSignalSpy> m_tests;
    FirstRunWizard *m_wizard = nullptr;
    RefusingPort m_refusing;
    quint16 m_closedPort = 0;
};

void TestFirstRunWizard::initTestCase()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    qputenv("HOME", m_home->path().toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_mock = std::make_unique<MockUpstreamProcess>(QStringList{u"--models"_s, u"mock-chat,mock-large"_s});
    QVERIFY2(m_mock->start(), qPrintable(m_mock->errorString()));
    // A port that refuses, for the local servers that are not there.
    QVERIFY(m_refusing.port() != 0);
    m_closedPort = m_refusing.port();
}

void TestFirstRunWizard::init()
{
    QVERIFY(m_mock->reset());
    QSettings().remove(u"firstRunWizard"_s);
    m_keychain = std::make_shared<MemorySecretStore>();
    SecretStore::setSystem(m_keychain);
    m_dir = std::make_unique<QTemporaryDir>();
    ProxyConfig config; // no endpoint: the engine is onboarding
    config.extraYaml = "routing:\n  health: {interval_s: 0}\n";
    ConfigSources sources;
    QString error;
    const ConfigPtr loaded = loadIsolatedConfig(m_dir->path(), config.toYaml(), &sources, &error);
    QVERIFY2(loaded, qPrintable(error));
    m_engine = std::make_unique<Engine>(loaded, sources);
    m_engine->setDataDirectory(QDir(m_dir->path()).filePath(u"data"_s));
    QVERIFY(QDir().mkpath(m_engine->dataDirectory()));
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    m_controller = std::make_unique<EngineController>(m_engine.get());
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isListening(), 10'000);
    m_shell = std::make_unique<DesktopShell>(m_controller.get());
    // Never the real ports of this machine: "ollama" at a closed port unless a test says otherwise.
    m_shell->setLocalDiscoveryTargets({{u"ollama"_s, m_closedPort}});
    m_shell->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->mainWindow()));
}

void TestFirstRunWizard::cleanup()
{
    m_tests.reset();
    m_wizard = nullptr;
    m_shell.reset();
    m_controller.reset();
    QVERIFY(stopEngine(m_engine));
    m_dir.reset();
    SecretStore::setSystem(nullptr);
}

FirstRunWizard *TestFirstRunWizard::openWizard()
{
    m_shell->actions().firstRun->trigger();
    m_wizard = m_shell->firstRunWizard();
    if (!m_wizard || !QTest::qWaitForWindowExposed(m_wizard))
        return nullptr;
    m_tests = std::make_unique<QSignalSpy>(m_wizard, &FirstRunWizard::testFinished);
    return m_wizard;
}

void TestFirstRunWizard::setText(const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(name);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

QString TestFirstRunWizard::label(const char *name) const
{
    const auto *l = child<QLabel>(name);
    return l ? l->text() : u"<no label %1>"_s.arg(QLatin1String(name));
}

bool TestFirstRunWizard::nextTo(int page)
{
    QAbstractButton *next = m_wizard->button(QWizard::NextButton);
    if (!QTest::qWaitFor([next] { return next->isEnabled(); }, 10'000))
        return false;
    QTest::mouseClick(next, Qt::LeftButton);
    return QTest::qWaitFor([this, page] { return m_wizard->currentId() == page; }, 15'000);
}

bool TestFirstRunWizard::chooseCloud(const QString &baseUrl)
{
    auto *combo = child<QComboBox>("providerCombo");
    combo->setCurrentIndex(combo->findText(u"OpenAI"_s));
    setText("baseUrlEdit", baseUrl);
    return nextTo(FirstRunWizard::KeyPageId);
}

QPair<bool, QString> TestFirstRunWizard::waitForTest()
{
    if (m_tests->isEmpty() && !m_tests->wait(30'000))
        return {false, u"no answer"_s};
    const QList<QVariant> last = m_tests->takeFirst();
    return {last.at(0).toBool(), last.at(1).toString()};
}

void TestFirstRunWizard::shot(const QString &name) const
{
    const QString dir = qEnvironmentVariable("LLMPROXY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(100);
    QVERIFY(m_wizard->grab().save(QDir(dir).filePath(name + u".png"_s)));
}

void TestFirstRunWizard::opensOnFirstStartAndFromTheMenu()
{
    // Listed in the main window's menus (so in the command palette) and in the tray's.
    bool inMenu = false;
    for (QAction *menu : m_shell->mainWindow()->menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(m_shell->actions().firstRun))
            inMenu = true;
    }
    QVERIFY(inMenu);
    QVERIFY(m_controller->isOnboarding());
    QVERIFY(!FirstRunWizard::wasDismissed());
    QVERIFY(m_shell->showFirstRunWizardIfNeeded());
    m_wizard = m_shell->firstRunWizard();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard));
    QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::ProviderPageId));
    // Nothing found at the closed port.
    QTRY_VERIFY_WITH_TIMEOUT(label("scanStatusLabel").contains(u"No local model server"_s), 10'000);
    shot(u"1-provider"_s);
    // Closing it is remembered: it does not open by itself again, but the menu still opens it.
    m_wizard->reject();
    QVERIFY(FirstRunWizard::wasDismissed());
    QVERIFY(!m_shell->showFirstRunWizardIfNeeded());
    QVERIFY(openWizard());
}

void TestFirstRunWizard::cloudProviderWalkStoresKeyInKeychain()
{
    QVERIFY(openWizard());
    QVERIFY(chooseCloud(m_mock->baseUrl()));

    // Key page: hidden while typed, shown on request.
    auto *key = child<QLineEdit>("keyEdit");
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    setText("keyEdit", u"sk-wizard-secret"_s);
    QTest::mouseClick(child<QAbstractButton>("showKeyCheck"), Qt::LeftButton);
    QCOMPARE(key->echoMode(), QLineEdit::Normal);
    QTest::mouseClick(child<QAbstractButton>("showKeyCheck"), Qt::LeftButton);
    shot(u"2-key"_s);
    QCOMPARE(child<QLineEdit>("keychainEntryEdit")->text(), u"llmproxy/openai"_s);
    QVERIFY(nextTo(FirstRunWizard::ModelsPageId));
    QCOMPARE(m_keychain->read(u"llmproxy/openai"_s).value, u"sk-wizard-secret"_s);

    // Models page: the mock's list, fetched with the key as the provider's model list.
    auto *models = child<QListWidget>("modelList");
    QTRY_COMPARE_WITH_TIMEOUT(models->count(), 2, 10'000);
    QCOMPARE(models->item(0)->text(), u"mock-chat"_s);
    QCOMPARE(models->item(0)->checkState(), Qt::Checked);
    QCOMPARE(models->item(1)->checkState(), Qt::Unchecked);
    bool listedWithKey = false;
    for (const MockRequest &r : m_mock->requests()) {
        if (r.method == "GET" && r.path == "/v1/models")
            listedWithKey = r.header("authorization") == "Bearer sk-wizard-secret";
    }
    QVERIFY(listedWithKey);
    setText("addModelEdit", u"typed-model"_s);
    QTest::keyClick(child<QLineEdit>("addModelEdit"), Qt::Key_Return);
    QCOMPARE(models->count(), 3);
    QCOMPARE(models->item(2)->checkState(), Qt::Checked);
    QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::ModelsPageId)); // Return added, did not go on
    shot(u"3-models"_s);

    // Test page: the endpoint is added and answers a real request.
    QVERIFY(nextTo(FirstRunWizard::TestPageId));
    const auto [ok, text] = waitForTest();
    QVERIFY2(ok, qPrintable(text));
    QCOMPARE(text, u"ping"_s); // the mock answers with the prompt
    QVERIFY(label("testResultLabel").contains(u"It works"_s));
    shot(u"4-test"_s);
    const QList<MockRequest> sent = m_mock->inferenceRequests();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().header("authorization"), QByteArray("Bearer sk-wizard-secret"));
    QCOMPARE(sent.first().json().value(u"model"_s).toString(), u"mock-chat"_s);

    // In the engine's registry, naming the keychain entry; on disk without the key.
    std::optional<RegistryEntry> entry;
    for (const RegistryEntry &r : m_engine->registry()) {
        if (r.config.id == u"openai"_s)
            entry = r;
    }
    QVERIFY(entry);
    QCOMPARE(entry->config.apiKeyKeychain, u"llmproxy/openai"_s);
    QCOMPARE(entry->config.apiKey, u"sk-wizard-secret"_s);
    QCOMPARE(entry->config.models, (QStringList{u"mock-chat"_s, u"typed-model"_s}));
    const QByteArray onDisk = savedRuntimeState(m_engine->dataDirectory(), u"registry"_s, [](const QJsonObject &o) {
        return !o.value("added"_L1).toArray().isEmpty();
    });
    QVERIFY2(onDisk.contains("\"api_key_keychain\": \"llmproxy/openai\"") ||
                 onDisk.contains("\"api_key_keychain\":\"llmproxy/openai\""),
             onDisk.constData());
    QVERIFY(!onDisk.contains("sk-wizard-secret"));
    QVERIFY(!m_controller->isOnboarding());
    // The main window lists it at once.
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            for (const EndpointStatus &e : m_controller->endpoints())
                if (e.id == u"openai"_s)
                    return true;
            return false;
        }(),
        5'000);

    // Done page: the URL for tools, and Connect a tool.
    QVERIFY(nextTo(FirstRunWizard::DonePageId));
    QCOMPARE(child<QLineEdit>("doneUrlEdit")->text(), m_controller->listenUrl() + u"/v1"_s);
    QVERIFY(label("summaryLabel").contains(u"llmproxy/openai"_s));
    shot(u"5-done"_s);
    QTest::mouseClick(child<QPushButton>("connectToolButton"), Qt::LeftButton);
    QVERIFY(m_shell->connectToolDialog());
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->connectToolDialog()));
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(!m_wizard->isVisible());
    QVERIFY(FirstRunWizard::wasDismissed());
}

void TestFirstRunWizard::wrongKeyShowsTheProvidersErrorAndBackFixesIt()
{
    QVERIFY(openWizard());
    QVERIFY(chooseCloud(m_mock->baseUrl()));
    setText("keyEdit", u"sk-wrong"_s);
    QVERIFY(nextTo(FirstRunWizard::ModelsPageId));
    QTRY_COMPARE_WITH_TIMEOUT(child<QListWidget>("modelList")->count(), 2, 10'000);
    QVERIFY(m_mock->script(QJsonObject{{u"status"_s, 401}}));
    QVERIFY(nextTo(FirstRunWizard::TestPageId));
    const auto [ok, text] = waitForTest();
    QVERIFY(!ok);
    QVERIFY2(text.contains(u"401"_s) && text.contains(u"Scripted mock error"_s), qPrintable(text));
    QVERIFY(label("testResultLabel").contains(u"refused the key"_s));
    shot(u"4-test-refused"_s);

    // Back to the key, a new one, and the endpoint is replaced rather than duplicated.
    QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::ModelsPageId));
    QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::KeyPageId));
    setText("keyEdit", u"sk-right"_s);
    QVERIFY(nextTo(FirstRunWizard::ModelsPageId));
    QTRY_COMPARE_WITH_TIMEOUT(child<QListWidget>("modelList")->count(), 2, 10'000);
    QVERIFY(nextTo(FirstRunWizard::TestPageId));
    const auto [ok2, text2] = waitForTest();
    QVERIFY2(ok2, qPrintable(text2));
    int count = 0;
    for (const RegistryEntry &r : m_engine->registry()) {
        if (r.config.id == u"openai"_s) {
            ++count;
            QCOMPARE(r.config.apiKey, u"sk-right"_s);
        }
    }
    QCOMPARE(count, 1);
    QCOMPARE(m_keychain->read(u"llmproxy/openai"_s).value, u"sk-right"_s);
}

void TestFirstRunWizard::failedModelListStillTakesTypedNames()
{
    QVERIFY(openWizard());
    // A base URL where the mock has no models list: it answers 404 with its OpenAI error.
    QVERIFY(chooseCloud(m_mock->url(u"/nowhere"_s).toString()));
    setText("keyEdit", u"sk-wizard"_s);
    QVERIFY(nextTo(FirstRunWizard::ModelsPageId));
    QTRY_VERIFY_WITH_TIMEOUT(label("modelsStatusLabel").contains(u"could not be fetched"_s), 10'000);
    QVERIFY2(label("modelsStatusLabel").contains(u"Unknown route GET /nowhere/models"_s),
             qPrintable(label("modelsStatusLabel")));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    setText("addModelEdit", u"my-model"_s);
    QTest::mouseClick(child<QPushButton>("addModelButton"), Qt::LeftButton);
    QCOMPARE(child<QListWidget>("modelList")->count(), 1);
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    shot(u"3-models-failed"_s);
}

void TestFirstRunWizard::missingKeychainOffersTheVariable()
{
    SecretStore::setSystem(std::make_shared<MissingKeychain>());
    QVERIFY(openWizard());
    QVERIFY(chooseCloud(m_mock->baseUrl()));
    setText("keyEdit", u"sk-wizard"_s);
    QTest::mouseClick(m_wizard->button(QWizard::NextButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(label("keyStatusLabel").contains(u"could not store the key"_s), 10'000);
    QVERIFY(label("keyStatusLabel").contains(u"org.freedesktop.secrets"_s));
    QVERIFY(label("keyStatusLabel").contains(u"environment variable"_s));
    shot(u"2-key-no-keychain"_s);
    QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::KeyPageId));
    QVERIFY(child<QRadioButton>("envRadio")->isChecked());
    QCOMPARE(child<QLineEdit>("envNameEdit")->text(), u"OPENAI_API_KEY"_s);

    QVERIFY(nextTo(FirstRunWizard::ModelsPageId));
    QTRY_COMPARE_WITH_TIMEOUT(child<QListWidget>("modelList")->count(), 2, 10'000);
    QVERIFY(nextTo(FirstRunWizard::TestPageId));
    waitForTest();
    std::optional<RegistryEntry> entry;
    for (const RegistryEntry &r : m_engine->registry()) {
        if (r.config.id == u"openai"_s)
            entry = r;
    }
    QVERIFY(entry);
    QCOMPARE(entry->config.apiKeyEnv, u"OPENAI_API_KEY"_s);
    QVERIFY(entry->config.apiKeyKeychain.isEmpty());
    const QByteArray saved = savedRuntimeState(m_engine->dataDirectory(), u"registry"_s, [](const QJsonObject &o) {
        return !o.value("added"_L1).toArray().isEmpty();
    });
    QVERIFY2(saved.contains("OPENAI_API_KEY"), saved.constData());
    QVERIFY(!saved.contains("sk-wizard"));
}

void TestFirstRunWizard::detectedLocalServerSkipsTheKey()
{
    // The mock poses as Ollama on its port, next to a closed LM Studio port.
    m_shell->setLocalDiscoveryTargets({{u"lmstudio"_s, m_closedPort}, {u"ollama"_s, m_mock->port()}});
    QVERIFY(openWizard());
    auto *servers = child<QListWidget>("localServerList");
    QTRY_COMPARE_WITH_TIMEOUT(servers->count(), 1, 10'000);
    QVERIFY(servers->item(0)->text().contains(u"Ollama"_s));
    QVERIFY(servers->item(0)->text().contains(u"mock-chat"_s));
    shot(u"1-provider-local"_s);

    // Keyboard only: the list takes focus, Down selects the server, Return goes on.
    servers->setFocus();
    QTest::keyClick(servers, Qt::Key_Down);
    QCOMPARE(servers->currentRow(), 0);
    QVERIFY(child<QRadioButton>("localRadio")->isChecked());
    QTest::keyClick(servers, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(FirstRunWizard::ModelsPageId), 5'000);
    auto *models = child<QListWidget>("modelList");
    QCOMPARE(models->count(), 2);
    QCOMPARE(models->item(0)->checkState(), Qt::Checked);
    QTest::keyClick(models, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(FirstRunWizard::TestPageId), 5'000);
    const auto [ok, text] = waitForTest();
    QVERIFY2(ok, qPrintable(text));

    std::optional<RegistryEntry> entry;
    for (const RegistryEntry &r : m_engine->registry()) {
        if (r.config.id == u"local-ollama"_s)
            entry = r;
    }
    QVERIFY(entry);
    QCOMPARE(entry->config.provider, u"ollama"_s);
    QCOMPARE(entry->config.baseUrl, m_mock->baseUrl());
    QVERIFY(entry->config.apiKeyKeychain.isEmpty());
    QVERIFY(m_keychain->read(u"llmproxy/local-ollama"_s).notFound);

    // Back to the start for a cloud provider: a second endpoint, the local one stays.
    for (int i = 0; i < 2; ++i)
        QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::ProviderPageId));
    auto *cloud = child<QRadioButton>("cloudRadio");
    QTest::mouseClick(cloud, Qt::LeftButton, {}, QPoint(8, cloud->height() / 2)); // on its indicator
    QVERIFY(cloud->isChecked());
    QVERIFY(chooseCloud(m_mock->baseUrl()));
    setText("keyEdit", u"sk-cloud"_s);
    QVERIFY(nextTo(FirstRunWizard::ModelsPageId));
    QTRY_COMPARE_WITH_TIMEOUT(child<QListWidget>("modelList")->count(), 2, 10'000);
    QVERIFY(nextTo(FirstRunWizard::TestPageId));
    const auto [ok2, text2] = waitForTest();
    QVERIFY2(ok2, qPrintable(text2));
    QStringList ids;
    for (const RegistryEntry &r : m_engine->registry())
        ids.append(r.config.id);
    ids.sort();
    QCOMPARE(ids, (QStringList{u"local-ollama"_s, u"openai"_s}));
}

QTEST_MAIN(TestFirstRunWizard)
#include "tst_firstrunwizard.moc"
