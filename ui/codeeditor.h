// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QPlainTextEdit>

namespace llmproxy {

/// A plain-text editor for configuration files: monospace, no wrapping, line numbers in a margin,
/// and lines with a problem marked. Tab moves the focus on (keyboard navigation); spaces indent.
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(QWidget *parent = nullptr);

    /// Puts the cursor on `line` (1-based) at `column` (1-based; 0 = start) and shows it.
    void goTo(int line, int column);
    /// Marks these lines (1-based) as having a problem; empty clears the marks.
    void markLines(const QList<int> &lines);

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateMargin();
    void updateLineNumberArea(const QRect &rect, int dy);

    QWidget *m_lineNumbers;
    QList<int> m_marked;
};

} // namespace llmproxy
