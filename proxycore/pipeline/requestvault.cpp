// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/pipeline/requestvault.h"

namespace llmproxy {

QString RequestVault::keep(const QString &label, const QString &original)
{
    const QString byOriginal = label + QChar(0) + original;
    if (const auto it = m_byOriginal.constFind(byOriginal); it != m_byOriginal.cend())
        return m_entries[*it].first;
    const int number = ++m_counters[label];
    QString placeholder = QLatin1Char('[') + label + QLatin1Char('_') + QString::number(number) + QLatin1Char(']');
    m_byOriginal.insert(byOriginal, m_entries.size());
    m_byPlaceholder.insert(placeholder, m_entries.size());
    m_entries.append({placeholder, original});
    return placeholder;
}

QString RequestVault::original(const QString &placeholder) const
{
    const auto it = m_byPlaceholder.constFind(placeholder);
    return it == m_byPlaceholder.cend() ? QString() : m_entries[*it].second;
}

} // namespace llmproxy
