// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "tests/support/mockupstream/mockwire.h"

#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;

/// The mock's native Ollama API (`/api/chat`, `/api/tags`, `/api/show`, `/api/version`): replies and
/// errors built from the documented wire format, deterministic like the OpenAI routes.
namespace llmproxy::test::ollama {

/// Content type of Ollama's NDJSON streams.
inline constexpr QByteArrayView kNdjsonContentType = "application/x-ndjson";
/// Content type of Ollama's JSON replies and errors.
inline constexpr QByteArrayView kJsonContentType = "application/json; charset=utf-8";

/// `{"error":"…"}`.
QByteArray errorBody(QByteArrayView message);
/// A complete error reply (status, content type, body).
mockwire::Reply error(int httpStatus, QByteArrayView message);

/// `name` with the default tag: `llama3` → `llama3:latest`; names that carry a tag stay as they are.
QString withTag(const QString &name);
/// Whether `name` is one of `models`, comparing with default tags filled in.
bool hasModel(const QStringList &models, const QString &name);

/// The reply to `POST /api/chat` for a parsed request whose model exists: the last user message (or
/// `content` when scripted) as NDJSON, one line per word plus the final `done` line, or as one object
/// with `"stream": false`.
mockwire::Reply chat(const QJsonObject &request, const std::optional<QString> &content);

/// `GET /api/tags`.
QByteArray tags(const QStringList &models);
/// `POST /api/show` for a model that exists.
QByteArray show(const QString &model);
/// `GET /api/version`.
QByteArray version();

} // namespace llmproxy::test::ollama
