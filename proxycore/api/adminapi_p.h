// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

// What the admin API's route files share (adminapi.cpp, storeadminapi.cpp): the answer type of work
// done on another thread, and the JSON and error helpers. Private to proxycore/api.

#include "proxycore/api/threadhop.h"
#include "proxycore/formats/apierror.h"
#include "proxycore/http/httpresponder.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace llmproxy::adminapi {

inline const HeaderList &adminHeaders()
{
    static const HeaderList h{{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")},
                              {QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-store")}};
    return h;
}

inline QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

inline ApiError badRequest(const QString &message, QByteArray code, QByteArray param = {})
{
    return ApiError::invalidRequest(message, std::move(code), std::move(param));
}

/// The body as a JSON object; an empty body is an empty object (duplicate keys refused). nullopt
/// with a 400 in `error` otherwise.
std::optional<QJsonObject> bodyObject(const QByteArray &body, ApiError *error);

/// Reads an optional boolean `field` from a body that may carry nothing else. `value` stays unset
/// when the body does not have it. False with a 400 in `error`.
bool readFlag(const QByteArray &body, QLatin1String field, std::optional<bool> *value, ApiError *error);

/// What the engine's thread answers: a JSON body, or an error.
struct AdminReply
{
    int status = 200;
    QByteArray body;
    std::optional<ApiError> error;
};

inline AdminReply ok(const QJsonObject &body, int status = 200)
{
    return {status, compact(body), std::nullopt};
}

inline AdminReply failed(ApiError error)
{
    return {error.status, {}, std::move(error)};
}

/// Runs `work` in the thread of `target`, then `done` with its result on this worker's thread
/// (see runThenAnswer()).
inline void runOnThread(QObject *target, QObject *workerContext, std::function<AdminReply()> work,
                        std::function<void(const AdminReply &)> done)
{
    runThenAnswer<AdminReply>(target, workerContext, std::move(work), std::move(done));
}

} // namespace llmproxy::adminapi
