// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/util/memorytrim.h"

#include <cstdlib> // defines __GLIBC__ on glibc systems

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace llmproxy {

void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0); // every arena, not only the main one
#endif
}

} // namespace llmproxy
