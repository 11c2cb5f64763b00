// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"

#include <QAbstractTableModel>
#include <QList>

namespace llmproxy {

/// Table model of the live request log, newest row last. Bounded: once `maxRows` is reached the
/// oldest rows are dropped, so memory and view cost stay flat however long the window is open.
/// GUI thread only; fed with the coalesced batches of EngineController::requestsFinished.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        RouteColumn,
        ModelColumn,    ///< the served model; "alias → served" when the client asked for another name
        EndpointColumn, ///< the endpoint that answered (its provider type is in the tooltip)
        StatusColumn,
        ErrorColumn,    ///< the error code sent to the client or met in the stream
        AttemptsColumn, ///< upstream attempts; empty when none was made
        LatencyColumn,
        TokensInColumn,
        TokensOutColumn,
        ColumnCount
    };

    explicit RequestLogModel(int maxRows = 2000, QObject *parent = nullptr);

    /// Adds `records`, keeping the rows in arrival order (RequestRecord::time): records usually
    /// finish in that order and are appended, one that took longer goes above the newer rows. Returns
    /// how many old rows were dropped to stay within maxRows().
    int appendRecords(const QList<RequestRecord> &records);
    void clear();
    const RequestRecord &record(int row) const;
    int maxRows() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// What a cell of `column` shows of `record` for `role` (display, tooltip, alignment, colour);
    /// shared with the request history's model, which has the same columns.
    static QVariant cellData(const RequestRecord &record, int column, int role);
    /// The horizontal header of `section` for `role` (display, tooltip); invalid for other roles.
    static QVariant columnHeader(int section, int role);

private:
    static QVariant displayData(const RequestRecord &record, int column);
    static QString toolTip(const RequestRecord &record);

    QList<RequestRecord> m_records;
    int m_maxRows;
};

} // namespace llmproxy
