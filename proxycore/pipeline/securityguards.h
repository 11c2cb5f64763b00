// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/config.h"
#include "proxycore/security/responsescan.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <array>
#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace llmproxy {

/// The layers of the security pipeline, each switchable on its own.
enum class Guard : quint8 {
    Flood,             ///< request size, message count, repetition floods
    Firewall,          ///< signatures over normalised and decoded text
    Injection,         ///< composite injection score (patterns, structure, corpus, classifier)
    Trajectory,        ///< several suspicious turns in one conversation
    ThreatLedger,      ///< several suspicious requests from one key or address
    Pii,               ///< PII and secrets masked (or blocked) before the request leaves
    ResponseSanitizer, ///< invisible characters removed from answers, look-alike words flagged
    LinkSanitizer,     ///< links to blocked domains replaced in answers
    PromptLeak,        ///< answers repeating the operator's system prompt (or its canary) stopped
    Signing,           ///< answers signed with LLM_PROXY_SIGNING_KEY
};
inline constexpr int kGuardCount = 10;

/// A guard's identity for the admin API, the desktop and the feature file.
struct GuardInfo
{
    Guard guard;
    const char *id;          ///< stable snake_case name ("firewall"), also the feature toggle's name
    const char *title;       ///< short human name
    const char *description; ///< one sentence
};
const std::array<GuardInfo, kGuardCount> &guardInfos();
const GuardInfo &guardInfo(Guard guard);
std::optional<Guard> guardFromId(QStringView id);

/// One decision of the security pipeline, as the access log, the admin API and the desktop show
/// it. Never carries the offending text itself (only `detail`, which names what matched).
struct SecurityEvent
{
    quint64 id = 0; ///< increasing, for paging
    QDateTime time;
    QString requestId;
    QString keyName;
    QString model;
    QString layer;  ///< guard id
    QString action; ///< "block", "mask", "flag"
    QString reason; ///< error code or short label ("firewall_signature", "EMAIL")
    QString detail; ///< what matched: signature id, pattern id, encoding chain, counts
    double score = 0.0;

    friend bool operator==(const SecurityEvent &, const SecurityEvent &) = default;
};

/// Counters of one guard since start (or the last reset).
struct GuardCounters
{
    quint64 scanned = 0;
    quint64 blocked = 0;
    quint64 masked = 0;
    quint64 flagged = 0;
};

/// The security pipeline's shared, mutable state: the configuration in force, run-time switches,
/// counters, scan-time distribution, recent decisions, the cache of texts already scanned and the
/// cross-session threat ledger. One per engine, shared by every worker; every member is
/// thread-safe (atomics, or a mutex held for a few operations, never across a scan).
class SecurityGuards
{
public:
    SecurityGuards();

    /// The configuration's `security:` section (on start and every reload).
    void setConfig(const SecurityConfig &config);
    std::shared_ptr<const SecurityConfig> config() const;

    /// Whether `guard` runs now: the master switch, then a run-time override, then the configuration.
    bool isOn(Guard guard) const;
    /// The configuration's own value for `guard` (what applies without an override).
    bool configured(Guard guard) const;
    bool masterOn() const;
    /// Run-time switches (POST /api/v1/features/toggle); nullopt removes the override.
    void setOverride(Guard guard, std::optional<bool> on);
    void setMasterOverride(std::optional<bool> on);
    std::optional<bool> override(Guard guard) const;
    std::optional<bool> masterOverride() const;
    /// All overrides as {id: bool} (with "security" for the master switch), for the feature file.
    QHash<QString, bool> overrides() const;
    void setOverrides(const QHash<QString, bool> &overrides);

    // -- counters and events -----------------------------------------------------------------------
    void countScanned(Guard guard) { counter(guard).scanned.fetch_add(1, std::memory_order_relaxed); }
    void countFlagged(Guard guard) { counter(guard).flagged.fetch_add(1, std::memory_order_relaxed); }
    void countMasked(Guard guard, quint64 n) { counter(guard).masked.fetch_add(n, std::memory_order_relaxed); }
    void countBlocked(Guard guard) { counter(guard).blocked.fetch_add(1, std::memory_order_relaxed); }
    GuardCounters counters(Guard guard) const;
    quint64 requestsScanned() const { return m_requests.load(std::memory_order_relaxed); }
    quint64 requestsBlocked() const { return m_blockedRequests.load(std::memory_order_relaxed); }
    /// One request went through the request guards in `ns` nanoseconds (blocked or not).
    void recordScan(qint64 ns, bool blocked);
    /// Scan-time percentile in microseconds (0 < q < 1) over every recorded scan.
    double scanPercentileUs(double q) const;
    double scanMaxUs() const { return double(m_scanMaxNs.load(std::memory_order_relaxed)) / 1000.0; }

    /// Adds a decision (its id and time are set here). Keeps the newest kEventCapacity, and hands it
    /// to the decision sink when one is set.
    void addEvent(SecurityEvent event);
    /// Called with every decision from then on, on the thread that made it (a worker): it must not
    /// block (the engine queues the decision for the audit ledger). An empty function removes it.
    void setDecisionSink(std::function<void(const SecurityEvent &)> sink);
    /// Decisions with an id greater than `after`, oldest first, at most `limit`.
    QList<SecurityEvent> eventsAfter(quint64 after, int limit) const;
    /// The newest `limit` decisions, newest first, skipping `offset` (paged listing).
    QList<SecurityEvent> recentEvents(int offset, int limit, quint64 *total) const;
    static constexpr int kEventCapacity = 5000;

    /// Clears counters, events, the scan cache and the threat ledger (not the switches).
    void reset();

    // -- scan cache: texts already scanned, by content hash ------------------------------------------
    /// What scanning one text found, kept so the same text (an agent's history, resent every turn)
    /// is not scanned again. Only request-side verdicts: never the text, never PII values.
    struct CachedScan
    {
        double injection = 0.0; ///< composite score (0 when not scored)
        bool firewallHit = false;
        bool hasPii = false; ///< the PII detector found something: run it again to mask
    };
    /// Key for a text: a 128-bit keyed hash of `salt` (how it was scanned) and its content. The hash
    /// key is random per process, so nobody can craft a text that collides with one already cached.
    using ScanKey = std::pair<quint64, quint64>;
    ScanKey scanKey(quint64 salt, QStringView text) const;
    std::optional<CachedScan> cached(const ScanKey &key) const;
    void remember(const ScanKey &key, const CachedScan &scan);
    quint64 cacheHits() const { return m_cacheHits.load(std::memory_order_relaxed); }
    static constexpr qsizetype kCacheCapacity = 65'536;

    // -- response side ------------------------------------------------------------------------------
    /// The leak detector for an operator prompt (and canary), built once and shared by the requests
    /// that send the same prompt (a coding tool sends its ~20 KB prompt with every turn).
    std::shared_ptr<const PromptLeakDetector> leakDetector(const QString &systemPrompt, const QString &canary);
    /// The configuration's blocked link domains, compiled once per configuration.
    std::shared_ptr<const BlockedDomains> blockedDomains() const;
    /// The canary token for a client key (stable for the process, different per key and process).
    QString canaryFor(const QString &keyName) const;

    // -- threat ledger ------------------------------------------------------------------------------
    /// Records a suspicious request (score > 0) from `actor` ("key:NAME" or "ip:ADDRESS") and returns
    /// whether the actor is over the ledger's threshold within its window, counting this one. An
    /// actor over the threshold has its borderline requests blocked, never its harmless ones.
    bool ledgerRecord(const QString &actor, double score, qint64 nowMs);
    int ledgerActors() const;

private:
    struct AtomicCounters
    {
        std::atomic<quint64> scanned{0}, blocked{0}, masked{0}, flagged{0};
    };
    AtomicCounters &counter(Guard g) { return m_counters[size_t(g)]; }

    struct LedgerEntry
    {
        std::deque<std::pair<qint64, double>> events; ///< (ms, score), oldest first
        qint64 lastSeenMs = 0;
    };
    void pruneLedger(LedgerEntry &entry, qint64 nowMs) const;
    bool overThreshold(const LedgerEntry &entry) const;

    mutable QMutex m_configMutex;
    std::shared_ptr<const SecurityConfig> m_config;
    std::array<std::atomic<int>, kGuardCount> m_overrides{}; ///< -1 none, 0 off, 1 on
    std::atomic<int> m_masterOverride{-1};

    std::array<AtomicCounters, kGuardCount> m_counters;
    std::atomic<quint64> m_requests{0}, m_blockedRequests{0};
    mutable std::atomic<quint64> m_cacheHits{0};
    static constexpr int kHistogramBuckets = 96; ///< 2^(i/4) µs, up to ~16 s
    std::array<std::atomic<quint64>, kHistogramBuckets> m_scanHistogram{};
    std::atomic<qint64> m_scanMaxNs{0};

    mutable QMutex m_eventMutex;
    std::deque<SecurityEvent> m_events;
    std::function<void(const SecurityEvent &)> m_sink; ///< under m_eventMutex
    quint64 m_nextEventId = 1;

    mutable QMutex m_cacheMutex;
    QHash<ScanKey, CachedScan> m_cache; ///< cleared whole when full (cheap, and rare)
    quint64 m_hashSeed1 = 0, m_hashSeed2 = 0;

    mutable QMutex m_detectorMutex;
    QHash<ScanKey, std::shared_ptr<const PromptLeakDetector>> m_detectors; ///< cleared whole when full
    std::shared_ptr<const BlockedDomains> m_blockedDomains;                ///< under m_configMutex

    mutable QMutex m_ledgerMutex;
    QHash<QString, LedgerEntry> m_ledger;
};

} // namespace llmproxy
