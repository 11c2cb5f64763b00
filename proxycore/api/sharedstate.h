// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/cost/budget.h"
#include "proxycore/cost/scopebudget.h"
#include "proxycore/http/httprequest.h"
#include "proxycore/routing/routingsnapshot.h"

#include <atomic>
#include <functional>
#include <memory>

namespace llmproxy {

class AdminControl;
class ConversationStore;
class RequestPipeline;
class ResponseCache;
class RequestScanner;
class SecurityGuards;
class Store;

/// What the engine publishes to its workers. Written by the main thread, read lock-free by workers.
struct SharedState
{
    std::atomic<std::shared_ptr<const RoutingSnapshot>> snapshot;
    std::atomic<bool> paused{false};
    std::atomic<bool> draining{false};
    /// Today's spend, charged by every worker at the end of a request (thread-safe, hence mutable
    /// behind the workers' read-only view).
    mutable BudgetLedger budget;
    /// The keys' and teams' budgets (budget.keys, budget.teams): reserved before a request is sent,
    /// settled when it ends. Thread-safe; configured by the engine on every load.
    mutable ScopeBudgets scopeBudgets;
    std::atomic<bool> panic{false}; ///< kill switch: every inference request is refused until released
    /// Request records the workers' queues dropped because the engine did not collect them in
    /// time; counted by the engine, shown in /health so that a loss is never silent.
    std::atomic<quint64> droppedRecords{0};
    /// Keys that open the admin API (/api/v1/); none configured = the admin API is closed.
    std::atomic<std::shared_ptr<const ApiKeyVerifier>> adminKeys;
    /// Where the admin API's changes are made; set by the engine before the workers start and
    /// called on its thread only (see AdminControl).
    AdminControl *admin = nullptr;
    /// The monotonic clock, in milliseconds, of every circuit-breaker decision (requests, the admin
    /// API, the window, the health prober); unset = monotonicNowNs(). Set by the engine before the
    /// workers start and never changed after, so workers call it without a lock. Tests set their
    /// own to move past recovery times without sleeping.
    std::function<qint64()> clock;
    /// The request pipeline's stages (security guards, plugins), run between validation and
    /// routing; null or empty = none. Swapped whole; workers load it once per request.
    std::atomic<std::shared_ptr<const RequestPipeline>> pipeline;
    /// The security pipeline's switches, counters and recent decisions, and its text scanner (for
    /// the admin API's status). Set by the engine before the workers start and never replaced.
    std::shared_ptr<SecurityGuards> security;
    std::shared_ptr<const RequestScanner> scanner;
    /// The exact response cache (cache/responsecache.h): thread-safe, set by the engine before the
    /// workers start and never replaced; whether it is used is the snapshot's caching.enabled.
    std::shared_ptr<ResponseCache> cache;
    /// The database (request history), or null when server.storage has none. Set by the engine
    /// before the workers start and never replaced; its status() and enqueue() are thread-safe, its
    /// queries run on its reader thread (Store::readerContext()).
    std::shared_ptr<Store> store;
    /// The Responses API's stored responses (store/conversationstore.h): thread-safe, set by the
    /// engine before the workers start and never replaced; whether it is used is the snapshot's
    /// responses_store.enabled. Writes through to `store` when there is one.
    std::shared_ptr<ConversationStore> conversations;

    RoutingSnapshotPtr current() const { return snapshot.load(std::memory_order_acquire); }
    /// Now on `clock`, in milliseconds. Thread-safe (see `clock`).
    qint64 nowMs() const { return clock ? clock() : monotonicNowNs() / 1'000'000; }
};

} // namespace llmproxy
