// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/pipeline/responsefilter.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>

namespace llmproxy {

/// Replaces literal strings in the answer: the simplest useful response filter (masking a word,
/// restoring a fixed placeholder) and the reference for filters that must see text split across
/// stream events. At each position the earliest match wins, the longest pattern among those
/// starting there; replaced text is not searched again. A block's tail that could still become a
/// match is held back until the next piece or the block's end.
///
/// Replacement text goes in as given: in tool arguments (JSON text) it must be valid inside a JSON
/// string if it lands in one. One instance per request.
class TextReplaceFilter : public ResponseFilter
{
public:
    /// `replacements`: (pattern, replacement) pairs; empty patterns are ignored. `kinds`: which
    /// text it applies to (all by default).
    explicit TextReplaceFilter(QList<QPair<QString, QString>> replacements,
                               QSet<TextKind> kinds = {TextKind::Content, TextKind::Reasoning,
                                                       TextKind::ToolArguments});

    QByteArray name() const override { return QByteArrayLiteral("text-replace"); }
    void beginResponse() override { m_held.clear(); }
    QString filterText(int blockIndex, TextKind kind, const QString &text, FilterControl &control) override;
    QString endBlock(int blockIndex, TextKind kind, FilterControl &control) override;

private:
    QList<QPair<QString, QString>> m_replacements;
    QSet<TextKind> m_kinds;
    QHash<int, QString> m_held; ///< per block: a tail that may be the start of a match
};

} // namespace llmproxy
