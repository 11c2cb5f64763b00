// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/historymodel.h"

#include "ui/requestlogmodel.h"

namespace llmproxy {

HistoryModel::HistoryModel(EngineController *controller, QObject *parent)
    : QAbstractTableModel(parent), m_controller(controller)
{
}

void HistoryModel::setFilter(const HistoryFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_filter.cursor.clear();
    m_rows.clear();
    m_nextCursor.clear();
    m_total.reset();
    m_error.clear();
    m_end = false;
    ++m_generation;
    m_loading = false;
    endResetModel();
    request({}, true);
}

void HistoryModel::request(const QString &cursor, bool withTotal)
{
    HistoryFilter f = m_filter;
    f.cursor = cursor;
    f.withTotal = withTotal;
    f.limit = PageSize;
    m_loading = true;
    emit stateChanged();
    const quint64 generation = m_generation;
    m_controller->queryHistory(f, this, [this, generation](const HistoryPage &page, const QString &error) {
        receive(generation, page, error);
    });
}

void HistoryModel::receive(quint64 generation, const HistoryPage &page, const QString &error)
{
    if (generation != m_generation)
        return; // the filter changed meanwhile
    m_loading = false;
    m_error = error;
    if (!error.isEmpty()) {
        m_end = true;
        emit stateChanged();
        return;
    }
    if (page.total)
        m_total = page.total;
    const qsizetype room = MaxRows - m_rows.size();
    const qsizetype count = qMin<qsizetype>(page.rows.size(), room);
    if (count > 0) {
        beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + count) - 1);
        m_rows.append(page.rows.mid(0, count));
        endInsertRows();
    }
    m_nextCursor = page.nextCursor;
    m_end = m_nextCursor.isEmpty();
    emit stateChanged();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : RequestLogModel::ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RequestRecord &r = m_rows.at(index.row()).record;
    // The history spans days: the time column shows the date as well.
    if (role == Qt::DisplayRole && index.column() == RequestLogModel::TimeColumn)
        return r.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return RequestLogModel::cellData(r, index.column(), role);
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QVariant header = orientation == Qt::Horizontal ? RequestLogModel::columnHeader(section, role) : QVariant();
    return header.isValid() ? header : QAbstractTableModel::headerData(section, orientation, role);
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && !m_end && m_rows.size() < MaxRows;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(m_nextCursor, false);
}

} // namespace llmproxy
