// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/conversationstore.h"

#include "proxycore/store/store.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

/// What an entry costs besides its body: the id twice (list and index), pointers, the parsed JSON.
constexpr qint64 kEntryOverhead = 256;

/// Expired rows are deleted from the table at most this often (wall clock).
constexpr qint64 kPurgeIntervalMs = 3'600'000;

const QString kDelete = u"DELETE FROM responses WHERE id = ?"_s;
const QString kInsert =
    u"INSERT INTO responses (id, key_name, model, created_ms, expires_ms, body) VALUES (?, ?, ?, ?, ?, ?)"_s;
const QString kPurge = u"DELETE FROM responses WHERE expires_ms <= ?"_s;
const QString kSelect = u"SELECT key_name, model, created_ms, expires_ms, body FROM responses WHERE id = ?"_s;

} // namespace

// ---------------------------------------------------------------------------------------------
// StoredResponse

namespace {

/// A response with the table's own columns filled in.
std::shared_ptr<StoredResponse> withColumns(QString id, QString owner, QString model, qint64 createdMs,
                                            qint64 expiresMs)
{
    auto r = std::make_shared<StoredResponse>();
    r->id = std::move(id);
    r->owner = std::move(owner);
    r->model = std::move(model);
    r->createdMs = createdMs;
    r->expiresMs = expiresMs;
    return r;
}

} // namespace

StoredResponsePtr StoredResponse::make(QString id, QString owner, QString model, qint64 createdMs, qint64 expiresMs,
                                       QJsonArray input, QString instructions, QJsonObject response)
{
    const std::shared_ptr<StoredResponse> r =
        withColumns(std::move(id), std::move(owner), std::move(model), createdMs, expiresMs);
    r->input = std::move(input);
    r->instructions = std::move(instructions);
    r->response = std::move(response);
    r->body = QJsonDocument(QJsonObject{{u"input"_s, r->input},
                                        {u"instructions"_s, r->instructions.isNull() ? QJsonValue(QJsonValue::Null)
                                                                                     : QJsonValue(r->instructions)},
                                        {u"response"_s, r->response}})
                  .toJson(QJsonDocument::Compact);
    return r;
}

StoredResponsePtr StoredResponse::fromRow(QString id, QString owner, QString model, qint64 createdMs, qint64 expiresMs,
                                          QByteArray body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    const QJsonObject o = doc.object();
    if (error.error != QJsonParseError::NoError || !o.value(u"input"_s).isArray() || !o.value(u"response"_s).isObject())
        return nullptr;
    const std::shared_ptr<StoredResponse> r =
        withColumns(std::move(id), std::move(owner), std::move(model), createdMs, expiresMs);
    r->input = o.value(u"input"_s).toArray();
    if (o.value(u"instructions"_s).isString())
        r->instructions = o.value(u"instructions"_s).toString();
    r->response = o.value(u"response"_s).toObject();
    r->body = std::move(body);
    return r;
}

QJsonArray StoredResponse::conversation() const
{
    QJsonArray items = input;
    for (const QJsonValue item : response.value(u"output"_s).toArray())
        items.append(item);
    return items;
}

qint64 StoredResponse::cost() const
{
    // The parsed JSON is held beside the body, so the body counts twice.
    return 2 * body.size() + 2 * (id.size() + owner.size() + model.size()) + kEntryOverhead;
}

// ---------------------------------------------------------------------------------------------
// ResponseTable

ResponseTable::ResponseTable(DatabaseSettings settings) : m_settings(std::move(settings)) {}

ResponseTable::~ResponseTable() = default;

void ResponseTable::close()
{
    m_connection.reset();
}

StoreWrite ResponseTable::writeFor(StoredResponsePtr response)
{
    return [response = std::move(response)](WriteContext &context) {
        // Delete, then insert: the same in both dialects, and safe when the batch is applied again.
        QSqlQuery *del = context.prepared(kDelete);
        if (!del)
            return false;
        del->addBindValue(response->id);
        if (!context.exec(*del))
            return false;
        QSqlQuery *q = context.prepared(kInsert);
        if (!q)
            return false;
        q->addBindValue(response->id);
        q->addBindValue(response->owner.isNull() ? u""_s : response->owner);
        q->addBindValue(response->model.isNull() ? u""_s : response->model);
        q->addBindValue(response->createdMs);
        q->addBindValue(response->expiresMs);
        q->addBindValue(QString::fromUtf8(response->body));
        return context.exec(*q);
    };
}

StoreWrite ResponseTable::deleteFor(QString id)
{
    return [id = std::move(id)](WriteContext &context) {
        QSqlQuery *q = context.prepared(kDelete);
        if (!q)
            return false;
        q->addBindValue(id);
        return context.exec(*q);
    };
}

StoreWrite ResponseTable::purgeFor(qint64 nowMs)
{
    return [nowMs](WriteContext &context) {
        QSqlQuery *q = context.prepared(kPurge);
        if (!q)
            return false;
        q->addBindValue(nowMs);
        return context.exec(*q);
    };
}

std::optional<StoredResponsePtr> ResponseTable::find(const QString &id, qint64 nowMs, QString *error)
{
    if (!m_connection)
        m_connection = std::make_unique<DatabaseConnection>(m_settings, u"reader"_s);
    if (!m_connection->isOpen() && !m_connection->open(error))
        return std::nullopt;
    QSqlQuery q(m_connection->database());
    q.setForwardOnly(true);
    if (!q.prepare(kSelect)) {
        *error = q.lastError().text().trimmed();
        return std::nullopt;
    }
    q.addBindValue(id);
    if (!q.exec()) {
        *error = q.lastError().text().trimmed();
        // A broken connection (a restarted server) is opened anew by the next read.
        if (q.lastError().type() == QSqlError::ConnectionError || !m_connection->database().isOpen())
            m_connection->close();
        return std::nullopt;
    }
    if (!q.next())
        return StoredResponsePtr();
    const qint64 expiresMs = q.value(3).toLongLong();
    if (expiresMs <= nowMs)
        return StoredResponsePtr();
    StoredResponsePtr r = StoredResponse::fromRow(id, q.value(0).toString(), q.value(1).toString(),
                                                  q.value(2).toLongLong(), expiresMs, q.value(4).toString().toUtf8());
    if (!r) {
        *error = u"the stored body of %1 cannot be read"_s.arg(id);
        return std::nullopt;
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// ConversationStore

ConversationStore::ConversationStore() = default;

ConversationStore::~ConversationStore() = default;

void ConversationStore::setLimits(qint64 maxBytes, qint64 ttlMs)
{
    QMutexLocker lock(&m_mutex);
    m_maxBytes = qMax<qint64>(0, maxBytes);
    m_ttlMs = qMax<qint64>(1, ttlMs);
    while (m_bytes > m_maxBytes && !m_lru.empty())
        eraseLocked(std::prev(m_lru.end()));
}

qint64 ConversationStore::ttlMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_ttlMs;
}

void ConversationStore::put(const StoredResponsePtr &response)
{
    bool purge = false;
    {
        QMutexLocker lock(&m_mutex);
        insertLocked(response->id, response, response->cost());
        if (m_database && response->createdMs - m_lastPurgeMs >= kPurgeIntervalMs) {
            m_lastPurgeMs = response->createdMs;
            purge = true;
        }
    }
    if (!m_database)
        return;
    // Queued for the writer: never waits for the database. A full queue drops the row (counted and
    // logged by the writer); the response stays readable from memory until evicted.
    m_database->enqueue(ResponseTable::writeFor(response), "stored responses");
    if (purge)
        m_database->enqueue(ResponseTable::purgeFor(response->createdMs), "expired stored responses");
}

void ConversationStore::remember(const StoredResponsePtr &response)
{
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_index.constFind(response->id); it != m_index.cend() && !it.value()->response)
        return; // deleted meanwhile: the row read is about to go
    insertLocked(response->id, response, response->cost());
}

ConversationStore::Lookup ConversationStore::find(const QString &id, const QString &owner, qint64 nowMs,
                                                  StoredResponsePtr *found)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_index.find(id);
    if (it == m_index.end())
        return Lookup::Unknown;
    const EntryList::iterator entry = it.value();
    if (!entry->response)
        return Lookup::Absent;
    if (entry->response->expiresMs <= nowMs) {
        eraseLocked(entry);
        return Lookup::Absent; // the row expired too; purged later
    }
    if (entry->response->owner != owner)
        return Lookup::Absent;
    m_lru.splice(m_lru.begin(), m_lru, entry);
    *found = entry->response;
    return Lookup::Found;
}

void ConversationStore::remove(const QString &id)
{
    {
        QMutexLocker lock(&m_mutex);
        insertLocked(id, nullptr, 2 * id.size() + kEntryOverhead);
    }
    if (m_database)
        m_database->enqueue(ResponseTable::deleteFor(id), "stored response deletions");
}

qsizetype ConversationStore::forgetOwner(const QString &owner)
{
    QMutexLocker lock(&m_mutex);
    QStringList ids;
    for (const Entry &e : m_lru) {
        if (e.response && e.response->owner == owner)
            ids.append(e.id);
    }
    // Tombstones, like remove(): a read racing the database's deletion cannot bring them back.
    for (const QString &id : std::as_const(ids))
        insertLocked(id, nullptr, 2 * id.size() + kEntryOverhead);
    return ids.size();
}

qint64 ConversationStore::memoryBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_bytes;
}

qsizetype ConversationStore::memoryEntries() const
{
    QMutexLocker lock(&m_mutex);
    return m_index.size();
}

void ConversationStore::insertLocked(const QString &id, StoredResponsePtr response, qint64 cost)
{
    if (const auto it = m_index.find(id); it != m_index.end())
        eraseLocked(it.value());
    if (cost > m_maxBytes)
        return; // larger than the whole budget: the database alone keeps it
    m_lru.push_front(Entry{id, std::move(response), cost});
    m_index.insert(id, m_lru.begin());
    m_bytes += cost;
    while (m_bytes > m_maxBytes && m_lru.size() > 1)
        eraseLocked(std::prev(m_lru.end()));
}

void ConversationStore::eraseLocked(EntryList::iterator it)
{
    m_bytes -= it->cost;
    m_index.remove(it->id);
    m_lru.erase(it);
}

} // namespace llmproxy
