// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/cost/scopebudget.h"
#include "proxycore/formats/codecs.h"
#include "proxycore/formats/requestview.h"
#include "proxycore/http/httprequest.h"
#include "proxycore/observability/requestrecord.h"
#include "proxycore/pipeline/requestvault.h"
#include "proxycore/pipeline/responsefilter.h"
#include "proxycore/routing/routingsnapshot.h"
#include "proxycore/security/apikeyverifier.h"

#include <memory>
#include <optional>

namespace llmproxy {

class HttpResponder;

/// Everything known about one inference request on its way through the gateway, from the
/// moment its key is checked until its call to the provider starts: who sent it, what it asks
/// for (the RequestView), what the pipeline stages changed or kept aside, where it may go. Built
/// by the api layer, read and amended by the pipeline stages, handed to the call. Lives on the
/// request's worker thread; moved, never shared.
struct RequestContext
{
    HttpRequest request;
    std::shared_ptr<HttpResponder> responder;
    ClientApi api = ClientApi::ChatCompletions;
    formats::ApiFormat clientFormat = formats::ApiFormat::OpenAiChat;

    /// The client key (null when the gateway runs without keys: every model allowed).
    std::shared_ptr<const KeyAccess> key;
    /// The key's role (empty: every inference key is a user) and team (server.auth.keys[].team).
    QString role;
    QString team;

    /// The configuration the request is served with, taken once so a reload mid-request does not
    /// change its routes.
    RoutingSnapshotPtr snapshot;
    /// The request as read once (set after validation). Stages that change text add patches;
    /// the pipeline applies them and rebuilds the view before the next stage.
    std::optional<RequestView> view;
    QList<SegmentPatch> patches;
    /// Values the stages took out of the request, for the response filters to put back.
    RequestVault vault;
    /// The answer's filters (restoring what the vault holds, sanitizing, signing), added by the
    /// stages that need them; null = the answer is relayed as the provider sent it. Filters keep
    /// per-answer state, so each request gets its own chain. Only chat-style APIs (Chat
    /// Completions, Messages, Responses) can be filtered; a filtered legacy completion or
    /// embedding is refused.
    ResponseFilterChainPtr responseFilters;

    QString model;             ///< as asked by the client
    QList<RouteTarget> routes; ///< set by routing, tried in order by the call
    formats::ClientOptions clientOptions;
    RequestRecord record;
    /// The worst case held against the key's and team's budgets (budget.keys, budget.teams) until
    /// the call settles it; null when neither has a limit. Shared so the context stays copyable
    /// into callbacks; the last owner releases what was not settled.
    std::shared_ptr<BudgetReservation> reservation;

    bool anthropicErrors() const { return api == ClientApi::Messages; }
    /// The body to send: the client's bytes, with the stages' changes.
    const QByteArray &body() const { return view ? view->body() : request.body; }
};

} // namespace llmproxy
