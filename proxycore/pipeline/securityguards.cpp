// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/pipeline/securityguards.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace llmproxy {

namespace {

// Titles and descriptions are in English here (the admin API's words); the desktop translates
// them in the "Guards" context (QCoreApplication::translate).
const std::array<GuardInfo, kGuardCount> kGuards = {{
    {Guard::Flood, "flood_guard", QT_TRANSLATE_NOOP("Guards", "Flood guard"),
     QT_TRANSLATE_NOOP("Guards", "Refuses requests with too many messages, too much text or a repetition flood.")},
    {Guard::Firewall, "firewall", QT_TRANSLATE_NOOP("Guards", "Request firewall"),
     QT_TRANSLATE_NOOP(
         "Guards",
         "Blocks known attack signatures in normalised text and in base64, hex, URL, ROT13 and escaped spans.")},
    {Guard::Injection, "injection", QT_TRANSLATE_NOOP("Guards", "Injection scoring"),
     QT_TRANSLATE_NOOP(
         "Guards", "Blocks prompt injection by patterns in 17 languages, structure, similarity to known attacks and a "
                   "learned classifier.")},
    {Guard::Trajectory, "trajectory", QT_TRANSLATE_NOOP("Guards", "Multi-turn trajectory"),
     QT_TRANSLATE_NOOP("Guards", "Blocks a conversation whose recent user turns together build up an attack.")},
    {Guard::ThreatLedger, "threat_ledger", QT_TRANSLATE_NOOP("Guards", "Threat ledger"),
     QT_TRANSLATE_NOOP(
         "Guards", "Refuses the borderline requests of a key or remote address that keeps sending suspicious ones.")},
    {Guard::Pii, "pii", QT_TRANSLATE_NOOP("Guards", "PII and secrets"),
     QT_TRANSLATE_NOOP(
         "Guards", "Masks e-mail addresses, phone numbers, cards, IBANs, SSNs and secrets before a request leaves, and "
                   "restores them in the answer.")},
    {Guard::ResponseSanitizer, "response_sanitizer", QT_TRANSLATE_NOOP("Guards", "Response sanitizer"),
     QT_TRANSLATE_NOOP(
         "Guards", "Removes invisible and bidirectional control characters from answers and flags look-alike words.")},
    {Guard::LinkSanitizer, "link_sanitization", QT_TRANSLATE_NOOP("Guards", "Link sanitizer"),
     QT_TRANSLATE_NOOP("Guards", "Replaces links to blocked domains in answers.")},
    {Guard::PromptLeak, "prompt_leak", QT_TRANSLATE_NOOP("Guards", "System-prompt leak guard"),
     QT_TRANSLATE_NOOP("Guards", "Stops an answer that repeats the operator's system prompt or its canary token.")},
    {Guard::Signing, "response_signing", QT_TRANSLATE_NOOP("Guards", "Response signing"),
     QT_TRANSLATE_NOOP("Guards", "Signs every answer with HMAC-SHA256 when LLM_PROXY_SIGNING_KEY is set.")},
}};

bool configuredIn(const SecurityConfig &c, Guard g)
{
    switch (g) {
    case Guard::Flood:
        return true;
    case Guard::Firewall:
        return c.firewallEnabled;
    case Guard::Injection:
        return c.injectionEnabled;
    case Guard::Trajectory:
        return c.trajectoryEnabled;
    case Guard::ThreatLedger:
        return c.threatLedgerEnabled;
    case Guard::Pii:
        return c.piiEnabled;
    case Guard::ResponseSanitizer:
        return c.responseSanitizer;
    case Guard::LinkSanitizer:
        return c.linkSanitization;
    case Guard::PromptLeak:
        return c.promptLeakGuard;
    case Guard::Signing:
        return !c.signingKey.isEmpty();
    }
    return false;
}

int bucketOf(qint64 ns)
{
    const double us = std::max(1.0, double(ns) / 1000.0);
    return std::clamp(int(std::floor(std::log2(us) * 4.0)), 0, 95);
}

} // namespace

const std::array<GuardInfo, kGuardCount> &guardInfos()
{
    return kGuards;
}

const GuardInfo &guardInfo(Guard guard)
{
    return kGuards[size_t(guard)];
}

std::optional<Guard> guardFromId(QStringView id)
{
    for (const GuardInfo &g : kGuards) {
        if (id == QLatin1StringView(g.id))
            return g.guard;
    }
    // The reference system's feature names.
    if (id == u"link_sanitizer")
        return Guard::LinkSanitizer;
    if (id == u"language_guard")
        return Guard::ResponseSanitizer;
    if (id == u"injection_guard")
        return Guard::PromptLeak;
    return std::nullopt;
}

SecurityGuards::SecurityGuards()
    : m_config(std::make_shared<const SecurityConfig>()),
      m_blockedDomains(std::make_shared<const BlockedDomains>(QStringList()))
{
    for (auto &o : m_overrides)
        o.store(-1, std::memory_order_relaxed);
    m_hashSeed1 = QRandomGenerator::system()->generate64();
    m_hashSeed2 = QRandomGenerator::system()->generate64();
}

void SecurityGuards::setConfig(const SecurityConfig &config)
{
    auto next = std::make_shared<const SecurityConfig>(config);
    auto domains = std::make_shared<const BlockedDomains>(config.blockedDomains);
    QMutexLocker lock(&m_configMutex);
    m_config = std::move(next);
    m_blockedDomains = std::move(domains);
}

std::shared_ptr<const BlockedDomains> SecurityGuards::blockedDomains() const
{
    QMutexLocker lock(&m_configMutex);
    return m_blockedDomains;
}

std::shared_ptr<const PromptLeakDetector> SecurityGuards::leakDetector(const QString &systemPrompt,
                                                                       const QString &canary)
{
    constexpr qsizetype kCapacity = 64;
    const ScanKey key = scanKey(qHash(canary), systemPrompt);
    {
        QMutexLocker lock(&m_detectorMutex);
        if (const auto it = m_detectors.constFind(key); it != m_detectors.cend())
            return *it;
    }
    auto detector = std::make_shared<const PromptLeakDetector>(systemPrompt, canary);
    QMutexLocker lock(&m_detectorMutex);
    if (m_detectors.size() >= kCapacity)
        m_detectors.clear();
    m_detectors.insert(key, detector);
    return detector;
}

QString SecurityGuards::canaryFor(const QString &keyName) const
{
    const quint64 h = quint64(qHash(keyName, size_t(m_hashSeed1))) ^ (m_hashSeed2 << 1);
    return QStringLiteral("llmproxy-canary-%1").arg(h, 16, 16, QLatin1Char('0'));
}

std::shared_ptr<const SecurityConfig> SecurityGuards::config() const
{
    QMutexLocker lock(&m_configMutex);
    return m_config;
}

bool SecurityGuards::masterOn() const
{
    const int o = m_masterOverride.load(std::memory_order_relaxed);
    return o >= 0 ? o == 1 : config()->enabled;
}

bool SecurityGuards::configured(Guard guard) const
{
    return configuredIn(*config(), guard);
}

bool SecurityGuards::isOn(Guard guard) const
{
    if (!masterOn())
        return false;
    const std::shared_ptr<const SecurityConfig> c = config();
    // The firewall's environment switch wins over everything, as in the reference system: an
    // operator who disabled it by env does not see it come back through a toggle.
    if (guard == Guard::Firewall && c->firewallDisabledReason.startsWith(u"env:"))
        return false;
    // Signing needs a key; a toggle cannot switch it on without one.
    if (guard == Guard::Signing && c->signingKey.isEmpty())
        return false;
    const int o = m_overrides[size_t(guard)].load(std::memory_order_relaxed);
    return o >= 0 ? o == 1 : configuredIn(*c, guard);
}

void SecurityGuards::setOverride(Guard guard, std::optional<bool> on)
{
    m_overrides[size_t(guard)].store(on ? int(*on) : -1, std::memory_order_relaxed);
}

void SecurityGuards::setMasterOverride(std::optional<bool> on)
{
    m_masterOverride.store(on ? int(*on) : -1, std::memory_order_relaxed);
}

std::optional<bool> SecurityGuards::override(Guard guard) const
{
    const int o = m_overrides[size_t(guard)].load(std::memory_order_relaxed);
    return o >= 0 ? std::optional<bool>(o == 1) : std::nullopt;
}

std::optional<bool> SecurityGuards::masterOverride() const
{
    const int o = m_masterOverride.load(std::memory_order_relaxed);
    return o >= 0 ? std::optional<bool>(o == 1) : std::nullopt;
}

QHash<QString, bool> SecurityGuards::overrides() const
{
    QHash<QString, bool> result;
    if (const std::optional<bool> m = masterOverride())
        result.insert(QStringLiteral("security"), *m);
    for (const GuardInfo &g : kGuards) {
        if (const std::optional<bool> o = override(g.guard))
            result.insert(QString::fromLatin1(g.id), *o);
    }
    return result;
}

void SecurityGuards::setOverrides(const QHash<QString, bool> &overrides)
{
    setMasterOverride(overrides.contains(QStringLiteral("security"))
                          ? std::optional<bool>(overrides.value(QStringLiteral("security")))
                          : std::nullopt);
    for (const GuardInfo &g : kGuards) {
        const QString id = QString::fromLatin1(g.id);
        setOverride(g.guard, overrides.contains(id) ? std::optional<bool>(overrides.value(id)) : std::nullopt);
    }
}

GuardCounters SecurityGuards::counters(Guard guard) const
{
    const AtomicCounters &c = m_counters[size_t(guard)];
    return {c.scanned.load(std::memory_order_relaxed), c.blocked.load(std::memory_order_relaxed),
            c.masked.load(std::memory_order_relaxed), c.flagged.load(std::memory_order_relaxed)};
}

void SecurityGuards::recordScan(qint64 ns, bool blocked)
{
    m_requests.fetch_add(1, std::memory_order_relaxed);
    if (blocked)
        m_blockedRequests.fetch_add(1, std::memory_order_relaxed);
    m_scanHistogram[size_t(bucketOf(ns))].fetch_add(1, std::memory_order_relaxed);
    qint64 max = m_scanMaxNs.load(std::memory_order_relaxed);
    while (ns > max && !m_scanMaxNs.compare_exchange_weak(max, ns, std::memory_order_relaxed)) {
    }
}

double SecurityGuards::scanPercentileUs(double q) const
{
    std::array<quint64, kHistogramBuckets> counts{};
    quint64 total = 0;
    for (int i = 0; i < kHistogramBuckets; ++i) {
        counts[size_t(i)] = m_scanHistogram[size_t(i)].load(std::memory_order_relaxed);
        total += counts[size_t(i)];
    }
    if (total == 0)
        return 0.0;
    const auto rank = quint64(std::ceil(q * double(total)));
    quint64 seen = 0;
    for (int i = 0; i < kHistogramBuckets; ++i) {
        seen += counts[size_t(i)];
        if (seen >= rank)
            return std::exp2(double(i + 1) / 4.0); // the bucket's upper bound
    }
    return scanMaxUs();
}

void SecurityGuards::addEvent(SecurityEvent event)
{
    event.time = QDateTime::currentDateTimeUtc();
    QMutexLocker lock(&m_eventMutex);
    event.id = m_nextEventId++;
    m_events.push_back(event);
    if (m_events.size() > size_t(kEventCapacity))
        m_events.pop_front();
    if (!m_sink)
        return;
    const std::function<void(const SecurityEvent &)> sink = m_sink;
    lock.unlock();
    sink(event);
}

void SecurityGuards::setDecisionSink(std::function<void(const SecurityEvent &)> sink)
{
    const QMutexLocker lock(&m_eventMutex);
    m_sink = std::move(sink);
}

QList<SecurityEvent> SecurityGuards::eventsAfter(quint64 after, int limit) const
{
    QList<SecurityEvent> result;
    QMutexLocker lock(&m_eventMutex);
    auto it = std::upper_bound(m_events.begin(), m_events.end(), after,
                               [](quint64 id, const SecurityEvent &e) { return id < e.id; });
    for (; it != m_events.end() && result.size() < limit; ++it)
        result.append(*it);
    return result;
}

QList<SecurityEvent> SecurityGuards::recentEvents(int offset, int limit, quint64 *total) const
{
    QList<SecurityEvent> result;
    QMutexLocker lock(&m_eventMutex);
    if (total)
        *total = m_events.size();
    for (auto it = m_events.rbegin(); it != m_events.rend() && result.size() < limit; ++it) {
        if (offset > 0) {
            --offset;
            continue;
        }
        result.append(*it);
    }
    return result;
}

void SecurityGuards::reset()
{
    for (AtomicCounters &c : m_counters) {
        c.scanned.store(0);
        c.blocked.store(0);
        c.masked.store(0);
        c.flagged.store(0);
    }
    m_requests.store(0);
    m_blockedRequests.store(0);
    m_cacheHits.store(0);
    for (auto &b : m_scanHistogram)
        b.store(0);
    m_scanMaxNs.store(0);
    {
        QMutexLocker lock(&m_eventMutex);
        m_events.clear();
    }
    {
        QMutexLocker lock(&m_cacheMutex);
        m_cache.clear();
    }
    QMutexLocker lock(&m_ledgerMutex);
    m_ledger.clear();
}

SecurityGuards::ScanKey SecurityGuards::scanKey(quint64 salt, QStringView text) const
{
    const size_t a = qHashBits(text.data(), size_t(text.size()) * sizeof(QChar), size_t(m_hashSeed1 ^ salt));
    const size_t b = qHashBits(text.data(), size_t(text.size()) * sizeof(QChar), size_t(m_hashSeed2 + salt * 31));
    return {quint64(a) ^ (quint64(text.size()) << 40), quint64(b)};
}

std::optional<SecurityGuards::CachedScan> SecurityGuards::cached(const ScanKey &key) const
{
    QMutexLocker lock(&m_cacheMutex);
    const auto it = m_cache.constFind(key);
    if (it == m_cache.cend())
        return std::nullopt;
    m_cacheHits.fetch_add(1, std::memory_order_relaxed);
    return *it;
}

void SecurityGuards::remember(const ScanKey &key, const CachedScan &scan)
{
    QMutexLocker lock(&m_cacheMutex);
    if (m_cache.size() >= kCacheCapacity)
        m_cache.clear();
    m_cache.insert(key, scan);
}

void SecurityGuards::pruneLedger(LedgerEntry &entry, qint64 nowMs) const
{
    const qint64 windowMs = qint64(config()->threatLedgerWindowS) * 1000;
    while (!entry.events.empty() && entry.events.front().first < nowMs - windowMs)
        entry.events.pop_front();
}

bool SecurityGuards::overThreshold(const LedgerEntry &entry) const
{
    const std::shared_ptr<const SecurityConfig> c = config();
    if (int(entry.events.size()) < c->threatLedgerMinEvents)
        return false;
    double sum = 0.0;
    for (const auto &e : entry.events)
        sum += e.second;
    return sum >= c->threatLedgerThreshold;
}

bool SecurityGuards::ledgerRecord(const QString &actor, double score, qint64 nowMs)
{
    constexpr size_t kPerActor = 1000;
    QMutexLocker lock(&m_ledgerMutex);
    if (!m_ledger.contains(actor) && m_ledger.size() >= config()->threatLedgerMaxActors) {
        // Forget the actor seen least recently (a linear pass, only when the table is full).
        auto oldest =
            std::min_element(m_ledger.begin(), m_ledger.end(),
                             [](const LedgerEntry &a, const LedgerEntry &b) { return a.lastSeenMs < b.lastSeenMs; });
        m_ledger.erase(oldest);
    }
    LedgerEntry &entry = m_ledger[actor];
    pruneLedger(entry, nowMs);
    entry.events.emplace_back(nowMs, score);
    if (entry.events.size() > kPerActor)
        entry.events.pop_front();
    entry.lastSeenMs = nowMs;
    return overThreshold(entry);
}

int SecurityGuards::ledgerActors() const
{
    QMutexLocker lock(&m_ledgerMutex);
    return int(m_ledger.size());
}

} // namespace llmproxy
