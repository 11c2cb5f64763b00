// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/commandpalette.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace llmproxy {

namespace {

enum Column { NameColumn, MenuColumn, ShortcutColumn };
constexpr int kCommandRole = Qt::UserRole + 1;
constexpr int kVisibleRows = 12;

} // namespace

CommandPalette::CommandPalette(QWidget *parent)
    : QFrame(parent, Qt::Popup), m_filter(new QLineEdit(this)), m_list(new QTreeWidget(this)),
      m_emptyLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Raised);

    m_filter->setObjectName(QStringLiteral("commandFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);

    m_list->setObjectName(QStringLiteral("commandList"));
    m_list->setColumnCount(3);
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The typing stays in the filter; the list follows the arrow keys sent from there.
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(MenuColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ShortcutColumn, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        m_list->setCurrentItem(item);
        runCurrent();
    });

    m_emptyLabel->setObjectName(QStringLiteral("commandEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    layout->addWidget(m_emptyLabel);

    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::applyFilter);
    retranslate();
}

void CommandPalette::retranslate()
{
    setAccessibleName(tr("Command palette"));
    m_filter->setPlaceholderText(tr("Type a command…"));
    m_filter->setAccessibleName(tr("Filter commands"));
    m_filter->setAccessibleDescription(
        tr("Type part of a command's name; Up and Down choose, Enter runs it, Escape closes."));
    m_list->setAccessibleName(tr("Commands"));
    m_emptyLabel->setText(tr("No command matches."));
}

void CommandPalette::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

CommandPalette::~CommandPalette() = default;

void CommandPalette::open(const QList<Command> &commands, QWidget *anchor)
{
    m_commands = commands;
    {
        const QSignalBlocker blocker(m_filter);
        m_filter->clear();
    }
    applyFilter();

    const QFontMetrics metrics = fontMetrics();
    QWidget *window = anchor ? anchor->window() : nullptr;
    const QRect area = window ? QRect(window->mapToGlobal(QPoint(0, 0)), window->size())
                              : (screen() ? screen()->availableGeometry() : QRect(0, 0, 1024, 768));
    QRect available = area;
    if (const QScreen *screen = window ? window->screen() : this->screen())
        available = screen->availableGeometry();
    const int width = qMin(qMax(70 * metrics.averageCharWidth(), area.width() * 3 / 5), available.width() * 9 / 10);
    const int height = qMin(sizeHint().height(), available.height() * 9 / 10);
    QRect geometry(area.center().x() - width / 2, area.top() + qMin(area.height() / 8, 6 * metrics.lineSpacing()),
                   width, height);
    geometry.moveLeft(qBound(available.left(), geometry.left(), qMax(available.left(), available.right() - width)));
    geometry.moveTop(qBound(available.top(), geometry.top(), qMax(available.top(), available.bottom() - height)));
    setGeometry(geometry);
    show();
    raise();
    activateWindow();
    m_filter->setFocus(Qt::PopupFocusReason);
}

QList<QAction *> CommandPalette::shownActions() const
{
    QList<QAction *> actions;
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        const int index = m_list->topLevelItem(row)->data(NameColumn, kCommandRole).toInt();
        if (QAction *action = m_commands.value(index).action)
            actions << action;
    }
    return actions;
}

QAction *CommandPalette::currentAction() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? m_commands.value(item->data(NameColumn, kCommandRole).toInt()).action.data() : nullptr;
}

int CommandPalette::matchScore(const QString &text, const QString &query)
{
    int total = 0;
    for (const QString &word : query.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype at = text.indexOf(word, 0, Qt::CaseInsensitive);
        if (at == 0) {
            total += 300;
        } else if (at > 0 && !text.at(at - 1).isLetterOrNumber()) {
            total += 250; // the start of a word
        } else if (at > 0) {
            total += 200 - int(qMin<qsizetype>(at, 50));
        } else {
            // The letters in order, each gap between them costing a little.
            qsizetype from = 0;
            qsizetype last = -1;
            int gaps = 0;
            for (const QChar c : word) {
                const qsizetype found = text.indexOf(c, from, Qt::CaseInsensitive);
                if (found < 0)
                    return -1;
                if (last >= 0 && found != last + 1)
                    ++gaps;
                last = found;
                from = found + 1;
            }
            total += 100 - qMin(gaps * 10, 90);
        }
    }
    return total;
}

QString CommandPalette::plainText(const QAction *action)
{
    const QString text = action->text();
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&'))
                plain += QLatin1Char('&');
            else
                continue;
            ++i;
            continue;
        }
        plain += text.at(i);
    }
    return plain;
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            QCoreApplication::sendEvent(m_list, event);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            runCurrent();
            return true;
        case Qt::Key_Escape:
            close();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void CommandPalette::applyFilter()
{
    const QString query = m_filter->text().trimmed();
    struct Match
    {
        int index;
        int score;
    };
    QList<Match> matches;
    for (int i = 0; i < m_commands.size(); ++i) {
        const QAction *action = m_commands.at(i).action;
        if (!action || !action->isVisible() || !action->isEnabled())
            continue;
        const QString text = plainText(action);
        int score = matchScore(text, query);
        if (score < 0) {
            // The menu's name counts too, below a match in the command's own name.
            score = matchScore(m_commands.at(i).menu + QLatin1Char(' ') + text, query);
            if (score >= 0)
                score -= 50;
        }
        if (score >= 0)
            matches.append({i, score});
    }
    std::stable_sort(matches.begin(), matches.end(), [](const Match &a, const Match &b) { return a.score > b.score; });

    m_list->clear();
    for (const Match &match : std::as_const(matches)) {
        const Command &command = m_commands.at(match.index);
        QString name = plainText(command.action);
        if (command.action->isCheckable())
            name = command.action->isChecked() ? tr("%1 (on)").arg(name) : tr("%1 (off)").arg(name);
        const QString shortcut = command.action->shortcut().toString(QKeySequence::NativeText);
        auto *item = new QTreeWidgetItem(m_list, {name, command.menu, shortcut});
        item->setIcon(NameColumn, command.action->icon());
        item->setData(NameColumn, kCommandRole, match.index);
        item->setToolTip(NameColumn, command.action->toolTip());
        QStringList spoken{name};
        if (!command.menu.isEmpty())
            spoken << tr("in %1").arg(command.menu);
        if (!shortcut.isEmpty())
            spoken << shortcut;
        item->setData(NameColumn, Qt::AccessibleTextRole, spoken.join(QStringLiteral(", ")));
        item->setForeground(MenuColumn, palette().brush(QPalette::PlaceholderText));
        item->setForeground(ShortcutColumn, palette().brush(QPalette::PlaceholderText));
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_list->setVisible(!matches.isEmpty());
    m_emptyLabel->setVisible(matches.isEmpty());
    // As tall as the matches (up to a dozen rows), so a narrowed list does not leave a blank box.
    const int rows = qBound(1, int(matches.size()), kVisibleRows);
    const int rowHeight = m_list->topLevelItemCount() > 0 ? m_list->sizeHintForRow(0) : fontMetrics().height();
    m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth());
    if (isVisible()) {
        layout()->activate();
        resize(width(), sizeHint().height());
    }
}

void CommandPalette::runCurrent()
{
    const QPointer<QAction> action = currentAction();
    if (!action)
        return;
    // Closed first, so that a window the command opens gets the focus.
    close();
    if (action && action->isEnabled()) {
        action->trigger();
        emit commandRun(action);
    }
}

} // namespace llmproxy
