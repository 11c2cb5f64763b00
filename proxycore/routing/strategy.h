// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <atomic>
#include <optional>

namespace llmproxy {

class ModelStats;

/// How the endpoints that serve one model are ranked.
enum class Strategy {
    /// Lowest `priority` first; ties keep configuration order.
    Priority,
    /// Smooth weighted round-robin: over any Σw consecutive turns a candidate of weight w leads
    /// exactly w times, spread evenly (occurrence k of a candidate of weight w sits at (2k+1)/(2w)
    /// in the cycle; ties go to the earlier candidate), so weights 1, 1, 1 give plain round-robin
    /// and 3, 1 gives A A B A. A weight ≤ 0 counts as 1. The rest follow the leader by priority.
    Weighted,
    /// Lowest latency EMA first. Endpoints without samples (no statistics or requests() == 0) come
    /// before all others, so they get measured; endpoints whose every sample failed (no latency)
    /// come last.
    LeastLatency,
    /// Fewest requests in flight first (no statistics = 0).
    LeastBusy,
    /// Highest success² / max(latency ms, 1) × (1 / (cost per Mtok + 0.01))^costWeight first; an
    /// endpoint without samples counts as success 1 at 1 ms, so it ranks high and gets explored.
    /// A costWeight ≤ 0 leaves prices out.
    CostAware,
};

/// The strategy a configuration names: "priority", "weighted" ("round_robin": weighted, which is
/// plain round-robin with the default weight 1), "least_latency" ("latency", "fastest"),
/// "least_busy", "cost" ("cost_aware", "smart"). Case-insensitive, '-' and '_' alike, surrounding
/// blanks ignored; nullopt for anything else.
std::optional<Strategy> strategyFromName(QStringView name);
/// The canonical name, which strategyFromName() accepts.
QString strategyName(Strategy strategy);

/// One endpoint able to serve the request, as the ranking sees it.
struct Candidate
{
    int priority = 0;
    int weight = 1;
    double costPerMtok = 0.0;          ///< input price, USD per million tokens; 0 when unknown
    const ModelStats *stats = nullptr; ///< this endpoint × model; nullptr = no samples
};

/// Indices into `candidates`, best first. Every index appears exactly once. `turn` is the
/// round-robin position shared by all requests for the same model (incremented here for Weighted).
/// Deterministic for the same inputs; ties keep the input order. Statistics are read once per call,
/// so concurrent updates cannot disturb the sort. Thread-safe.
QList<int> rankCandidates(Strategy strategy, const QList<Candidate> &candidates, double costWeight,
                          std::atomic<quint64> &turn);

} // namespace llmproxy
