// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"

#include <QList>
#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QPushButton;

namespace Ui {
class GuardsWindow;
}

namespace llmproxy {

/// The Guards window: the master switch of the security pipeline and one row per guard with its
/// description, state, counters, a switch and "Back to configuration", which removes the run-time
/// switch. A guard that no switch can turn on (the firewall switched off by the environment,
/// signing without a key) has its switch disabled with the reason beside it. Changes go to
/// EngineController; the rows always show the controller's status, never what was clicked. It
/// watches the security state only while shown. GUI thread only.
class GuardsWindow : public QWidget
{
    Q_OBJECT
public:
    /// `controller` must outlive the window.
    explicit GuardsWindow(EngineController *controller, QWidget *parent = nullptr);
    ~GuardsWindow() override;

    /// The status the window shows now.
    const SecurityStatus &shownStatus() const { return m_status; }

    /// What a guard's note says: why it is off, or how its switch differs from the configuration.
    /// Empty when there is nothing to say.
    static QString guardNote(const GuardState &guard, bool masterOn);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Row
    {
        QString id;
        QLabel *title = nullptr;
        QLabel *description = nullptr;
        QLabel *note = nullptr;
        QLabel *state = nullptr;
        QLabel *counters = nullptr;
        QCheckBox *toggle = nullptr;
        QPushButton *reset = nullptr;
    };
    void buildRows(const SecurityStatus &status);
    /// The rows' fixed texts in the current language.
    void retranslateRow(Row &row, const GuardState &guard);
    void showStatus(const SecurityStatus &status);
    void showMaster(const SecurityStatus &status);
    void showRow(Row &row, const GuardState &guard, bool masterOn);

    std::unique_ptr<Ui::GuardsWindow> m_ui;
    EngineController *m_controller;
    SecurityStatus m_status;
    QList<Row> m_rows;
};

} // namespace llmproxy
