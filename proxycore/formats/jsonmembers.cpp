// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/jsonmembers.h"

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
        const QByteArrayView name = json.sliced(keyStart + 1, keyEnd - keyStart - 2);
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

namespace {

/// A recursive-descent validator over bytes; no allocation.
class JsonValidator
{
public:
    explicit JsonValidator(QByteArrayView s) : m_s(s) {}

    bool run()
    {
        skipWs();
        if (!value(0))
            return false;
        skipWs();
        return m_i == m_s.size() || fail();
    }
    qsizetype position() const { return m_i; }

private:
    static constexpr int MaxDepth = 512;

    bool fail() { return false; }
    bool at(char c) const { return m_i < m_s.size() && m_s[m_i] == c; }
    void skipWs() { m_i = skipWhitespace(m_s, m_i); }

    bool value(int depth)
    {
        if (m_i >= m_s.size() || depth > MaxDepth)
            return fail();
        switch (m_s[m_i]) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool literal(QByteArrayView word)
    {
        if (m_s.sliced(m_i).startsWith(word)) {
            m_i += word.size();
            return true;
        }
        return fail();
    }

    bool object(int depth)
    {
        ++m_i; // '{'
        skipWs();
        if (at('}')) {
            ++m_i;
            return true;
        }
        for (;;) {
            skipWs();
            if (!at('"') || !string())
                return fail();
            skipWs();
            if (!at(':'))
                return fail();
            ++m_i;
            skipWs();
            if (!value(depth))
                return false;
            skipWs();
            if (at(',')) {
                ++m_i;
                continue;
            }
            if (at('}')) {
                ++m_i;
                return true;
            }
            return fail();
        }
    }

    bool array(int depth)
    {
        ++m_i; // '['
        skipWs();
        if (at(']')) {
            ++m_i;
            return true;
        }
        for (;;) {
            skipWs();
            if (!value(depth))
                return false;
            skipWs();
            if (at(',')) {
                ++m_i;
                continue;
            }
            if (at(']')) {
                ++m_i;
                return true;
            }
            return fail();
        }
    }

    static bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

    bool string()
    {
        ++m_i; // opening quote
        while (m_i < m_s.size()) {
            const auto c = static_cast<unsigned char>(m_s[m_i]);
            if (c == '"') {
                ++m_i;
                return true;
            }
            if (c < 0x20)
                return fail();
            if (c == '\\') {
                if (++m_i >= m_s.size())
                    return fail();
                const char e = m_s[m_i];
                if (e == 'u') {
                    if (m_i + 4 >= m_s.size())
                        return fail();
                    for (int k = 1; k <= 4; ++k) {
                        if (!isHex(m_s[m_i + k]))
                            return fail();
                    }
                    m_i += 5;
                    continue;
                }
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't')
                    return fail();
                ++m_i;
                continue;
            }
            if (c < 0x80) {
                ++m_i;
                continue;
            }
            if (!utf8Sequence())
                return fail();
        }
        return fail();
    }

    /// One multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
    bool utf8Sequence()
    {
        const auto b = [this](qsizetype k) { return static_cast<unsigned char>(m_s[m_i + k]); };
        const unsigned char c = b(0);
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0;
            if (c == 0xED)
                high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90;
            if (c == 0xF4)
                high = 0x8F;
        } else {
            return false;
        }
        if (m_i + length > m_s.size())
            return false;
        if (b(1) < low || b(1) > high)
            return false;
        for (int k = 2; k < length; ++k) {
            if (b(k) < 0x80 || b(k) > 0xBF)
                return false;
        }
        m_i += length;
        return true;
    }

    bool digits()
    {
        const qsizetype start = m_i;
        while (m_i < m_s.size() && m_s[m_i] >= '0' && m_s[m_i] <= '9')
            ++m_i;
        return m_i > start;
    }

    bool number()
    {
        if (at('-'))
            ++m_i;
        if (at('0')) {
            ++m_i;
        } else if (!digits()) {
            return fail();
        }
        if (at('.')) {
            ++m_i;
            if (!digits())
                return fail();
        }
        if (at('e') || at('E')) {
            ++m_i;
            if (at('+') || at('-'))
                ++m_i;
            if (!digits())
                return fail();
        }
        return true;
    }

    QByteArrayView m_s;
    qsizetype m_i = 0;
};

} // namespace

bool isValidJson(QByteArrayView json, qsizetype *errorOffset)
{
    JsonValidator v(json);
    const bool ok = v.run();
    if (!ok && errorOffset)
        *errorOffset = v.position();
    return ok;
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

QString jsonStringValue(QByteArrayView literal)
{
    if (literal.size() < 2 || literal.front() != '"' || literal.back() != '"')
        return {};
    const QByteArrayView inner = literal.sliced(1, literal.size() - 2);
    if (!inner.contains('\\'))
        return QString::fromUtf8(inner);
    const QJsonDocument doc = QJsonDocument::fromJson("[" + literal.toByteArray() + "]");
    return doc.isArray() ? doc.array().at(0).toString() : QString();
}

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace llmproxy
