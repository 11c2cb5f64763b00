// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <latch>
#include <thread>
#include <vector>

namespace llmproxy::test {

/// Runs `body(threadIndex)` on `threads` threads that all start at the same moment, and waits for
/// them all.
template <typename Body> void runConcurrently(int threads, Body body)
{
    std::latch start(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&start, &body, t] {
            start.arrive_and_wait();
            body(t);
        });
    }
    for (std::thread &thread : pool)
        thread.join();
}

} // namespace llmproxy::test
