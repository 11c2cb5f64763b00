// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/cachetable.h"

#include "proxycore/store/store.h"

#include <QDateTime>
#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

/// Rows older than the TTL are deleted at most this often (wall clock).
constexpr qint64 kPurgeIntervalMs = 600'000;

const QString kDelete = u"DELETE FROM response_cache WHERE cache_key = ?"_s;
const QString kInsert = u"INSERT INTO response_cache (cache_key, scope, upstream_format, stream, status, content_type, "
                        u"served_model, stored_ms, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
const QString kClearScope = u"DELETE FROM response_cache WHERE scope = ?"_s;
const QString kClearAll = u"DELETE FROM response_cache"_s;
const QString kPurge = u"DELETE FROM response_cache WHERE stored_ms <= ?"_s;
// Newest first: load() keeps the newest that fit the memory bounds.
const QString kSelect = u"SELECT cache_key, scope, upstream_format, stream, status, content_type, served_model, "
                        u"stored_ms, body FROM response_cache WHERE stored_ms > ? ORDER BY stored_ms DESC"_s;

/// The format stored by its name (apiFormatName), so that the column does not depend on the
/// enum's order; nullopt for a name this build does not know.
std::optional<formats::ApiFormat> formatNamed(const QString &name)
{
    using formats::ApiFormat;
    for (const ApiFormat f : {ApiFormat::OpenAiChat, ApiFormat::OpenAiResponses, ApiFormat::AnthropicMessages,
                              ApiFormat::Gemini, ApiFormat::OllamaChat}) {
        if (formats::apiFormatName(f) == name)
            return f;
    }
    return std::nullopt;
}

/// What the response cache's keys are: SHA-256 digests.
constexpr qsizetype kKeyBytes = 32;

} // namespace

StoreWrite CacheTable::writeFor(QByteArray key, CachedAnswerPtr answer, qint64 storedWallMs)
{
    return [key = std::move(key), answer = std::move(answer), storedWallMs](WriteContext &context) {
        // Delete, then insert: the same in both dialects, and safe when the batch is applied again.
        QSqlQuery *del = context.prepared(kDelete);
        if (!del)
            return false;
        del->addBindValue(key);
        if (!context.exec(*del))
            return false;
        QSqlQuery *q = context.prepared(kInsert);
        if (!q)
            return false;
        q->addBindValue(key);
        q->addBindValue(answer->scope.isNull() ? u""_s : answer->scope);
        q->addBindValue(formats::apiFormatName(answer->upstreamFormat));
        q->addBindValue(answer->stream ? 1 : 0);
        q->addBindValue(answer->status);
        q->addBindValue(QString::fromLatin1(answer->contentType));
        q->addBindValue(answer->servedModel.isNull() ? u""_s : answer->servedModel);
        q->addBindValue(storedWallMs);
        // Never a null QByteArray: the column is NOT NULL, and an empty answer is still an answer.
        q->addBindValue(answer->body.isNull() ? QByteArray("") : answer->body);
        return context.exec(*q);
    };
}

StoreWrite CacheTable::clearFor(QString scope)
{
    return [scope = std::move(scope)](WriteContext &context) {
        QSqlQuery *q = context.prepared(scope.isEmpty() ? kClearAll : kClearScope);
        if (!q)
            return false;
        if (!scope.isEmpty())
            q->addBindValue(scope);
        return context.exec(*q);
    };
}

StoreWrite CacheTable::purgeFor(qint64 wallMs)
{
    return [wallMs](WriteContext &context) {
        QSqlQuery *q = context.prepared(kPurge);
        if (!q)
            return false;
        q->addBindValue(wallMs);
        return context.exec(*q);
    };
}

std::optional<bool> CacheTable::hasRows(const DatabaseSettings &settings, QString *error)
{
    DatabaseConnection connection(settings, u"cache"_s);
    if (!connection.open(error))
        return std::nullopt;
    QSqlQuery q(connection.database());
    if (!q.exec(u"SELECT 1 FROM response_cache LIMIT 1"_s)) {
        *error = q.lastError().text().trimmed();
        return std::nullopt;
    }
    return q.next();
}

bool CacheTable::load(const DatabaseSettings &settings, ResponseCache &cache, qint64 notBeforeWallMs, qint64 nowWallMs,
                      qint64 nowMs, qint64 maxEntries, qint64 maxBytes, Loaded *loaded, QString *error)
{
    DatabaseConnection connection(settings, u"cache"_s);
    if (!connection.open(error))
        return false;
    QSqlQuery q(connection.database());
    q.setForwardOnly(true);
    if (!q.prepare(kSelect)) {
        *error = q.lastError().text().trimmed();
        return false;
    }
    q.addBindValue(notBeforeWallMs);
    if (!q.exec()) {
        *error = q.lastError().text().trimmed();
        return false;
    }
    struct Row
    {
        QByteArray key;
        CachedAnswerPtr answer;
    };
    QList<Row> newestFirst;
    qint64 bytes = 0;
    while (q.next() && qint64(newestFirst.size()) < maxEntries) {
        const QByteArray key = q.value(0).toByteArray();
        const std::optional<formats::ApiFormat> format = formatNamed(q.value(2).toString());
        if (key.size() != kKeyBytes || !format) {
            ++loaded->skipped;
            continue;
        }
        auto answer = std::make_shared<CachedAnswer>();
        answer->scope = q.value(1).toString();
        answer->upstreamFormat = *format;
        answer->stream = q.value(3).toInt() != 0;
        answer->status = q.value(4).toInt();
        answer->contentType = q.value(5).toString().toLatin1();
        answer->servedModel = q.value(6).toString();
        // The age is kept: an answer stored ten minutes before the restart is ten minutes old now.
        answer->storedAtMs = nowMs - qMax<qint64>(0, nowWallMs - q.value(7).toLongLong());
        answer->body = q.value(8).toByteArray();
        bytes += answer->cost();
        if (bytes > maxBytes)
            break;
        newestFirst.append({key, std::move(answer)});
    }
    // Oldest first, so that the newest are the most recently used when the memory bounds bite.
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it) {
        if (cache.restore(it->key, it->answer))
            ++loaded->restored;
        else
            ++loaded->skipped;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// PersistentCacheTier

PersistentCacheTier::PersistentCacheTier(std::shared_ptr<Store> store, std::function<qint64()> cacheClock)
    : m_store(std::move(store)), m_clock(std::move(cacheClock))
{
}

void PersistentCacheTier::stored(const QByteArray &key, const CachedAnswerPtr &answer)
{
    const qint64 wallNow = QDateTime::currentMSecsSinceEpoch();
    // storedAtMs is on the cache's clock; the table keeps wall time, which survives a restart.
    const qint64 storedWallMs = wallNow - qMax<qint64>(0, m_clock() - answer->storedAtMs);
    m_store->enqueue(CacheTable::writeFor(key, answer, storedWallMs), "response cache entry");
    qint64 last = m_lastPurgeWallMs.load(std::memory_order_relaxed);
    if (wallNow - last >= kPurgeIntervalMs &&
        m_lastPurgeWallMs.compare_exchange_strong(last, wallNow, std::memory_order_relaxed))
        m_store->enqueue(CacheTable::purgeFor(wallNow - m_ttlMs.load(std::memory_order_relaxed)),
                         "response cache purge");
}

void PersistentCacheTier::cleared(const QString &scope)
{
    m_store->enqueue(CacheTable::clearFor(scope), "response cache clear");
}

} // namespace llmproxy
