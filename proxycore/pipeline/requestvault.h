// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <utility>

namespace llmproxy {

/// What the guards of one request took out of it, to be put back into the answer: a masking
/// guard replaces a value (an e-mail address, a key) by a placeholder such as `[EMAIL_1]` before
/// the request leaves, and the response filter that restores it looks the placeholder up here.
/// One per request, on the request's worker thread; gone with the request, never stored or logged.
class RequestVault
{
public:
    /// The placeholder for `original` under `label` (upper-case letters, e.g. "EMAIL"): `[EMAIL_1]`,
    /// `[EMAIL_2]`, … in order of first sight; the same value always gets the same placeholder.
    QString keep(const QString &label, const QString &original);
    /// The value behind `placeholder`, or a null QString.
    QString original(const QString &placeholder) const;
    bool isEmpty() const { return m_entries.isEmpty(); }
    /// (placeholder, original) pairs in the order they were kept.
    const QList<std::pair<QString, QString>> &entries() const { return m_entries; }

private:
    QList<std::pair<QString, QString>> m_entries;
    QHash<QString, qsizetype> m_byPlaceholder;
    QHash<QString, qsizetype> m_byOriginal; ///< key: label + '\0' + original
    QHash<QString, int> m_counters;         ///< per label
};

} // namespace llmproxy
