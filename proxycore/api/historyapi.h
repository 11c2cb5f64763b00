// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/apierror.h"
#include "proxycore/store/requesthistory.h"
#include "proxycore/store/sqlauditstore.h"

#include <QJsonObject>

#include <optional>
#include <utility>

namespace llmproxy {

/// The parameters of a query string in their order: each name, and its value percent-decoded
/// ('+' read as a space) and trimmed. Empty pairs ("a=1&&b=2") are skipped.
QList<std::pair<QByteArray, QString>> queryParameters(const QByteArray &query);

/// Reads the query string of GET /api/v1/requests (key, model, provider, status = 2xx|4xx|5xx or
/// a code, blocked, from, to = ISO 8601 or milliseconds since the epoch, q, limit ≤ 1000, cursor,
/// total). nullopt with a 400 in `error` for a value it cannot read; unknown parameters are refused
/// too, so that a typing error does not silently widen the answer.
std::optional<HistoryFilter> parseHistoryQuery(const QByteArray &query, ApiError *error);

/// The answer of GET /api/v1/requests: {"requests": [...], "next_cursor": ..., "total": ...}.
QJsonObject historyPageJson(const HistoryPage &page);

/// Reads the query string of GET /api/v1/audit (category = security|admin|request, action, from, to
/// as for the history, limit ≤ 1000, cursor = the next_cursor of an earlier page). nullopt with a 400
/// in `error` for a value it cannot read or an unknown parameter.
std::optional<AuditQuery> parseAuditQuery(const QByteArray &query, ApiError *error);

/// The answer of GET /api/v1/audit: {"entries": [...clear fields, actor_ref, subject_ref, entry_hash],
/// "next_cursor": "<sequence>" or null}. Sealed personal data is never in it.
QJsonObject auditPageJson(const QList<AuditEntry> &entries, int limit);

} // namespace llmproxy
