// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "tests/support/mockupstream/mockwire.h"

#include <QString>

#include <optional>

class QJsonObject;

/// The mock's OpenAI Responses API (`POST /v1/responses`): the response object and its named stream
/// events built from the documented wire format, deterministic like the other OpenAI routes.
namespace llmproxy::test::responses {

/// The reply to `POST /v1/responses` for a parsed request: a `response` object whose single message
/// item carries the last user input (or `content` when scripted), or with `"stream": true` the event
/// sequence `response.created` … `response.completed` (`response.incomplete` when `max_output_tokens`
/// cut the text). `digest` (a hash of the request bytes) makes the response and item ids.
mockwire::Reply create(const QJsonObject &request, const QByteArray &digest, const std::optional<QString> &content);

} // namespace llmproxy::test::responses
