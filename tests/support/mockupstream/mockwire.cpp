// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/mockupstream/mockwire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cstdio>

namespace llmproxy::test::mockwire {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    out += '"';
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        // Copy the run of plain bytes in one go, then the escape.
        out.append(utf8.data() + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default: {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        }
        }
    }
    out.append(utf8.data() + runStart, utf8.size() - runStart);
    out += '"';
}

QByteArray jsonString(QByteArrayView utf8)
{
    QByteArray out;
    out.reserve(utf8.size() + 2);
    appendJsonString(out, utf8);
    return out;
}

QByteArray compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // Scalars: wrap in an array and strip the brackets.
    QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QList<QByteArray> splitPieces(const QByteArray &text)
{
    QList<QByteArray> pieces;
    qsizetype start = 0;
    bool inWord = false;
    bool afterWord = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool space = isSpace(text.at(i));
        if (!space && afterWord) {
            pieces.append(text.mid(start, i - start));
            start = i;
            afterWord = false;
        }
        if (!space)
            inWord = true;
        else if (inWord)
            afterWord = true;
    }
    if (start < text.size())
        pieces.append(text.mid(start));
    return pieces;
}

qint64 countWords(QByteArrayView text)
{
    qint64 words = 0;
    bool inWord = false;
    for (char c : text) {
        const bool space = isSpace(c);
        if (!space && !inWord)
            ++words;
        inWord = !space;
    }
    return words;
}

quint64 fnv1a(QByteArrayView data, quint64 hash)
{
    for (char c : data) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

QByteArray hex64(quint64 v)
{
    return QByteArray::number(v, 16).rightJustified(16, '0');
}

QByteArray sseEvent(const QByteArray &payload, QByteArrayView separator)
{
    QByteArray out;
    out.reserve(payload.size() + 6 + separator.size());
    out += "data: ";
    out += payload;
    out += separator;
    return out;
}

QByteArray namedSseEvent(QByteArrayView name, const QByteArray &payload, QByteArrayView separator)
{
    const QByteArrayView lineEnd = separator.first(separator.size() / 2);
    QByteArray out;
    out.reserve(name.size() + payload.size() + 15 + separator.size());
    out += "event: ";
    out += name;
    out += lineEnd;
    out += "data: ";
    out += payload;
    out += separator;
    return out;
}

} // namespace llmproxy::test::mockwire
