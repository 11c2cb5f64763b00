// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/upstream/curlglobal.h"

#include <QtGlobal>

#include <curl/curl.h>

#include <mutex>

namespace llmproxy {

void initCurlGlobal()
{
    // libcurl's global state is process-wide by its own design, so the once-flag has to be too.
    // curl_global_cleanup() is deliberately never called: worker threads may still hold easy
    // handles while static destructors run, and the OS reclaims everything at exit anyway.
    static std::once_flag once;
    std::call_once(once, [] {
        const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
        if (rc != CURLE_OK)
            qFatal("libcurl initialisation failed: %s", curl_easy_strerror(rc));
    });
}

} // namespace llmproxy
