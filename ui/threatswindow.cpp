// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/threatswindow.h"

#include "proxycore/engine/enginecontroller.h"
#include "ui/appicon.h"
#include "ui/threatsbackend.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlError>
#include <QQuickItem>
#include <QQuickWidget>
#include <QQuickWindow>
#include <QScreen>
#include <QVBoxLayout>

namespace llmproxy {

namespace {

/// Chooses Qt Quick's software renderer once, before the first Qt Quick window exists.
void chooseRenderer()
{
    static const bool chosen = [] {
        if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND") && qEnvironmentVariableIsEmpty("QSG_RHI_BACKEND"))
            QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        return true;
    }();
    Q_UNUSED(chosen);
}

} // namespace

ThreatsWindow::ThreatsWindow(EngineController *controller, QWidget *parent)
    : QWidget(parent, Qt::Window), m_controller(controller), m_backend(new ThreatsBackend(controller, this))
{
    chooseRenderer();
    setObjectName(QStringLiteral("threatsWindow"));
    setWindowTitle(tr("Threats — LLMProxy"));
    setWindowIcon(applicationIcon());

    m_quick = new QQuickWidget(this);
    m_quick->setObjectName(QStringLiteral("threatsView"));
    m_quick->setResizeMode(QQuickWidget::SizeRootObjectToView);
    m_quick->rootContext()->setContextProperty(QStringLiteral("threats"), m_backend);
    connect(m_quick, &QQuickWidget::statusChanged, this, [this](QQuickWidget::Status status) {
        if (status != QQuickWidget::Error)
            return;
        for (const QQmlError &error : m_quick->errors())
            qWarning("threats view: %s", qUtf8Printable(error.toString()));
    });
    m_quick->setSource(QUrl(QStringLiteral("qrc:/qml/ThreatsView.qml")));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_quick);

    // Room for five cards, the chart and a readable feed, whatever the font.
    const QFontMetrics metrics = fontMetrics();
    setMinimumSize(90 * metrics.averageCharWidth(), 34 * metrics.lineSpacing());
    QSize size(150 * metrics.averageCharWidth(), 50 * metrics.lineSpacing());
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.9);
    resize(size);
}

ThreatsWindow::~ThreatsWindow()
{
    m_controller->watchSecurity(this, false);
    // The view goes first: its bindings must never see the backend gone.
    delete m_quick;
}

bool ThreatsWindow::isViewReady() const
{
    return m_quick->status() == QQuickWidget::Ready && m_quick->rootObject();
}

void ThreatsWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_backend->updateTimeline();
    m_controller->watchSecurity(this, true);
}

void ThreatsWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    setWindowTitle(tr("Threats — LLMProxy"));
    // qsTr() bindings are evaluated again in the new language.
    if (QQmlEngine *engine = m_quick->engine())
        engine->retranslate();
}

void ThreatsWindow::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_controller->watchSecurity(this, false);
}

} // namespace llmproxy
