// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/http/httprequest.h"
#include "proxycore/http/httpresponder.h"

#include <memory>

namespace llmproxy {

/// Handles parsed requests for one worker thread. Called on that thread only.
class IRequestHandler
{
public:
    virtual ~IRequestHandler() = default;
    /// Must eventually write a response through `responder` (now or later), unless the client goes away.
    virtual void handle(HttpRequest &&request, std::shared_ptr<HttpResponder> responder) = 0;
};

} // namespace llmproxy
