// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QFrame>
#include <QList>
#include <QPointer>
#include <QString>

class QAction;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace llmproxy {

/// A popup listing commands (QActions), filtered as one types: every word typed must match the
/// command's name or menu, as a substring or as letters in order ("rlcf" finds "Reload
/// configuration"); the best matches come first. Up/Down/Page keys move, Enter runs the chosen
/// command (after the popup closed), Esc or a click elsewhere closes it. Only actions that are
/// visible and enabled when it opens are listed; an action deleted meanwhile is skipped. GUI thread.
class CommandPalette : public QFrame
{
    Q_OBJECT
public:
    struct Command
    {
        QPointer<QAction> action;
        QString menu; ///< where it lives ("Proxy"), shown beside it and matched too; may be empty
    };

    explicit CommandPalette(QWidget *parent = nullptr);
    ~CommandPalette() override;

    /// Shows `commands` over the top of `anchor`'s window, with an empty filter.
    void open(const QList<Command> &commands, QWidget *anchor);
    /// The commands shown now, in order (for tests and accessibility checks).
    QList<QAction *> shownActions() const;
    QAction *currentAction() const;

    /// How well `query` matches `text`: -1 when some word of the query matches nothing; higher is
    /// better (a word at the start of the text, then a substring, then letters in order).
    static int matchScore(const QString &text, const QString &query);
    /// An action's text as a menu shows it, without the & of its mnemonic.
    static QString plainText(const QAction *action);

signals:
    /// A command was chosen and run.
    void commandRun(QAction *action);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    /// On a language change: the palette's own texts (the commands are read from their actions at open()).
    void changeEvent(QEvent *event) override;

private:
    /// Sets the palette's own texts in the current language.
    void retranslate();
    void applyFilter();
    void runCurrent();

    QLineEdit *m_filter;
    QTreeWidget *m_list;
    QLabel *m_emptyLabel;
    QList<Command> m_commands;
};

} // namespace llmproxy
