// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "tests/support/mockupstream/mockwire.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;

/// The mock's Google Gemini API (`generateContent`, `streamGenerateContent`, `models`): replies and
/// errors built from the documented wire format, deterministic like the OpenAI routes.
namespace llmproxy::test::gemini {

/// Gemini separates SSE events with CRLF blank lines (`data: {…}\r\n\r\n`).
inline constexpr QByteArrayView kSseSeparator = "\r\n\r\n";
/// Content type of Gemini's JSON replies, errors and array streams.
inline constexpr QByteArrayView kJsonContentType = "application/json; charset=UTF-8";

/// The google.rpc status name Google's HTTP mapping gives `httpStatus` (429 → RESOURCE_EXHAUSTED, …).
QByteArray statusName(int httpStatus);
/// `{"error":{"code":…,"message":…,"status":…}}` with the status name that belongs to `httpStatus`.
QByteArray errorBody(int httpStatus, QByteArrayView message);
/// A complete error reply (status, content type, body).
mockwire::Reply error(int httpStatus, QByteArrayView message);

/// True when the request carries a non-empty `x-goog-api-key` header or `key=` query parameter.
bool hasApiKey(QByteArrayView query, const QList<QPair<QByteArray, QByteArray>> &headers);
/// True when the query selects SSE (`alt=sse`); otherwise streams are one JSON array.
bool wantsSse(QByteArrayView query);

/// `model` without a leading `models/`, so path ids and listed ids compare equal.
QString bareModelId(const QString &model);

/// The reply to `:generateContent` (`stream` false) or `:streamGenerateContent` for a parsed request.
/// The text is the last user turn's text parts (or `content` when scripted), streamed one word per chunk.
mockwire::Reply generate(const QJsonObject &request, const QString &model, bool stream, bool sse,
                         const QByteArray &responseId, const std::optional<QString> &content);

/// `GET …/models`: `{"models":[…]}` in Gemini's list shape.
QByteArray modelList(const QStringList &models);
/// `GET …/models/{id}`: one model resource.
QByteArray modelObject(const QString &id);

} // namespace llmproxy::test::gemini
