// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace llmproxy {

/// One scalar key to set in a configuration text.
struct ConfigKeyEdit
{
    QString path;  ///< dotted key path, e.g. "server.port"; every part a plain key
    QString value; ///< the value as YAML writes it (see yamlScalar())
};

/// The outcome of editConfigKeys().
struct ConfigTextEdit
{
    QByteArray text; ///< the edited text; empty when `error` is set
    /// The keys could not be changed line by line (flow style, anchors, unusual layout): the text
    /// was written anew from its parsed form, so its comments and layout are gone.
    bool commentsLost = false;
    QString error; ///< the text is not valid YAML, or a key's parent is not a mapping
};

/// `value` as a YAML scalar: plain when that reads back as the same text, double-quoted otherwise.
QString yamlScalar(const QString &value);

/// Sets scalar keys in a YAML configuration text and keeps everything else: each key's line is
/// edited in place (its trailing comment stays), a missing key is added under its section, a
/// missing section at the end. The result is parsed again and compared with the original with
/// only these keys changed; when they differ (a layout the line editor does not understand), the
/// text is rewritten from its parsed form instead and `commentsLost` says so. Pure function.
ConfigTextEdit editConfigKeys(const QByteArray &text, const QList<ConfigKeyEdit> &edits);

} // namespace llmproxy
