// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class HistoryWindow;
}

namespace llmproxy {

class HistoryModel;

/// The Request history window: every request the store kept (docs/storage.md), newest first, with
/// the live log's columns and the date, and every recorded field of the selected row in a detail
/// pane; filtered by a search (request ID exact, or part of the model or error code), status (2xx,
/// 4xx, 5xx, blocked), period, client key and model. Rows load a page at
/// a time as the table scrolls (up to HistoryModel::MaxRows); the line under the table counts what
/// matches. When the gateway keeps no history, the line says why. Refresh loads the newest rows
/// again; new requests do not move the rows being read. GUI thread only.
class HistoryWindow : public QWidget
{
    Q_OBJECT
public:
    /// The status filter's choices, in the combo box's order.
    enum StatusChoice { AnyStatus, Successful, ClientErrors, ServerErrors, Blocked };
    /// The period filter's choices, in the combo box's order.
    enum PeriodChoice { LastHour, LastDay, LastWeek, LastMonth, AllTime };

    /// `controller` must outlive the window.
    explicit HistoryWindow(EngineController *controller, QWidget *parent = nullptr);
    ~HistoryWindow() override;

    HistoryModel *model() const { return m_model; }
    /// The filter the controls describe now (the period counted back from now).
    HistoryFilter currentFilter() const;
    /// Runs the query the controls describe, from the newest row.
    void refresh();
    /// Shows the stored request `requestId`: every filter cleared, the ID searched for, and its
    /// row selected (with its detail) once it is loaded.
    void showRequest(const QString &requestId);
    /// Whether new requests are followed (the Follow box): while the window is shown and its table
    /// is scrolled to the top, the newest rows are loaded again every two seconds, keeping the
    /// selected request selected.
    bool isFollowing() const;
    void setFollowing(bool follow);
    /// The detail pane's text for `row`: every field it recorded, as an HTML table.
    static QString detailHtml(const HistoryRow &row);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fillChoices();
    void showState();
    void showDetail();
    int selectedRow() const; ///< -1 when none
    /// Loads the newest rows again when following and the reader is at the top.
    void follow();
    /// Selects the row of m_selectId once the model has it (then forgets it).
    void selectPending();

    std::unique_ptr<Ui::HistoryWindow> m_ui;
    EngineController *m_controller;
    HistoryModel *m_model;
    QTimer m_searchDelay; ///< typing waits for a pause before querying
    QTimer m_followTimer; ///< while following: the next look for new rows
    QString m_selectId;   ///< a request to select once loaded (showRequest(), or kept across a follow)
    bool m_shownOnce = false;
};

} // namespace llmproxy
