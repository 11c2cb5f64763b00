// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

namespace llmproxy {

/// Hands memory the allocator holds but no longer uses back to the system. Compiling the security
/// guards' regular-expression sets (at start and on reload) takes several times the memory the
/// compiled sets keep; glibc keeps the difference in its per-thread arenas, where an idle gateway
/// would hold it for good. Call it after such a burst, never on the request path. A no-op where
/// the C library has no such call.
void releaseFreedMemory();

} // namespace llmproxy
