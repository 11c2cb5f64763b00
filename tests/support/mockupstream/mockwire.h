// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

class QJsonValue;

namespace llmproxy::test::mockwire {

/// What an inference route wants to send before scripting is applied: the status, the body type and
/// the body in pieces. For streams each piece is one framed event (SSE event, NDJSON line, array
/// element) so scripted delays and cuts fall between events.
struct Reply
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QByteArray> parts;
    bool stream = false;
};

/// The fixed creation time (2026-01-01T00:00:00Z) every reply carries, so identical requests get
/// byte-identical replies.
inline constexpr qint64 kCreated = 1767225600;

/// Appends `utf8` as a JSON string literal (quotes included), escaping only what JSON requires.
void appendJsonString(QByteArray &out, QByteArrayView utf8);
/// `utf8` as a JSON string literal.
QByteArray jsonString(QByteArrayView utf8);
/// Compact JSON text of any value (scalars included, which QJsonDocument cannot write alone).
QByteArray compactJson(const QJsonValue &value);

/// Words with their trailing whitespace, so concatenating the pieces gives the text back.
QList<QByteArray> splitPieces(const QByteArray &text);
/// Whitespace-separated words: the mock's deterministic token count.
qint64 countWords(QByteArrayView text);

/// FNV-1a: stable ids and vectors derived from request bytes.
quint64 fnv1a(QByteArrayView data, quint64 hash = 14695981039346656037ULL);
/// 16 lower-case hex digits.
QByteArray hex64(quint64 v);

/// One SSE event carrying `payload` as its only `data:` line, terminated by `separator`
/// (the blank line: "\n\n" for most providers, "\r\n\r\n" for Gemini).
QByteArray sseEvent(const QByteArray &payload, QByteArrayView separator = "\n\n");
/// One named SSE event: an `event: <name>` line, then `payload` as its `data:` line, then `separator`
/// (the line end is the separator's first half: "\n" or "\r\n").
QByteArray namedSseEvent(QByteArrayView name, const QByteArray &payload, QByteArrayView separator = "\n\n");

} // namespace llmproxy::test::mockwire
