// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"

#include <QDialog>
#include <QList>
#include <QTimer>
#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStandardItemModel;

namespace Ui {
class EndpointsWindow;
}

namespace llmproxy {

/// Edits one endpoint: every setting of one added at run time; only the priority and weight of one
/// from config.yaml, the environment or discovery (the other fields are shown read-only, with the
/// reason). OK sends the changed fields to EngineController::updateEndpoint(); the dialog stays
/// open with the engine's message when the change is refused, and closes once it is applied.
/// Opened with open() (window-modal, never a nested event loop). GUI thread only.
class EndpointEditDialog : public QDialog
{
    Q_OBJECT
public:
    /// `endpoint` as shown when the dialog opens; `controller` must outlive the dialog.
    EndpointEditDialog(EngineController *controller, const EndpointStatus &endpoint, QWidget *parent = nullptr);

    /// Whether every field can be changed (the endpoint was added at run time).
    bool isFullyEditable() const { return m_full; }
    /// What OK would send: the fields that differ from the endpoint as shown.
    EndpointEdit edit() const;

    void accept() override;

private:
    EngineController *m_controller;
    EndpointStatus m_endpoint;
    bool m_full = false;
    bool m_pending = false;
    QLineEdit *m_provider = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_models = nullptr;
    QSpinBox *m_priority = nullptr;
    QSpinBox *m_weight = nullptr;
    QComboBox *m_keySource = nullptr;
    QLineEdit *m_keyName = nullptr;
    QLineEdit *m_apiVersion = nullptr;
    QDoubleSpinBox *m_cost = nullptr;
    QCheckBox *m_probe = nullptr;
    QLabel *m_error = nullptr;
};

/// The Endpoints window: every endpoint (configured, added at run time, discovered; disabled ones
/// included) in routing order — priority first — with its settings, breaker, health, counters,
/// latency percentiles and last error, refreshed live while the window is shown. Actions on the
/// selected endpoint: edit (Enter), delete (Delete; endpoints added at run time only), enable or
/// disable, move up or down (changes priorities), test now (a health check) and reset the circuit
/// breaker; Add asks for the endpoint wizard through addRequested(). The same actions are in the
/// table's context menu. A detail pane shows the selected endpoint's statistics. Changes go to
/// EngineController and apply at once; the table always shows the engine's state, and a refused
/// change shows the engine's reason in the window. Geometry is remembered. GUI thread only.
class EndpointsWindow : public QWidget
{
    Q_OBJECT
public:
    /// The table's columns.
    enum Column {
        IdColumn,
        ProviderColumn,
        BaseUrlColumn,
        ModelsColumn,
        PriorityColumn,
        WeightColumn,
        EnabledColumn,
        BreakerColumn,
        HealthColumn,
        RequestsColumn,
        ErrorsColumn,
        P50Column,
        P95Column,
        LastErrorColumn,
        ColumnCount
    };

    /// `controller` must outlive the window.
    explicit EndpointsWindow(EngineController *controller, QWidget *parent = nullptr);
    ~EndpointsWindow() override;

    /// The endpoints shown, in table order.
    const QList<EndpointStatus> &shownEndpoints() const { return m_endpoints; }
    /// The selected endpoint's id; empty when none.
    QString selectedId() const;
    /// Selects the row of `id`; false when it is not shown.
    bool selectEndpoint(const QString &id);
    /// The message line: the last action's outcome or why it was refused.
    QString message() const;

    /// How often the table is refreshed while shown, in milliseconds.
    static constexpr int kRefreshMs = 1000;

signals:
    /// Add… was chosen: the application opens the wizard that adds an endpoint.
    void addRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void retranslate();
    void showEndpoints(const QList<EndpointStatus> &endpoints);
    void updateActions();
    void updateDetail();
    const EndpointStatus *selected() const;
    void editSelected();
    void deleteSelected();
    void toggleSelected();
    void moveSelected(int direction);
    void probeSelected();
    void resetSelected();
    void showMessage(const QString &text, bool error);
    /// An EndpointDone that shows `success` or the error in the message line.
    EngineController::EndpointDone reporter(const QString &success);
    void saveSettings() const;
    void restoreSettings();

    std::unique_ptr<Ui::EndpointsWindow> m_ui;
    EngineController *m_controller;
    QStandardItemModel *m_model = nullptr;
    QList<EndpointStatus> m_endpoints;
    QTimer m_watchdog; ///< re-reads the state while shown if nobody else keeps the refresh going
    bool m_startedRefresh = false;
    QAction *m_addAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_toggleAction = nullptr;
    QAction *m_upAction = nullptr;
    QAction *m_downAction = nullptr;
    QAction *m_probeAction = nullptr;
    QAction *m_resetAction = nullptr;
};

} // namespace llmproxy
