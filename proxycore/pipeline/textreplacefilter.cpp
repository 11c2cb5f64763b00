// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/pipeline/textreplacefilter.h"

namespace llmproxy {

TextReplaceFilter::TextReplaceFilter(QList<QPair<QString, QString>> replacements, QSet<TextKind> kinds)
    : m_kinds(std::move(kinds))
{
    for (auto &r : replacements) {
        if (!r.first.isEmpty())
            m_replacements.append(std::move(r));
    }
}

QString TextReplaceFilter::filterText(int blockIndex, TextKind kind, const QString &text, FilterControl &)
{
    if (!m_kinds.contains(kind) || m_replacements.isEmpty())
        return text;
    const QString buffer = m_held.take(blockIndex) + text;
    QString out;
    qsizetype at = 0;
    for (;;) {
        qsizetype best = -1;
        const QPair<QString, QString> *match = nullptr;
        for (const auto &r : std::as_const(m_replacements)) {
            const qsizetype found = buffer.indexOf(r.first, at);
            if (found >= 0 && (best < 0 || found < best || (found == best && r.first.size() > match->first.size()))) {
                best = found;
                match = &r;
            }
        }
        if (!match)
            break;
        out += QStringView(buffer).sliced(at, best - at);
        out += match->second;
        at = best + match->first.size();
    }
    // Hold back the longest tail that a later piece could complete into a match.
    const QStringView rest = QStringView(buffer).sliced(at);
    qsizetype hold = 0;
    for (const auto &r : std::as_const(m_replacements)) {
        for (qsizetype k = qMin(r.first.size() - 1, rest.size()); k > hold; --k) {
            if (rest.endsWith(QStringView(r.first).first(k))) {
                hold = k;
                break;
            }
        }
    }
    out += rest.first(rest.size() - hold);
    if (hold > 0)
        m_held.insert(blockIndex, rest.last(hold).toString());
    return out;
}

QString TextReplaceFilter::endBlock(int blockIndex, TextKind, FilterControl &)
{
    return m_held.take(blockIndex); // too short to be a match: released as it was
}

} // namespace llmproxy
