// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace llmproxy {

/// Where a text could not be read: 1-based line and column (in characters) and what was wrong.
struct TextError
{
    int line = 0;
    int column = 0;
    QString message;
    QString toString() const; ///< "line L, column C: message"
};

/// A JSON document edited in place: everything outside the members that are set stays byte for
/// byte as it was (formatting, key order, comments). Reads plain JSON and JSON with comments
/// (// and /* */) and trailing commas, as Zed's and VS Code's settings files are written. New
/// members are appended to their object with the indentation of their siblings.
class JsoncDocument
{
public:
    /// Parses `text` (UTF-8). An empty text or one with only whitespace and comments is an empty
    /// document (set() then adds a top-level object). nullopt with `error` when it is not JSON.
    static std::optional<JsoncDocument> parse(const QByteArray &text, TextError *error);

    JsoncDocument(const JsoncDocument &other);
    JsoncDocument &operator=(const JsoncDocument &other);
    ~JsoncDocument();

    QByteArray text() const;
    /// The whole document as a value, comments dropped (Undefined when the document is empty).
    QJsonValue toJson() const;
    /// The value at `path` (object keys from the top level), nullopt when absent.
    std::optional<QJsonValue> value(const QStringList &path) const;
    /// Sets the member at `path` to `value`, creating the objects on the way. False (document
    /// unchanged) with `error` when the top level or an object on the way is something else.
    bool set(const QStringList &path, const QJsonValue &value, QString *error);

private:
    struct Node;
    JsoncDocument();
    bool reparse();
    QByteArray m_text;
    std::unique_ptr<Node> m_root; ///< nullptr for an empty document
};

} // namespace llmproxy
