// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/routing/routingsnapshot.h"

#include <atomic>
#include <memory>

namespace llmproxy {

/// What the engine publishes to its workers. Written by the main thread, read lock-free by workers.
struct SharedState
{
    std::atomic<std::shared_ptr<const RoutingSnapshot>> snapshot;
    std::atomic<bool> paused{false};
    std::atomic<bool> draining{false};

    RoutingSnapshotPtr current() const { return snapshot.load(std::memory_order_acquire); }
};

} // namespace llmproxy
