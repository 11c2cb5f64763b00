// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace llmproxy {

/// Table model of the stored request history (docs/storage.md), newest row first, loaded a page at
/// a time as the view scrolls down (canFetchMore/fetchMore). The columns are the live log's
/// (RequestLogModel::Column), with the date in the time column. At most MaxRows rows are loaded; the
/// total the filters match is counted with the first page. Queries run on the store's reader thread
/// through EngineController::queryHistory; an answer to an earlier filter is ignored. GUI thread only.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int PageSize = 500;
    static constexpr int MaxRows = 100'000;

    /// `controller` must outlive the model.
    explicit HistoryModel(EngineController *controller, QObject *parent = nullptr);

    /// Drops the rows and loads the first page matching `filter` (its limit and cursor are the
    /// model's own).
    void setFilter(const HistoryFilter &filter);
    /// The same filter again, from the newest row.
    void reload() { setFilter(m_filter); }
    const HistoryFilter &filter() const { return m_filter; }

    const HistoryRow &historyRow(int row) const { return m_rows.at(row); }
    bool isLoading() const { return m_loading; }
    /// Rows matching the filter, counted with the first page; nullopt before it arrived.
    std::optional<qint64> total() const { return m_total; }
    /// Why the last query failed; empty when it did not.
    QString error() const { return m_error; }
    /// Every matching row is loaded.
    bool atEnd() const { return m_end; }
    /// MaxRows are loaded and more match: the filters should be narrowed.
    bool atCap() const { return !m_end && m_rows.size() >= MaxRows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    /// A query started or its answer arrived (rows, a total or an error).
    void stateChanged();

private:
    void request(const QString &cursor, bool withTotal);
    void receive(quint64 generation, const HistoryPage &page, const QString &error);

    EngineController *m_controller;
    HistoryFilter m_filter;
    QList<HistoryRow> m_rows;
    QString m_nextCursor;
    std::optional<qint64> m_total;
    QString m_error;
    bool m_loading = false;
    bool m_end = true;
    quint64 m_generation = 0; ///< of the current filter; answers of older ones are ignored
};

} // namespace llmproxy
