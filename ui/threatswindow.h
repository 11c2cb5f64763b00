// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QWidget>

class QQuickWidget;

namespace llmproxy {

class EngineController;
class ThreatsBackend;

/// The Threats window: KPI cards, blocks over the last hour, scan time and the live feed of
/// security decisions with the reason of the selected one. The view is QML (ui/qml/ThreatsView.qml)
/// in a QQuickWidget, fed by a ThreatsBackend exposed to it as `threats`. It watches the
/// controller's security state only while shown. GUI thread only.
///
/// Qt Quick renders with its software backend unless QT_QUICK_BACKEND or QSG_RHI_BACKEND says
/// otherwise: the view is light, and this way it draws the same on any machine, with or without
/// a working OpenGL driver (remote desktops, virtual machines, Xvfb).
class ThreatsWindow : public QWidget
{
    Q_OBJECT
public:
    /// `controller` must outlive the window.
    explicit ThreatsWindow(EngineController *controller, QWidget *parent = nullptr);
    ~ThreatsWindow() override;

    ThreatsBackend *backend() const { return m_backend; }
    QQuickWidget *quickWidget() const { return m_quick; }
    /// The QML loaded without errors.
    bool isViewReady() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    EngineController *m_controller;
    ThreatsBackend *m_backend;
    QQuickWidget *m_quick = nullptr;
};

} // namespace llmproxy
