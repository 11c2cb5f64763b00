// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/routing/strategy.h"

#include "proxycore/config/configschema.h"
#include "proxycore/routing/endpointstats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace llmproxy {

std::optional<Strategy> strategyFromName(QStringView name)
{
    // The names and their synonyms are the configuration schema's, which validates them at load.
    const std::optional<QString> canonical = canonicalChoice(kStrategyChoices, name);
    for (Strategy s :
         {Strategy::Priority, Strategy::Weighted, Strategy::LeastLatency, Strategy::LeastBusy, Strategy::CostAware}) {
        if (canonical && *canonical == strategyName(s))
            return s;
    }
    return std::nullopt;
}

QString strategyName(Strategy strategy)
{
    switch (strategy) {
    case Strategy::Priority:
        return QStringLiteral("priority");
    case Strategy::Weighted:
        return QStringLiteral("weighted");
    case Strategy::LeastLatency:
        return QStringLiteral("least_latency");
    case Strategy::LeastBusy:
        return QStringLiteral("least_busy");
    case Strategy::CostAware:
        return QStringLiteral("cost");
    }
    return QStringLiteral("priority");
}

namespace {

bool measured(const Candidate &c)
{
    return c.stats && c.stats->requests() > 0;
}

// Smooth weighted round-robin without per-model state beyond the turn counter: occurrence k
// (0 ≤ k < w) of a candidate of weight w sits at (2k+1)/(2w) in (0, 1), and the Σw turns of a
// cycle visit all occurrences in ascending order (ties by candidate index). Each candidate thus
// leads exactly w times per cycle, spread evenly. The leader of one turn is found by rank
// arithmetic in O(n² log w), so weights up to a million cost nothing per request.

/// How many occurrences of candidate j come before occurrence k of candidate i.
quint64 occurrencesBefore(int j, quint64 wj, int i, quint64 wi, quint64 k)
{
    // Occurrence m of j is earlier when (2m+1)/(2wj) < (2k+1)/(2wi), or equal and j < i,
    // that is (2m+1)·wi < a (or ≤ a) with a = (2k+1)·wj (< 2^63 for 31-bit weights).
    const quint64 a = (2 * k + 1) * wj;
    const quint64 largestOdd = j < i ? a / wi : (a - 1) / wi; // bound on 2m+1
    return qMin(wj, (largestOdd + 1) / 2);
}

/// The candidate leading `turn`; `occurrence` receives which of its occurrences in the cycle it is.
int weightedLeader(const QList<quint64> &weights, quint64 turn, quint64 *occurrence)
{
    const quint64 cycle = std::accumulate(weights.cbegin(), weights.cend(), quint64(0));
    const quint64 position = turn % cycle;
    const int n = int(weights.size());
    const auto rankOf = [&](int i, quint64 k) {
        quint64 rank = 0;
        for (int j = 0; j < n; ++j)
            rank += occurrencesBefore(j, weights[j], i, weights[i], k);
        return rank;
    };
    for (int i = 0; i < n; ++i) {
        // The last occurrence of i whose rank is ≤ position; i leads when that rank is exact.
        quint64 lo = 0;
        quint64 hi = weights[i]; // ranks grow with k
        while (hi - lo > 1) {
            const quint64 mid = lo + (hi - lo) / 2;
            if (rankOf(i, mid) <= position)
                lo = mid;
            else
                hi = mid;
        }
        if (rankOf(i, lo) == position) {
            *occurrence = lo;
            return i;
        }
    }
    Q_UNREACHABLE();
    return 0;
}

double costAwareScore(const Candidate &c, double costWeight)
{
    const bool known = measured(c);
    const double success = known ? c.stats->successRate() : 1.0;
    const double latency = known ? c.stats->latencyMs() : 1.0;
    double score = success * success / qMax(latency, 1.0);
    if (costWeight > 0) {
        const double cost = c.costPerMtok > 0 ? c.costPerMtok : 0.0;
        score *= std::pow(1.0 / (cost + 0.01), costWeight);
    }
    return score;
}

} // namespace

QList<int> rankCandidates(Strategy strategy, const QList<Candidate> &candidates, double costWeight,
                          std::atomic<quint64> &turn)
{
    QList<int> order(candidates.size());
    std::iota(order.begin(), order.end(), 0);
    if (candidates.isEmpty())
        return order;

    // The statistics move under us while we sort, so every key is read once, before sorting.
    const auto byKey = [&order](const auto &keyOf) {
        QList<decltype(keyOf(0))> keys;
        keys.reserve(order.size());
        for (int i : std::as_const(order))
            keys.append(keyOf(i));
        std::stable_sort(order.begin(), order.end(), [&keys](int a, int b) { return keys[a] < keys[b]; });
    };
    const auto byPriority = [&candidates](int a, int b) { return candidates[a].priority < candidates[b].priority; };

    switch (strategy) {
    case Strategy::Priority:
        std::stable_sort(order.begin(), order.end(), byPriority);
        break;
    case Strategy::Weighted: {
        QList<quint64> weights;
        weights.reserve(candidates.size());
        for (const Candidate &c : candidates)
            weights.append(quint64(qMax(1, c.weight)));
        // The leader by smooth weighted round-robin. Should it fail, its share is spread over the
        // others by their weights rather than all going to one: the n-th time a candidate leads,
        // the others are ranked by the n-th turn of a round-robin among themselves (and so on).
        QList<int> rest = order;
        order.clear();
        quint64 nth = turn.fetch_add(1, std::memory_order_relaxed);
        while (rest.size() > 1) {
            quint64 occurrence = 0;
            const int pick = weightedLeader(weights, nth, &occurrence);
            const quint64 cycle = std::accumulate(weights.cbegin(), weights.cend(), quint64(0));
            nth = (nth / cycle) * weights[pick] + occurrence; // times `pick` led before this turn
            order.append(rest.takeAt(pick));
            weights.removeAt(pick);
        }
        order.append(rest.constFirst());
        break;
    }
    case Strategy::LeastLatency:
        // Unmeasured endpoints first (so they get measured), then by latency; endpoints whose
        // every sample failed have no latency and go last.
        byKey([&candidates](int i) {
            const Candidate &c = candidates[i];
            if (!measured(c))
                return std::pair(0, 0.0);
            if (c.stats->requests() <= c.stats->failures())
                return std::pair(2, 0.0);
            return std::pair(1, c.stats->latencyMs());
        });
        break;
    case Strategy::LeastBusy:
        byKey([&candidates](int i) { return candidates[i].stats ? candidates[i].stats->inFlight() : 0; });
        break;
    case Strategy::CostAware:
        byKey([&candidates, costWeight](int i) { return -costAwareScore(candidates[i], costWeight); });
        break;
    }
    return order;
}

} // namespace llmproxy
