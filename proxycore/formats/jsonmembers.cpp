// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/jsonmembers.h"

#include "proxycore/formats/jsonindex.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>

namespace llmproxy {

namespace {

qsizetype skipWhitespace(QByteArrayView s, qsizetype i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        ++i;
    return i;
}

/// i at the opening quote; returns one past the closing quote, or -1.
qsizetype skipString(QByteArrayView s, qsizetype i)
{
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\')
            ++i;
        else if (s[i] == '"')
            return i + 1;
    }
    return -1;
}

/// i at the first byte of a value; returns one past its end, or -1.
qsizetype skipValue(QByteArrayView s, qsizetype i)
{
    if (i >= s.size())
        return -1;
    const char c = s[i];
    if (c == '"')
        return skipString(s, i);
    if (c == '{' || c == '[') {
        int depth = 0;
        for (; i < s.size(); ++i) {
            const char d = s[i];
            if (d == '"') {
                i = skipString(s, i);
                if (i < 0)
                    return -1;
                --i;
            } else if (d == '{' || d == '[') {
                ++depth;
            } else if (d == '}' || d == ']') {
                if (--depth == 0)
                    return i + 1;
            }
        }
        return -1;
    }
    while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\n' &&
           s[i] != '\r' && s[i] != '\t')
        ++i;
    return i;
}

} // namespace

void findTopLevelMembers(QByteArrayView json, std::initializer_list<QByteArrayView> keys, JsonMemberSpan *spans)
{
    for (size_t k = 0; k < keys.size(); ++k)
        spans[k] = {};
    qsizetype remaining = qsizetype(keys.size());
    qsizetype i = skipWhitespace(json, 0);
    if (i >= json.size() || json[i] != '{')
        return;
    ++i;
    while (remaining > 0) {
        i = skipWhitespace(json, i);
        if (i >= json.size() || json[i] != '"')
            return;
        const qsizetype keyStart = i;
        const qsizetype keyEnd = skipString(json, i);
        if (keyEnd < 0)
            return;
        i = skipWhitespace(json, keyEnd);
        if (i >= json.size() || json[i] != ':')
            return;
        i = skipWhitespace(json, i + 1);
        const qsizetype valueStart = i;
        const qsizetype valueEnd = skipValue(json, i);
        if (valueEnd < 0)
            return;
        QByteArrayView name = json.sliced(keyStart + 1, keyEnd - keyStart - 2);
        QByteArray decoded;
        if (name.contains('\\')) { // compared as the provider's parser reads it: "mod\u0065l" is "model"
            decoded = decodeJsonStringUtf8(json.sliced(keyStart, keyEnd - keyStart));
            name = decoded;
        }
        size_t k = 0;
        for (QByteArrayView key : keys) {
            if (!spans[k].isValid() && name == key) { // the first occurrence of a key counts
                spans[k] = {keyStart, valueStart, valueEnd};
                --remaining;
                break;
            }
            ++k;
        }
        i = skipWhitespace(json, valueEnd);
        if (i >= json.size() || json[i] != ',')
            return;
        ++i;
    }
}

JsonMemberSpan findTopLevelMember(QByteArrayView json, QByteArrayView key)
{
    JsonMemberSpan span;
    findTopLevelMembers(json, {key}, &span);
    return span;
}

QByteArray replaceTopLevelValue(const QByteArray &json, QByteArrayView key, QByteArrayView newValueJson)
{
    const JsonMemberSpan m = findTopLevelMember(json, key);
    if (!m.isValid())
        return json;
    QByteArray out = json;
    out.replace(m.valueStart, m.valueEnd - m.valueStart, newValueJson.toByteArray());
    return out;
}

QByteArray removeTopLevelMember(const QByteArray &json, QByteArrayView key)
{
    const JsonMemberSpan m = findTopLevelMember(json, key);
    if (!m.isValid())
        return json;
    qsizetype from = m.keyStart;
    qsizetype to = skipWhitespace(json, m.valueEnd);
    if (to < json.size() && json[to] == ',') {
        to = skipWhitespace(json, to + 1); // member followed by another: drop our trailing comma
    } else {
        // last member: drop the comma before it, if any
        qsizetype p = from - 1;
        while (p >= 0 && (json[p] == ' ' || json[p] == '\t' || json[p] == '\n' || json[p] == '\r'))
            --p;
        if (p >= 0 && json[p] == ',')
            from = p;
        to = m.valueEnd;
    }
    QByteArray out = json;
    out.remove(from, to - from);
    return out;
}

std::optional<qint64> jsonIntegerValue(QByteArrayView literal)
{
    const QByteArrayView t = literal.trimmed();
    if (t.isEmpty() || !(t.front() == '-' || (t.front() >= '0' && t.front() <= '9')))
        return std::nullopt;
    bool ok = false;
    const qint64 whole = t.toLongLong(&ok, 10);
    if (ok)
        return whole;
    const double d = t.toDouble(&ok);
    if (!ok || !std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9.0e15)
        return std::nullopt;
    return qint64(d);
}

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace llmproxy
