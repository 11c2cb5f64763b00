// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"

#include <QAbstractTableModel>
#include <QList>

namespace llmproxy {

/// Table model of the configured and discovered endpoints with their live routing state: enabled
/// or not, circuit breaker, health probe, latency, success rate and request count. GUI thread only.
///
/// Updates keep rows in place: an endpoint keeps its row for as long as it exists, so the view
/// keeps its selection and scroll position while the state refreshes every second. Every state is
/// spelled out in words; colours only repeat it.
class EndpointModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn, ///< also the enabled check box
        ProviderColumn,
        ModelsColumn,
        StateColumn,
        HealthColumn,
        LatencyColumn,
        SuccessColumn,
        RequestsColumn,
        ColumnCount
    };

    explicit EndpointModel(QObject *parent = nullptr);

    /// Shows `endpoints`: rows of endpoints still there are updated in place (dataChanged only
    /// where something changed), rows of endpoints gone are removed, new endpoints are appended.
    void setEndpoints(const QList<EndpointStatus> &endpoints);
    /// In row order, which is not necessarily the order setEndpoints() was given.
    const QList<EndpointStatus> &endpoints() const;
    /// The row of endpoint `id`, or -1.
    int rowOf(const QString &id) const;

    /// The text of the State column, e.g. "Open — retrying in 42 s".
    static QString stateText(const EndpointStatus &endpoint);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Ticking or unticking the check box of the Endpoint column emits enabledChangeRequested();
    /// the row itself changes only when the engine's new state comes back through setEndpoints().
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    /// The user asked to switch endpoint `id` on or off.
    void enabledChangeRequested(const QString &id, bool enabled);

private:
    QString displayText(const EndpointStatus &endpoint, int column) const;
    QString toolTip(const EndpointStatus &endpoint, int column) const;

    QList<EndpointStatus> m_endpoints;
};

} // namespace llmproxy
