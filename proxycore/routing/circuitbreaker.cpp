// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/routing/circuitbreaker.h"

#include <limits>

namespace llmproxy {

// m_state holds the State in its two low bits and a transition counter above them. Every
// transition bumps the counter, so a compare-and-swap based on an old reading fails even when the
// breaker has since come back to the same State (open → half-open → open between a thread's
// reading and its swap would otherwise hand out a second probe).
namespace {

constexpr unsigned StateMask = 3;
static_assert(int(CircuitBreaker::State::Closed) == 0, "a zero-initialised m_state must mean closed");
static_assert(int(CircuitBreaker::State::HalfOpen) <= int(StateMask));

CircuitBreaker::State stateOf(int word)
{
    return CircuitBreaker::State(unsigned(word) & StateMask);
}

int transition(int word, CircuitBreaker::State to)
{
    return int(((unsigned(word) & ~StateMask) + (StateMask + 1)) | unsigned(to));
}

} // namespace

void CircuitBreaker::configure(const BreakerSettings &settings)
{
    m_threshold.store(qMax(1, settings.failureThreshold), std::memory_order_relaxed);
    m_recoveryMs.store(qMax<qint64>(0, settings.recoveryMs), std::memory_order_relaxed);
}

BreakerSettings CircuitBreaker::settings() const
{
    return {m_threshold.load(std::memory_order_relaxed), m_recoveryMs.load(std::memory_order_relaxed)};
}

bool CircuitBreaker::isAvailable(qint64 nowMs) const
{
    const int word = m_state.load(std::memory_order_acquire);
    switch (stateOf(word)) {
    case State::Closed:
        return true;
    case State::Open:
        return nowMs - m_openedAt.load(std::memory_order_relaxed) >= m_recoveryMs.load(std::memory_order_relaxed);
    case State::HalfOpen:
        break;
    }
    return false;
}

bool CircuitBreaker::tryAcquire(qint64 nowMs)
{
    int word = m_state.load(std::memory_order_acquire);
    for (;;) {
        switch (stateOf(word)) {
        case State::Closed:
            return true;
        case State::HalfOpen:
            return false;
        case State::Open:
            break;
        }
        if (nowMs - m_openedAt.load(std::memory_order_relaxed) < m_recoveryMs.load(std::memory_order_relaxed))
            return false;
        // Only one thread can move this exact word to half-open: that one sends the probe.
        if (m_state.compare_exchange_weak(word, transition(word, State::HalfOpen), std::memory_order_acq_rel,
                                          std::memory_order_acquire))
            return true;
    }
}

void CircuitBreaker::recordSuccess()
{
    m_failures.store(0, std::memory_order_relaxed);
    int word = m_state.load(std::memory_order_acquire);
    while (stateOf(word) != State::Closed) {
        if (m_state.compare_exchange_weak(word, transition(word, State::Closed), std::memory_order_acq_rel,
                                          std::memory_order_acquire))
            return;
    }
}

void CircuitBreaker::recordFailure(qint64 nowMs)
{
    // Saturating increment: a flood of late failures must not wrap the count to negative.
    int failures = m_failures.load(std::memory_order_relaxed);
    while (failures < std::numeric_limits<int>::max() &&
           !m_failures.compare_exchange_weak(failures, failures + 1, std::memory_order_relaxed))
        ;

    int word = m_state.load(std::memory_order_acquire);
    for (;;) {
        switch (stateOf(word)) {
        case State::Open:
            // A late failure of a call sent before the breaker opened tells nothing new.
            return;
        case State::Closed:
            // Re-read the count: a success since our increment resets the streak.
            if (m_failures.load(std::memory_order_relaxed) < m_threshold.load(std::memory_order_relaxed))
                return;
            break;
        case State::HalfOpen:
            break;
        }
        // Publish the opening time before the state (release): whoever sees the new Open word also
        // sees a time at least this recent. The time only moves forward, so a thread that was
        // preempted with an older `nowMs` cannot shorten a newer open period.
        qint64 openedAt = m_openedAt.load(std::memory_order_relaxed);
        while (openedAt < nowMs && !m_openedAt.compare_exchange_weak(openedAt, nowMs, std::memory_order_relaxed))
            ;
        if (m_state.compare_exchange_weak(word, transition(word, State::Open), std::memory_order_acq_rel,
                                          std::memory_order_acquire)) {
            m_trips.fetch_add(1, std::memory_order_relaxed);
            return;
        }
    }
}

void CircuitBreaker::abandon()
{
    // The probe was granted only once recoveryMs had passed since m_openedAt, so going back to open
    // without touching the time leaves the breaker ready for the next probe right away.
    int word = m_state.load(std::memory_order_acquire);
    while (stateOf(word) == State::HalfOpen) {
        if (m_state.compare_exchange_weak(word, transition(word, State::Open), std::memory_order_acq_rel,
                                          std::memory_order_acquire))
            return;
    }
}

CircuitBreaker::State CircuitBreaker::state(qint64 /*nowMs*/) const
{
    return stateOf(m_state.load(std::memory_order_acquire));
}

int CircuitBreaker::consecutiveFailures() const
{
    return m_failures.load(std::memory_order_relaxed);
}

qint64 CircuitBreaker::openedAtMs() const
{
    return m_openedAt.load(std::memory_order_relaxed);
}

} // namespace llmproxy
