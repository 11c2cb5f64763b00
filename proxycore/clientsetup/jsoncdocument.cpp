// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/clientsetup/jsoncdocument.h"

#include "proxycore/clientsetup/configtext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <vector>

namespace llmproxy {

QString TextError::toString() const
{
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
}

struct JsoncDocument::Node
{
    enum Type { Object, Array, Scalar };
    struct Member
    {
        QString key;
        int keyStart = 0;
        std::unique_ptr<Node> value;
    };
    Type type = Scalar;
    int start = 0; ///< byte offset of the value's first character
    int end = 0;   ///< byte offset just past the value
    QJsonValue scalar;
    std::vector<Member> members;
    std::vector<std::unique_ptr<Node>> elements;

    const Member *member(const QString &key) const
    {
        // The last one wins, as in every JSON reader the tools use.
        const Member *found = nullptr;
        for (const Member &m : members) {
            if (m.key == key)
                found = &m;
        }
        return found;
    }

    QJsonValue toJson() const
    {
        switch (type) {
        case Object: {
            QJsonObject object;
            for (const Member &m : members)
                object.insert(m.key, m.value->toJson());
            return object;
        }
        case Array: {
            QJsonArray array;
            for (const auto &e : elements)
                array.append(e->toJson());
            return array;
        }
        case Scalar:
            break;
        }
        return scalar;
    }
};

namespace {

constexpr int kMaxDepth = 200;

/// Recursive-descent reader of JSON with comments and trailing commas, recording byte offsets.
class Parser
{
public:
    explicit Parser(const QByteArray &text) : m_t(text) {}

    template <typename N> bool run(std::unique_ptr<N> &root)
    {
        if (!skip())
            return false;
        if (m_pos == m_t.size())
            return true;
        root = std::make_unique<N>();
        if (!value(*root, 0) || !skip())
            return false;
        if (m_pos != m_t.size())
            return fail(m_pos, QStringLiteral("unexpected text after the end of the document"));
        return true;
    }

    TextError error() const { return m_error; }

private:
    char at(int i) const { return i < m_t.size() ? m_t.at(i) : '\0'; }

    bool fail(int offset, const QString &message)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < m_t.size(); ++i) {
            if (m_t.at(i) == '\n') {
                ++line;
                lineStart = i + 1;
            }
        }
        m_error = {line, int(QString::fromUtf8(m_t.mid(lineStart, offset - lineStart)).size()) + 1, message};
        return false;
    }

    /// Whitespace and comments.
    bool skip()
    {
        while (m_pos < m_t.size()) {
            const char c = m_t.at(m_pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++m_pos;
            } else if (c == '/' && at(m_pos + 1) == '/') {
                while (m_pos < m_t.size() && m_t.at(m_pos) != '\n')
                    ++m_pos;
            } else if (c == '/' && at(m_pos + 1) == '*') {
                const int close = m_t.indexOf("*/", m_pos + 2);
                if (close < 0)
                    return fail(m_pos, QStringLiteral("comment not closed"));
                m_pos = close + 2;
            } else if (c == '\xef' && at(m_pos + 1) == '\xbb' && at(m_pos + 2) == '\xbf' && m_pos == 0) {
                m_pos += 3; // byte order mark
            } else {
                break;
            }
        }
        return true;
    }

    template <typename N> bool value(N &node, int depth)
    {
        if (depth > kMaxDepth)
            return fail(m_pos, QStringLiteral("nested too deeply"));
        node.start = m_pos;
        const char c = at(m_pos);
        bool ok = false;
        if (c == '{')
            ok = object(node, depth);
        else if (c == '[')
            ok = array(node, depth);
        else if (c == '"') {
            QString s;
            ok = string(&s);
            node.scalar = s;
        } else if (c == '-' || (c >= '0' && c <= '9'))
            ok = number(node);
        else if (m_t.mid(m_pos, 4) == "true") {
            node.scalar = true;
            m_pos += 4;
            ok = true;
        } else if (m_t.mid(m_pos, 5) == "false") {
            node.scalar = false;
            m_pos += 5;
            ok = true;
        } else if (m_t.mid(m_pos, 4) == "null") {
            node.scalar = QJsonValue(QJsonValue::Null);
            m_pos += 4;
            ok = true;
        } else if (m_pos >= m_t.size())
            return fail(m_pos, QStringLiteral("the document ends where a value should be"));
        else
            return fail(m_pos, QStringLiteral("a value was expected here"));
        node.end = m_pos;
        return ok;
    }

    template <typename N> bool object(N &node, int depth)
    {
        node.type = N::Object;
        ++m_pos;
        while (true) {
            if (!skip())
                return false;
            if (at(m_pos) == '}') {
                ++m_pos;
                return true;
            }
            if (at(m_pos) != '"')
                return fail(m_pos, QStringLiteral("a member name in double quotes or } was expected here"));
            typename N::Member member;
            member.keyStart = m_pos;
            if (!string(&member.key) || !skip())
                return false;
            if (at(m_pos) != ':')
                return fail(m_pos, QStringLiteral("':' was expected after the member name"));
            ++m_pos;
            if (!skip())
                return false;
            member.value = std::make_unique<N>();
            if (!value(*member.value, depth + 1) || !skip())
                return false;
            node.members.push_back(std::move(member));
            if (at(m_pos) == ',') {
                ++m_pos;
            } else if (at(m_pos) != '}') {
                return fail(m_pos, QStringLiteral("',' or '}' was expected here"));
            }
        }
    }

    template <typename N> bool array(N &node, int depth)
    {
        node.type = N::Array;
        ++m_pos;
        while (true) {
            if (!skip())
                return false;
            if (at(m_pos) == ']') {
                ++m_pos;
                return true;
            }
            auto element = std::make_unique<N>();
            if (!value(*element, depth + 1) || !skip())
                return false;
            node.elements.push_back(std::move(element));
            if (at(m_pos) == ',') {
                ++m_pos;
            } else if (at(m_pos) != ']') {
                return fail(m_pos, QStringLiteral("',' or ']' was expected here"));
            }
        }
    }

    static int hex(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool string(QString *out)
    {
        const int open = m_pos++;
        int segment = m_pos;
        while (true) {
            if (m_pos >= m_t.size())
                return fail(open, QStringLiteral("string not closed"));
            const unsigned char c = uchar(m_t.at(m_pos));
            if (c == '"') {
                *out += QString::fromUtf8(m_t.mid(segment, m_pos - segment));
                ++m_pos;
                return true;
            }
            if (c < 0x20)
                return fail(m_pos, QStringLiteral("control character inside a string"));
            if (c != '\\') {
                ++m_pos;
                continue;
            }
            *out += QString::fromUtf8(m_t.mid(segment, m_pos - segment));
            const char e = at(m_pos + 1);
            switch (e) {
            case '"':
                *out += QLatin1Char('"');
                break;
            case '\\':
                *out += QLatin1Char('\\');
                break;
            case '/':
                *out += QLatin1Char('/');
                break;
            case 'b':
                *out += QLatin1Char('\b');
                break;
            case 'f':
                *out += QLatin1Char('\f');
                break;
            case 'n':
                *out += QLatin1Char('\n');
                break;
            case 'r':
                *out += QLatin1Char('\r');
                break;
            case 't':
                *out += QLatin1Char('\t');
                break;
            case 'u': {
                int code = 0;
                for (int i = 2; i < 6; ++i) {
                    const int digit = hex(at(m_pos + i));
                    if (digit < 0)
                        return fail(m_pos, QStringLiteral("\\u needs four hexadecimal digits"));
                    code = code * 16 + digit;
                }
                *out += QChar(char16_t(code));
                m_pos += 4;
                break;
            }
            default:
                return fail(m_pos, QStringLiteral("unknown escape sequence in a string"));
            }
            m_pos += 2;
            segment = m_pos;
        }
    }

    template <typename N> bool number(N &node)
    {
        const int begin = m_pos;
        auto digits = [this] {
            const int from = m_pos;
            while (at(m_pos) >= '0' && at(m_pos) <= '9')
                ++m_pos;
            return m_pos > from;
        };
        if (at(m_pos) == '-')
            ++m_pos;
        if (at(m_pos) == '0')
            ++m_pos;
        else if (!digits())
            return fail(begin, QStringLiteral("malformed number"));
        if (at(m_pos) == '.') {
            ++m_pos;
            if (!digits())
                return fail(begin, QStringLiteral("malformed number"));
        }
        if (at(m_pos) == 'e' || at(m_pos) == 'E') {
            ++m_pos;
            if (at(m_pos) == '+' || at(m_pos) == '-')
                ++m_pos;
            if (!digits())
                return fail(begin, QStringLiteral("malformed number"));
        }
        node.scalar = m_t.mid(begin, m_pos - begin).toDouble();
        return true;
    }

    const QByteArray &m_t;
    int m_pos = 0;
    TextError m_error;
};

int lineStart(const QByteArray &text, int offset)
{
    const int newline = text.lastIndexOf('\n', offset - 1);
    return newline < 0 ? 0 : newline + 1;
}

/// The leading whitespace of the line holding `offset`.
QByteArray lineIndent(const QByteArray &text, int offset)
{
    const int start = lineStart(text, offset);
    int i = start;
    while (i < text.size() && (text.at(i) == ' ' || text.at(i) == '\t'))
        ++i;
    return text.mid(start, i - start);
}

bool firstOnLine(const QByteArray &text, int offset)
{
    return lineStart(text, offset) + lineIndent(text, offset).size() == offset;
}

QByteArray serialize(const QJsonValue &v, const QByteArray &indent, const QByteArray &unit)
{
    if (v.isObject()) {
        const QJsonObject object = v.toObject();
        if (object.isEmpty())
            return "{}";
        QByteArrayList members;
        for (auto it = object.begin(); it != object.end(); ++it)
            members << indent + unit + configtext::jsonString(it.key()).toUtf8() + ": " +
                           serialize(it.value(), indent + unit, unit);
        return "{\n" + members.join(",\n") + "\n" + indent + "}";
    }
    if (v.isArray()) {
        const QJsonArray array = v.toArray();
        if (array.isEmpty())
            return "[]";
        QByteArrayList elements;
        for (const QJsonValue &e : array)
            elements << indent + unit + serialize(e, indent + unit, unit);
        return "[\n" + elements.join(",\n") + "\n" + indent + "]";
    }
    const QByteArray array = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QJsonValue nest(const QStringList &path, int from, const QJsonValue &leaf)
{
    QJsonValue value = leaf;
    for (int i = int(path.size()) - 1; i > from; --i)
        value = QJsonObject{{path.at(i), value}};
    return value;
}

} // namespace

JsoncDocument::JsoncDocument() = default;
JsoncDocument::~JsoncDocument() = default;

JsoncDocument::JsoncDocument(const JsoncDocument &other) : m_text(other.m_text)
{
    reparse();
}

JsoncDocument &JsoncDocument::operator=(const JsoncDocument &other)
{
    if (this != &other) {
        m_text = other.m_text;
        reparse();
    }
    return *this;
}

std::optional<JsoncDocument> JsoncDocument::parse(const QByteArray &text, TextError *error)
{
    JsoncDocument doc;
    doc.m_text = text;
    Parser parser(doc.m_text);
    if (!parser.run(doc.m_root)) {
        *error = parser.error();
        return std::nullopt;
    }
    return doc;
}

bool JsoncDocument::reparse()
{
    m_root.reset();
    Parser parser(m_text);
    return parser.run(m_root);
}

QByteArray JsoncDocument::text() const
{
    return m_text;
}

QJsonValue JsoncDocument::toJson() const
{
    return m_root ? m_root->toJson() : QJsonValue(QJsonValue::Undefined);
}

std::optional<QJsonValue> JsoncDocument::value(const QStringList &path) const
{
    const Node *node = m_root.get();
    for (const QString &key : path) {
        if (!node || node->type != Node::Object)
            return std::nullopt;
        const Node::Member *m = node->member(key);
        node = m ? m->value.get() : nullptr;
    }
    if (!node)
        return std::nullopt;
    return node->toJson();
}

bool JsoncDocument::set(const QStringList &path, const QJsonValue &value, QString *error)
{
    if (path.isEmpty())
        return false;
    QByteArray unit = "  ";
    if (m_root && m_root->type == Node::Object) {
        for (const Node::Member &m : m_root->members) {
            if (firstOnLine(m_text, m.keyStart) && !lineIndent(m_text, m.keyStart).isEmpty()) {
                unit = lineIndent(m_text, m.keyStart);
                break;
            }
        }
    }
    const QByteArray before = m_text;
    if (!m_root) {
        if (!m_text.isEmpty() && !m_text.endsWith('\n'))
            m_text += '\n';
        m_text += serialize(nest(path, -1, value), QByteArray(), unit) + '\n';
    } else {
        if (m_root->type != Node::Object) {
            *error = QStringLiteral("the top level is not a JSON object");
            return false;
        }
        const Node *object = m_root.get();
        for (int i = 0; i < path.size(); ++i) {
            const Node::Member *m = object->member(path.at(i));
            if (m && i + 1 == path.size()) {
                m_text.replace(m->value->start, m->value->end - m->value->start,
                               serialize(value, lineIndent(m_text, m->keyStart), unit));
                break;
            }
            if (m) {
                if (m->value->type != Node::Object) {
                    *error =
                        QStringLiteral("\"%1\" is not a JSON object").arg(path.mid(0, i + 1).join(QLatin1Char('.')));
                    return false;
                }
                object = m->value.get();
                continue;
            }
            const QJsonValue inserted = nest(path, i, value);
            const QByteArray key = configtext::jsonString(path.at(i)).toUtf8();
            if (!object->members.empty()) {
                const Node::Member &last = object->members.back();
                const QByteArray indent = lineIndent(m_text, last.keyStart);
                const QByteArray separator = firstOnLine(m_text, last.keyStart) ? ",\n" + indent : QByteArray(", ");
                const QByteArray text = separator + key + ": " + serialize(inserted, indent, unit);
                m_text.insert(last.value->end, text);
            } else {
                const QByteArray indent = lineIndent(m_text, object->start);
                m_text.insert(object->start + 1, "\n" + indent + unit + key + ": " +
                                                     serialize(inserted, indent + unit, unit) + "\n" + indent);
            }
            break;
        }
    }
    if (!reparse()) {
        m_text = before;
        reparse();
        *error = QStringLiteral("the edited document could not be read back");
        return false;
    }
    return true;
}

} // namespace llmproxy
