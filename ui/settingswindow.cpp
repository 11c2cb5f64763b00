// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/settingswindow.h"

#include "ui/appearance.h"
#include "ui/appicon.h"
#include "ui/autostart.h"
#include "ui/desktopshell.h"

#include "ui_settingswindow.h"

#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QHostAddress>
#include <QListWidgetItem>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QStyle>
#include <QTableWidgetItem>
#include <QUrl>

namespace llmproxy {

namespace {

constexpr char kLanguageKey[] = "Appearance/language";

std::unique_ptr<QSettings> uiSettings()
{
    if (QCoreApplication::organizationName().isEmpty())
        return std::make_unique<QSettings>(QStringLiteral("LLMProxy"), QStringLiteral("LLMProxy"));
    return std::make_unique<QSettings>();
}

bool isLoopbackHost(const QString &host)
{
    const QString trimmed = host.trimmed();
    if (trimmed.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(trimmed);
    return !address.isNull() && address.isLoopback();
}

bool sameHost(const QString &a, const QString &b)
{
    const auto normal = [](const QString &host) {
        const QString trimmed = host.trimmed();
        if (trimmed.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
            return QHostAddress(QHostAddress::LocalHost);
        return QHostAddress(trimmed);
    };
    const QHostAddress x = normal(a);
    return x.isNull() ? a.trimmed() == b.trimmed() : x.isEqual(normal(b));
}

/// The level names the configuration accepts, in the order the window lists them.
const QStringList &logLevels()
{
    static const QStringList levels{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
                                    QStringLiteral("error")};
    return levels;
}

void selectData(QComboBox *combo, const QString &value)
{
    const int index = combo->findData(value);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

} // namespace

SettingsWindow::SettingsWindow(EngineController *controller, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SettingsWindow>()), m_controller(controller)
{
    m_ui->setupUi(this);
    setWindowIcon(applicationIcon());
    setUpPages();
    retranslate();
    loadFromFile();
    showAutostart();
    connect(m_controller, &EngineController::configReloaded, this, &SettingsWindow::showReloadResult);
    connect(m_controller, &EngineController::listeningChanged, this, &SettingsWindow::updateServerPage);
    restoreGeometrySettings();
}

SettingsWindow::~SettingsWindow()
{
    saveGeometrySettings();
}

void SettingsWindow::showPage(Page page)
{
    m_ui->pageList->setCurrentRow(int(page));
}

QStringList SettingsWindow::availableLanguages()
{
    QStringList codes{QString(), QStringLiteral("en")};
    const QStringList files =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("llmproxy_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString code = file.mid(9, file.size() - 9 - 3); // llmproxy_<code>.qm
        if (!codes.contains(code))
            codes.append(code);
    }
    return codes;
}

QString SettingsWindow::savedLanguage()
{
    return uiSettings()->value(QLatin1String(kLanguageKey)).toString();
}

bool SettingsWindow::writeConfigFile(const QString &path, const QByteArray &text, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = tr("Cannot create the folder of %1.").arg(path);
        return false;
    }
    if (QFileInfo::exists(path)) {
        const QString backup = path + QStringLiteral(".bak");
        QFile::remove(backup);
        if (!QFile::copy(path, backup)) {
            *error = tr("Cannot keep a backup of %1 as %2; nothing was saved.").arg(path, backup);
            return false;
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void SettingsWindow::setUpPages()
{
    for (QLabel *heading : {m_ui->serverHeading, m_ui->keysHeading, m_ui->appearanceHeading, m_ui->languageHeading,
                            m_ui->startupHeading, m_ui->loggingHeading, m_ui->dataHeading}) {
        QFont font = heading->font();
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 1.15);
        heading->setFont(font);
    }
    m_ui->lanExplanation->setOpenExternalLinks(false);
    const int listWidth = 20 * fontMetrics().averageCharWidth() + 24;
    m_ui->pageList->setMinimumWidth(listWidth / 2);
    m_ui->mainSplitter->setStretchFactor(0, 0);
    m_ui->mainSplitter->setStretchFactor(1, 1);
    m_ui->mainSplitter->setSizes({listWidth, 1000});
    m_ui->configSplitter->setStretchFactor(0, 4);
    m_ui->configSplitter->setStretchFactor(1, 1);
    m_ui->problemList->setWordWrap(true);
    m_ui->problemList->setTextElideMode(Qt::ElideNone);
    connect(m_ui->pageList, &QListWidget::currentRowChanged, m_ui->pages, &QStackedWidget::setCurrentIndex);
    m_ui->pageList->setCurrentRow(0);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QWidget::close);

    m_ui->keysTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->keysTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->newKeyEdit->hide();
    m_ui->copyKeyButton->hide();
    connect(m_ui->keysTable, &QTableWidget::itemSelectionChanged, this, &SettingsWindow::updateKeyButtons);
    connect(m_ui->keyNameEdit, &QLineEdit::textChanged, this, &SettingsWindow::updateKeyButtons);
    connect(m_ui->keyNameEdit, &QLineEdit::returnPressed, this, &SettingsWindow::createKey);
    connect(m_ui->createKeyButton, &QPushButton::clicked, this, &SettingsWindow::createKey);
    connect(m_ui->revokeKeyButton, &QPushButton::clicked, this, &SettingsWindow::revokeSelectedKey);
    connect(m_ui->copyKeyButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_ui->newKeyEdit->text()); });
    updateKeyButtons();

    connect(m_ui->lanCheck, &QCheckBox::toggled, this, [this](bool on) {
        // The address follows the switch: every interface on, this computer only off.
        if (on && isLoopbackHost(m_ui->hostEdit->text()))
            m_ui->hostEdit->setText(QStringLiteral("0.0.0.0"));
        else if (!on && !isLoopbackHost(m_ui->hostEdit->text()))
            m_ui->hostEdit->setText(QStringLiteral("127.0.0.1"));
        updateServerPage();
    });
    connect(m_ui->hostEdit, &QLineEdit::textEdited, this, &SettingsWindow::updateServerPage);
    connect(m_ui->portSpin, &QSpinBox::valueChanged, this, &SettingsWindow::updateServerPage);
    connect(m_ui->serverApplyButton, &QPushButton::clicked, this, &SettingsWindow::applyServer);
    connect(m_ui->serverRevertButton, &QPushButton::clicked, this, [this] {
        showServerValues();
        setStatus(m_ui->serverStatusLabel, QString(), false);
        updateServerPage();
    });

    for (const QString &name : {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")})
        m_ui->themeCombo->addItem(QString(), name);
    selectData(m_ui->themeCombo, Appearance::name(Appearance::savedTheme()));
    connect(m_ui->themeCombo, &QComboBox::activated, this, &SettingsWindow::chooseTheme);

    for (const QString &code : availableLanguages())
        m_ui->languageCombo->addItem(QString(), code);
    selectData(m_ui->languageCombo, savedLanguage());
    connect(m_ui->languageCombo, &QComboBox::activated, this, &SettingsWindow::chooseLanguage);

    connect(m_ui->autostartCheck, &QCheckBox::toggled, this, &SettingsWindow::setAutostart);

    for (const QString &level : logLevels())
        m_ui->logLevelCombo->addItem(QString(), level);
    m_ui->logFormatCombo->addItem(QString(), QStringLiteral("text"));
    m_ui->logFormatCombo->addItem(QString(), QStringLiteral("json"));
    const auto loggingEdited = [this] {
        const bool changed =
            m_fileCheck.ok && (m_ui->logLevelCombo->currentData().toString() != m_fileCheck.logLevel ||
                               m_ui->logFormatCombo->currentData().toString() != m_fileCheck.logFormat ||
                               m_ui->logBodiesCheck->isChecked() != m_fileCheck.logBodies);
        m_ui->loggingApplyButton->setEnabled(changed);
        m_ui->loggingRevertButton->setEnabled(changed);
    };
    connect(m_ui->logLevelCombo, &QComboBox::currentIndexChanged, this, loggingEdited);
    connect(m_ui->logFormatCombo, &QComboBox::currentIndexChanged, this, loggingEdited);
    connect(m_ui->logBodiesCheck, &QCheckBox::toggled, this, loggingEdited);
    connect(m_ui->loggingApplyButton, &QPushButton::clicked, this, &SettingsWindow::applyLogging);
    connect(m_ui->loggingRevertButton, &QPushButton::clicked, this, [this] {
        showLoggingValues();
        setStatus(m_ui->loggingStatusLabel, QString(), false);
    });
    connect(m_ui->openDataDirButton, &QPushButton::clicked, this, &SettingsWindow::openDataDirectory);

    connect(m_ui->validateButton, &QPushButton::clicked, this, &SettingsWindow::validateEditor);
    connect(m_ui->applyButton, &QPushButton::clicked, this, &SettingsWindow::applyEditor);
    connect(m_ui->revertButton, &QPushButton::clicked, this, &SettingsWindow::revertEditor);
    connect(m_ui->problemList, &QListWidget::itemActivated, this, &SettingsWindow::goToProblem);
    connect(m_ui->problemList, &QListWidget::itemClicked, this, &SettingsWindow::goToProblem);
    connect(m_ui->configEditor->document(), &QTextDocument::modificationChanged, this,
            [this](bool modified) { m_ui->revertButton->setEnabled(modified); });
    m_ui->revertButton->setEnabled(false);
}

void SettingsWindow::retranslate()
{
    // Texts the form does not hold: the combo entries and everything that depends on state.
    m_ui->themeCombo->setItemText(0, tr("System"));
    m_ui->themeCombo->setItemText(1, tr("Light"));
    m_ui->themeCombo->setItemText(2, tr("Dark"));
    for (int i = 0; i < m_ui->languageCombo->count(); ++i) {
        const QString code = m_ui->languageCombo->itemData(i).toString();
        QString text;
        if (code.isEmpty()) {
            const QString system = QLocale::system().nativeLanguageName();
            text = system.isEmpty() ? tr("System language") : tr("System language (%1)").arg(system);
        } else if (code == QLatin1String("en")) {
            text = QStringLiteral("English");
        } else {
            const QLocale locale(code);
            text = locale.nativeLanguageName();
            if (code.contains(QLatin1Char('_')))
                text += QStringLiteral(" (%1)").arg(locale.nativeTerritoryName());
            if (!text.isEmpty())
                text[0] = text.at(0).toUpper();
        }
        m_ui->languageCombo->setItemText(i, text);
    }
    const QStringList levelNames{tr("Debug: everything, for finding a problem"), tr("Info: requests and changes"),
                                 tr("Warning: only what needs attention"), tr("Error: only failures")};
    for (int i = 0; i < levelNames.size(); ++i)
        m_ui->logLevelCombo->setItemText(i, levelNames.at(i));
    m_ui->logFormatCombo->setItemText(0, tr("Text: one readable line per event"));
    m_ui->logFormatCombo->setItemText(1, tr("JSON: one object per line, for log collectors"));
    m_ui->logDestinationLabel->setText(
        tr("The log goes to the standard error output: the terminal that started LLMProxy, or the system "
           "journal when it runs as a service. The configuration has no log file of its own; redirect the "
           "output to keep one."));
    m_ui->lanExplanation->setText(
        tr("<p>Off: only programs on this computer can use the proxy (127.0.0.1). On: other machines on your "
           "network reach it at this computer's address.</p>"
           "<p>They could then spend your provider accounts, so LLMProxy listens beyond this computer only when "
           "clients must send a proxy key: set <code>LLM_PROXY_API_KEYS</code> (comma-separated keys) in the "
           "environment or in <code>.env</code>, or add keys under <code>server.auth.keys</code> in the "
           "configuration file. Without a key it refuses to start. The proxy speaks plain HTTP: on a network "
           "you do not trust, put a TLS reverse proxy in front of it.</p>"));
    const QString dataDir = m_controller->dataDirectory();
    m_ui->dataDirEdit->setText(dataDir.isEmpty() ? tr("none: nothing is kept between runs")
                                                 : QDir::toNativeSeparators(dataDir));
    m_ui->openDataDirButton->setEnabled(!dataDir.isEmpty());
    const QString path = m_controller->configPath();
    m_ui->configPathLabel->setText(path.isEmpty()
                                       ? tr("No configuration file is in use; start LLMProxy with --config FILE.")
                                       : tr("File: %1").arg(QDir::toNativeSeparators(path)));
    updateServerPage();
    showAutostart();
}

bool SettingsWindow::readConfigText(QByteArray *text, QString *error) const
{
    const QString path = m_controller->configPath();
    if (path.isEmpty() || !QFileInfo::exists(path)) {
        *text = DesktopShell::configTemplate();
        return true;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    *text = file.readAll();
    return true;
}

void SettingsWindow::loadFromFile()
{
    QString error;
    QByteArray text;
    if (!readConfigText(&text, &error)) {
        setStatus(m_ui->configStatusLabel, error, true);
        m_fileCheck = ConfigCheck();
        m_fileText.clear();
    } else {
        m_fileText = text;
        m_fileCheck = m_controller->checkConfigText(text);
    }
    if (!m_ui->configEditor->document()->isModified()) {
        m_ui->configEditor->setPlainText(QString::fromUtf8(m_fileText));
        m_ui->configEditor->document()->setModified(false);
        showProblems(m_fileCheck);
    }
    showServerValues();
    showLoggingValues();
}

void SettingsWindow::showServerValues()
{
    const QSignalBlocker blockLan(m_ui->lanCheck);
    const QUrl running(m_controller->listenUrl());
    const QString host = m_fileCheck.ok ? m_fileCheck.host : running.host();
    int port = m_fileCheck.ok ? m_fileCheck.port : running.port(8090);
    if (port == 0) // any free port, given on the command line: show the one in use
        port = running.port(8090);
    m_ui->hostEdit->setText(host.isEmpty() ? QStringLiteral("127.0.0.1") : host);
    m_ui->lanCheck->setChecked(!isLoopbackHost(m_ui->hostEdit->text()));
    m_ui->portSpin->setValue(port);
    updateServerPage();
}

// -- client keys ----------------------------------------------------------------------------------

void SettingsWindow::refreshKeys()
{
    QPointer<SettingsWindow> self(this);
    m_controller->listClientKeys([self](const QList<ClientKeyInfo> &keys) {
        if (self)
            self->showKeys(keys);
    });
}

void SettingsWindow::showKeys(const QList<ClientKeyInfo> &keys)
{
    const QTableWidgetItem *current = m_ui->keysTable->currentItem();
    const QString selected = current ? m_ui->keysTable->item(current->row(), 0)->text() : QString();
    m_ui->keysTable->setRowCount(0);
    for (const ClientKeyInfo &key : keys) {
        const int row = m_ui->keysTable->rowCount();
        m_ui->keysTable->insertRow(row);
        const bool created = key.source == QLatin1String("created");
        auto *name = new QTableWidgetItem(key.name);
        name->setData(Qt::UserRole, created);
        m_ui->keysTable->setItem(row, 0, name);
        m_ui->keysTable->setItem(row, 1,
                                 new QTableWidgetItem(key.prefix.isEmpty() ? QString() : key.prefix + QChar(0x2026)));
        m_ui->keysTable->setItem(row, 2, new QTableWidgetItem(created ? tr("Created here") : tr("Configuration file")));
        m_ui->keysTable->setItem(
            row, 3,
            new QTableWidgetItem(key.created.isValid()
                                     ? QLocale().toString(key.created.toLocalTime(), QLocale::ShortFormat)
                                     : QString()));
        m_ui->keysTable->setItem(
            row, 4,
            new QTableWidgetItem(key.models.isEmpty() ? tr("Every model") : key.models.join(QStringLiteral(", "))));
        if (key.name == selected)
            m_ui->keysTable->selectRow(row);
    }
    const QString none = tr("There is no client key: every program that can reach the proxy may use it.");
    if (keys.isEmpty())
        setStatus(m_ui->keysStatusLabel, none, false);
    else if (m_ui->keysStatusLabel->text() == none)
        setStatus(m_ui->keysStatusLabel, QString(), false);
    updateKeyButtons();
}

void SettingsWindow::updateKeyButtons()
{
    const QTableWidgetItem *current = m_ui->keysTable->currentItem();
    const bool created = current && m_ui->keysTable->item(current->row(), 0)->data(Qt::UserRole).toBool();
    m_ui->revokeKeyButton->setEnabled(created);
    m_ui->revokeKeyButton->setToolTip(
        current && !created ? tr("This key comes from the configuration file; remove it there.") : QString());
    m_ui->createKeyButton->setEnabled(!m_ui->keyNameEdit->text().trimmed().isEmpty());
}

void SettingsWindow::createKey()
{
    const QString name = m_ui->keyNameEdit->text().trimmed();
    if (name.isEmpty())
        return;
    m_ui->createKeyButton->setEnabled(false);
    QPointer<SettingsWindow> self(this);
    m_controller->createClientKey(name, [self, name](const QString &key, const QString &error) {
        if (!self)
            return;
        if (key.isEmpty()) {
            setStatus(self->m_ui->keysStatusLabel, error, true);
            self->updateKeyButtons();
            return;
        }
        self->m_ui->keyNameEdit->clear();
        self->m_ui->newKeyEdit->setText(key);
        self->m_ui->newKeyEdit->show();
        self->m_ui->copyKeyButton->show();
        setStatus(self->m_ui->keysStatusLabel,
                  tr("Created the client key “%1”. Copy it now: it is not shown again.").arg(name), false);
        self->refreshKeys();
    });
}

void SettingsWindow::revokeSelectedKey()
{
    const QTableWidgetItem *current = m_ui->keysTable->currentItem();
    if (!current || !m_ui->keysTable->item(current->row(), 0)->data(Qt::UserRole).toBool())
        return;
    const QString name = m_ui->keysTable->item(current->row(), 0)->text();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Revoke client key"),
                                tr("Revoke the client key “%1”? Programs that use it are refused from their next "
                                   "request.")
                                    .arg(name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("revokeConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->addButton(tr("Revoke"), QMessageBox::AcceptRole)->setObjectName(QStringLiteral("revokeConfirmButton"));
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    connect(box, &QMessageBox::accepted, this, [this, name] {
        QPointer<SettingsWindow> self(this);
        m_controller->revokeClientKey(name, [self, name](const QString &error) {
            if (!self)
                return;
            setStatus(self->m_ui->keysStatusLabel,
                      error.isEmpty() ? tr("Revoked the client key “%1”.").arg(name) : error, !error.isEmpty());
            if (error.isEmpty() && self->m_ui->newKeyEdit->isVisible()) {
                self->m_ui->newKeyEdit->clear();
                self->m_ui->newKeyEdit->hide();
                self->m_ui->copyKeyButton->hide();
            }
            self->refreshKeys();
        });
    });
    box->open();
}

void SettingsWindow::updateServerPage()
{
    const QString url = m_controller->listenUrl();
    m_ui->listeningLabel->setText(url.isEmpty() ? tr("The proxy is not listening.")
                                                : tr("Listening now on %1.").arg(url));
    const bool hostFixed = m_fileCheck.overridden.contains(QLatin1String("server.host"));
    const bool portFixed = m_fileCheck.overridden.contains(QLatin1String("server.port"));
    const bool usable = m_fileCheck.ok;
    m_ui->lanCheck->setEnabled(usable && !hostFixed);
    m_ui->hostEdit->setEnabled(usable && !hostFixed && m_ui->lanCheck->isChecked());
    m_ui->portSpin->setEnabled(usable && !portFixed);

    const QString host = m_ui->hostEdit->text().trimmed();
    const bool changed = usable && ((!hostFixed && !sameHost(host, m_fileCheck.host)) ||
                                    (!portFixed && m_ui->portSpin->value() != m_fileCheck.port));
    QString problem;
    QString note;
    if (!usable) {
        problem = tr("The configuration file has errors; correct them on the Configuration file page first.");
    } else if (!isLoopbackHost(host) && QHostAddress(host).isNull()) {
        problem = tr("%1 is not an IP address: use 0.0.0.0 (every IPv4 interface), :: (every IPv6 interface) "
                     "or one of this computer's addresses.")
                      .arg(host);
    } else if (!isLoopbackHost(host) && !m_fileCheck.clientKeyRequired) {
        problem = tr("No proxy key is configured, so LLMProxy would refuse to listen beyond this computer. Set "
                     "LLM_PROXY_API_KEYS or add keys under server.auth.keys first.");
    } else {
        QStringList fixed;
        if (hostFixed)
            fixed << tr("the listen address");
        if (portFixed)
            fixed << tr("the port");
        if (!fixed.isEmpty())
            note = tr("The environment or the command line sets %1; the file's value is not used.")
                       .arg(fixed.join(tr(" and ")));
        const QUrl running(url);
        const bool differs = !url.isEmpty() && (!sameHost(host, running.host()) ||
                                                (!portFixed && m_ui->portSpin->value() != running.port()));
        if (differs) {
            if (!note.isEmpty())
                note += QLatin1Char(' ');
            note += tr("A changed address or port takes effect after LLMProxy restarts: reloading the "
                       "configuration does not move the listener.");
        }
    }
    if (!problem.isEmpty())
        setStatus(m_ui->serverStatusLabel, problem, true);
    else if (!m_reloadStatus || m_reloadStatus != m_ui->serverStatusLabel)
        setStatus(m_ui->serverStatusLabel, note, false);
    m_ui->serverApplyButton->setEnabled(changed && problem.isEmpty());
    m_ui->serverRevertButton->setEnabled(changed);
}

void SettingsWindow::showLoggingValues()
{
    const bool usable = m_fileCheck.ok;
    QString level = m_fileCheck.logLevel;
    if (level == QLatin1String("warn"))
        level = QStringLiteral("warning");
    selectData(m_ui->logLevelCombo, usable ? level : QStringLiteral("info"));
    selectData(m_ui->logFormatCombo, usable ? m_fileCheck.logFormat : QStringLiteral("text"));
    m_ui->logBodiesCheck->setChecked(usable && m_fileCheck.logBodies);
    m_ui->logLevelCombo->setEnabled(usable && !m_fileCheck.overridden.contains(QLatin1String("logging.level")));
    m_ui->logFormatCombo->setEnabled(usable && !m_fileCheck.overridden.contains(QLatin1String("logging.format")));
    m_ui->logBodiesCheck->setEnabled(usable);
    m_ui->loggingApplyButton->setEnabled(false);
    m_ui->loggingRevertButton->setEnabled(false);
    if (!usable)
        setStatus(m_ui->loggingStatusLabel,
                  tr("The configuration file has errors; correct them on the Configuration file page first."), true);
}

void SettingsWindow::applyServer()
{
    // Only what changed: the other keys keep their place and their spelling in the file.
    QList<ConfigKeyEdit> edits;
    const QString host = m_ui->hostEdit->text().trimmed();
    if (!m_fileCheck.overridden.contains(QLatin1String("server.host")) && !sameHost(host, m_fileCheck.host))
        edits.append({QStringLiteral("server.host"), yamlScalar(host)});
    if (!m_fileCheck.overridden.contains(QLatin1String("server.port")) && m_ui->portSpin->value() != m_fileCheck.port)
        edits.append({QStringLiteral("server.port"), QString::number(m_ui->portSpin->value())});
    applyEdits(edits, m_ui->serverStatusLabel);
}

void SettingsWindow::applyLogging()
{
    QList<ConfigKeyEdit> edits;
    const QString level = m_ui->logLevelCombo->currentData().toString();
    const QString format = m_ui->logFormatCombo->currentData().toString();
    QString fileLevel = m_fileCheck.logLevel;
    if (fileLevel == QLatin1String("warn"))
        fileLevel = QStringLiteral("warning");
    if (!m_fileCheck.overridden.contains(QLatin1String("logging.level")) && level != fileLevel)
        edits.append({QStringLiteral("logging.level"), level});
    if (!m_fileCheck.overridden.contains(QLatin1String("logging.format")) && format != m_fileCheck.logFormat)
        edits.append({QStringLiteral("logging.format"), format});
    if (m_ui->logBodiesCheck->isChecked() != m_fileCheck.logBodies)
        edits.append({QStringLiteral("logging.log_bodies"),
                      m_ui->logBodiesCheck->isChecked() ? QStringLiteral("true") : QStringLiteral("false")});
    applyEdits(edits, m_ui->loggingStatusLabel);
}

bool SettingsWindow::applyEdits(const QList<ConfigKeyEdit> &edits, QLabel *status)
{
    QByteArray text;
    QString error;
    if (!readConfigText(&text, &error)) {
        setStatus(status, error, true);
        return false;
    }
    const ConfigTextEdit edited = EngineController::editConfigText(text, edits);
    if (!edited.error.isEmpty()) {
        setStatus(status, tr("Cannot change the configuration file: %1").arg(edited.error), true);
        return false;
    }
    QString note;
    if (edited.commentsLost) {
        note = tr("Its layout could not be kept, so it was written anew without its comments; the previous "
                  "file is %1.bak.")
                   .arg(QFileInfo(m_controller->configPath()).fileName());
    }
    return writeAndReload(edited.text, status, note);
}

bool SettingsWindow::writeAndReload(const QByteArray &text, QLabel *status, const QString &note)
{
    const ConfigCheck check = m_controller->checkConfigText(text);
    if (!check.ok) {
        QStringList errors;
        for (const ConfigCheck::Problem &p : check.problems) {
            if (p.error)
                errors << p.text;
        }
        setStatus(status, tr("Not saved, the file is unchanged: %1").arg(errors.join(QLatin1Char('\n'))), true);
        return false;
    }
    const QString path = m_controller->configPath();
    if (path.isEmpty()) {
        setStatus(status, tr("No configuration file is in use; start LLMProxy with --config FILE."), true);
        return false;
    }
    QString error;
    if (!writeConfigFile(path, text, &error)) {
        setStatus(status, error, true);
        return false;
    }
    m_savedNote = tr("Saved to %1.").arg(QDir::toNativeSeparators(path));
    if (!note.isEmpty())
        m_savedNote += QLatin1Char(' ') + note;
    m_reloadStatus = status;
    setStatus(status, m_savedNote + QLatin1Char(' ') + tr("Reloading…"), false);
    loadFromFile();
    m_controller->reloadConfig();
    return true;
}

void SettingsWindow::showReloadResult(bool ok, const QString &message)
{
    QLabel *status = m_reloadStatus;
    m_reloadStatus = nullptr;
    // Any reload (Ctrl+R, SIGHUP, this window) may bring a new file: show what it holds now.
    loadFromFile();
    if (!status)
        return;
    QString text =
        ok ? tr("%1 Reloaded: %2.").arg(m_savedNote, message)
           : tr("%1 The reload failed, the previous configuration stays in force: %2").arg(m_savedNote, message);
    const QUrl running(m_controller->listenUrl());
    if (ok && m_fileCheck.ok && !running.isEmpty() &&
        (!sameHost(m_fileCheck.host, running.host()) || (m_fileCheck.port != 0 && m_fileCheck.port != running.port())))
        text += QLatin1Char(' ') + tr("The new address takes effect after LLMProxy restarts.");
    setStatus(status, text, !ok);
}

void SettingsWindow::chooseTheme(int index)
{
    const Appearance::Theme theme = Appearance::fromName(m_ui->themeCombo->itemData(index).toString());
    Appearance::saveTheme(theme);
    Appearance::apply(theme);
    // Marked lines take their colour from the palette.
    m_ui->configEditor->markLines({});
    showProblems(m_ui->configEditor->document()->isModified()
                     ? m_controller->checkConfigText(m_ui->configEditor->toPlainText().toUtf8())
                     : m_fileCheck);
}

void SettingsWindow::chooseLanguage(int index)
{
    const QString code = m_ui->languageCombo->itemData(index).toString();
    uiSettings()->setValue(QLatin1String(kLanguageKey), code);
    emit languageChosen(code);
}

void SettingsWindow::setAutostart(bool enabled)
{
    QString error;
    if (!Autostart().setEnabled(enabled, &error))
        setStatus(m_ui->autostartStatusLabel, error, true);
    else
        setStatus(m_ui->autostartStatusLabel,
                  enabled ? tr("LLMProxy starts when you log in.") : tr("LLMProxy no longer starts when you log in."),
                  false);
    showAutostart();
}

void SettingsWindow::showAutostart()
{
    const Autostart autostart;
    const QSignalBlocker block(m_ui->autostartCheck);
    m_ui->autostartCheck->setChecked(autostart.isEnabled());
    m_ui->autostartLocationLabel->setText(tr("Kept in %1, which starts %2.")
                                              .arg(QDir::toNativeSeparators(autostart.location()),
                                                   QDir::toNativeSeparators(QCoreApplication::applicationFilePath())));
}

void SettingsWindow::openDataDirectory()
{
    const QString dir = m_controller->dataDirectory();
    if (dir.isEmpty() || !QDesktopServices::openUrl(QUrl::fromLocalFile(dir)))
        setStatus(m_ui->loggingStatusLabel, tr("No file manager opens %1.").arg(QDir::toNativeSeparators(dir)), true);
}

void SettingsWindow::validateEditor()
{
    const ConfigCheck check = m_controller->checkConfigText(m_ui->configEditor->toPlainText().toUtf8());
    showProblems(check);
    if (check.ok) {
        setStatus(m_ui->configStatusLabel, check.summary, false);
    } else {
        int errors = 0;
        for (const ConfigCheck::Problem &p : check.problems)
            errors += p.error ? 1 : 0;
        setStatus(m_ui->configStatusLabel,
                  errors == 1 ? tr("1 error; choose it to go to its line.")
                              : tr("%1 errors; choose one to go to its line.").arg(errors),
                  true);
    }
}

void SettingsWindow::applyEditor()
{
    const QByteArray text = m_ui->configEditor->toPlainText().toUtf8();
    const ConfigCheck check = m_controller->checkConfigText(text);
    if (!showProblems(check)) {
        setStatus(m_ui->configStatusLabel, tr("Not applied: the text has errors and the file is unchanged."), true);
        return;
    }
    // Saved text: a reload from now on may replace it.
    m_ui->configEditor->document()->setModified(false);
    if (!writeAndReload(text, m_ui->configStatusLabel))
        m_ui->configEditor->document()->setModified(true);
}

void SettingsWindow::revertEditor()
{
    m_ui->configEditor->document()->setModified(false);
    loadFromFile();
    setStatus(m_ui->configStatusLabel, tr("The editor shows the file again."), false);
}

bool SettingsWindow::showProblems(const ConfigCheck &check)
{
    m_ui->problemList->clear();
    QList<int> lines;
    bool ok = true;
    for (const ConfigCheck::Problem &p : check.problems) {
        auto *item = new QListWidgetItem(
            style()->standardIcon(p.error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning), p.text,
            m_ui->problemList);
        item->setData(Qt::UserRole, p.line);
        item->setData(Qt::UserRole + 1, p.column);
        item->setToolTip(p.text);
        if (p.error && p.line > 0)
            lines.append(p.line);
        ok = ok && !p.error;
    }
    m_ui->problemList->setVisible(!check.problems.isEmpty());
    m_ui->configEditor->markLines(lines);
    return ok && check.ok;
}

void SettingsWindow::goToProblem()
{
    const QListWidgetItem *item = m_ui->problemList->currentItem();
    if (!item || item->data(Qt::UserRole).toInt() <= 0)
        return;
    m_ui->configEditor->goTo(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toInt());
}

void SettingsWindow::setStatus(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    // Red reads on light and dark palettes alike; the words carry the meaning.
    label->setStyleSheet(error ? QStringLiteral("QLabel { color: #e53935; }") : QString());
    label->setAccessibleDescription(text);
}

void SettingsWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        const int page = m_ui->pageList->currentRow();
        m_ui->retranslateUi(this);
        m_ui->pageList->setCurrentRow(page);
        retranslate();
    }
}

void SettingsWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The file may have been edited elsewhere since the window was last shown; what the user is
    // changing on the pages stays when it was not.
    QByteArray text;
    QString error;
    if (!readConfigText(&text, &error) || text != m_fileText)
        loadFromFile();
    showAutostart();
    refreshKeys();
}

void SettingsWindow::closeEvent(QCloseEvent *event)
{
    saveGeometrySettings();
    QWidget::closeEvent(event);
}

void SettingsWindow::saveGeometrySettings() const
{
    const auto settings = uiSettings();
    settings->beginGroup(QStringLiteral("SettingsWindow"));
    settings->setValue(QStringLiteral("geometry"), saveGeometry());
    settings->setValue(QStringLiteral("page"), m_ui->pageList->currentRow());
    settings->setValue(QStringLiteral("mainSplitter"), m_ui->mainSplitter->saveState());
    settings->setValue(QStringLiteral("configSplitter"), m_ui->configSplitter->saveState());
    settings->endGroup();
}

void SettingsWindow::restoreGeometrySettings()
{
    const auto settings = uiSettings();
    settings->beginGroup(QStringLiteral("SettingsWindow"));
    if (!restoreGeometry(settings->value(QStringLiteral("geometry")).toByteArray())) {
        QSize size(110 * fontMetrics().averageCharWidth(), 36 * fontMetrics().lineSpacing());
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableGeometry().size() * 0.9);
        resize(size);
    }
    m_ui->pageList->setCurrentRow(qBound(0, settings->value(QStringLiteral("page"), 0).toInt(), int(ConfigPage)));
    m_ui->mainSplitter->restoreState(settings->value(QStringLiteral("mainSplitter")).toByteArray());
    m_ui->configSplitter->restoreState(settings->value(QStringLiteral("configSplitter")).toByteArray());
    settings->endGroup();
}

} // namespace llmproxy
