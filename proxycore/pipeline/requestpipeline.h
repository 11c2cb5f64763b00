// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/apierror.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace llmproxy {

struct RequestContext;

/// One step of the request pipeline: a security guard or a plugin that reads the request (its
/// view's decoded text segments, key, model) and lets it pass, changes text, or blocks it.
/// Immutable once built and shared by every worker: process() is called concurrently from
/// several threads and must keep per-request state in the context only. It runs on the hot path
/// and must not block (no I/O, no waiting).
class RequestStage
{
public:
    virtual ~RequestStage() = default;
    /// Stable short name ("firewall", "pii"), shown in logs and request records when it blocks.
    virtual QString name() const = 0;
    /// Reads `context.view`; may append to `context.patches` (segment index of the current view
    /// → new text) and keep originals in `context.vault`. Returns the error to answer when the
    /// request must not go on.
    virtual std::optional<ApiError> process(RequestContext &context) const = 0;
};

/// The ordered stages between validation and routing. Immutable and shared (published with the
/// configuration); an empty pipeline costs one branch.
class RequestPipeline
{
public:
    RequestPipeline() = default;
    explicit RequestPipeline(std::vector<std::shared_ptr<const RequestStage>> stages);

    bool isEmpty() const { return m_stages.empty(); }
    const std::vector<std::shared_ptr<const RequestStage>> &stages() const { return m_stages; }

    /// Runs the stages in order. After a stage that patched text, the patches are applied to the
    /// body and the view rebuilt, so the next stage reads the changed request. Stops at the first
    /// stage that blocks: its error is returned and `context.record.blockedBy` names the stage (or
    /// the layer the stage set there).
    std::optional<ApiError> run(RequestContext &context) const;

private:
    std::vector<std::shared_ptr<const RequestStage>> m_stages;
};

} // namespace llmproxy
