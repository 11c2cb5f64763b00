// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configedit.h"

#include <QRegularExpression>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

/// Spaces added per level for keys and sections that do not exist yet.
constexpr int kIndentStep = 2;

int indentOf(const QString &line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == u' ')
        ++n;
    return n;
}

/// A line that carries YAML content (not blank, not only a comment).
bool isContent(const QString &line)
{
    const QString trimmed = line.trimmed();
    return !trimmed.isEmpty() && !trimmed.startsWith(u'#');
}

/// The plain key of a "key: value" or "key:" line at its indentation; empty when the line is
/// something else (a list item, a quoted key, a flow collection).
QString keyOf(const QString &line)
{
    static const QRegularExpression key(u"^ *([A-Za-z0-9_][A-Za-z0-9_.\\-]*):(?:\\s|$)"_s);
    const QRegularExpressionMatch m = key.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

/// A "key: value" line split into what stays before the value, the value, and what stays after
/// it (spaces and a comment).
struct ValueSpan
{
    int start = 0; ///< first character of the value (or where it goes when there is none)
    int end = 0;   ///< one past its last character
};

/// Where the value of a key line is, or nullopt when it is not a simple scalar the line editor
/// can replace (block scalar, anchor, alias, tag, flow collection, unterminated quote).
std::optional<ValueSpan> valueSpan(const QString &line)
{
    int p = line.indexOf(u':', indentOf(line)) + 1;
    while (p < line.size() && line.at(p) == u' ')
        ++p;
    ValueSpan span{p, p};
    if (p >= line.size() || line.at(p) == u'#')
        return span; // no value on this line
    const QChar first = line.at(p);
    if (QStringLiteral("|>&*!{[%@`").contains(first))
        return std::nullopt;
    if (first == u'"' || first == u'\'') {
        int q = p + 1;
        for (; q < line.size(); ++q) {
            if (first == u'"' && line.at(q) == u'\\') {
                ++q;
                continue;
            }
            if (line.at(q) == first) {
                if (first == u'\'' && q + 1 < line.size() && line.at(q + 1) == u'\'') {
                    ++q;
                    continue;
                }
                break;
            }
        }
        if (q >= line.size())
            return std::nullopt;
        span.end = q + 1;
        return span;
    }
    int q = p;
    while (q < line.size() && !(line.at(q) == u'#' && line.at(q - 1).isSpace()))
        ++q;
    while (q > p && line.at(q - 1).isSpace())
        --q;
    span.end = q;
    return span;
}

/// The end of the block of a key line at `line` with indentation `indent`: the next content line
/// that is not indented deeper (or the end).
int blockEnd(const QStringList &lines, int line, int indent, int limit)
{
    for (int i = line + 1; i < limit; ++i) {
        if (isContent(lines.at(i)) && indentOf(lines.at(i)) <= indent)
            return i;
    }
    return limit;
}

/// Sets one key by editing lines; false when the layout is not one it can edit safely.
bool setKeyInLines(QStringList &lines, const QStringList &parts, const QString &value)
{
    int begin = 0;
    int end = int(lines.size());
    int parentIndent = -1;
    int header = -1;
    for (int depth = 0; depth < parts.size(); ++depth) {
        int childIndent = -1;
        for (int i = begin; i < end; ++i) {
            if (isContent(lines.at(i))) {
                childIndent = indentOf(lines.at(i));
                break;
            }
        }
        if (childIndent <= parentIndent)
            childIndent = -1; // an empty block
        int found = -1;
        if (childIndent >= 0) {
            for (int i = begin; i < end; ++i) {
                if (isContent(lines.at(i)) && indentOf(lines.at(i)) == childIndent &&
                    keyOf(lines.at(i)) == parts.at(depth)) {
                    found = i;
                    break;
                }
            }
        }
        if (found < 0) {
            // Add the rest of the path: under the section's header, or at the end of the file.
            int indent = childIndent >= 0 ? childIndent : parentIndent + (parentIndent < 0 ? 1 : kIndentStep);
            QStringList added;
            for (int rest = depth; rest < parts.size(); ++rest) {
                const bool leaf = rest == parts.size() - 1;
                added << QString(indent, u' ') + parts.at(rest) + u':' + (leaf ? u' ' + value : QString());
                indent += kIndentStep;
            }
            // After the section's last line, so the new key does not come between a comment and
            // the key it belongs to.
            int at = header >= 0 ? header + 1 : int(lines.size());
            for (int i = begin; header >= 0 && i < end; ++i) {
                if (isContent(lines.at(i)))
                    at = i + 1;
            }
            if (header < 0) {
                while (at > 0 && lines.at(at - 1).trimmed().isEmpty())
                    --at; // before the trailing blank lines, after one blank line
                if (at > 0)
                    added.prepend(QString());
            }
            for (int i = 0; i < added.size(); ++i)
                lines.insert(at + i, added.at(i));
            return true;
        }
        const std::optional<ValueSpan> span = valueSpan(lines.at(found));
        if (!span)
            return false;
        const int sectionEnd = blockEnd(lines, found, childIndent, end);
        const bool hasInlineValue = span->end > span->start;
        const bool hasChildren = [&] {
            for (int i = found + 1; i < sectionEnd; ++i) {
                if (isContent(lines.at(i)))
                    return true;
            }
            return false;
        }();
        if (depth == parts.size() - 1) {
            if (hasChildren)
                return false; // a mapping or list where a scalar belongs
            const QString &line = lines.at(found);
            QString before = line.left(span->start);
            if (!before.endsWith(u' '))
                before += u' ';
            QString after = line.mid(span->end);
            if (!after.isEmpty() && !after.at(0).isSpace())
                after.prepend(u' ');
            lines[found] = before + value + after;
            return true;
        }
        if (hasInlineValue)
            return false; // "server: {…}" or a scalar where a section belongs
        begin = found + 1;
        end = sectionEnd;
        parentIndent = childIndent;
        header = found;
    }
    return false;
}

bool sameNode(const YAML::Node &a, const YAML::Node &b)
{
    if (a.Type() != b.Type())
        return false;
    switch (a.Type()) {
    case YAML::NodeType::Scalar:
        return a.Scalar() == b.Scalar() && a.Tag() == b.Tag();
    case YAML::NodeType::Sequence:
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!sameNode(a[i], b[i]))
                return false;
        }
        return true;
    case YAML::NodeType::Map:
        if (a.size() != b.size())
            return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!it->first.IsScalar())
                return false;
            const YAML::Node other = b[it->first.Scalar()];
            if (!other.IsDefined() || !sameNode(it->second, other))
                return false;
        }
        return true;
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return true;
    }
    return false;
}

} // namespace

QString yamlScalar(const QString &value)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_][A-Za-z0-9_.\\-/]*$"_s);
    if (plain.match(value).hasMatch())
        return value;
    QString quoted = value;
    quoted.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return u'"' + quoted + u'"';
}

ConfigTextEdit editConfigKeys(const QByteArray &text, const QList<ConfigKeyEdit> &edits)
{
    ConfigTextEdit result;
    // What the text must mean afterwards: the original with these keys set.
    YAML::Node expected;
    try {
        expected = YAML::Clone(YAML::Load(text.toStdString()));
        if (!expected.IsDefined() || expected.IsNull())
            expected = YAML::Node(YAML::NodeType::Map);
        if (!expected.IsMap()) {
            result.error = u"the configuration is not a mapping of sections"_s;
            return result;
        }
        for (const ConfigKeyEdit &edit : edits) {
            const QStringList parts = edit.path.split(u'.');
            YAML::Node node = expected;
            for (int i = 0; i < parts.size() - 1; ++i) {
                YAML::Node child = node[parts.at(i).toStdString()];
                if (child.IsDefined() && !child.IsNull() && !child.IsMap()) {
                    result.error = u"%1 is not a mapping"_s.arg(parts.mid(0, i + 1).join(u'.'));
                    return result;
                }
                if (!child.IsDefined() || child.IsNull())
                    child = YAML::Node(YAML::NodeType::Map);
                node[parts.at(i).toStdString()] = child;
                node.reset(child);
            }
            node[parts.constLast().toStdString()] = YAML::Load(edit.value.toStdString());
        }
    } catch (const YAML::Exception &e) {
        result.error = u"the configuration is not valid YAML: %1"_s.arg(QString::fromStdString(e.msg));
        return result;
    }

    QString source = QString::fromUtf8(text);
    const bool crlf = source.contains(u"\r\n"_s);
    if (crlf)
        source.replace(u"\r\n"_s, u"\n"_s);
    const bool finalNewline = source.isEmpty() || source.endsWith(u'\n');
    QStringList lines = source.split(u'\n');
    if (source.endsWith(u'\n'))
        lines.removeLast();
    bool edited = true;
    for (const ConfigKeyEdit &edit : edits)
        edited = edited && setKeyInLines(lines, edit.path.split(u'.'), edit.value);
    if (edited) {
        QString joined = lines.join(u'\n');
        if (finalNewline)
            joined += u'\n';
        if (crlf)
            joined.replace(u"\n"_s, u"\r\n"_s);
        try {
            if (sameNode(YAML::Load(joined.toStdString()), expected)) {
                result.text = joined.toUtf8();
                return result;
            }
        } catch (const YAML::Exception &) {
            // Falls through to the rewrite below.
        }
    }
    YAML::Emitter out;
    out << expected;
    result.text = QByteArray(out.c_str()) + '\n';
    result.commentsLost = true;
    return result;
}

} // namespace llmproxy
