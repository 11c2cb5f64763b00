// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/apierror.h"
#include "proxycore/store/conversationstore.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace llmproxy {

// The wire side of the Responses API's stored responses (docs/translation.md#stored-responses):
// what a chained request is built from, and the answers of /v1/responses/{id}. Pure functions.

/// What a look-up of a stored response found: the response (null when there is none the owner
/// may read), or why the database could not answer.
struct StoredLookup
{
    StoredResponsePtr response;
    std::optional<ApiError> error;
};

/// The memory tier's answer for the response `id` of `owner` at `nowMs` (wall clock); nullopt
/// when it does not know (ConversationStore::Lookup::Unknown): the database must be asked.
std::optional<StoredLookup> lookInMemory(ConversationStore &conversations, const QString &id, const QString &owner,
                                         qint64 nowMs);

/// A fresh response id: `resp_` and 32 lower-case hex digits.
QString newStoredResponseId();

/// The request's `input` as a list of items: a string is one user message with one input_text
/// part; an array is taken as it is.
QJsonArray responsesInputItems(const QJsonValue &input);

/// 404 for a `previous_response_id` that is unknown, expired, deleted or another key's:
/// {"error":{"message","type":"invalid_request_error","param":"previous_response_id",
/// "code":"previous_response_not_found"}}.
ApiError previousResponseNotFound(const QString &id);

/// 404 for GET or DELETE /v1/responses/{id} of a response that is unknown, expired, deleted or
/// another key's (code `response_not_found`); `storeOff` says the store is switched off instead.
ApiError storedResponseNotFound(const QString &id, bool storeOff);

/// The answer of DELETE /v1/responses/{id}: {"id", "object":"response", "deleted":true}.
QJsonObject deletedResponseJson(const QString &id);

/// The answer of GET /v1/responses/{id}/input_items: a list object (`data`, `first_id`, `last_id`,
/// `has_more`) of the response's input items — the whole conversation before its answer — read
/// with the query parameters `limit` (1–100, default 20), `order` (`asc` or `desc`, the default)
/// and `after` (an item id). Items without an id are given a stable one (`item_<n>_<response>`).
/// nullopt with a 400 in `error` for a value it cannot read.
std::optional<QJsonObject> inputItemsPage(const StoredResponse &response, const QByteArray &query, ApiError *error);

} // namespace llmproxy
