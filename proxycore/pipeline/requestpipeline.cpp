// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/pipeline/requestpipeline.h"

#include "proxycore/pipeline/requestcontext.h"

namespace llmproxy {

RequestPipeline::RequestPipeline(std::vector<std::shared_ptr<const RequestStage>> stages) : m_stages(std::move(stages))
{
}

std::optional<ApiError> RequestPipeline::run(RequestContext &context) const
{
    for (const auto &stage : m_stages) {
        std::optional<ApiError> blocked = stage->process(context);
        if (blocked) {
            if (context.record.blockedBy.isEmpty()) // a stage with several layers names the one that blocked
                context.record.blockedBy = stage->name();
            context.patches.clear();
            return blocked;
        }
        if (context.patches.isEmpty() || !context.view)
            continue;
        ApiError error;
        std::optional<RequestView> changed =
            RequestView::build(context.api, context.view->patched(context.patches), &error);
        context.patches.clear();
        if (!changed) {
            // Patches replace whole JSON strings with encoded strings, so the body stays valid;
            // should a stage break that, the request is refused rather than sent half-changed.
            qWarning("request pipeline: stage %s produced an unreadable request: %s", qPrintable(stage->name()),
                     qPrintable(error.message));
            context.record.blockedBy = stage->name();
            return ApiError{500,
                            QStringLiteral("The gateway could not apply a request guard's change."),
                            QByteArrayLiteral("server_error"),
                            QByteArrayLiteral("pipeline_error"),
                            {}};
        }
        context.view = std::move(changed);
    }
    return std::nullopt;
}

} // namespace llmproxy
