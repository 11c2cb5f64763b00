// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/encodingdecoder.h"

#include <QByteArray>
#include <QChar>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <iterator>

namespace llmproxy {

namespace {

constexpr qsizetype kMinBase64 = 16;
constexpr qsizetype kMinHex = 16;
constexpr int kMinUrlEscapes = 3;
constexpr int kMinEntities = 2;
constexpr int kMinBackslashEscapes = 1;
// Escapes belong to one span when at most this many characters (no line break) separate them,
// and a span extends over the word around it by at most kWordReach characters each side: an
// attacker cannot spread one hidden phrase over pages, and a short gap keeps "\u0069gnore" whole.
constexpr qsizetype kMaxGap = 16;
constexpr qsizetype kWordReach = 32;
constexpr int kMinRot13Letters = 8;

bool isAsciiAlnum(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

enum CharClass : quint8 { Alnum = 1, HexDigit = 2, StandardSeparator = 4, UrlSeparator = 8 };

/// Classes of the ASCII characters the base64 / hex scan needs, looked up once per character.
constexpr auto kCharClasses = [] {
    std::array<quint8, 128> t{};
    for (int c = '0'; c <= '9'; ++c)
        t[c] = Alnum | HexDigit;
    for (int c = 'a'; c <= 'z'; ++c)
        t[c] = Alnum | (c <= 'f' ? HexDigit : 0);
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = Alnum | (c <= 'F' ? HexDigit : 0);
    t['+'] = t['/'] = StandardSeparator;
    t['-'] = t['_'] = UrlSeparator;
    return t;
}();

quint8 charClass(char16_t c)
{
    return c < 128 ? kCharClasses[c] : 0;
}

int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f' || c == u'\v';
}

/// Whether decoded text looks like something a person or a model would read: every code point
/// printable (or tab / line break), no lone surrogate, and at least one letter. Random bytes
/// almost never pass, which is what keeps hashes, UUIDs and words from producing garbage layers.
bool isPrintableText(QStringView s)
{
    bool letter = false;
    const char16_t *p = s.utf16();
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t cp = p[i];
        if (QChar::isHighSurrogate(p[i])) {
            if (i + 1 >= n || !QChar::isLowSurrogate(p[i + 1]))
                return false;
            cp = QChar::surrogateToUcs4(p[i], p[i + 1]);
            ++i;
        } else if (QChar::isLowSurrogate(p[i])) {
            return false;
        }
        if (cp == U'\t' || cp == U'\n' || cp == U'\r')
            continue;
        if (!QChar::isPrint(cp))
            return false;
        letter = letter || QChar::isLetter(cp);
    }
    return letter;
}

/// Strict UTF-8 to UTF-16; false on any malformed sequence.
bool fromUtf8(QByteArrayView bytes, QString &out)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    out = decoder.decode(bytes);
    return !decoder.hasError();
}

/// Decoded bytes as readable text: UTF-8, or UTF-16 (big- or little-endian) when every other byte
/// is zero, as text encoded from a UTF-16 string is ("D\0i\0s\0..."). False when neither gives
/// printable text.
bool readableText(QByteArrayView bytes, QString &out)
{
    if (fromUtf8(bytes, out) && isPrintableText(out))
        return true;
    if (bytes.size() < 4 || bytes.size() % 2 != 0)
        return false;
    bool evenZero = true;
    bool oddZero = true;
    for (qsizetype i = 0; i + 1 < bytes.size() && (evenZero || oddZero); i += 2) {
        evenZero = evenZero && bytes[i] == 0;
        oddZero = oddZero && bytes[i + 1] == 0;
    }
    if (evenZero == oddZero)
        return false;
    QStringDecoder decoder(evenZero ? QStringDecoder::Utf16BE : QStringDecoder::Utf16LE,
                           QStringDecoder::Flag::Stateless);
    out = decoder.decode(bytes);
    return !decoder.hasError() && isPrintableText(out);
}

QByteArray toAscii(QStringView s)
{
    QByteArray out(s.size(), Qt::Uninitialized);
    std::transform(s.begin(), s.end(), out.begin(), [](QChar c) { return char(c.unicode()); });
    return out;
}

struct Found
{
    qsizetype start;
    qsizetype length;
    QString text;
    const char *encoding;
};

/// Collects candidates of one layer; refuses them (before decoding) once `room` (code units) or
/// the span count runs out, and remembers that it did. Scanning goes on, which costs a linear
/// pass and no allocation.
class Collector
{
public:
    Collector(qsizetype room, int maxSpans) : m_room(room), m_maxSpans(maxSpans) {}

    /// Whether a decoding of at most `bound` code units may still be attempted.
    bool fits(qsizetype bound)
    {
        if (int(m_found.size()) >= m_maxSpans || bound > m_room) {
            m_truncated = true;
            return false;
        }
        return true;
    }
    void add(qsizetype start, qsizetype length, QString text, const char *encoding)
    {
        m_room -= text.size();
        m_found.append(Found{start, length, std::move(text), encoding});
    }

    QList<Found> m_found;
    qsizetype m_room;
    int m_maxSpans;
    bool m_truncated = false;
};

/// A run of hex digits with no letter or digit on either side.
void tryHex(QStringView text, qsizetype start, qsizetype length, Collector &out)
{
    if (length < kMinHex || length % 2 != 0 || !out.fits(length / 2))
        return;
    const char16_t *p = text.utf16();
    QByteArray bytes(length / 2, Qt::Uninitialized);
    for (qsizetype k = 0; k < length / 2; ++k)
        bytes[k] = char(hexValue(p[start + 2 * k]) * 16 + hexValue(p[start + 2 * k + 1]));
    QString decodedText;
    if (readableText(bytes, decodedText))
        out.add(start, length, std::move(decodedText), "hex");
}

bool isHexSeparator(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u',' || c == u':' || c == u';' || c == u'-';
}

/// A hex token at `i`: an optional 0x prefix, then an even number of hex digits, with no letter,
/// digit or backslash (a `\x` escape) glued to either end. Without the prefix a token has at
/// most 8 digits (longer runs are whole blobs, tryHex's). Its length, 0 when there is none; its
/// digits in `digits`.
qsizetype hexTokenAt(const char16_t *p, qsizetype i, qsizetype n, QStringView *digits)
{
    if (i > 0 && (isAsciiAlnum(p[i - 1]) || p[i - 1] == u'\\'))
        return 0;
    const bool prefixed = i + 1 < n && p[i] == u'0' && (p[i + 1] == u'x' || p[i + 1] == u'X');
    const qsizetype d = prefixed ? i + 2 : i;
    qsizetype e = d;
    while (e < n && hexValue(p[e]) >= 0)
        ++e;
    const qsizetype count = e - d;
    if (count < 2 || count % 2 != 0 || (!prefixed && count > 8) || (e < n && isAsciiAlnum(p[e])))
        return 0;
    *digits = QStringView(p + d, count);
    return e - i;
}

/// Hex written as separate bytes or groups: "49 67 6e", "49:67:6e", "0x49, 0x67", "4967 6e6f"
/// (groups of one size), hex dumps ("00000010  69 64 ...", offsets and a trailing text column
/// skipped), and a single long 0x-prefixed number. Runs of at least kMinHex / 2 bytes.
void findSeparatedHex(QStringView text, Collector &out)
{
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (hexValue(p[i]) < 0 || (i > 0 && (isAsciiAlnum(p[i - 1]) || p[i - 1] == u'\\'))) {
            ++i;
            continue;
        }
        QByteArray bytes;
        qsizetype group = 0;
        qsizetype end = i;
        qsizetype pos = i;
        bool dump = false;
        bool lineStart = i == 0 || p[i - 1] == u'\n';
        int tokens = 0;
        bool decimal = true; // every token only decimal digits: a list of numbers, unless it spells words
        while (pos < n) {
            QStringView digits;
            const qsizetype length = hexTokenAt(p, pos, n, &digits);
            if (length == 0)
                break;
            const qsizetype after = pos + length;
            if (lineStart && digits.size() >= 6 && after < n &&
                (p[after] == u':' || (after + 1 < n && p[after] == u' ' && p[after + 1] == u' '))) {
                // A dump's offset column.
                dump = true;
                pos = after + (p[after] == u':' ? 1 : 0);
                while (pos < n && p[pos] == u' ')
                    ++pos;
                lineStart = false;
                continue;
            }
            if (group == 0)
                group = digits.size();
            else if (digits.size() != group || group > 8)
                break;
            if (bytes.size() + digits.size() / 2 > out.m_room * 2)
                break;
            decimal = decimal && std::all_of(digits.begin(), digits.end(), [](QChar c) { return c.isDigit(); });
            for (qsizetype k = 0; k + 1 < digits.size(); k += 2)
                bytes.append(char(hexValue(digits[k].unicode()) * 16 + hexValue(digits[k + 1].unicode())));
            ++tokens;
            end = after;
            pos = after;
            lineStart = false;
            // The separator to the next token: up to three separator characters, or a line break.
            qsizetype s = pos;
            while (s < n && s - pos < 3 && isHexSeparator(p[s]))
                ++s;
            if (dump && s - pos >= 2 && s < n && hexTokenAt(p, s, n, &digits) == 0) {
                // A dump's text column: the run goes on at the next line's offset.
                while (s < n && p[s] != u'\n')
                    ++s;
            }
            if (s < n && p[s] == u'\r')
                ++s;
            if (s < n && p[s] == u'\n') {
                ++s;
                lineStart = true;
            }
            if (s == pos)
                break;
            pos = s;
        }
        if (tokens > 1 || (tokens == 1 && group > 8)) {
            QString decodedText;
            if (bytes.size() >= kMinHex / 2 && (!decimal || bytes.contains(' ')) && out.fits(bytes.size()) &&
                readableText(bytes, decodedText))
                out.add(i, end - i, std::move(decodedText), "hex");
        }
        i = std::max(i + 1, end);
    }
}

/// Base64 and base64url runs, and the hex runs inside them.
void findBase64AndHex(QStringView text, Collector &out)
{
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (charClass(p[i]) == 0) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        bool standard = false;
        bool urlSafe = false;
        // Hex runs are the all-hex pieces of a base64-alphabet run between its separators
        // (+ / - _) or its ends: found in the same pass.
        qsizetype hexStart = start;
        bool allHex = true;
        for (; i < n; ++i) {
            const quint8 k = charClass(p[i]);
            if (k == 0)
                break;
            if (k & (StandardSeparator | UrlSeparator)) {
                standard = standard || (k & StandardSeparator);
                urlSafe = urlSafe || (k & UrlSeparator);
                if (allHex)
                    tryHex(text, hexStart, i - hexStart, out);
                hexStart = i + 1;
                allHex = true;
            } else {
                allHex = allHex && (k & HexDigit);
            }
        }
        if (allHex)
            tryHex(text, hexStart, i - hexStart, out);
        const qsizetype length = i - start;
        qsizetype padding = 0;
        while (i + padding < n && p[i + padding] == u'=')
            ++padding;
        // Trim separators at the ends ("--", "path/"): they are punctuation, not data.
        qsizetype s = start;
        qsizetype e = start + length;
        if (padding == 0) {
            while (s < e && !isAsciiAlnum(p[s]))
                ++s;
            while (e > s && !isAsciiAlnum(p[e - 1]))
                --e;
        }
        const qsizetype dataLength = e - s;
        i += padding;
        if (dataLength < kMinBase64 || (standard && urlSafe) || padding > 2)
            continue;
        if (padding > 0 ? (dataLength + padding) % 4 != 0 : dataLength % 4 == 1)
            continue;
        if (!out.fits(dataLength * 3 / 4 + 1))
            continue;
        const auto options = urlSafe ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding;
        const auto decoded = QByteArray::fromBase64Encoding(toAscii(text.sliced(s, dataLength + padding)),
                                                            options | QByteArray::AbortOnBase64DecodingErrors);
        QString decodedText;
        if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok || !readableText(*decoded, decodedText))
            continue;
        out.add(s, dataLength + padding, std::move(decodedText), urlSafe ? "base64url" : "base64");
    }
}

/// Length of the escape at `i` for the escape kinds that cluster, 0 if there is none.
using EscapeAt = qsizetype (*)(const char16_t *p, qsizetype i, qsizetype n);

qsizetype urlEscapeAt(const char16_t *p, qsizetype i, qsizetype n)
{
    return p[i] == u'%' && i + 2 < n && hexValue(p[i + 1]) >= 0 && hexValue(p[i + 2]) >= 0 ? 3 : 0;
}

qsizetype backslashEscapeAt(const char16_t *p, qsizetype i, qsizetype n)
{
    if (p[i] != u'\\' || i + 1 >= n)
        return 0;
    const qsizetype digits = p[i + 1] == u'u' ? 4 : p[i + 1] == u'x' ? 2 : 0;
    if (digits == 0 || i + 2 + digits > n)
        return 0;
    for (qsizetype k = 0; k < digits; ++k) {
        if (hexValue(p[i + 2 + k]) < 0)
            return 0;
    }
    return 2 + digits;
}

struct NamedEntity
{
    const char16_t *name;
    char16_t value;
};

// The entities that appear in text rather than markup. Anything else is left as written.
constexpr NamedEntity kEntities[] = {
    {u"amp", u'&'},      {u"lt", u'<'},      {u"gt", u'>'},      {u"quot", u'"'},     {u"apos", u'\''},
    {u"nbsp", 0x00A0},   {u"copy", 0x00A9},  {u"reg", 0x00AE},   {u"trade", 0x2122},  {u"hellip", 0x2026},
    {u"mdash", 0x2014},  {u"ndash", 0x2013}, {u"lsquo", 0x2018}, {u"rsquo", 0x2019},  {u"ldquo", 0x201C},
    {u"rdquo", 0x201D},  {u"laquo", 0x00AB}, {u"raquo", 0x00BB}, {u"middot", 0x00B7}, {u"bull", 0x2022},
    {u"euro", 0x20AC},   {u"sect", 0x00A7},  {u"para", 0x00B6},  {u"deg", 0x00B0},    {u"times", 0x00D7},
    {u"divide", 0x00F7}, {u"colon", u':'},   {u"sol", u'/'},     {u"lpar", u'('},     {u"rpar", u')'},
    {u"num", u'#'},      {u"excl", u'!'},    {u"quest", u'?'},   {u"period", u'.'},   {u"comma", u','},
    {u"semi", u';'},     {u"equals", u'='},  {u"plus", u'+'},    {u"lowbar", u'_'},   {u"Tab", u'\t'},
    {u"NewLine", u'\n'}, {u"grave", u'`'},   {u"lsqb", u'['},    {u"rsqb", u']'},     {u"lcub", u'{'},
    {u"rcub", u'}'},     {u"vert", u'|'},    {u"bsol", u'\\'},   {u"dollar", u'$'},   {u"percnt", u'%'},
    {u"ast", u'*'},      {u"commat", u'@'},  {u"Hat", u'^'},     {u"tilde", u'~'},
};

/// The entity at `i` (its length) and the code point it stands for.
qsizetype entityAt(const char16_t *p, qsizetype i, qsizetype n, char32_t *value)
{
    if (p[i] != u'&' || i + 3 >= n)
        return 0;
    qsizetype end = i + 1;
    const qsizetype limit = std::min(n, i + 12);
    while (end < limit && p[end] != u';')
        ++end;
    if (end >= limit)
        return 0;
    const QStringView body(p + i + 1, end - i - 1);
    if (body.isEmpty())
        return 0;
    if (body.front() == u'#') {
        const bool hex = body.size() > 1 && (body[1] == u'x' || body[1] == u'X');
        const QStringView digits = body.sliced(hex ? 2 : 1);
        if (digits.isEmpty() || digits.size() > 7)
            return 0;
        char32_t cp = 0;
        for (const QChar d : digits) {
            const int v = hexValue(d.unicode());
            if (v < 0 || (!hex && v > 9))
                return 0;
            cp = cp * (hex ? 16 : 10) + char32_t(v);
        }
        if (cp == 0 || cp > 0x10FFFF || QChar::isSurrogate(cp))
            return 0;
        if (value)
            *value = cp;
        return end - i + 1;
    }
    for (const NamedEntity &e : kEntities) {
        if (body == QStringView(e.name)) {
            if (value)
                *value = e.value;
            return end - i + 1;
        }
    }
    return 0;
}

qsizetype entityEscapeAt(const char16_t *p, qsizetype i, qsizetype n)
{
    return entityAt(p, i, n, nullptr);
}

/// Percent escapes are bytes read as UTF-8 (RFC 3986; '+' stays '+'). Null when not UTF-8.
QString decodeUrlSpan(QStringView span)
{
    QString out;
    return fromUtf8(QByteArray::fromPercentEncoding(span.toUtf8()), out) ? out : QString();
}

/// `\uXXXX` are UTF-16 code units (pairs combine); runs of `\xXX` are bytes read as UTF-8.
/// Returns a null string when the bytes are not UTF-8.
QString decodeBackslashSpan(QStringView span)
{
    QString out;
    out.reserve(span.size());
    QByteArray bytes;
    const char16_t *p = span.utf16();
    const qsizetype n = span.size();
    auto flushBytes = [&]() {
        if (bytes.isEmpty())
            return true;
        QString text;
        if (!fromUtf8(bytes, text))
            return false;
        out += text;
        bytes.clear();
        return true;
    };
    for (qsizetype i = 0; i < n;) {
        const qsizetype length = backslashEscapeAt(p, i, n);
        if (length == 4) {
            bytes.append(char(hexValue(p[i + 2]) * 16 + hexValue(p[i + 3])));
            i += length;
            continue;
        }
        if (!flushBytes())
            return {};
        if (length == 6) {
            out.append(QChar(char16_t(hexValue(p[i + 2]) << 12 | hexValue(p[i + 3]) << 8 | hexValue(p[i + 4]) << 4 |
                                      hexValue(p[i + 5]))));
            i += length;
        } else {
            out.append(QChar(p[i]));
            ++i;
        }
    }
    return flushBytes() ? out : QString();
}

QString decodeEntitySpan(QStringView span)
{
    QString out;
    out.reserve(span.size());
    const char16_t *p = span.utf16();
    const qsizetype n = span.size();
    for (qsizetype i = 0; i < n;) {
        char32_t cp = 0;
        if (const qsizetype length = entityAt(p, i, n, &cp)) {
            if (QChar::requiresSurrogates(cp)) {
                out.append(QChar(QChar::highSurrogate(cp)));
                out.append(QChar(QChar::lowSurrogate(cp)));
            } else {
                out.append(QChar(char16_t(cp)));
            }
            i += length;
        } else {
            out.append(QChar(p[i]));
            ++i;
        }
    }
    return out;
}

/// Groups escapes (each starting with `trigger`) that are close together into spans (extended over the word around
/// them) and decodes each span that has at least `minEscapes`.
void findClusters(QStringView text, char16_t trigger, EscapeAt escapeAt, int minEscapes, QString (*decode)(QStringView),
                  const char *encoding, Collector &out)
{
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        i = text.indexOf(QChar(trigger), i); // vectorised search: most text has no escape at all
        if (i < 0)
            break;
        qsizetype length = escapeAt(p, i, n);
        if (length == 0) {
            ++i;
            continue;
        }
        const qsizetype first = i;
        qsizetype last = i + length; // end of the last escape
        int escapes = 1;
        i = last;
        for (qsizetype j = i; j < n && j - last <= kMaxGap && p[j] != u'\n';) {
            length = escapeAt(p, j, n);
            if (length == 0) {
                ++j;
                continue;
            }
            ++escapes;
            last = j + length;
            j = last;
        }
        i = last;
        if (escapes < minEscapes)
            continue;
        qsizetype start = first;
        while (start > 0 && first - start < kWordReach && !isSpace(p[start - 1]))
            --start;
        qsizetype end = last;
        while (end < n && end - last < kWordReach && !isSpace(p[end]))
            ++end;
        if (!out.fits(end - start))
            continue;
        const QString decoded = decode(text.sliced(start, end - start));
        if (!decoded.isNull() && isPrintableText(decoded))
            out.add(start, end - start, decoded, encoding);
    }
}

QString rot13(QStringView text)
{
    QString out(text.size(), Qt::Uninitialized);
    char16_t *o = reinterpret_cast<char16_t *>(out.data());
    const char16_t *p = text.utf16();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = p[i];
        if (c >= u'a' && c <= u'z')
            o[i] = char16_t(u'a' + (c - u'a' + 13) % 26);
        else if (c >= u'A' && c <= u'Z')
            o[i] = char16_t(u'A' + (c - u'A' + 13) % 26);
        else
            o[i] = c;
    }
    return out;
}

} // namespace

DecodeResult decodeEncodedSpans(QStringView text, const DecodeLimits &limits)
{
    DecodeResult result;
    const qsizetype budget = std::min(limits.maxOutputUnits, limits.maxOutputRatio * text.size());
    QList<int> inputs{-1}; // spans to search at this depth; -1 = the input text
    for (int depth = 1; depth <= limits.maxDepth && !inputs.isEmpty(); ++depth) {
        QList<int> next;
        int spansThisDepth = 0;
        for (const int parent : std::as_const(inputs)) {
            // A copy of the parent's text (shared, not duplicated): result.spans grows below.
            const QString parentText = parent < 0 ? QString() : result.spans[parent].text;
            const QStringView layer = parent < 0 ? text : QStringView(parentText);
            Collector found(budget - result.outputUnits, limits.maxSpansPerLevel - spansThisDepth);
            findBase64AndHex(layer, found);
            findSeparatedHex(layer, found);
            findClusters(layer, u'%', urlEscapeAt, kMinUrlEscapes, decodeUrlSpan, "url", found);
            findClusters(layer, u'\\', backslashEscapeAt, kMinBackslashEscapes, decodeBackslashSpan, "escape", found);
            findClusters(layer, u'&', entityEscapeAt, kMinEntities, decodeEntitySpan, "html", found);
            result.truncated = result.truncated || found.m_truncated;
            std::sort(found.m_found.begin(), found.m_found.end(),
                      [](const Found &a, const Found &b) { return a.start < b.start; });
            for (Found &f : found.m_found) {
                DecodedSpan span;
                span.chain = parent < 0 ? QString::fromLatin1(f.encoding)
                                        : result.spans[parent].chain + u'>' + QLatin1StringView(f.encoding);
                span.depth = depth;
                span.parent = parent;
                span.start = f.start;
                span.length = f.length;
                result.outputUnits += f.text.size();
                span.text = std::move(f.text);
                next.append(int(result.spans.size()));
                result.spans.append(std::move(span));
                ++spansThisDepth;
            }
        }
        inputs = std::move(next);
    }
    // ROT13 last: real decodings get the budget first.
    int letters = 0;
    for (const QChar c : text) {
        if (c.unicode() < 0x80 && isAsciiAlnum(c.unicode()) && !c.isDigit())
            ++letters;
        if (letters >= kMinRot13Letters)
            break;
    }
    if (limits.rot13Variant && letters >= kMinRot13Letters) {
        if (text.size() <= budget - result.outputUnits) {
            DecodedSpan span;
            span.text = rot13(text);
            span.chain = QStringLiteral("rot13");
            span.length = text.size();
            span.candidate = true;
            result.outputUnits += span.text.size();
            result.spans.append(std::move(span));
        } else {
            result.truncated = true;
        }
    }
    return result;
}

} // namespace llmproxy
