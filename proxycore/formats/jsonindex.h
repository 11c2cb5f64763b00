// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace llmproxy {

/// A read-only index of one JSON text: every value's type and byte range, every member's key,
/// built in one strict pass without copying the text. It is how the gateway reads a client's
/// request exactly as the provider will:
/// - strict RFC 8259 in valid UTF-8 (no comments, no trailing commas, no NaN, no BOM), nesting
///   at most 512 levels;
/// - keys are compared after their escapes are decoded (`"mod\u0065l"` is `"model"`);
/// - **an object that has the same key twice is rejected**: RFC 8259 leaves the meaning of
///   duplicates open, and parsers disagree on which copy wins (the first here, the last in most
///   providers), which would let a request show the gateway one model or text and the provider
///   another.
/// Value type; the index keeps the text alive (implicitly shared QByteArray). Not thread-safe for
/// writing, safe to read from several threads.
class JsonIndex
{
public:
    enum class Type : quint8 { Null, False, True, Number, String, Array, Object };
    enum class Error : quint8 { None, Empty, Syntax, TooDeep, DuplicateKey };

    /// One value. Children of an array or object follow their parent directly (depth-first
    /// order); `next` chains siblings.
    struct Node
    {
        qint32 start = 0;     ///< first byte of the value
        qint32 end = 0;       ///< one past the value's last byte
        qint32 keyStart = -1; ///< object member: the key's opening quote; -1 otherwise
        qint32 keyEnd = -1;   ///< one past the key's closing quote
        qint32 parent = -1;
        qint32 next = -1; ///< next sibling, -1 after the last
        qint32 firstChild = -1;
        qint32 childCount = 0;
        Type type = Type::Null;
        bool escaped = false;    ///< string value with at least one escape sequence
        bool keyEscaped = false; ///< key with at least one escape sequence
    };

    /// Indexes `json`. Never throws; check isValid().
    static JsonIndex build(QByteArray json);

    bool isValid() const { return m_error == Error::None; }
    Error error() const { return m_error; }
    /// Byte offset of the first error (for DuplicateKey: the second copy's key).
    qsizetype errorOffset() const { return m_errorOffset; }
    /// Where the error is, as a path such as `$.messages[2].content` (for DuplicateKey: the
    /// repeated member). Empty for syntax errors.
    QString errorPath() const { return m_errorPath; }
    /// The repeated key of a DuplicateKey error, decoded.
    QString duplicateKey() const { return m_duplicateKey; }

    const QByteArray &text() const { return m_text; }
    qsizetype size() const { return qsizetype(m_nodes.size()); }
    const Node &node(int i) const { return m_nodes[size_t(i)]; }
    Type type(int i) const { return m_nodes[size_t(i)].type; }
    /// The value's bytes as sent (strings with their quotes).
    QByteArrayView raw(int i) const;
    /// The root value is node 0 (when valid).
    static constexpr int Root = 0;

    /// The member `key` of object `object` (keys compared decoded), or -1.
    int member(int object, QByteArrayView key) const;
    /// The `index`-th element of array `array`, or -1.
    int element(int array, int index) const;
    /// The decoded key of member node `i` (UTF-8).
    QByteArray key(int i) const;
    bool keyIs(int i, QByteArrayView key) const;
    /// Decoded string value of node `i`; a null QString when it is not a string.
    QString string(int i) const;
    /// Whether node `i` is the string `value` (decoded comparison).
    bool stringIs(int i, QByteArrayView value) const;
    /// `$.a.b[3]` style path of node `i`.
    QString path(int i) const;

private:
    friend class JsonIndexBuilder;
    QByteArray m_text;
    std::vector<Node> m_nodes;
    Error m_error = Error::Empty;
    qsizetype m_errorOffset = 0;
    QString m_errorPath;
    QString m_duplicateKey;
};

/// The decoded value of JSON string literal `literal` (quotes included, already validated).
/// A lone surrogate escape stays a lone surrogate (as in Python's json and JavaScript).
QString decodeJsonString(QByteArrayView literal);
/// The same, as UTF-8.
QByteArray decodeJsonStringUtf8(QByteArrayView literal);

} // namespace llmproxy
