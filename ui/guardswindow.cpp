// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/guardswindow.h"

#include "ui/appicon.h"

#include "ui_guardswindow.h"

#include <QCheckBox>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace llmproxy {

namespace {

/// White on a dark badge reads the same on light and dark palettes; the word carries the meaning.
QString badgeStyle(const char *background)
{
    return QStringLiteral("QLabel { color: white; background-color: %1; border-radius: 4px; padding: 1px 8px; }")
        .arg(QLatin1String(background));
}

void setBadge(QLabel *label, bool on, const QString &toolTip)
{
    const QString text = on ? GuardsWindow::tr("On") : GuardsWindow::tr("Off");
    const QString style = badgeStyle(on ? "#2e7d32" : "#616161");
    if (label->text() != text)
        label->setText(text);
    // A new style sheet re-polishes the label: only on a change (this runs a few times a second).
    if (label->styleSheet() != style)
        label->setStyleSheet(style);
    label->setToolTip(toolTip);
    label->setAccessibleDescription(toolTip);
}

QString duration(double us)
{
    if (us <= 0)
        return QStringLiteral("–");
    if (us < 1000)
        return GuardsWindow::tr("%1 µs").arg(qRound(us));
    return GuardsWindow::tr("%1 ms").arg(QLocale().toString(us / 1000, 'f', us < 10'000 ? 2 : 1));
}

} // namespace

GuardsWindow::GuardsWindow(EngineController *controller, QWidget *parent)
    : QWidget(parent, Qt::Window), m_ui(std::make_unique<Ui::GuardsWindow>()), m_controller(controller)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("guardsWindow"));
    setWindowIcon(applicationIcon());

    QFont masterFont = m_ui->masterCheck->font();
    masterFont.setBold(true);
    m_ui->masterCheck->setFont(masterFont);
    m_ui->masterStateLabel->setMargin(2);
    QSizePolicy resetPolicy = m_ui->masterResetButton->sizePolicy();
    resetPolicy.setRetainSizeWhenHidden(true);
    m_ui->masterResetButton->setSizePolicy(resetPolicy);
    m_ui->guardsGrid->setColumnStretch(0, 1);
    m_ui->guardsContainer->setBackgroundRole(QPalette::Base);
    m_ui->guardsContainer->setAutoFillBackground(true);

    connect(m_ui->masterCheck, &QCheckBox::clicked, this,
            [this](bool checked) { m_controller->setSecurityEnabled(checked); });
    connect(m_ui->masterResetButton, &QPushButton::clicked, this,
            [this] { m_controller->setSecurityEnabled(std::nullopt); });
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QWidget::close);
    connect(m_controller, &EngineController::securityStatusChanged, this, &GuardsWindow::showStatus);

    showStatus(m_controller->securityStatus());

    const QFontMetrics metrics = fontMetrics();
    QSize size(125 * metrics.averageCharWidth(), 52 * metrics.lineSpacing());
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.9);
    resize(size);
}

GuardsWindow::~GuardsWindow()
{
    m_controller->watchSecurity(this, false);
}

QString GuardsWindow::guardNote(const GuardState &guard, bool masterOn)
{
    if (guard.id == QLatin1String("firewall") && guard.disabledReason.startsWith(QLatin1String("env:"))) {
        return tr("Switched off by %1 in the environment: the environment wins, so it cannot be switched on here.")
            .arg(guard.disabledReason.mid(4));
    }
    if (guard.locked)
        return tr("Needs a signing key: set LLM_PROXY_SIGNING_KEY and restart LLMProxy.");
    QStringList parts;
    if (guard.id == QLatin1String("firewall") && guard.disabledReason.startsWith(QLatin1String("config:"))) {
        const QString setting = guard.disabledReason.mid(7).replace(QLatin1Char('='), QStringLiteral(": "));
        parts << tr("Switched off in the configuration file (%1).").arg(setting);
    }
    if (guard.override) {
        if (*guard.override == guard.configured)
            parts << (*guard.override ? tr("Switched on here, as in the configuration.")
                                      : tr("Switched off here, as in the configuration."));
        else
            parts << (*guard.override ? tr("Switched on here; the configuration says off.")
                                      : tr("Switched off here; the configuration says on."));
    }
    if (!masterOn && guard.override.value_or(guard.configured))
        parts << tr("Not running while the security guards are switched off.");
    return parts.join(QLatin1Char(' '));
}

void GuardsWindow::buildRows(const SecurityStatus &status)
{
    QGridLayout *grid = m_ui->guardsGrid;
    int line = 0;
    for (const GuardState &guard : status.guards) {
        if (line > 0) {
            auto *separator = new QFrame(m_ui->guardsContainer);
            separator->setFrameShape(QFrame::HLine);
            separator->setFrameShadow(QFrame::Sunken);
            grid->addWidget(separator, line++, 0, 1, 5);
        }
        Row row;
        row.id = guard.id;
        auto *text = new QWidget(m_ui->guardsContainer);
        auto *textLayout = new QVBoxLayout(text);
        textLayout->setContentsMargins(0, 0, 0, 0);
        textLayout->setSpacing(2);
        row.title = new QLabel(guard.title, text);
        QFont titleFont = row.title->font();
        titleFont.setBold(true);
        row.title->setFont(titleFont);
        row.description = new QLabel(guard.description, text);
        row.description->setWordWrap(true);
        row.description->setForegroundRole(QPalette::PlaceholderText);
        row.note = new QLabel(text);
        row.note->setObjectName(QStringLiteral("note_%1").arg(guard.id));
        row.note->setWordWrap(true);
        QFont noteFont = row.note->font();
        noteFont.setItalic(true);
        row.note->setFont(noteFont);
        textLayout->addWidget(row.title);
        textLayout->addWidget(row.description);
        textLayout->addWidget(row.note);

        row.state = new QLabel(m_ui->guardsContainer);
        row.state->setObjectName(QStringLiteral("state_%1").arg(guard.id));
        row.state->setAlignment(Qt::AlignCenter);

        row.counters = new QLabel(m_ui->guardsContainer);
        row.counters->setObjectName(QStringLiteral("counters_%1").arg(guard.id));
        row.counters->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row.toggle = new QCheckBox(m_ui->guardsContainer);
        row.toggle->setObjectName(QStringLiteral("toggle_%1").arg(guard.id));
        row.reset = new QPushButton(m_ui->guardsContainer);
        row.reset->setObjectName(QStringLiteral("reset_%1").arg(guard.id));
        retranslateRow(row, guard);
        // Shown only while there is a run-time switch to undo; its place stays, so rows do not jump.
        QSizePolicy resetPolicy = row.reset->sizePolicy();
        resetPolicy.setRetainSizeWhenHidden(true);
        row.reset->setSizePolicy(resetPolicy);

        const QString id = guard.id;
        connect(row.toggle, &QCheckBox::clicked, this,
                [this, id](bool checked) { m_controller->setGuardEnabled(id, checked); });
        connect(row.reset, &QPushButton::clicked, this,
                [this, id] { m_controller->setGuardEnabled(id, std::nullopt); });

        grid->addWidget(text, line, 0);
        grid->addWidget(row.state, line, 1, Qt::AlignCenter);
        grid->addWidget(row.counters, line, 2);
        grid->addWidget(row.toggle, line, 3);
        grid->addWidget(row.reset, line, 4);
        ++line;
        m_rows.append(row);
    }
    grid->setRowStretch(line, 1);
    // Counters take the width of a busy row from the start, so the layout does not jump later.
    const QFontMetrics metrics = fontMetrics();
    grid->setColumnMinimumWidth(
        2, metrics.horizontalAdvance(
               tr("%1 scanned · %2 blocked").arg(QLocale().toString(9'999'999), QLocale().toString(99'999))));
}

void GuardsWindow::retranslateRow(Row &row, const GuardState &guard)
{
    row.state->setAccessibleName(tr("%1 state").arg(guard.title));
    row.counters->setAccessibleName(tr("%1 counters").arg(guard.title));
    row.toggle->setText(tr("Enabled"));
    row.toggle->setAccessibleName(tr("%1 enabled").arg(guard.title));
    row.reset->setText(tr("Back to configuration"));
    row.reset->setAccessibleName(tr("%1: back to configuration").arg(guard.title));
}

void GuardsWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    m_ui->retranslateUi(this);
    for (Row &row : m_rows) {
        for (const GuardState &guard : std::as_const(m_status.guards)) {
            if (guard.id == row.id)
                retranslateRow(row, guard);
        }
    }
    showStatus(m_status);
}

void GuardsWindow::showStatus(const SecurityStatus &status)
{
    if (m_rows.isEmpty())
        buildRows(status);
    m_status = status;
    showMaster(status);
    for (Row &row : m_rows) {
        for (const GuardState &guard : status.guards) {
            if (guard.id == row.id) {
                showRow(row, guard, status.enabled);
                break;
            }
        }
    }
}

void GuardsWindow::showMaster(const SecurityStatus &status)
{
    {
        const QSignalBlocker blocker(m_ui->masterCheck);
        m_ui->masterCheck->setChecked(status.enabled);
    }
    setBadge(m_ui->masterStateLabel, status.enabled,
             status.enabled ? tr("The guards switched on below inspect every request and answer.")
                            : tr("Requests reach the providers unchecked."));
    m_ui->masterResetButton->setEnabled(status.override.has_value());
    m_ui->masterResetButton->setVisible(status.override.has_value());
    m_ui->masterResetButton->setToolTip(status.configuredEnabled
                                            ? tr("The configuration switches the security guards on.")
                                            : tr("The configuration switches the security guards off."));
    QString note;
    if (status.override && *status.override != status.configuredEnabled)
        note = *status.override ? tr("Switched on here; the configuration (security.enabled) says off.")
                                : tr("Switched off here; the configuration (security.enabled) says on.");
    else if (!status.enabled)
        note = tr("Switched off in the configuration (security.enabled: false).");
    m_ui->masterNoteLabel->setText(note);
    m_ui->masterNoteLabel->setVisible(!note.isEmpty());

    const QLocale locale;
    m_ui->summaryLabel->setText(tr("%1 requests scanned, %2 blocked. Scan time per request: median %3, p95 %4, p99 %5.")
                                    .arg(locale.toString(status.scanned), locale.toString(status.blocked),
                                         duration(status.p50), duration(status.p95), duration(status.p99)));
}

void GuardsWindow::showRow(Row &row, const GuardState &guard, bool masterOn)
{
    const QString note = guardNote(guard, masterOn);
    row.note->setText(note);
    row.note->setVisible(!note.isEmpty());

    QString stateTip;
    if (guard.enabled)
        stateTip = tr("Running now.");
    else if (!masterOn)
        stateTip = tr("Not running: the security guards are switched off.");
    else if (!note.isEmpty())
        stateTip = note;
    else
        stateTip = tr("Not running.");
    setBadge(row.state, guard.enabled, stateTip);

    const QLocale locale;
    QStringList counts{
        tr("%1 scanned · %2 blocked").arg(locale.toString(guard.scanned), locale.toString(guard.blocked))};
    if (guard.masked > 0 || guard.flagged > 0)
        counts << tr("%1 masked · %2 flagged").arg(locale.toString(guard.masked), locale.toString(guard.flagged));
    row.counters->setText(counts.join(QLatin1Char('\n')));

    {
        const QSignalBlocker blocker(row.toggle);
        row.toggle->setChecked(!guard.locked && guard.override.value_or(guard.configured));
    }
    row.toggle->setEnabled(!guard.locked);
    row.toggle->setToolTip(guard.locked ? note : tr("Switch %1 on or off now").arg(guard.title));
    row.reset->setEnabled(guard.override.has_value());
    row.reset->setVisible(guard.override.has_value());
    row.reset->setToolTip(guard.configured ? tr("The configuration switches it on.")
                                           : tr("The configuration switches it off."));
}

void GuardsWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_controller->watchSecurity(this, true);
}

void GuardsWindow::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_controller->watchSecurity(this, false);
}

} // namespace llmproxy
