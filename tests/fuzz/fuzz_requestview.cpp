// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Fuzz target: the gateway's request reader (JsonIndex, RequestView, the top-level member scanner)
// against a full JSON parser (QJsonDocument). Whatever the gateway accepts, the full parser must
// read the same way: same validity, same top-level members with the same decoded values, and the
// scanner that later rewrites members must find the same bytes. A difference is a parser
// differential (the gateway acting on one request while the provider reads another) and aborts.
#include "proxycore/formats/jsonindex.h"
#include "proxycore/formats/jsonmembers.h"
#include "proxycore/formats/requestview.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

using namespace llmproxy;

/// Inputs the gateway accepted (for the standalone driver's summary: mutations must keep reaching
/// the comparison, not only the parser's error paths).
long fuzzInputsAccepted = 0;

namespace {

[[noreturn]] void differential(const char *what, const QByteArray &input)
{
    std::fprintf(stderr, "parser differential: %s\ninput: %s\n", what, input.toPercentEncoding("{}[]\":,").constData());
    std::abort();
}

void check(const QByteArray &input)
{
    const JsonIndex index = JsonIndex::build(input);
    if (!index.isValid())
        return; // refusing is always safe: nothing is sent upstream
    ++fuzzInputsAccepted;
    QJsonParseError error{};
    const JsonIndex::Type rootType = index.type(JsonIndex::Root);
    if (rootType != JsonIndex::Type::Object && rootType != JsonIndex::Type::Array) {
        // A scalar document (RFC 8259 allows one; so do the providers' parsers): Qt reads only
        // objects and arrays at the top level, so it reads the scalar as an array's only element.
        QJsonDocument::fromJson("[" + input + "]", &error);
        if (error.error != QJsonParseError::NoError && error.error != QJsonParseError::IllegalNumber)
            differential("accepted by the gateway, rejected by a full parser", input);
        return;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(input, &error);
    // Numbers beyond double's range: Qt refuses them, the providers' parsers (Python, JavaScript)
    // read them as infinity; the gateway accepts them like the providers and acts on none.
    if (error.error == QJsonParseError::IllegalNumber)
        return;
    if (error.error != QJsonParseError::NoError)
        differential("accepted by the gateway, rejected by a full parser", input);
    if (index.type(JsonIndex::Root) != JsonIndex::Type::Object)
        return;
    const QJsonObject object = doc.object();
    if (object.size() != index.node(JsonIndex::Root).childCount)
        differential("member count", input);
    for (int c = index.node(JsonIndex::Root).firstChild; c >= 0; c = index.node(c).next) {
        const JsonIndex::Node &n = index.node(c);
        const QString key = decodeJsonString(QByteArrayView(input).sliced(n.keyStart, n.keyEnd - n.keyStart));
        if (!object.contains(key))
            differential("member missing in the full parser", input);
        const QJsonValue value = object.value(key);
        if (index.type(c) == JsonIndex::Type::String && value.toString() != index.string(c))
            differential("decoded string value", input);
        // The scanner that rewrites members (model aliases, quirks) must find this very member.
        // (Keys with lone surrogates have no UTF-8 spelling to look them up by.)
        if (QString::fromUtf8(index.key(c)) != key)
            continue;
        const JsonMemberSpan span = findTopLevelMember(input, index.key(c));
        if (!span.isValid() || span.valueStart != index.node(c).start || span.valueEnd != index.node(c).end)
            differential("member scanner span", input);
    }
    ApiError viewError;
    if (const std::optional<RequestView> view = RequestView::build(ClientApi::ChatCompletions, input, &viewError)) {
        if (view->model() != object.value(QLatin1String("model")).toString())
            differential("model", input);
        if (view->stream() != (object.value(QLatin1String("stream")).toBool()))
            differential("stream", input);
        for (const TextSegment &s : view->segments()) {
            if (s.text != index.string(s.node) || s.start != index.node(s.node).start)
                differential("segment", input);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
