// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/observability/requestrecord.h"
#include "proxycore/store/storewriter.h"

#include <QDateTime>

#include <memory>
#include <optional>
#include <utility>

namespace llmproxy {

/// What GET /api/v1/requests asks of the history. Every filter is optional; the answer is newest
/// first.
struct HistoryFilter
{
    static constexpr int MaxLimit = 1000;

    QDateTime from;           ///< inclusive; null = no lower bound
    QDateTime to;             ///< exclusive; null = no upper bound
    QString key;              ///< client key name, exact
    QString model;            ///< the model asked for or served, exact
    QString provider;         ///< exact
    int statusClass = 0;      ///< 2 = 2xx, 4 = 4xx, 5 = 5xx, ...; 0 = any
    int status = 0;           ///< an exact status; 0 = any
    bool blockedOnly = false; ///< only requests a pipeline stage refused
    QString text;             ///< request id (exact), or a part of the model or error code (case-insensitive)
    int limit = 100;          ///< rows per page, 1..MaxLimit
    QString cursor;           ///< HistoryPage::nextCursor of the page before; empty = the newest page
    bool withTotal = false;   ///< also count every row the filters match (a second query)
};

/// One stored request.
struct HistoryRow
{
    qint64 id = 0;
    QString team;
    RequestRecord record;
};

/// One page of the history.
struct HistoryPage
{
    QList<HistoryRow> rows;
    QString nextCursor;          ///< give it back for the next (older) page; empty on the last page
    std::optional<qint64> total; ///< when asked for (HistoryFilter::withTotal)
};

/// The request history (table request_history, docs/storage.md): the write of a finished
/// request's record, and the queries of the admin API. Queries use a connection of their own,
/// opened on the thread that first queries and used on that thread only (the store's reader
/// thread): they never wait for the writer (SQLite WAL, PostgreSQL MVCC) and never run on a
/// proxy worker. Paging is by keyset (time, id), so a page costs the same wherever it is.
class RequestHistory
{
public:
    explicit RequestHistory(DatabaseSettings settings);
    ~RequestHistory();

    /// Most records one write takes (one to eight multi-row INSERTs: 128, 64, ... rows each).
    static constexpr qsizetype MaxRowsPerWrite = 255;
    /// The write that stores `records`, at most MaxRowsPerWrite of them, in as few multi-row INSERT
    /// statements as the binary digits of their count (the team is empty until teams exist).
    /// Bodies are never stored. Enqueue it with records.size() as its rows.
    static StoreWrite writeFor(QList<RequestRecord> records);
    static StoreWrite writeFor(RequestRecord record) { return writeFor(QList<RequestRecord>{std::move(record)}); }

    /// A page of rows matching `filter`. nullopt with `error` when the database cannot answer or
    /// the cursor is not one this class made.
    std::optional<HistoryPage> query(const HistoryFilter &filter, QString *error);

    /// The write that keeps the bodies of those `records` that have any (logging.log_bodies) in
    /// request_bodies, replacing rows with their request ids: safe to apply again.
    static StoreWrite bodiesWriteFor(QList<RequestRecord> records);
    /// The bodies kept of the request `requestId`: {request body, response body}; nullopt with
    /// an empty `error` when none were kept, with `error` set when the database cannot answer.
    /// Reader thread only.
    std::optional<std::pair<QString, QString>> bodies(const QString &requestId, QString *error);
    /// Closes the connection (on the thread that opened it); the next query opens a new one.
    void close();

private:
    DatabaseSettings m_settings;
    std::unique_ptr<DatabaseConnection> m_connection;
};

} // namespace llmproxy
