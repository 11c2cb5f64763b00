// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/modelpattern.h"

#include <QStringList>

namespace llmproxy {

bool ModelPattern::hasWildcard(QStringView text)
{
    return text.contains(u'*') || text.contains(u'?');
}

ModelPattern::ModelPattern(QString text) : m_text(std::move(text)), m_exact(!hasWildcard(m_text))
{
    m_specificity = int(m_text.size() - m_text.count(u'*'));
}

bool ModelPattern::matches(QStringView name) const
{
    if (m_exact)
        return name == m_text;
    // Greedy scan that backtracks only to the last '*': linear for the patterns people write,
    // O(pattern × name) at worst, which is bounded by the lengths of two model names.
    const QStringView pattern(m_text);
    qsizetype p = 0, t = 0, starP = -1, starT = 0;
    while (t < name.size()) {
        if (p < pattern.size() && (pattern[p] == u'?' || (pattern[p] != u'*' && pattern[p] == name[t]))) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == u'*') {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

ModelPatternSet::ModelPatternSet(const QStringList &patterns) : m_everything(patterns.isEmpty())
{
    for (const QString &text : patterns) {
        ModelPattern pattern(text);
        if (pattern.matchesEverything())
            m_everything = true;
        else if (pattern.isExact())
            m_exact.insert(text, true);
        else
            m_patterns.append(std::move(pattern));
    }
}

bool ModelPatternSet::matches(const QString &name) const
{
    if (m_everything || m_exact.contains(name))
        return true;
    for (const ModelPattern &p : m_patterns) {
        if (p.matches(name))
            return true;
    }
    return false;
}

} // namespace llmproxy
