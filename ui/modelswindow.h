// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"

#include <QDialog>
#include <QList>
#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Ui {
class ModelsWindow;
}

namespace llmproxy {

/// The Models window: every model the enabled endpoints serve (with the endpoints serving it, the
/// aliases naming it and its fallback chain), the aliases and fallback chains with Add, Edit and
/// Remove, and the route override of each client API (Claude Code, Codex, other tools). Every
/// change goes to EngineController at once and is kept in the data directory; config.yaml is never
/// rewritten, and "Revert all changes made here" brings its routing back. The tables always show
/// the controller's routing, never what was typed. GUI thread only.
class ModelsWindow : public QWidget
{
    Q_OBJECT
public:
    /// `controller` must outlive the window.
    explicit ModelsWindow(EngineController *controller, QWidget *parent = nullptr);
    ~ModelsWindow() override;

    /// The models the enabled endpoints list, then the exact aliases, sorted and without repeats.
    static QStringList servedModels(const QList<EndpointStatus> &endpoints, const RoutingView &routing);
    /// "endpoint · model → endpoint · model" for a chain's hops.
    static QString hopsText(const QList<FallbackHop> &hops);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct RouteRow
    {
        QString api;
        QComboBox *model = nullptr;
        QComboBox *endpoint = nullptr;
    };
    void showEndpoints(const QList<EndpointStatus> &endpoints);
    void showRouting(const RoutingView &routing);
    void fillModels();
    void fillAliases();
    void fillChains();
    /// The route rows' choices, showing each API's override (`showRouting`) or what the rows show now.
    void fillRoutes(bool showRouting);
    void updateButtons();
    void retranslate();
    QString selectedKey(int tab) const;
    void editAlias(const QString &name);
    void removeAlias();
    void editChain(const QString &model);
    void removeChain();
    void applyRoute(const RouteRow &row);
    void revertAll();
    void saveGeometrySetting() const;
    /// Endpoint ids, then provider names: what a fallback hop may name.
    QStringList hopTargets() const;

    std::unique_ptr<Ui::ModelsWindow> m_ui;
    EngineController *m_controller;
    QList<EndpointStatus> m_endpoints;
    RoutingView m_routing;
    bool m_routingShown = false;
    QList<RouteRow> m_routeRows;
};

/// The dialog that adds or edits an alias: a name or pattern and a target model. OK hands both to
/// `apply`; a non-empty answer is shown in the dialog, which then stays open (nothing changed).
class AliasDialog : public QDialog
{
    Q_OBJECT
public:
    using Apply = std::function<QString(const QString &name, const QString &target)>;
    AliasDialog(const QString &name, const QString &target, const QStringList &models, Apply apply,
                QWidget *parent = nullptr);

    void accept() override;

private:
    Apply m_apply;
    QLineEdit *m_name;
    QComboBox *m_target;
    QLabel *m_error;
};

/// The dialog that adds or edits a fallback chain: the model and its hops, which can be added,
/// removed and reordered. OK hands them to `apply`; a non-empty answer is shown and it stays open.
class FallbackChainDialog : public QDialog
{
    Q_OBJECT
public:
    using Apply = std::function<QString(const QString &model, const QList<FallbackHop> &hops)>;
    FallbackChainDialog(const QString &model, const QList<FallbackHop> &hops, const QStringList &models,
                        const QStringList &targets, Apply apply, QWidget *parent = nullptr);

    void accept() override;
    QList<FallbackHop> hops() const;

private:
    void addHop();
    void removeHop();
    void moveHop(int by);
    void updateButtons();

    Apply m_apply;
    QComboBox *m_model;
    QListWidget *m_hops;
    QComboBox *m_hopEndpoint;
    QComboBox *m_hopModel;
    QPushButton *m_addHop;
    QPushButton *m_removeHop;
    QPushButton *m_upHop;
    QPushButton *m_downHop;
    QLabel *m_error;
};

} // namespace llmproxy
