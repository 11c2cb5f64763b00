// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/requestlogmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>

namespace llmproxy {

RequestLogModel::RequestLogModel(int maxRows, QObject *parent)
    : QAbstractTableModel(parent), m_maxRows(qMax(1, maxRows))
{
}

int RequestLogModel::appendRecords(const QList<RequestRecord> &records)
{
    if (records.isEmpty())
        return 0;

    QList<RequestRecord> sorted = records;
    const auto byArrival = [](const RequestRecord &a, const RequestRecord &b) { return a.time < b.time; };
    std::stable_sort(sorted.begin(), sorted.end(), byArrival);
    // A batch larger than the whole log only contributes its newest rows.
    const qsizetype skip = qMax<qsizetype>(0, sorted.size() - m_maxRows);
    const qsizetype incoming = sorted.size() - skip;
    const qsizetype overflow = qMax<qsizetype>(0, m_records.size() + incoming - m_maxRows);

    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), 0, int(overflow) - 1);
        m_records.remove(0, overflow);
        endRemoveRows();
    }

    // The rows that arrived after the newest row shown go to the end in one insertion; the
    // others (requests that took longer than later ones) each go to their place.
    qsizetype tail = skip;
    if (!m_records.isEmpty()) {
        while (tail < sorted.size() && sorted.at(tail).time < m_records.constLast().time)
            ++tail;
    }
    for (qsizetype i = skip; i < tail; ++i) {
        const auto at = std::upper_bound(m_records.cbegin(), m_records.cend(), sorted.at(i), byArrival);
        const int row = int(at - m_records.cbegin());
        beginInsertRows(QModelIndex(), row, row);
        m_records.insert(row, sorted.at(i));
        endInsertRows();
    }
    if (tail < sorted.size()) {
        const int first = int(m_records.size());
        beginInsertRows(QModelIndex(), first, first + int(sorted.size() - tail) - 1);
        m_records.append(sorted.mid(tail));
        endInsertRows();
    }
    return int(overflow);
}

void RequestLogModel::clear()
{
    beginResetModel();
    m_records.clear();
    endResetModel();
}

const RequestRecord &RequestLogModel::record(int row) const
{
    return m_records.at(row);
}

int RequestLogModel::maxRows() const
{
    return m_maxRows;
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cellData(m_records.at(index.row()), index.column(), role);
}

QVariant RequestLogModel::cellData(const RequestRecord &r, int column, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return displayData(r, column);
    case Qt::ToolTipRole:
        return toolTip(r);
    case Qt::TextAlignmentRole:
        switch (column) {
        case StatusColumn:
        case AttemptsColumn:
        case LatencyColumn:
        case TokensInColumn:
        case TokensOutColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::ForegroundRole:
        // The status code itself stays visible, so colour is only a second cue.
        if (column == StatusColumn && r.status >= 400)
            return QBrush(r.status >= 500 ? QColor(0xc6, 0x28, 0x28) : QColor(0xb2, 0x6a, 0x00));
        return {};
    default:
        return {};
    }
}

QVariant RequestLogModel::displayData(const RequestRecord &r, int column)
{
    const QLocale locale;
    const auto tokens = [&locale](int count) -> QVariant {
        return count < 0 ? QVariant(QStringLiteral("–")) : QVariant(locale.toString(count));
    };

    switch (column) {
    case TimeColumn:
        return r.time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    case RouteColumn:
        return r.stream ? tr("%1 (stream)").arg(r.route) : r.route;
    case ModelColumn:
        // What answered, and under which name it was asked for when that differs (an alias).
        if (r.servedModel.isEmpty() || r.servedModel == r.model)
            return r.model;
        return r.model.isEmpty() ? r.servedModel : QStringLiteral("%1 → %2").arg(r.model, r.servedModel);
    case EndpointColumn:
        return r.endpoint;
    case StatusColumn:
        return r.status;
    case AttemptsColumn:
        // Empty only when nothing was sent upstream (refused by the gateway itself).
        return r.attempts > 0 ? QVariant(r.attempts) : QVariant();
    case ErrorColumn:
        return r.error;
    case LatencyColumn:
        return locale.toString(r.latencyMs, 'f', r.latencyMs < 1 ? 2 : r.latencyMs < 10 ? 1 : 0);
    case TokensInColumn:
        return tokens(r.promptTokens);
    case TokensOutColumn:
        return tokens(r.completionTokens);
    default:
        return {};
    }
}

QString RequestLogModel::toolTip(const RequestRecord &r)
{
    QStringList lines;
    lines << tr("Request %1").arg(r.requestId);
    lines << QStringLiteral("%1 %2").arg(r.method, r.route);
    lines << r.time.toLocalTime().toString(Qt::ISODateWithMs);
    if (!r.endpoint.isEmpty())
        lines << tr("Endpoint: %1").arg(r.endpoint);
    if (!r.provider.isEmpty())
        lines << tr("Provider: %1").arg(r.provider);
    if (!r.servedModel.isEmpty() && r.servedModel != r.model)
        lines << tr("Requested model %1, served by %2").arg(r.model, r.servedModel);
    if (!r.keyName.isEmpty())
        lines << tr("Client key: %1").arg(r.keyName);
    if (r.attempts > 1)
        lines << tr("%1 attempts: retried or fell back to another endpoint").arg(r.attempts);
    lines << tr("Gateway overhead: %1 ms").arg(QLocale().toString(r.overheadMs, 'f', 2));
    if (!r.error.isEmpty())
        lines << tr("Error: %1").arg(r.error);
    return lines.join(QLatin1Char('\n'));
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QVariant header = orientation == Qt::Horizontal ? columnHeader(section, role) : QVariant();
    return header.isValid() ? header : QAbstractTableModel::headerData(section, orientation, role);
}

QVariant RequestLogModel::columnHeader(int section, int role)
{
    if (role == Qt::ToolTipRole && section == AttemptsColumn)
        return tr("How often the request was sent upstream, when it was retried or fell back to another endpoint");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case RouteColumn:
        return tr("Route");
    case ModelColumn:
        return tr("Model");
    case EndpointColumn:
        return tr("Endpoint");
    case StatusColumn:
        return tr("Status");
    case AttemptsColumn:
        return tr("Attempts");
    case LatencyColumn:
        return tr("Latency (ms)");
    case TokensInColumn:
        return tr("Tokens in");
    case TokensOutColumn:
        return tr("Tokens out");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

} // namespace llmproxy
