// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/endpointmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace llmproxy {

EndpointModel::EndpointModel(QObject *parent) : QAbstractTableModel(parent) {}

void EndpointModel::setEndpoints(const QList<EndpointStatus> &endpoints)
{
    beginResetModel();
    m_endpoints = endpoints;
    endResetModel();
}

const QList<EndpointStatus> &EndpointModel::endpoints() const
{
    return m_endpoints;
}

int EndpointModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_endpoints.size());
}

int EndpointModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EndpointModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EndpointStatus &e = m_endpoints.at(index.row());

    switch (role) {
    case Qt::DisplayRole:
        return displayText(e, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ModelsColumn && !e.models.isEmpty())
            return e.models.join(QLatin1Char('\n'));
        if (index.column() == BaseUrlColumn)
            return e.baseUrl;
        return {};
    case Qt::FontRole:
        if (!e.enabled) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        // Health is spelled out in the cell; colour only repeats it.
        if (index.column() == HealthColumn && e.enabled) {
            if (e.health == QLatin1String("up"))
                return QBrush(QColor(0x2e, 0x7d, 0x32));
            if (e.health == QLatin1String("down"))
                return QBrush(QColor(0xc6, 0x28, 0x28));
        }
        return {};
    default:
        return {};
    }
}

QString EndpointModel::displayText(const EndpointStatus &e, int column) const
{
    switch (column) {
    case IdColumn:
        return e.id;
    case ProviderColumn:
        return e.provider;
    case BaseUrlColumn:
        return e.baseUrl;
    case ModelsColumn:
        return e.models.isEmpty() ? tr("any model") : e.models.join(QStringLiteral(", "));
    case SourceColumn:
        if (e.source == QLatin1String("file"))
            return tr("Config file");
        if (e.source == QLatin1String("env"))
            return tr("Environment");
        if (e.source == QLatin1String("discovery"))
            return tr("Auto-detected");
        return e.source;
    case KeyColumn:
        return e.hasKey ? tr("Yes") : tr("No");
    case HealthColumn:
        if (!e.enabled)
            return tr("Disabled");
        if (e.health == QLatin1String("up"))
            return tr("Up");
        if (e.health == QLatin1String("down"))
            return tr("Down");
        return tr("Unknown");
    default:
        return {};
    }
}

QVariant EndpointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Endpoint");
    case ProviderColumn:
        return tr("Provider");
    case BaseUrlColumn:
        return tr("Base URL");
    case ModelsColumn:
        return tr("Models");
    case SourceColumn:
        return tr("Source");
    case KeyColumn:
        return tr("API key");
    case HealthColumn:
        return tr("Health");
    default:
        return {};
    }
}

} // namespace llmproxy
