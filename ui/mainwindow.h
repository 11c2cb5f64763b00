// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"
#include "ui/shellactions.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QMenu;
class QToolBar;

namespace Ui {
class MainWindow;
}

namespace llmproxy {

class EndpointModel;
class EngineController;
class RequestLogModel;
class RouteMenu;

/// The main window: listen URL with copyable client examples, proxy state (with setup help in
/// onboarding mode and a banner while the kill switch is on), endpoint list with live breaker,
/// health and latency and a check box per endpoint, and the live request log. Reads everything
/// from EngineController and never calls into the engine directly; the endpoint state is
/// refreshed every second only while the window is shown. GUI thread only. Geometry and splitter
/// position persist in QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `controller` must outlive the window; `actions` are owned by the caller.
    MainWindow(EngineController *controller, const ShellActions &actions, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// With a tray icon, closing the window only hides it; without one, closing quits.
    void setHideOnClose(bool hide);
    bool hideOnClose() const;

    RequestLogModel *requestLogModel() const;
    EndpointModel *endpointModel() const;

    /// The client example shown under the URL, for a given listen URL and model name; with
    /// `withKey` it sends the proxy key from OPENAI_API_KEY, which the user sets to theirs.
    static QString exampleText(const QString &listenUrl, const QString &model, bool withKey = false);

signals:
    /// Emitted when a close request hid the window instead of quitting.
    void hiddenToTray();
    /// Emitted when a request of the live log was double-clicked: show it in the request history.
    void historyRequested(const QString &requestId);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setUpMenus();
    /// Every text not in the form, in the current language (at start and on a language change).
    void retranslate();
    void setUpViews();
    void updateListenUrl();
    void updateState();
    void updateExample();
    void updateOnboardingHint();
    void showEndpoints(const QList<EndpointStatus> &endpoints);
    void updateEndpointActions();
    void setSelectedEndpointEnabled(bool enabled);
    void showEndpointMenu(const QPoint &pos);
    /// Live endpoint state while the window can be seen, none while it is hidden or minimised.
    void updateEndpointRefresh();
    void appendRequests(const QList<RequestRecord> &records);
    void showDroppedRecords(quint64 count);
    void showReloadResult(bool ok, const QString &message);
    void copyExample();
    void saveSettings() const;
    void restoreSettings();

    std::unique_ptr<Ui::MainWindow> m_ui;
    EngineController *m_controller;
    std::unique_ptr<RouteMenu> m_routeMenu; ///< Tools → Route coding tools
    ShellActions m_actions;
    RequestLogModel *m_requestLog;
    EndpointModel *m_endpoints;
    QAction *m_endpointEnabledAction;
    QLabel *m_droppedLabel;
    QMenu *m_proxyMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QMenu *m_endpointMenu = nullptr;
    QMenu *m_securityMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    bool m_hideOnClose = false;
};

} // namespace llmproxy
