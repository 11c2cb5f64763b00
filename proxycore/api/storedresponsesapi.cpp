// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/api/storedresponsesapi.h"

#include <QUrl>
#include <QUuid>

namespace llmproxy {

using namespace Qt::StringLiterals;

std::optional<StoredLookup> lookInMemory(ConversationStore &conversations, const QString &id, const QString &owner,
                                         qint64 nowMs)
{
    StoredResponsePtr found;
    switch (conversations.find(id, owner, nowMs, &found)) {
    case ConversationStore::Lookup::Found:
        return StoredLookup{found, std::nullopt};
    case ConversationStore::Lookup::Absent:
        return StoredLookup{};
    case ConversationStore::Lookup::Unknown:
        break;
    }
    return std::nullopt;
}

QString newStoredResponseId()
{
    return u"resp_"_s + QUuid::createUuid().toString(QUuid::Id128);
}

QJsonArray responsesInputItems(const QJsonValue &input)
{
    if (input.isArray())
        return input.toArray();
    if (!input.isString())
        return {};
    return QJsonArray{QJsonObject{
        {u"type"_s, u"message"_s},
        {u"role"_s, u"user"_s},
        {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"input_text"_s}, {u"text"_s, input.toString()}}}}}};
}

ApiError previousResponseNotFound(const QString &id)
{
    return {404,
            u"Previous response with id '%1' not found. Responses are kept for responses_store.ttl_days, only for "
            u"the client key that created them, and not when the request said \"store\": false."_s.arg(id),
            QByteArrayLiteral("invalid_request_error"), QByteArrayLiteral("previous_response_not_found"),
            QByteArrayLiteral("previous_response_id")};
}

ApiError storedResponseNotFound(const QString &id, bool storeOff)
{
    if (storeOff)
        return ApiError::notFound(
            u"Response with id '%1' not found: this gateway keeps no responses (responses_store.enabled is false)."_s
                .arg(id),
            QByteArrayLiteral("response_not_found"));
    return ApiError::notFound(u"Response with id '%1' not found."_s.arg(id), QByteArrayLiteral("response_not_found"));
}

QJsonObject deletedResponseJson(const QString &id)
{
    return {{u"id"_s, id}, {u"object"_s, u"response"_s}, {u"deleted"_s, true}};
}

std::optional<QJsonObject> inputItemsPage(const StoredResponse &response, const QByteArray &query, ApiError *error)
{
    int limit = 20;
    bool ascending = false;
    QString after;
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QString value = QUrl::fromPercentEncoding(eq < 0 ? QByteArray() : pair.mid(eq + 1)).trimmed();
        if (name == "limit") {
            bool ok = false;
            limit = value.toInt(&ok);
            if (!ok || limit < 1 || limit > 100) {
                *error = ApiError::invalidRequest(u"'limit' must be between 1 and 100."_s,
                                                  QByteArrayLiteral("invalid_parameter"), name);
                return std::nullopt;
            }
        } else if (name == "order") {
            if (value != u"asc"_s && value != u"desc"_s) {
                *error = ApiError::invalidRequest(u"'order' must be asc or desc."_s,
                                                  QByteArrayLiteral("invalid_parameter"), name);
                return std::nullopt;
            }
            ascending = value == u"asc"_s;
        } else if (name == "after") {
            after = value;
        }
        // Other parameters (include, before) select nothing the store keeps; they are not errors.
    }
    const QString suffix = response.id.startsWith(u"resp_"_s) ? response.id.mid(5) : response.id;
    QJsonArray items;
    for (qsizetype i = 0; i < response.input.size(); ++i) {
        QJsonObject item = response.input.at(i).toObject();
        if (item.value(u"id"_s).toString().isEmpty())
            item.insert(u"id"_s, u"item_%1_%2"_s.arg(i).arg(suffix));
        items.append(item);
    }
    QJsonArray ordered;
    for (qsizetype i = 0; i < items.size(); ++i)
        ordered.append(items.at(ascending ? i : items.size() - 1 - i));
    qsizetype start = 0;
    if (!after.isEmpty()) {
        while (start < ordered.size() && ordered.at(start).toObject().value(u"id"_s).toString() != after)
            ++start;
        if (start == ordered.size()) {
            *error = ApiError::invalidRequest(u"'after' must be the id of an item of this response."_s,
                                              QByteArrayLiteral("invalid_parameter"), QByteArrayLiteral("after"));
            return std::nullopt;
        }
        ++start;
    }
    QJsonArray page;
    for (qsizetype i = start; i < ordered.size() && page.size() < limit; ++i)
        page.append(ordered.at(i));
    const auto idOf = [](const QJsonValue &item) {
        return item.isObject() ? QJsonValue(item.toObject().value(u"id"_s)) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject{{u"object"_s, u"list"_s},
                       {u"data"_s, page},
                       {u"first_id"_s, page.isEmpty() ? QJsonValue(QJsonValue::Null) : idOf(page.first())},
                       {u"last_id"_s, page.isEmpty() ? QJsonValue(QJsonValue::Null) : idOf(page.last())},
                       {u"has_more"_s, start + page.size() < ordered.size()}};
}

} // namespace llmproxy
