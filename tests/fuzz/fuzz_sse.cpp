// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Fuzz target: the text/event-stream decoder (SseDecoder) every streamed upstream answer goes
// through. Input: one flags byte (bit 0: a small event bound, so that the overflow path is
// reached; bit 1: also feed byte by byte), two bytes choosing where the stream is cut, then the
// stream. Checks: the stream in one piece, in three pieces and byte by byte gives the same events,
// the same overflow and the same raw ranges and boundary (up to the LF of a CRLF cut after its CR);
// ranges are ordered, do not overlap, lie inside the stream, and each decodes alone to its event;
// events written out again with sseEvent()/sseData() decode to the same name and data.
#include "proxycore/formats/ssedecoder.h"

#include <cstdio>
#include <cstdlib>

using namespace llmproxy;

/// Inputs that gave at least one event (the standalone driver's summary).
long fuzzInputsAccepted = 0;

namespace {

[[noreturn]] void finding(const char *what, QByteArrayView input)
{
    std::fprintf(stderr, "sse decoder: %s\ninput: %s\n", what,
                 input.toByteArray().toPercentEncoding(" /:;,=").constData());
    std::abort();
}

struct Decoded
{
    QList<SseEvent> events;
    qint64 boundary = 0; ///< before finish()
    bool overflowed = false;
};

Decoded decode(qsizetype maxEventBytes, const QList<QByteArrayView> &pieces)
{
    SseDecoder decoder(maxEventBytes);
    Decoded result;
    for (QByteArrayView piece : pieces)
        result.events += decoder.feed(piece);
    result.boundary = decoder.boundary();
    result.events += decoder.finish();
    result.overflowed = decoder.overflowed();
    return result;
}

/// A raw offset of `other` agrees with `whole`'s: equal, or one byte earlier where `whole` counted the
/// LF of a CRLF whose CR ended a piece (that LF goes with the bytes after it: the decoder cannot
/// know yet that it will come).
bool sameOffset(qint64 whole, qint64 other, QByteArrayView stream)
{
    return other == whole ||
           (other == whole - 1 && whole >= 2 && stream[whole - 1] == '\n' && stream[whole - 2] == '\r');
}

bool sameDecoding(const Decoded &a, const Decoded &b, QByteArrayView stream)
{
    if (a.events != b.events || !sameOffset(a.boundary, b.boundary, stream) || a.overflowed != b.overflowed)
        return false;
    for (qsizetype i = 0; i < a.events.size(); ++i) {
        if (!sameOffset(a.events[i].rawBegin, b.events[i].rawBegin, stream) ||
            !sameOffset(a.events[i].rawEnd, b.events[i].rawEnd, stream))
            return false;
    }
    return true;
}

void check(QByteArrayView data)
{
    if (data.size() < 3)
        return;
    const qsizetype maxEventBytes = (data[0] & 1) ? 48 : SseDecoder::DefaultMaxEventBytes;
    const QByteArrayView stream = data.sliced(3);
    qsizetype cut1 = qsizetype(quint8(data[1])) * stream.size() / 256;
    qsizetype cut2 = qsizetype(quint8(data[2])) * stream.size() / 256;
    if (cut1 > cut2)
        std::swap(cut1, cut2);

    const Decoded whole = decode(maxEventBytes, {stream});
    const Decoded cut =
        decode(maxEventBytes, {stream.first(cut1), stream.sliced(cut1, cut2 - cut1), stream.sliced(cut2)});
    if (!sameDecoding(whole, cut, stream))
        finding("events depend on how the stream was cut", data);
    if (data[0] & 2) {
        QList<QByteArrayView> bytes;
        for (qsizetype i = 0; i < stream.size(); ++i)
            bytes.append(stream.sliced(i, 1));
        if (!sameDecoding(whole, decode(maxEventBytes, bytes), stream))
            finding("events depend on how the stream was cut (byte by byte)", data);
    }

    qint64 previousEnd = 0;
    for (const SseEvent &e : whole.events) {
        if (e.rawBegin < previousEnd || e.rawEnd <= e.rawBegin || e.rawEnd > stream.size())
            finding("raw range out of order or outside the stream", data);
        previousEnd = e.rawEnd;
        if (e.event.contains('\n') || e.event.contains('\r') || e.data.contains('\r') || e.id.contains('\0'))
            finding("field holds a line break", data);
        if (whole.overflowed)
            continue;
        // The event's raw bytes alone decode to exactly this event (unless they start with a BOM,
        // which is content in the middle of a stream and dropped at its start).
        if (e.rawBegin > 0 && stream.sliced(e.rawBegin).startsWith("\xEF\xBB\xBF"))
            continue;
        const Decoded alone =
            decode(SseDecoder::DefaultMaxEventBytes, {stream.sliced(e.rawBegin, e.rawEnd - e.rawBegin)});
        if (alone.events.size() != 1 || !(alone.events[0] == e))
            finding("an event's raw bytes do not decode to the event", data);
        // Written out again, the event reads back the same (an event with a name and no data
        // comes back with empty data, which is how it reads anyway).
        const QByteArray again = e.event.isEmpty() ? sseData(e.data) : sseEvent(e.event, e.data);
        const Decoded reread = decode(SseDecoder::DefaultMaxEventBytes, {again});
        if (reread.events.size() != 1 || reread.events[0].event != e.event || reread.events[0].data != e.data)
            finding("event written out again reads back differently", data);
    }
    if (whole.boundary < 0 || whole.boundary > stream.size())
        finding("boundary outside the stream", data);
    if (!whole.events.isEmpty())
        ++fuzzInputsAccepted;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
