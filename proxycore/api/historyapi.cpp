// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/api/historyapi.h"

#include "proxycore/store/auditexport.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

ApiError invalid(const QString &message, const QByteArray &param)
{
    return ApiError::invalidRequest(message, QByteArrayLiteral("invalid_parameter"), param);
}

/// ISO 8601 (a date alone is its midnight UTC; no zone = UTC) or milliseconds since the epoch.
QDateTime readTime(const QString &text)
{
    bool isNumber = false;
    const qint64 ms = text.toLongLong(&isNumber);
    if (isNumber)
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (day.isValid())
            t = QDateTime(day, QTime(0, 0), QTimeZone::utc());
    }
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone::utc());
    return t;
}

/// `value` of the time parameter `name` (from, to); an invalid time with the 400 in `error`.
QDateTime timeParameter(const QByteArray &name, const QString &value, ApiError *error)
{
    QDateTime t = readTime(value);
    if (!t.isValid())
        *error = invalid(u"'%1' must be an ISO 8601 time (2026-01-31T12:00:00Z), a date, or milliseconds since the "
                         u"epoch, got '%2'."_s.arg(QString::fromLatin1(name), value),
                         name);
    return t;
}

/// `value` of `limit` when it is between 1 and `max`; nullopt with the 400 in `error` otherwise.
std::optional<int> limitParameter(const QString &value, int max, ApiError *error)
{
    bool ok = false;
    const int limit = value.toInt(&ok);
    if (ok && limit >= 1 && limit <= max)
        return limit;
    *error = invalid(u"'limit' must be between 1 and %1."_s.arg(max), QByteArrayLiteral("limit"));
    return std::nullopt;
}

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

} // namespace

QList<std::pair<QByteArray, QString>> queryParameters(const QByteArray &query)
{
    QList<std::pair<QByteArray, QString>> out;
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray raw = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        raw.replace('+', ' ');
        out.append({eq < 0 ? pair : pair.left(eq), QUrl::fromPercentEncoding(raw).trimmed()});
    }
    return out;
}

std::optional<HistoryFilter> parseHistoryQuery(const QByteArray &query, ApiError *error)
{
    HistoryFilter f;
    const auto refuse = [error](const QString &message, const QByteArray &param) -> std::optional<HistoryFilter> {
        *error = invalid(message, param);
        return std::nullopt;
    };
    for (const auto &[name, value] : queryParameters(query)) {
        if (name == "key") {
            f.key = value;
        } else if (name == "model") {
            f.model = value;
        } else if (name == "provider") {
            f.provider = value;
        } else if (name == "q") {
            f.text = value;
        } else if (name == "status") {
            static const QRegularExpression classRe(u"^([1-5])xx$"_s, QRegularExpression::CaseInsensitiveOption);
            bool ok = false;
            const int code = value.toInt(&ok);
            if (const QRegularExpressionMatch m = classRe.match(value); m.hasMatch())
                f.statusClass = m.captured(1).toInt();
            else if (ok && code >= 100 && code <= 599)
                f.status = code;
            else
                return refuse(u"'status' must be 2xx, 3xx, 4xx, 5xx or a status code, got '%1'."_s.arg(value), name);
        } else if (name == "blocked" || name == "total") {
            const bool on = value.isEmpty() || value == u"true" || value == u"1";
            if (!on && value != u"false" && value != u"0")
                return refuse(u"'%1' must be true or false."_s.arg(QString::fromLatin1(name)), name);
            (name == "blocked" ? f.blockedOnly : f.withTotal) = on;
        } else if (name == "from" || name == "to") {
            const QDateTime t = timeParameter(name, value, error);
            if (!t.isValid())
                return std::nullopt;
            (name == "from" ? f.from : f.to) = t;
        } else if (name == "limit") {
            const std::optional<int> limit = limitParameter(value, HistoryFilter::MaxLimit, error);
            if (!limit)
                return std::nullopt;
            f.limit = *limit;
        } else if (name == "cursor") {
            static const QRegularExpression cursorRe(u"^\\d+\\.\\d+$"_s);
            if (!value.isEmpty() && !cursorRe.match(value).hasMatch())
                return refuse(u"'cursor' must be the next_cursor of an earlier answer."_s, name);
            f.cursor = value;
        } else {
            return refuse(u"Unknown parameter '%1'; use key, model, provider, status, blocked, from, to, q, "
                          u"limit, cursor or total."_s.arg(QString::fromUtf8(name)),
                          name);
        }
    }
    return f;
}

QJsonObject historyPageJson(const HistoryPage &page)
{
    QJsonArray rows;
    for (const HistoryRow &row : page.rows) {
        const RequestRecord &r = row.record;
        const auto optionalNumber = [](double v) { return v < 0 ? QJsonValue() : QJsonValue(v); };
        rows.append(QJsonObject{
            {u"id"_s, row.id},
            {u"time"_s, r.time.toString(Qt::ISODateWithMs)},
            {u"request_id"_s, r.requestId},
            {u"key"_s, orNull(r.keyName)},
            {u"team"_s, orNull(row.team)},
            {u"client_api"_s, orNull(r.clientApi)},
            {u"method"_s, r.method},
            {u"route"_s, r.route},
            {u"model"_s, orNull(r.model)},
            {u"served_model"_s, orNull(r.servedModel)},
            {u"provider"_s, orNull(r.provider)},
            {u"endpoint"_s, orNull(r.endpoint)},
            {u"status"_s, r.status},
            {u"attempts"_s, r.attempts},
            {u"prompt_tokens"_s, r.promptTokens < 0 ? QJsonValue() : QJsonValue(r.promptTokens)},
            {u"completion_tokens"_s, r.completionTokens < 0 ? QJsonValue() : QJsonValue(r.completionTokens)},
            {u"cost_usd"_s, optionalNumber(r.costUsd)},
            {u"cost_estimated"_s, r.costEstimated},
            {u"latency_ms"_s, r.latencyMs},
            {u"ttft_ms"_s, optionalNumber(r.ttftMs)},
            {u"overhead_ms"_s, r.overheadMs},
            {u"blocked_by"_s, orNull(r.blockedBy)},
            {u"error"_s, orNull(r.error)},
            {u"stream"_s, r.stream},
        });
    }
    QJsonObject o{{u"requests"_s, rows}, {u"next_cursor"_s, orNull(page.nextCursor)}};
    if (page.total)
        o.insert(u"total"_s, *page.total);
    return o;
}

std::optional<AuditQuery> parseAuditQuery(const QByteArray &query, ApiError *error)
{
    AuditQuery f;
    const auto refuse = [error](const QString &message, const QByteArray &param) -> std::optional<AuditQuery> {
        *error = invalid(message, param);
        return std::nullopt;
    };
    for (const auto &[name, value] : queryParameters(query)) {
        if (name == "category") {
            f.category = parseAuditCategory(value);
            if (!f.category)
                return refuse(u"'category' must be security, admin or request, got '%1'."_s.arg(value), name);
        } else if (name == "action") {
            f.action = value;
        } else if (name == "from" || name == "to") {
            const QDateTime t = timeParameter(name, value, error);
            if (!t.isValid())
                return std::nullopt;
            (name == "from" ? f.fromMs : f.toMs) = t.toMSecsSinceEpoch();
        } else if (name == "limit") {
            const std::optional<int> limit = limitParameter(value, AuditQuery::MaxLimit, error);
            if (!limit)
                return std::nullopt;
            f.limit = *limit;
        } else if (name == "cursor") {
            bool ok = false;
            const qint64 before = value.toLongLong(&ok);
            if (!ok || before < 1)
                return refuse(u"'cursor' must be the next_cursor of an earlier answer."_s, name);
            f.beforeSequence = before;
        } else {
            return refuse(u"Unknown parameter '%1'; use category, action, from, to, limit or cursor."_s.arg(
                              QString::fromUtf8(name)),
                          name);
        }
    }
    return f;
}

QJsonObject auditPageJson(const QList<AuditEntry> &entries, int limit)
{
    QJsonArray out;
    for (const AuditEntry &e : entries) {
        QJsonObject o = auditEntryClearJson(e);
        o.insert(u"actor_ref"_s, orNull(QString::fromLatin1(e.actorRef.toHex())));
        o.insert(u"subject_ref"_s, orNull(QString::fromLatin1(e.subjectRef.toHex())));
        o.insert(u"entry_hash"_s, QString::fromLatin1(e.entryHash.toHex()));
        out.append(o);
    }
    const bool more = entries.size() >= limit && !entries.isEmpty();
    return QJsonObject{
        {u"entries"_s, out},
        {u"next_cursor"_s, more ? QJsonValue(QString::number(entries.constLast().sequence)) : QJsonValue()}};
}

} // namespace llmproxy
