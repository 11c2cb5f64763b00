// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

namespace llmproxy {

/// Initialises libcurl's process-wide state (curl_global_init) exactly once.
/// libcurl requires this before any other thread uses it, so call it from main() before worker
/// threads start; CurlTransport's constructor calls it too as a safety net. Thread-safe and
/// idempotent. The state is never torn down: it lives until the process exits.
/// Aborts the process when libcurl cannot initialise (no TLS backend), since no upstream call
/// could work afterwards.
void initCurlGlobal();

} // namespace llmproxy
