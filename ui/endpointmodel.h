// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/observability/requestrecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace llmproxy {

/// Table model of the configured and discovered endpoints, replaced as a whole whenever
/// EngineController::endpointsChanged arrives (the list is short). GUI thread only.
class EndpointModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        ProviderColumn,
        BaseUrlColumn,
        ModelsColumn,
        SourceColumn,
        KeyColumn,
        HealthColumn,
        ColumnCount
    };

    explicit EndpointModel(QObject *parent = nullptr);

    void setEndpoints(const QList<EndpointStatus> &endpoints);
    const QList<EndpointStatus> &endpoints() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayText(const EndpointStatus &endpoint, int column) const;

    QList<EndpointStatus> m_endpoints;
};

} // namespace llmproxy
