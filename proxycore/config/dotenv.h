// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QMap>
#include <QString>

namespace llmproxy {

/// Parses the text of a `.env` file: KEY=VALUE lines, optional "export ", '#' comments (whole
/// lines, or after a blank following an unquoted value), single quotes taken literally, double
/// quotes with \n \r \t \" \\ escapes (both may span lines), CRLF line ends and a UTF-8 BOM.
/// Malformed lines are skipped; a later assignment of the same key wins. No variable expansion.
/// Pure function, safe from any thread.
QMap<QString, QString> parseDotenv(const QByteArray &text);

/// A key `.env` accepts: a letter or '_' first, then letters, digits, '_' or '.'.
bool isDotenvKey(QByteArrayView key);

} // namespace llmproxy
