// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/firstrunwizard.h"

#include "ui_firstrundonepage.h"
#include "ui_firstrunkeypage.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QVBoxLayout>

#include <memory>

namespace llmproxy {

namespace {

// UI state only (geometry, whether the wizard was seen); never keys.
std::unique_ptr<QSettings> uiSettings()
{
    if (QCoreApplication::organizationName().isEmpty())
        return std::make_unique<QSettings>(QStringLiteral("LLMProxy"), QStringLiteral("LLMProxy"));
    return std::make_unique<QSettings>();
}

const QString kDismissedKey = QStringLiteral("firstRunWizard/dismissed");
const QString kGeometryKey = QStringLiteral("firstRunWizard/geometry");

QLabel *wrappedLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    label->setOpenExternalLinks(true);
    return label;
}

/// A page of the wizard, with its shared choices at hand.
class WizardPage : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;

protected:
    FirstRunWizard *wizardOf(const QWizardPage *) const { return static_cast<FirstRunWizard *>(wizard()); }
};

/// Choose a cloud provider or a local server.
class ProviderPage : public WizardPage
{
public:
    explicit ProviderPage(QWidget *parent = nullptr) : WizardPage(parent)
    {
        setObjectName(QStringLiteral("providerPage"));
        setTitle(FirstRunWizard::tr("Where should requests go?"));
        setSubTitle(FirstRunWizard::tr("Choose a cloud provider, or a model server running on this computer."));

        m_cloud = new QRadioButton(FirstRunWizard::tr("A &cloud provider"), this);
        m_cloud->setObjectName(QStringLiteral("cloudRadio"));
        m_cloud->setAccessibleName(FirstRunWizard::tr("Use a cloud provider"));
        m_providers = new QComboBox(this);
        m_providers->setObjectName(QStringLiteral("providerCombo"));
        m_providers->setAccessibleName(FirstRunWizard::tr("Cloud provider"));
        for (const ProviderChoice &c : EngineController::providerChoices()) {
            if (!c.local)
                m_providers->addItem(c.displayName, c.id);
        }
        m_baseUrl = new QLineEdit(this);
        m_baseUrl->setObjectName(QStringLiteral("baseUrlEdit"));
        m_baseUrl->setAccessibleName(FirstRunWizard::tr("Base URL"));
        m_keyLink = wrappedLabel(QStringLiteral("keyLinkLabel"), this);

        m_local = new QRadioButton(FirstRunWizard::tr("A &local server on this computer"), this);
        m_local->setObjectName(QStringLiteral("localRadio"));
        m_local->setAccessibleName(FirstRunWizard::tr("Use a local server"));
        m_servers = new QListWidget(this);
        m_servers->setObjectName(QStringLiteral("localServerList"));
        m_servers->setAccessibleName(FirstRunWizard::tr("Local servers found"));
        m_scan = new QPushButton(FirstRunWizard::tr("&Scan again"), this);
        m_scan->setObjectName(QStringLiteral("scanButton"));
        m_scan->setAccessibleName(FirstRunWizard::tr("Scan again for local servers"));
        m_scanStatus = wrappedLabel(QStringLiteral("scanStatusLabel"), this);

        auto *group = new QButtonGroup(this);
        group->addButton(m_cloud);
        group->addButton(m_local);
        m_cloud->setChecked(true);

        auto *cloudForm = new QFormLayout;
        cloudForm->addRow(FirstRunWizard::tr("&Provider:"), m_providers);
        cloudForm->addRow(FirstRunWizard::tr("&Base URL:"), m_baseUrl);
        cloudForm->addRow(QString(), m_keyLink);
        auto *scanRow = new QHBoxLayout;
        scanRow->addWidget(m_scanStatus, 1);
        scanRow->addWidget(m_scan);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_cloud);
        layout->addLayout(cloudForm);
        layout->addSpacing(8);
        layout->addWidget(m_local);
        layout->addWidget(m_servers, 1);
        layout->addLayout(scanRow);

        connect(m_providers, &QComboBox::currentIndexChanged, this, &ProviderPage::providerChanged);
        connect(m_baseUrl, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
        connect(m_cloud, &QRadioButton::toggled, this, &ProviderPage::modeChanged);
        connect(m_servers, &QListWidget::currentRowChanged, this, [this](int row) {
            if (row >= 0)
                m_local->setChecked(true);
            emit completeChanged();
        });
        connect(m_scan, &QPushButton::clicked, this, &ProviderPage::scan);
        const int openai = m_providers->findData(QStringLiteral("openai"));
        m_providers->setCurrentIndex(openai >= 0 ? openai : 0);
        providerChanged();
        modeChanged();
    }

    void initializePage() override
    {
        if (!m_scanned)
            scan();
    }

    bool isComplete() const override
    {
        if (m_cloud->isChecked())
            return m_providers->currentIndex() >= 0 && QUrl(m_baseUrl->text().trimmed()).isValid() &&
                   m_baseUrl->text().trimmed().startsWith(QLatin1String("http"));
        return m_servers->currentRow() >= 0 && m_servers->currentRow() < m_found.size();
    }

    bool validatePage() override
    {
        FirstRunWizard *w = wizardOf(this);
        w->localChosen = m_local->isChecked();
        if (w->localChosen) {
            w->localServer = m_found.at(m_servers->currentRow());
            w->provider = choice(w->localServer.provider);
            w->baseUrl = w->localServer.baseUrl;
        } else {
            w->provider = choice(m_providers->currentData().toString());
            w->baseUrl = m_baseUrl->text().trimmed();
            while (w->baseUrl.endsWith(QLatin1Char('/')))
                w->baseUrl.chop(1);
        }
        // A free id in the registry, kept for later attempts with the same provider (they replace the
        // endpoint added before); another provider gets an endpoint of its own.
        const QString base = w->localChosen ? QStringLiteral("local-%1").arg(w->provider.id) : w->provider.id;
        if (base != m_idBase) {
            m_idBase = base;
            w->endpointAdded = false;
        }
        if (!w->endpointAdded) {
            QSet<QString> taken;
            for (const EndpointStatus &e : w->controller()->endpoints())
                taken.insert(e.id.toLower());
            QString id = base;
            for (int n = 2; taken.contains(id.toLower()); ++n)
                id = QStringLiteral("%1-%2").arg(base).arg(n);
            w->endpointId = id;
        }
        return true;
    }

    int nextId() const override
    {
        return m_local->isChecked() ? FirstRunWizard::ModelsPageId : FirstRunWizard::KeyPageId;
    }

private:
    static ProviderChoice choice(const QString &id)
    {
        for (const ProviderChoice &c : EngineController::providerChoices()) {
            if (c.id == id)
                return c;
        }
        ProviderChoice none;
        none.id = id;
        none.displayName = id;
        return none;
    }

    void providerChanged()
    {
        const ProviderChoice c = choice(m_providers->currentData().toString());
        m_baseUrl->setText(c.defaultBaseUrl);
        m_baseUrl->setPlaceholderText(c.defaultBaseUrl.isEmpty()
                                          ? FirstRunWizard::tr("https://… (this provider needs your own URL)")
                                          : QString());
        m_keyLink->setText(
            c.keyUrl.isEmpty()
                ? QString()
                : FirstRunWizard::tr("Get a key at <a href=\"%1\">%1</a>").arg(c.keyUrl.toHtmlEscaped()));
        m_cloud->setChecked(true);
        emit completeChanged();
    }

    void modeChanged()
    {
        const bool cloud = m_cloud->isChecked();
        m_providers->setEnabled(cloud);
        m_baseUrl->setEnabled(cloud);
        emit completeChanged();
    }

    void scan()
    {
        m_scanned = true;
        m_scan->setEnabled(false);
        m_scanStatus->setText(
            FirstRunWizard::tr("Looking for Ollama, LM Studio, vLLM and llama.cpp on this computer…"));
        FirstRunWizard *w = wizardOf(this);
        EngineController::discoverLocalServers(
            this, [this](const QList<LocalServer> &servers) { scanned(servers); },
            w ? w->discoveryTargets() : QList<QPair<QString, quint16>>{});
    }

    void scanned(const QList<LocalServer> &servers)
    {
        m_found = servers;
        m_servers->clear();
        for (const LocalServer &s : servers) {
            const QString models =
                s.models.isEmpty() ? FirstRunWizard::tr("no models yet") : s.models.join(QStringLiteral(", "));
            auto *item = new QListWidgetItem(FirstRunWizard::tr("%1 at %2 — %3").arg(s.displayName, s.baseUrl, models),
                                             m_servers);
            item->setToolTip(s.loadedModels.isEmpty()
                                 ? models
                                 : FirstRunWizard::tr("Loaded now: %1").arg(s.loadedModels.join(QStringLiteral(", "))));
            if (s.models.isEmpty())
                item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        }
        m_scanStatus->setText(servers.isEmpty()
                                  ? FirstRunWizard::tr("No local model server is running.")
                                  : FirstRunWizard::tr("Found %n local server(s).", nullptr, int(servers.size())));
        m_scan->setEnabled(true);
        emit completeChanged();
    }

    QRadioButton *m_cloud;
    QComboBox *m_providers;
    QLineEdit *m_baseUrl;
    QLabel *m_keyLink;
    QRadioButton *m_local;
    QListWidget *m_servers;
    QPushButton *m_scan;
    QLabel *m_scanStatus;
    QList<LocalServer> m_found;
    bool m_scanned = false;
    QString m_idBase; ///< what the endpoint id was made from
};

/// The key: into the keychain, or named by a variable.
class KeyPage : public WizardPage
{
public:
    explicit KeyPage(QWidget *parent = nullptr) : WizardPage(parent), m_ui(std::make_unique<Ui::FirstRunKeyPage>())
    {
        m_ui->setupUi(this);
        setObjectName(QStringLiteral("keyPage"));
        m_key = m_ui->keyEdit;
        m_show = m_ui->showKeyCheck;
        m_keychain = m_ui->keychainRadio;
        m_entry = m_ui->keychainEntryEdit;
        m_env = m_ui->envRadio;
        m_envName = m_ui->envNameEdit;
        m_envHint = m_ui->envHintLabel;
        m_status = m_ui->keyStatusLabel;

        connect(m_show, &QCheckBox::toggled, this,
                [this](bool on) { m_key->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
        for (QLineEdit *edit : {m_key, m_entry, m_envName})
            connect(edit, &QLineEdit::textChanged, this, [this] {
                m_stored.clear();
                emit completeChanged();
            });
        connect(m_keychain, &QRadioButton::toggled, this, &KeyPage::modeChanged);
        connect(m_envName, &QLineEdit::textChanged, this, &KeyPage::modeChanged);
    }

    void initializePage() override
    {
        FirstRunWizard *w = wizardOf(this);
        setSubTitle(FirstRunWizard::tr("LLMProxy sends this key to %1 with every request it forwards there.")
                        .arg(w->provider.displayName));
        if (m_entry->text().isEmpty() || m_entryFor != w->endpointId)
            m_entry->setText(QStringLiteral("llmproxy/%1").arg(w->endpointId));
        m_entryFor = w->endpointId;
        if (m_envName->text().isEmpty() || m_envFor != w->provider.id) {
            m_envName->setText(w->provider.keyEnv.isEmpty()
                                   ? QStringLiteral("%1_API_KEY")
                                         .arg(w->endpointId.toUpper().replace(QLatin1Char('-'), QLatin1Char('_')))
                                   : w->provider.keyEnv);
            m_envFor = w->provider.id;
        }
        modeChanged();
    }

    bool isComplete() const override
    {
        if (m_busy)
            return false;
        if (m_keychain->isChecked())
            return !m_key->text().trimmed().isEmpty() && !m_entry->text().trimmed().isEmpty();
        static const QRegularExpression variable(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        return variable.match(m_envName->text().trimmed()).hasMatch();
    }

    bool validatePage() override
    {
        FirstRunWizard *w = wizardOf(this);
        w->apiKey = m_key->text().trimmed();
        if (m_env->isChecked()) {
            w->keychainName.clear();
            w->keyEnv = m_envName->text().trimmed();
            return true;
        }
        const QString entry = m_entry->text().trimmed();
        if (m_stored == entry) {
            w->keychainName = entry;
            w->keyEnv.clear();
            return true;
        }
        // The keychain may take a moment (or ask the user to unlock it): store, then go on.
        m_busy = true;
        emit completeChanged();
        m_status->setText(FirstRunWizard::tr("Storing the key in the system keychain…"));
        EngineController::storeSecret(entry, w->apiKey, this, [this, entry](const QString &error) {
            m_busy = false;
            if (error.isEmpty()) {
                m_stored = entry;
                m_status->setText(FirstRunWizard::tr("The key is in the system keychain as \"%1\".").arg(entry));
                emit completeChanged();
                wizard()->next();
                return;
            }
            m_status->setText(
                FirstRunWizard::tr("The system keychain could not store the key: %1<br>There may be no keychain "
                                   "service on this computer. Use an environment variable instead: set it before "
                                   "LLMProxy starts; the key is not written anywhere by LLMProxy.")
                    .arg(error.toHtmlEscaped()));
            m_env->setChecked(true);
            emit completeChanged();
        });
        return false;
    }

private:
    void modeChanged()
    {
        const bool keychain = m_keychain->isChecked();
        m_entry->setEnabled(keychain);
        m_envName->setEnabled(!keychain);
        m_envHint->setText(
            keychain ? QString()
                     : FirstRunWizard::tr("Set %1 in the environment LLMProxy starts in. The key you paste above "
                                          "is only used to fetch the model list now; it is not saved.")
                           .arg(m_envName->text().trimmed().toHtmlEscaped()));
        emit completeChanged();
    }

    std::unique_ptr<Ui::FirstRunKeyPage> m_ui;
    QLineEdit *m_key;
    QCheckBox *m_show;
    QRadioButton *m_keychain;
    QLineEdit *m_entry;
    QRadioButton *m_env;
    QLineEdit *m_envName;
    QLabel *m_envHint;
    QLabel *m_status;
    QString m_stored; ///< the entry the current key was written to
    QString m_entryFor;
    QString m_envFor;
    bool m_busy = false;
};

/// The models the endpoint serves.
class ModelsPage : public WizardPage
{
public:
    explicit ModelsPage(QWidget *parent = nullptr) : WizardPage(parent)
    {
        setObjectName(QStringLiteral("modelsPage"));
        setTitle(FirstRunWizard::tr("Models"));
        setSubTitle(FirstRunWizard::tr("Check the models LLMProxy should send to this endpoint."));
        m_list = new QListWidget(this);
        m_list->setObjectName(QStringLiteral("modelList"));
        m_list->setAccessibleName(FirstRunWizard::tr("Models"));
        m_status = wrappedLabel(QStringLiteral("modelsStatusLabel"), this);
        m_status->setAccessibleName(FirstRunWizard::tr("Model list status"));
        m_add = new QLineEdit(this);
        m_add->setObjectName(QStringLiteral("addModelEdit"));
        m_add->setAccessibleName(FirstRunWizard::tr("Model name to add"));
        m_add->setPlaceholderText(FirstRunWizard::tr("Another model name"));
        m_addButton = new QPushButton(FirstRunWizard::tr("&Add"), this);
        m_addButton->setObjectName(QStringLiteral("addModelButton"));
        m_addButton->setAccessibleName(FirstRunWizard::tr("Add the model"));
        auto *addRow = new QHBoxLayout;
        addRow->addWidget(m_add, 1);
        addRow->addWidget(m_addButton);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_status);
        layout->addWidget(m_list, 1);
        layout->addLayout(addRow);
        connect(m_addButton, &QPushButton::clicked, this, &ModelsPage::addTyped);
        // Return in the field adds the name rather than going to the next page.
        m_add->installEventFilter(this);
        connect(m_list, &QListWidget::itemChanged, this, &QWizardPage::completeChanged);
    }

    void initializePage() override
    {
        FirstRunWizard *w = wizardOf(this);
        const QString source = w->localChosen ? w->localServer.baseUrl : w->baseUrl + w->apiKey;
        if (source == m_source)
            return;
        m_source = source;
        m_list->clear();
        if (w->localChosen) {
            fill(w->localServer.models, w->localServer.loadedModels);
            m_status->setText(FirstRunWizard::tr("%1 serves these models.").arg(w->localServer.displayName));
            return;
        }
        if (w->apiKey.isEmpty()) {
            m_status->setText(
                FirstRunWizard::tr("Without the key here, the model list cannot be fetched: type the model names."));
            return;
        }
        m_status->setText(FirstRunWizard::tr("Asking %1 for its models…").arg(w->provider.displayName));
        ++m_generation;
        EngineController::listProviderModels(
            w->provider.id, w->baseUrl, w->apiKey, this, [this, generation = m_generation](const ProviderReply &r) {
                if (generation != m_generation)
                    return;
                if (r.ok) {
                    fill(r.models, {});
                    m_status->setText(
                        r.models.isEmpty()
                            ? FirstRunWizard::tr("The provider lists no models: type the model names.")
                            : FirstRunWizard::tr("%n model(s) available.", nullptr, int(r.models.size())));
                } else {
                    m_status->setText(
                        FirstRunWizard::tr(
                            "The model list could not be fetched: %1<br>You can still type model names below.")
                            .arg(r.error.toHtmlEscaped()));
                }
            });
    }

    bool isComplete() const override { return !checkedModels().isEmpty(); }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_add && event->type() == QEvent::KeyPress && !m_add->text().trimmed().isEmpty()) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Return || key == Qt::Key_Enter) {
                addTyped();
                return true;
            }
        }
        return WizardPage::eventFilter(watched, event);
    }

    bool validatePage() override
    {
        m_chosen = checkedModels();
        return true;
    }

    QStringList checkedModels() const
    {
        QStringList models;
        for (int i = 0; i < m_list->count(); ++i) {
            if (m_list->item(i)->checkState() == Qt::Checked)
                models.append(m_list->item(i)->text());
        }
        return models;
    }

    QStringList chosen() const { return m_chosen; }

private:
    void fill(const QStringList &models, const QStringList &loaded)
    {
        for (const QString &m : models) {
            auto *item = new QListWidgetItem(m, m_list);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            // A local server's loaded models, or the first of a short list, are the likely choice.
            const bool likely = loaded.contains(m) || (loaded.isEmpty() && m_list->count() == 1);
            item->setCheckState(likely ? Qt::Checked : Qt::Unchecked);
        }
        emit completeChanged();
    }

    void addTyped()
    {
        const QString name = m_add->text().trimmed();
        if (name.isEmpty())
            return;
        const QList<QListWidgetItem *> existing = m_list->findItems(name, Qt::MatchExactly);
        QListWidgetItem *item = existing.isEmpty() ? new QListWidgetItem(name, m_list) : existing.first();
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        m_list->scrollToItem(item);
        m_add->clear();
        emit completeChanged();
    }

    QListWidget *m_list;
    QLabel *m_status;
    QLineEdit *m_add;
    QPushButton *m_addButton;
    QString m_source; ///< what the list was fetched for
    QStringList m_chosen;
    int m_generation = 0;
};

/// Adds the endpoint and sends a real request to it.
class TestPage : public WizardPage
{
public:
    TestPage(ModelsPage *models, QWidget *parent = nullptr) : WizardPage(parent), m_models(models)
    {
        setObjectName(QStringLiteral("testPage"));
        setTitle(FirstRunWizard::tr("Test"));
        setSubTitle(FirstRunWizard::tr("LLMProxy adds the endpoint and sends it a short real request."));
        m_model = new QComboBox(this);
        m_model->setObjectName(QStringLiteral("testModelCombo"));
        m_model->setAccessibleName(FirstRunWizard::tr("Model to test"));
        m_again = new QPushButton(FirstRunWizard::tr("Test &again"), this);
        m_again->setObjectName(QStringLiteral("testAgainButton"));
        m_again->setAccessibleName(FirstRunWizard::tr("Send the test request again"));
        m_result = wrappedLabel(QStringLiteral("testResultLabel"), this);
        m_result->setAccessibleName(FirstRunWizard::tr("Test result"));
        auto *row = new QHBoxLayout;
        auto *modelLabel = new QLabel(FirstRunWizard::tr("&Model:"), this);
        modelLabel->setBuddy(m_model);
        row->addWidget(modelLabel);
        row->addWidget(m_model, 1);
        row->addWidget(m_again);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(row);
        layout->addWidget(m_result);
        layout->addStretch(1);
        connect(m_again, &QPushButton::clicked, this, &TestPage::sendTest);
    }

    void initializePage() override
    {
        m_model->clear();
        m_model->addItems(m_models->chosen());
        m_tested = false;
        m_busy = true;
        m_again->setEnabled(false);
        emit completeChanged();
        FirstRunWizard *w = wizardOf(this);
        WizardEndpoint e;
        e.id = w->endpointId;
        e.provider = w->provider.id;
        e.baseUrl = w->baseUrl;
        e.models = m_models->chosen();
        if (!w->localChosen) {
            e.keychainName = w->keychainName;
            e.keyEnv = w->keyEnv;
        }
        e.replace = w->endpointAdded;
        m_result->setText(FirstRunWizard::tr("Adding the endpoint \"%1\"…").arg(e.id));
        w->controller()->addWizardEndpoint(e, this, [this, w](const QString &error) {
            if (!error.isEmpty()) {
                m_busy = false;
                m_result->setText(FirstRunWizard::tr("The endpoint could not be added: %1").arg(error.toHtmlEscaped()));
                emit completeChanged();
                emit w->testFinished(false, error);
                return;
            }
            w->endpointAdded = true;
            sendTest();
        });
    }

    bool isComplete() const override { return !m_busy && m_tested; }

private:
    void sendTest()
    {
        FirstRunWizard *w = wizardOf(this);
        m_busy = true;
        m_again->setEnabled(false);
        emit completeChanged();
        m_result->setText(
            FirstRunWizard::tr("Sending a test request to %1…").arg(m_model->currentText().toHtmlEscaped()));
        w->controller()->testEndpoint(w->endpointId, m_model->currentText(), this, [this, w](const ProviderReply &r) {
            m_busy = false;
            m_tested = true;
            m_again->setEnabled(true);
            const QString latency = FirstRunWizard::tr("%1 ms").arg(QLocale().toString(r.latencyMs));
            if (r.ok) {
                m_result->setText(FirstRunWizard::tr("It works. The model answered in %1:<br><i>%2</i>")
                                      .arg(latency, r.answer.trimmed().toHtmlEscaped()));
            } else {
                const QString hint = r.status == 401 || r.status == 403
                                         ? FirstRunWizard::tr("The provider refused the key. Go Back to fix it.")
                                         : FirstRunWizard::tr("Go Back to change the settings, or Test again.");
                m_result->setText(
                    FirstRunWizard::tr("The request failed: %1<br>%2").arg(r.error.toHtmlEscaped(), hint));
            }
            emit completeChanged();
            emit w->testFinished(r.ok, r.ok ? r.answer : r.error);
        });
    }

    ModelsPage *m_models;
    QComboBox *m_model;
    QPushButton *m_again;
    QLabel *m_result;
    bool m_busy = false;
    bool m_tested = false;
};

/// What was configured, and the URL for tools.
class DonePage : public WizardPage
{
public:
    explicit DonePage(ModelsPage *models, QWidget *parent = nullptr)
        : WizardPage(parent), m_ui(std::make_unique<Ui::FirstRunDonePage>()), m_models(models)
    {
        m_ui->setupUi(this);
        setObjectName(QStringLiteral("donePage"));
        m_summary = m_ui->summaryLabel;
        m_url = m_ui->doneUrlEdit;
        QPushButton *copy = m_ui->copyUrlButton;
        QPushButton *connectTool = m_ui->connectToolButton;
        connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_url->text()); });
        connect(connectTool, &QPushButton::clicked, this, [this] { emit wizardOf(this)->connectToolRequested(); });
    }

    void initializePage() override
    {
        FirstRunWizard *w = wizardOf(this);
        QString key;
        if (w->localChosen)
            key = FirstRunWizard::tr("none (local server)");
        else if (!w->keychainName.isEmpty())
            key = FirstRunWizard::tr("system keychain, entry \"%1\"").arg(w->keychainName);
        else
            key = FirstRunWizard::tr("environment variable %1").arg(w->keyEnv);
        m_summary->setText(
            FirstRunWizard::tr("Endpoint <b>%1</b>: %2 at %3<br>Models: %4<br>Key: %5<br>It is saved and listed in "
                               "the main window; the Endpoints window changes it later.")
                .arg(w->endpointId.toHtmlEscaped(), w->provider.displayName.toHtmlEscaped(), w->baseUrl.toHtmlEscaped(),
                     m_models->chosen().join(QStringLiteral(", ")).toHtmlEscaped(), key.toHtmlEscaped()));
        m_url->setText(w->controller()->listenUrl() + QStringLiteral("/v1"));
    }

private:
    std::unique_ptr<Ui::FirstRunDonePage> m_ui;
    ModelsPage *m_models;
    QLabel *m_summary;
    QLineEdit *m_url;
};

} // namespace

FirstRunWizard::FirstRunWizard(EngineController *controller, QList<QPair<QString, quint16>> discoveryTargets,
                               QWidget *parent)
    : QWizard(parent), m_controller(controller), m_discoveryTargets(std::move(discoveryTargets))
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowTitle(tr("Set up LLMProxy"));
    setAccessibleName(tr("First-run wizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    auto *models = new ModelsPage(this);
    setPage(ProviderPageId, new ProviderPage(this));
    setPage(KeyPageId, new KeyPage(this));
    setPage(ModelsPageId, models);
    setPage(TestPageId, new TestPage(models, this));
    setPage(DonePageId, new DonePage(models, this));
    setStartId(ProviderPageId);
    for (WizardButton b : {BackButton, NextButton, FinishButton, CancelButton}) {
        if (QAbstractButton *button = this->button(b))
            button->setAccessibleName(
                button->text().remove(QLatin1Char('&')).remove(QLatin1Char('<')).remove(QLatin1Char('>')).trimmed());
    }
    const auto settings = uiSettings();
    if (!restoreGeometry(settings->value(kGeometryKey).toByteArray()))
        resize(640, 480);
}

FirstRunWizard::~FirstRunWizard() = default;

bool FirstRunWizard::wasDismissed()
{
    return uiSettings()->value(kDismissedKey, false).toBool();
}

void FirstRunWizard::done(int result)
{
    saveGeometryNow();
    uiSettings()->setValue(kDismissedKey, true);
    QWizard::done(result);
}

void FirstRunWizard::saveGeometryNow()
{
    uiSettings()->setValue(kGeometryKey, saveGeometry());
}

} // namespace llmproxy
