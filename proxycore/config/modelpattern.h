// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringView>

#include <algorithm>
#include <utility>

namespace llmproxy {

/// A model name or a whole-name pattern, the one dialect used by model_aliases,
/// routing.model_strategies and the model allow-lists of client keys.
///
/// - The pattern must match the whole name: "gpt-4o" does not match "gpt-4o-mini".
/// - `*` matches any run of characters, `/` included ("meta-llama/*"); `?` exactly one character.
///   Every other character stands for itself; there is no escape and no character class.
/// - Comparison is case-sensitive, as the endpoints' `models:` lists and the providers themselves are.
///
/// Immutable value type; matching is a linear scan with one backtrack point (no regex engine).
class ModelPattern
{
public:
    ModelPattern() = default;
    explicit ModelPattern(QString text);

    const QString &text() const { return m_text; }
    /// Holds neither '*' nor '?': matches exactly one name.
    bool isExact() const { return m_exact; }
    /// "*": matches every name.
    bool matchesEverything() const { return m_text == u"*"; }
    /// Characters other than '*' (a '?' counts: it fixes a position). More is more specific.
    int specificity() const { return m_specificity; }
    bool matches(QStringView name) const;

    /// Whether `text` holds a wildcard ('*' or '?').
    static bool hasWildcard(QStringView text);

private:
    QString m_text;
    int m_specificity = 0;
    bool m_exact = true;
};

/// Patterns with a value each (alias targets, strategy names), looked up by model name in a fixed
/// precedence: an exact name first; then patterns by specificity (most non-'*' characters first);
/// patterns of equal specificity in the order of their text (the order `QMap` keeps them in).
/// Exact names are found by hash; patterns are scanned. Immutable after construction, so it may be
/// read from any number of threads.
template <typename T> class ModelPatternMap
{
public:
    ModelPatternMap() = default;
    explicit ModelPatternMap(const QMap<QString, T> &entries)
    {
        for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
            ModelPattern pattern(it.key());
            if (pattern.isExact())
                m_exact.insert(it.key(), it.value());
            else
                m_patterns.append({std::move(pattern), it.value()});
        }
        // Stable: equal specificity keeps the map's (text) order.
        std::stable_sort(m_patterns.begin(), m_patterns.end(),
                         [](const Entry &a, const Entry &b) { return a.first.specificity() > b.first.specificity(); });
    }

    bool isEmpty() const { return m_exact.isEmpty() && m_patterns.isEmpty(); }

    /// The first value, in precedence order, whose pattern matches `name` and that `accept` takes;
    /// nullptr when there is none.
    template <typename Accept> const T *find(const QString &name, Accept accept) const
    {
        if (const auto it = m_exact.constFind(name); it != m_exact.cend() && accept(*it))
            return &*it;
        for (const Entry &e : m_patterns) {
            if (e.first.matches(name) && accept(e.second))
                return &e.second;
        }
        return nullptr;
    }
    const T *find(const QString &name) const
    {
        return find(name, [](const T &) { return true; });
    }

    /// The exact names with their values (patterns left out), in no particular order.
    const QHash<QString, T> &exactEntries() const { return m_exact; }

private:
    using Entry = std::pair<ModelPattern, T>;
    QHash<QString, T> m_exact;
    QList<Entry> m_patterns;
};

/// A set of model names and patterns that either matches a name or does not (client key allow-lists).
/// Empty, or containing "*", allows every name.
class ModelPatternSet
{
public:
    ModelPatternSet() = default;
    explicit ModelPatternSet(const QStringList &patterns);
    bool matchesEverything() const { return m_everything; }
    bool matches(const QString &name) const;

private:
    bool m_everything = true;
    QHash<QString, bool> m_exact;
    QList<ModelPattern> m_patterns;
};

} // namespace llmproxy
