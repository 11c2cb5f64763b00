// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/http/httpstatus.h"

namespace llmproxy {

namespace {
struct StatusInfo
{
    int status;
    const char *reason;
    const char *code;
};

constexpr StatusInfo Statuses[] = {
    {100, "Continue", "continue"},
    {200, "OK", "ok"},
    {201, "Created", "created"},
    {202, "Accepted", "accepted"},
    {204, "No Content", "no_content"},
    {400, "Bad Request", "bad_request"},
    {401, "Unauthorized", "invalid_api_key"},
    {402, "Payment Required", "payment_required"},
    {403, "Forbidden", "forbidden"},
    {404, "Not Found", "not_found"},
    {405, "Method Not Allowed", "method_not_allowed"},
    {408, "Request Timeout", "request_timeout"},
    {409, "Conflict", "conflict"},
    {413, "Payload Too Large", "payload_too_large"},
    {415, "Unsupported Media Type", "unsupported_media_type"},
    {417, "Expectation Failed", "expectation_failed"},
    {422, "Unprocessable Entity", "unprocessable_entity"},
    {429, "Too Many Requests", "rate_limit_exceeded"},
    {431, "Request Header Fields Too Large", "headers_too_large"},
    {500, "Internal Server Error", "internal_error"},
    {501, "Not Implemented", "not_implemented"},
    {502, "Bad Gateway", "bad_gateway"},
    {503, "Service Unavailable", "service_unavailable"},
    {504, "Gateway Timeout", "gateway_timeout"},
    {505, "HTTP Version Not Supported", "http_version_not_supported"},
    {529, "Site Overloaded", "overloaded"},
};

const StatusInfo *find(int status)
{
    for (const StatusInfo &s : Statuses) {
        if (s.status == status)
            return &s;
    }
    return nullptr;
}
} // namespace

QByteArray httpReasonPhrase(int status)
{
    const StatusInfo *s = find(status);
    return s ? QByteArray(s->reason) : QByteArrayLiteral("Unknown");
}

QByteArray httpStatusCode(int status)
{
    const StatusInfo *s = find(status);
    return s ? QByteArray(s->code) : QByteArrayLiteral("error");
}

} // namespace llmproxy
