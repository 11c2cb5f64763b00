// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>

namespace llmproxy {

/// Reason phrase for a status code ("Not Found"); "Unknown" for codes we never send.
QByteArray httpReasonPhrase(int status);

/// Stable snake_case error code for a status, used in error bodies ("payload_too_large").
QByteArray httpStatusCode(int status);

} // namespace llmproxy
