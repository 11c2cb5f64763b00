// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/securitywindow.h"

#include "ui/appicon.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace llmproxy {

SecurityWindow::SecurityWindow(EngineController *controller, QWidget *parent)
    : QWidget(parent, Qt::Window), m_controller(controller), m_auditBox(new QGroupBox(this)),
      m_auditIntro(new QLabel(m_auditBox)), m_verifyButton(new QPushButton(m_auditBox)),
      m_verifyResult(new QLabel(m_auditBox)), m_gdprBox(new QGroupBox(this)), m_gdprIntro(new QLabel(m_gdprBox)),
      m_subjectLabel(new QLabel(m_gdprBox)), m_subjectEdit(new QLineEdit(m_gdprBox)),
      m_exportButton(new QPushButton(m_gdprBox)), m_eraseButton(new QPushButton(m_gdprBox)),
      m_gdprResult(new QLabel(m_gdprBox)), m_stateLabel(new QLabel(this)), m_closeButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("securityWindow"));
    setWindowIcon(applicationIcon());
    m_auditBox->setObjectName(QStringLiteral("auditBox"));
    m_verifyButton->setObjectName(QStringLiteral("verifyButton"));
    m_verifyResult->setObjectName(QStringLiteral("verifyResultLabel"));
    m_gdprBox->setObjectName(QStringLiteral("gdprBox"));
    m_subjectEdit->setObjectName(QStringLiteral("subjectEdit"));
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_eraseButton->setObjectName(QStringLiteral("eraseButton"));
    m_gdprResult->setObjectName(QStringLiteral("gdprResultLabel"));
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_closeButton->setObjectName(QStringLiteral("closeButton"));

    for (QLabel *label : {m_auditIntro, m_verifyResult, m_gdprIntro, m_gdprResult, m_stateLabel}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_subjectLabel->setBuddy(m_subjectEdit);
    m_subjectEdit->setClearButtonEnabled(true);

    auto *auditLayout = new QVBoxLayout(m_auditBox);
    auditLayout->addWidget(m_auditIntro);
    auto *verifyRow = new QHBoxLayout;
    verifyRow->addWidget(m_verifyButton);
    verifyRow->addStretch(1);
    auditLayout->addLayout(verifyRow);
    auditLayout->addWidget(m_verifyResult);

    auto *gdprLayout = new QVBoxLayout(m_gdprBox);
    gdprLayout->addWidget(m_gdprIntro);
    auto *subjectRow = new QHBoxLayout;
    subjectRow->addWidget(m_subjectLabel);
    subjectRow->addWidget(m_subjectEdit, 1);
    subjectRow->addWidget(m_exportButton);
    subjectRow->addWidget(m_eraseButton);
    gdprLayout->addLayout(subjectRow);
    gdprLayout->addWidget(m_gdprResult);

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_stateLabel, 1);
    footer->addWidget(m_closeButton, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_auditBox);
    layout->addWidget(m_gdprBox);
    layout->addStretch(1);
    layout->addLayout(footer);

    connect(m_verifyButton, &QPushButton::clicked, this, &SecurityWindow::verify);
    connect(m_exportButton, &QPushButton::clicked, this, &SecurityWindow::askExport);
    connect(m_eraseButton, &QPushButton::clicked, this, &SecurityWindow::askErase);
    connect(m_subjectEdit, &QLineEdit::textChanged, this, &SecurityWindow::updateButtons);
    connect(m_closeButton, &QPushButton::clicked, this, &QWidget::close);
    m_gdprResult->hide(); // until there is a result to show
    retranslate();
    updateButtons();
}

SecurityWindow::~SecurityWindow() = default;

void SecurityWindow::retranslate()
{
    setWindowTitle(tr("Security — LLMProxy"));
    m_auditBox->setTitle(tr("Audit chain"));
    m_auditIntro->setText(tr("Every audited event is chained to the one before it by a hash. Verifying walks the "
                             "chain from its checkpoint to its newest entry and reports the first entry that was "
                             "changed, removed or inserted."));
    m_verifyButton->setText(tr("&Verify audit chain"));
    m_gdprBox->setTitle(tr("Personal data (GDPR)"));
    m_gdprIntro->setText(tr("A person's data in the audit ledger is sealed with keys of their own. Export saves all "
                            "of it as JSON; Erase destroys their keys, so it can never be read again, while the "
                            "chain still verifies."));
    m_subjectLabel->setText(tr("&Person:"));
    m_subjectEdit->setPlaceholderText(tr("Key name, user or IP address"));
    m_subjectEdit->setAccessibleName(tr("Person"));
    m_exportButton->setText(tr("&Export…"));
    m_exportButton->setToolTip(tr("Save everything the audit ledger holds about this person as JSON"));
    m_eraseButton->setText(tr("E&rase…"));
    m_eraseButton->setToolTip(tr("Destroy this person's keys: their data in the audit ledger can no longer be read"));
    m_closeButton->setText(tr("Close"));
    m_stateLabel->setText(m_unavailable);
    if (!m_lastCheck && !m_busy)
        m_verifyResult->setText(tr("Not verified since this window opened."));
}

void SecurityWindow::updateButtons()
{
    const bool usable = m_unavailable.isEmpty() && !m_busy;
    const bool subject = !m_subjectEdit->text().trimmed().isEmpty();
    m_verifyButton->setEnabled(usable);
    m_subjectEdit->setEnabled(m_unavailable.isEmpty());
    m_exportButton->setEnabled(usable && subject);
    m_eraseButton->setEnabled(usable && subject);
}

void SecurityWindow::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void SecurityWindow::showGdprResult(const QString &text)
{
    m_gdprResult->setText(text);
    m_gdprResult->setVisible(!text.isEmpty());
}

void SecurityWindow::verify()
{
    setBusy(true);
    m_verifyResult->setText(tr("Verifying…"));
    m_controller->verifyAudit(this, [this](const std::optional<AuditCheck> &check, const QString &error) {
        setBusy(false);
        showCheck(check, error);
    });
}

void SecurityWindow::showCheck(const std::optional<AuditCheck> &check, const QString &error)
{
    m_lastCheck = check;
    const QLocale locale;
    if (!check) {
        m_verifyResult->setText(error);
        return;
    }
    const QString time = tr("%1 ms").arg(locale.toString(check->elapsedMs));
    if (check->ok && check->entries == 0) {
        m_verifyResult->setText(tr("✔ The chain is empty: nothing has been audited yet (checked in %1).").arg(time));
        return;
    }
    if (check->ok) {
        m_verifyResult->setText(tr("✔ The chain is intact: %1 entries checked in %2; the newest is entry %3.")
                                    .arg(locale.toString(check->entries), time, locale.toString(check->headSequence)));
        return;
    }
    m_verifyResult->setText(tr("✘ The chain is broken at entry %1 (%2: %3). %4 entries before it were checked in %5.")
                                .arg(locale.toString(check->brokenSequence), check->failure, check->detail,
                                     locale.toString(check->entries), time));
}

QString SecurityWindow::eraseQuestion(const QString &subject)
{
    return tr("Erase “%1” from the audit ledger?\n\nTheir keys are destroyed: the names, addresses and personal "
              "details in every audit entry about them can never be read again, by anyone, and no export will "
              "contain them. The entries themselves stay, so the chain still verifies. This cannot be undone.")
        .arg(subject);
}

void SecurityWindow::askErase()
{
    const QString subject = m_subjectEdit->text().trimmed();
    if (subject.isEmpty())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Erase personal data"), eraseQuestion(subject), QMessageBox::Cancel, this);
    QPushButton *erase = box.addButton(tr("Erase “%1”").arg(subject), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == erase)
        this->erase(subject);
}

void SecurityWindow::erase(const QString &subject)
{
    setBusy(true);
    showGdprResult(tr("Erasing…"));
    m_controller->eraseAuditSubject(
        subject, this, [this, subject](const std::optional<AuditErasureResult> &erased, const QString &error) {
            setBusy(false);
            m_lastErasure = erased;
            if (!erased) {
                showGdprResult(error);
                return;
            }
            const QLocale locale;
            showGdprResult(tr("“%1” is erased: %2 keys destroyed; %3 entries held their data. The erasure "
                              "is entry %4 of the chain.")
                               .arg(subject, locale.toString(erased->keysDestroyed), locale.toString(erased->entries),
                                    locale.toString(erased->recordSequence)));
        });
}

void SecurityWindow::askExport()
{
    const QString subject = m_subjectEdit->text().trimmed();
    if (subject.isEmpty())
        return;
    QString safe = subject;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(QStringLiteral("llmproxy-gdpr-%1.json").arg(safe));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export personal data"), suggested, tr("JSON files (*.json)"));
    if (!path.isEmpty())
        exportSubjectTo(subject, path);
}

void SecurityWindow::exportSubjectTo(const QString &subject, const QString &path)
{
    setBusy(true);
    showGdprResult(tr("Exporting…"));
    m_controller->exportAuditSubject(
        subject, this, [this, subject, path](const std::optional<QJsonObject> &data, const QString &error) {
            setBusy(false);
            if (!data) {
                showGdprResult(error);
                return;
            }
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(*data).toJson()) < 0 || !file.commit()) {
                showGdprResult(tr("Cannot write %1: %2").arg(path, file.errorString()));
                return;
            }
            showGdprResult(tr("Saved the data of “%1” to %2.").arg(subject, QDir::toNativeSeparators(path)));
        });
}

void SecurityWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_controller->queryAuditAvailability(this, [this](const QString &why) {
        m_unavailable = why;
        m_stateLabel->setText(why);
        updateButtons();
    });
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    const QFontMetrics metrics = fontMetrics();
    resize(QSize(90 * metrics.averageCharWidth(), 24 * metrics.lineSpacing()));
}

void SecurityWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace llmproxy
