// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/observability/requestrecord.h"

#include <QString>

namespace llmproxy {

/// Log output for the whole process: text or JSON lines on stderr. Qt's own messages
/// (qDebug/qInfo/qWarning/qCritical) are routed through it, with their category as "logger".
/// Thread-safe; each line is written with a single call so lines never interleave.
/// Request bodies and credentials are never logged by it.
namespace logging {

enum class Format { Text, Json };
enum class Level { Debug = 0, Info = 1, Warning = 2, Error = 3 };

/// Installs the Qt message handler. Call once, early in main(), before threads start.
void install(Format format, Level level);
/// Changes format and level at run time (configuration reload).
void configure(Format format, Level level);
Format parseFormat(const QString &text, bool *ok = nullptr);
Level parseLevel(const QString &text, bool *ok = nullptr);

/// One access-log line for a finished request.
void logRequest(const RequestRecord &record);

/// Replaces anything that looks like a credential ("sk-...", "Bearer ...") in free text.
QString redactSecrets(QString text);

} // namespace logging
} // namespace llmproxy
