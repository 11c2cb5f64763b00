// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/jsonindex.h"

#include <QSet>
#include <QVarLengthArray>

namespace llmproxy {

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char16_t hex4(const char *p)
{
    return char16_t((hexValue(p[0]) << 12) | (hexValue(p[1]) << 8) | (hexValue(p[2]) << 4) | hexValue(p[3]));
}

} // namespace

QString decodeJsonString(QByteArrayView literal)
{
    if (literal.size() < 2)
        return {};
    const QByteArrayView inner = literal.sliced(1, literal.size() - 2);
    qsizetype escape = inner.indexOf('\\');
    if (escape < 0)
        return QString::fromUtf8(inner);
    QString out;
    out.reserve(inner.size());
    qsizetype from = 0;
    while (escape >= 0) {
        out += QString::fromUtf8(inner.sliced(from, escape - from));
        const char e = inner[escape + 1];
        qsizetype consumed = 2;
        switch (e) {
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 't':
            out += u'\t';
            break;
        case 'u': {
            consumed = 6;
            const char16_t unit = hex4(inner.data() + escape + 2);
            if (QChar::isHighSurrogate(unit) && escape + 11 < inner.size() && inner[escape + 6] == '\\' &&
                inner[escape + 7] == 'u') {
                const char16_t low = hex4(inner.data() + escape + 8);
                if (QChar::isLowSurrogate(low)) {
                    out += QChar(unit);
                    out += QChar(low);
                    consumed = 12;
                    break;
                }
            }
            // A lone surrogate stays one, as in the providers' parsers (Python's json, JavaScript).
            out += QChar(unit);
            break;
        }
        default:
            out += QLatin1Char(e);
            break; // '"', '\\', '/'
        }
        from = escape + consumed;
        escape = inner.indexOf('\\', from);
    }
    out += QString::fromUtf8(inner.sliced(from));
    return out;
}

QByteArray decodeJsonStringUtf8(QByteArrayView literal)
{
    if (literal.size() >= 2 && !literal.sliced(1, literal.size() - 2).contains('\\'))
        return literal.sliced(1, literal.size() - 2).toByteArray();
    return decodeJsonString(literal).toUtf8();
}

/// The strict one-pass parser behind JsonIndex::build().
class JsonIndexBuilder
{
public:
    JsonIndexBuilder(JsonIndex &out) : m_out(out), m_s(out.m_text), m_nodes(out.m_nodes) {}

    void run()
    {
        skipWs();
        if (m_i >= m_s.size()) {
            m_out.m_error = JsonIndex::Error::Empty;
            return;
        }
        m_nodes.reserve(size_t(16 + m_s.size() / 24));
        if (value(0, -1, -1, -1, false) < 0)
            return;
        skipWs();
        if (m_i != m_s.size()) {
            syntaxError();
            return;
        }
        m_out.m_error = JsonIndex::Error::None;
    }

private:
    static constexpr int MaxDepth = 512;

    int syntaxError()
    {
        if (m_out.m_error == JsonIndex::Error::Empty)
            m_out.m_error = JsonIndex::Error::Syntax;
        m_out.m_errorOffset = m_i;
        return -1;
    }
    bool at(char c) const { return m_i < m_s.size() && m_s[m_i] == c; }
    void skipWs()
    {
        while (m_i < m_s.size() && isJsonSpace(m_s[m_i]))
            ++m_i;
    }

    int newNode(JsonIndex::Type type, int parent, qint32 keyStart, qint32 keyEnd, bool keyEscaped)
    {
        JsonIndex::Node n;
        n.type = type;
        n.start = qint32(m_i);
        n.parent = parent;
        n.keyStart = keyStart;
        n.keyEnd = keyEnd;
        n.keyEscaped = keyEscaped;
        m_nodes.push_back(n);
        return int(m_nodes.size()) - 1;
    }

    int value(int depth, int parent, qint32 keyStart, qint32 keyEnd, bool keyEscaped)
    {
        if (m_i >= m_s.size())
            return syntaxError();
        if (depth > MaxDepth) {
            m_out.m_error = JsonIndex::Error::TooDeep;
            return syntaxError();
        }
        using T = JsonIndex::Type;
        const char c = m_s[m_i];
        int node = -1;
        switch (c) {
        case '{':
            node = newNode(T::Object, parent, keyStart, keyEnd, keyEscaped);
            if (!object(node, depth + 1))
                return -1;
            break;
        case '[':
            node = newNode(T::Array, parent, keyStart, keyEnd, keyEscaped);
            if (!array(node, depth + 1))
                return -1;
            break;
        case '"': {
            node = newNode(T::String, parent, keyStart, keyEnd, keyEscaped);
            bool escaped = false;
            if (!string(&escaped))
                return -1;
            m_nodes[size_t(node)].escaped = escaped;
            break;
        }
        case 't':
            node = newNode(T::True, parent, keyStart, keyEnd, keyEscaped);
            if (!literal("true"))
                return -1;
            break;
        case 'f':
            node = newNode(T::False, parent, keyStart, keyEnd, keyEscaped);
            if (!literal("false"))
                return -1;
            break;
        case 'n':
            node = newNode(T::Null, parent, keyStart, keyEnd, keyEscaped);
            if (!literal("null"))
                return -1;
            break;
        default:
            node = newNode(T::Number, parent, keyStart, keyEnd, keyEscaped);
            if (!number())
                return -1;
            break;
        }
        m_nodes[size_t(node)].end = qint32(m_i);
        return node;
    }

    bool literal(QByteArrayView word)
    {
        if (m_s.sliced(m_i).startsWith(word)) {
            m_i += word.size();
            return true;
        }
        return syntaxError() >= 0;
    }

    bool object(int node, int depth)
    {
        ++m_i; // '{'
        skipWs();
        if (at('}')) {
            ++m_i;
            return true;
        }
        QVarLengthArray<int, 16> members;
        int previous = -1;
        for (;;) {
            skipWs();
            const auto keyStart = qint32(m_i);
            bool keyEscaped = false;
            if (!at('"') || !string(&keyEscaped))
                return syntaxError() >= 0;
            const auto keyEnd = qint32(m_i);
            skipWs();
            if (!at(':'))
                return syntaxError() >= 0;
            ++m_i;
            skipWs();
            const int child = value(depth, node, keyStart, keyEnd, keyEscaped);
            if (child < 0)
                return false;
            link(node, previous, child);
            previous = child;
            members.append(child);
            skipWs();
            if (at(',')) {
                ++m_i;
                continue;
            }
            if (at('}')) {
                ++m_i;
                return uniqueKeys(members);
            }
            return syntaxError() >= 0;
        }
    }

    bool array(int node, int depth)
    {
        ++m_i; // '['
        skipWs();
        if (at(']')) {
            ++m_i;
            return true;
        }
        int previous = -1;
        for (;;) {
            skipWs();
            const int child = value(depth, node, -1, -1, false);
            if (child < 0)
                return false;
            link(node, previous, child);
            previous = child;
            skipWs();
            if (at(',')) {
                ++m_i;
                continue;
            }
            if (at(']')) {
                ++m_i;
                return true;
            }
            return syntaxError() >= 0;
        }
    }

    void link(int parent, int previous, int child)
    {
        if (previous < 0)
            m_nodes[size_t(parent)].firstChild = child;
        else
            m_nodes[size_t(previous)].next = child;
        ++m_nodes[size_t(parent)].childCount;
    }

    bool sameKey(int a, int b) const
    {
        const JsonIndex::Node &x = m_nodes[size_t(a)];
        const JsonIndex::Node &y = m_nodes[size_t(b)];
        const QByteArrayView kx = m_s.sliced(x.keyStart, x.keyEnd - x.keyStart);
        const QByteArrayView ky = m_s.sliced(y.keyStart, y.keyEnd - y.keyStart);
        if (!x.keyEscaped && !y.keyEscaped)
            return kx == ky;
        return decodeJsonStringUtf8(kx) == decodeJsonStringUtf8(ky);
    }

    bool uniqueKeys(const QVarLengthArray<int, 16> &members)
    {
        const qsizetype n = members.size();
        if (n < 2)
            return true;
        if (n <= 16) {
            for (qsizetype a = 1; a < n; ++a) {
                for (qsizetype b = 0; b < a; ++b) {
                    if (sameKey(members[a], members[b]))
                        return duplicate(members[a]);
                }
            }
            return true;
        }
        QSet<QByteArray> seen;
        seen.reserve(n);
        for (int m : members) {
            const JsonIndex::Node &x = m_nodes[size_t(m)];
            const QByteArrayView literal = m_s.sliced(x.keyStart, x.keyEnd - x.keyStart);
            const QByteArray key = x.keyEscaped ? decodeJsonStringUtf8(literal)
                                                : QByteArray::fromRawData(literal.data() + 1, literal.size() - 2);
            if (seen.contains(key))
                return duplicate(m);
            seen.insert(key);
        }
        return true;
    }

    bool duplicate(int member)
    {
        const JsonIndex::Node &x = m_nodes[size_t(member)];
        m_out.m_error = JsonIndex::Error::DuplicateKey;
        m_out.m_errorOffset = x.keyStart;
        m_out.m_duplicateKey = decodeJsonString(m_s.sliced(x.keyStart, x.keyEnd - x.keyStart));
        m_out.m_errorPath = m_out.path(member);
        return false;
    }

    bool string(bool *escaped)
    {
        ++m_i; // opening quote
        while (m_i < m_s.size()) {
            const auto c = static_cast<unsigned char>(m_s[m_i]);
            if (c == '"') {
                ++m_i;
                return true;
            }
            if (c < 0x20)
                return syntaxError() >= 0;
            if (c == '\\') {
                *escaped = true;
                if (++m_i >= m_s.size())
                    return syntaxError() >= 0;
                const char e = m_s[m_i];
                if (e == 'u') {
                    if (m_i + 4 >= m_s.size())
                        return syntaxError() >= 0;
                    for (int k = 1; k <= 4; ++k) {
                        if (hexValue(m_s[m_i + k]) < 0)
                            return syntaxError() >= 0;
                    }
                    m_i += 5;
                    continue;
                }
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't')
                    return syntaxError() >= 0;
                ++m_i;
                continue;
            }
            if (c < 0x80) {
                ++m_i;
                continue;
            }
            if (!utf8Sequence())
                return syntaxError() >= 0;
        }
        return syntaxError() >= 0;
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
            low = c == 0xE0 ? 0xA0 : low;
            high = c == 0xED ? 0x9F : high;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            low = c == 0xF0 ? 0x90 : low;
            high = c == 0xF4 ? 0x8F : high;
        } else {
            return false;
        }
        if (m_i + length > m_s.size() || b(1) < low || b(1) > high)
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
        if (at('0'))
            ++m_i;
        else if (!digits())
            return syntaxError() >= 0;
        if (at('.')) {
            ++m_i;
            if (!digits())
                return syntaxError() >= 0;
        }
        if (at('e') || at('E')) {
            ++m_i;
            if (at('+') || at('-'))
                ++m_i;
            if (!digits())
                return syntaxError() >= 0;
        }
        return true;
    }

    JsonIndex &m_out;
    QByteArrayView m_s;
    std::vector<JsonIndex::Node> &m_nodes;
    qsizetype m_i = 0;
};

JsonIndex JsonIndex::build(QByteArray json)
{
    JsonIndex index;
    index.m_text = std::move(json);
    if (index.m_text.size() >= 0x7fffffff) {
        index.m_error = Error::Syntax;
        return index;
    }
    JsonIndexBuilder(index).run();
    if (!index.isValid())
        index.m_nodes.clear();
    return index;
}

QByteArrayView JsonIndex::raw(int i) const
{
    const Node &n = node(i);
    return QByteArrayView(m_text).sliced(n.start, n.end - n.start);
}

bool JsonIndex::keyIs(int i, QByteArrayView key) const
{
    const Node &n = node(i);
    if (n.keyStart < 0)
        return false;
    const QByteArrayView literal = QByteArrayView(m_text).sliced(n.keyStart, n.keyEnd - n.keyStart);
    if (!n.keyEscaped)
        return literal.sliced(1, literal.size() - 2) == key;
    return decodeJsonStringUtf8(literal) == key;
}

QByteArray JsonIndex::key(int i) const
{
    const Node &n = node(i);
    if (n.keyStart < 0)
        return {};
    return decodeJsonStringUtf8(QByteArrayView(m_text).sliced(n.keyStart, n.keyEnd - n.keyStart));
}

int JsonIndex::member(int object, QByteArrayView key) const
{
    if (object < 0 || object >= size() || type(object) != Type::Object)
        return -1;
    for (int c = node(object).firstChild; c >= 0; c = node(c).next) {
        if (keyIs(c, key))
            return c;
    }
    return -1;
}

int JsonIndex::element(int array, int index) const
{
    if (array < 0 || array >= size() || type(array) != Type::Array || index < 0)
        return -1;
    int c = node(array).firstChild;
    for (; c >= 0 && index > 0; --index)
        c = node(c).next;
    return c;
}

QString JsonIndex::string(int i) const
{
    if (i < 0 || i >= size() || type(i) != Type::String)
        return {};
    const Node &n = node(i);
    const QByteArrayView literal = QByteArrayView(m_text).sliced(n.start, n.end - n.start);
    return n.escaped ? decodeJsonString(literal) : QString::fromUtf8(literal.sliced(1, literal.size() - 2));
}

bool JsonIndex::stringIs(int i, QByteArrayView value) const
{
    if (i < 0 || i >= size() || type(i) != Type::String)
        return false;
    const Node &n = node(i);
    const QByteArrayView literal = QByteArrayView(m_text).sliced(n.start, n.end - n.start);
    return n.escaped ? decodeJsonStringUtf8(literal) == value : literal.sliced(1, literal.size() - 2) == value;
}

QString JsonIndex::path(int i) const
{
    QStringList parts;
    for (int n = i; n >= 0 && node(n).parent >= 0; n = node(n).parent) {
        const int parent = node(n).parent;
        if (type(parent) == Type::Array) {
            int index = 0;
            for (int c = node(parent).firstChild; c >= 0 && c != n; c = node(c).next)
                ++index;
            parts.prepend(QStringLiteral("[%1]").arg(index));
        } else {
            parts.prepend(QLatin1Char('.') + QString::fromUtf8(key(n)));
        }
    }
    return QLatin1Char('$') + parts.join(QString());
}

} // namespace llmproxy
