// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/responsescan.h"

#include "proxycore/security/textnormalizer.h"

#include <QChar>
#include <QRandomGenerator>
#include <QUrl>

#include <cmath>
#include <optional>
#include <string>

namespace llmproxy {

namespace {

// ---------------------------------------------------------------------------------------------
// Shared helpers

/// The code point at `i` and its length in code units; a lone surrogate is returned as itself.
char32_t codePointAt(QStringView text, qsizetype i, qsizetype *length)
{
    const char16_t c = text.utf16()[i];
    if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text.utf16()[i + 1])) {
        *length = 2;
        return QChar::surrogateToUcs4(c, text.utf16()[i + 1]);
    }
    *length = 1;
    return c;
}

enum class InvisibleClass {
    None,
    ZeroWidth, ///< always removed, counted as zero-width
    Bidi,      ///< always removed, counted as bidi
    Tag,       ///< always removed, counted as tags
    Joiner,    ///< U+200C, U+200D: kept between two visible non-ASCII characters
    Mark,      ///< U+200E, U+200F, U+061C: removed only between two ASCII letters or digits
};

// The sets of normalizeForScan (textnormalizer.cpp), with the joiners and direction marks that
// real writing uses in classes of their own.
InvisibleClass classifyInvisible(char32_t c)
{
    if (c < 0xAD)
        return InvisibleClass::None;
    switch (c) {
    case 0x200B:
    case 0x2060:
    case 0xFEFF:
    case 0x180E:
    case 0x00AD:
        return InvisibleClass::ZeroWidth;
    case 0x200C:
    case 0x200D:
        return InvisibleClass::Joiner;
    case 0x200E:
    case 0x200F:
    case 0x061C:
        return InvisibleClass::Mark;
    default:
        break;
    }
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return InvisibleClass::Bidi;
    if (c >= 0xE0000 && c <= 0xE007F)
        return InvisibleClass::Tag;
    return InvisibleClass::None;
}

/// A character a joiner or direction mark may legitimately sit next to.
bool isVisibleNonAscii(char32_t c)
{
    return c >= 0x80 && !(c >= 0xD800 && c <= 0xDFFF) && classifyInvisible(c) == InvisibleClass::None &&
           !QChar::isSpace(c);
}

bool isAsciiAlphanumeric(char32_t c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

bool isWordCharacter(char32_t c)
{
    if (c < 0x80)
        return isAsciiAlphanumeric(c);
    return QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

/// RFC 3492 decoding of one punycode label (without its `xn--`); nullopt when invalid. Labels are
/// at most 63 characters, so the arithmetic stays far from overflow.
std::optional<std::u32string> decodePunycode(QStringView label)
{
    constexpr quint64 base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
    if (label.size() > 63)
        return std::nullopt;
    auto adapt = [](quint64 delta, quint64 points, bool first) {
        delta = first ? delta / damp : delta / 2;
        delta += delta / points;
        quint64 k = 0;
        while (delta > ((base - tmin) * tmax) / 2) {
            delta /= base - tmin;
            k += base;
        }
        return k + (base - tmin + 1) * delta / (delta + skew);
    };
    std::u32string out;
    const qsizetype dash = label.lastIndexOf(u'-');
    for (qsizetype j = 0; j < dash; ++j) {
        if (label.at(j).unicode() >= 0x80)
            return std::nullopt;
        out += char32_t(label.at(j).unicode());
    }
    quint64 n = 128, i = 0, bias = 72;
    for (qsizetype in = dash > 0 ? dash + 1 : 0; in < label.size();) {
        const quint64 oldi = i;
        quint64 w = 1;
        for (quint64 k = base;; k += base) {
            if (in >= label.size())
                return std::nullopt;
            const char16_t c = label.at(in++).unicode();
            quint64 digit = base;
            if (c >= u'a' && c <= u'z')
                digit = c - u'a';
            else if (c >= u'0' && c <= u'9')
                digit = c - u'0' + 26;
            if (digit >= base || w > (quint64(1) << 40))
                return std::nullopt;
            i += digit * w;
            const quint64 t = k <= bias ? tmin : (k >= bias + tmax ? tmax : k - bias);
            if (digit < t)
                break;
            w *= base - t;
        }
        const quint64 points = out.size() + 1;
        bias = adapt(i - oldi, points, oldi == 0);
        n += i / points;
        i %= points;
        if (n > 0x10FFFF)
            return std::nullopt;
        out.insert(out.begin() + qsizetype(i), char32_t(n));
        ++i;
    }
    return out;
}

quint64 mix64(quint64 x)
{
    // splitmix64's finaliser: every input bit affects every output bit.
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return x;
}

constexpr quint64 kFnvOffset = 0xCBF29CE484222325ULL;
constexpr quint64 kFnvPrime = 0x100000001B3ULL;

/// Splits text into folded words (see PromptLeakDetector) and hashes them, across pieces: a word
/// split between two pieces gets the hash it has in one piece.
class WordHasher
{
public:
    explicit WordHasher(LeakWordState &state) : m_state(state) {}

    template <typename OnWord> void feed(QStringView text, OnWord &&onWord)
    {
        const char16_t *p = text.utf16();
        for (qsizetype i = 0; i < text.size(); ++i) {
            char32_t c = p[i];
            if (m_state.high) {
                if (QChar::isLowSurrogate(char16_t(c))) {
                    c = QChar::surrogateToUcs4(m_state.high, char16_t(c));
                    m_state.high = 0;
                    take(c, onWord);
                    continue;
                }
                m_state.high = 0; // a lone high surrogate: not part of any word
                endWord(onWord);
            }
            if (QChar::isHighSurrogate(char16_t(c))) {
                m_state.high = char16_t(c);
                continue;
            }
            take(c, onWord);
        }
    }

    template <typename OnWord> void endWord(OnWord &&onWord)
    {
        if (m_state.length > 0)
            onWord(mix64(m_state.hash));
        m_state.hash = kFnvOffset;
        m_state.length = 0;
    }

    template <typename OnWord> void finish(OnWord &&onWord)
    {
        m_state.high = 0;
        endWord(onWord);
    }

private:
    template <typename OnWord> void take(char32_t c, OnWord &&onWord)
    {
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                add(c);
            } else if (c >= 'A' && c <= 'Z') {
                add(c + 32);
            } else {
                endWord(onWord);
            }
            return;
        }
        if (classifyInvisible(c) != InvisibleClass::None)
            return; // invisible characters never split or change a word
        if (!isWordCharacter(c)) {
            endWord(onWord);
            return;
        }
        if (const char ascii = confusableToAscii(c))
            add(char32_t(ascii));
        else
            add(QChar::toCaseFolded(c));
    }

    void add(char32_t c)
    {
        m_state.hash = (m_state.hash ^ c) * kFnvPrime;
        ++m_state.length;
    }

    LeakWordState &m_state;
};

quint64 shingleHash(const quint64 *words, int count)
{
    quint64 h = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < count; ++i)
        h = mix64(h ^ words[i]);
    return h;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Invisible characters

QString InvisibleCharStripper::feed(QStringView piece)
{
    if (m_pending.isEmpty())
        return process(piece, false);
    const QString buffer = std::exchange(m_pending, {}) + piece;
    return process(buffer, false);
}

QString InvisibleCharStripper::finish()
{
    const QString buffer = std::exchange(m_pending, {});
    return process(buffer, true);
}

QString InvisibleCharStripper::process(QStringView buffer, bool final)
{
    QString out;
    const char16_t *p = buffer.utf16();
    const qsizetype n = buffer.size();
    qsizetype run = 0;
    auto holdFrom = [&](qsizetype at) {
        out.append(buffer.sliced(run, at - run));
        m_pending = buffer.sliced(at).toString();
        return out;
    };
    for (qsizetype i = 0; i < n;) {
        if (p[i] < 0x80) {
            m_previous = p[i++];
            continue;
        }
        if (!final && i + 1 == n && QChar::isHighSurrogate(p[i]))
            return holdFrom(i); // its low half is in the next piece
        qsizetype length = 1;
        const char32_t c = codePointAt(buffer, i, &length);
        const InvisibleClass kind = classifyInvisible(c);
        bool remove = false;
        if (kind == InvisibleClass::Joiner || kind == InvisibleClass::Mark) {
            const qsizetype next = i + length;
            if (!final && (next == n || (next + 1 == n && QChar::isHighSurrogate(p[next]))))
                return holdFrom(i); // decided by a character that has not arrived
            qsizetype nextLength = 0;
            const char32_t after = next < n ? codePointAt(buffer, next, &nextLength) : 0;
            if (kind == InvisibleClass::Joiner)
                remove = !(isVisibleNonAscii(m_previous) && isVisibleNonAscii(after));
            else
                remove = isAsciiAlphanumeric(m_previous) && isAsciiAlphanumeric(after);
            if (remove && kind == InvisibleClass::Joiner)
                ++m_counts.zeroWidth;
            else if (remove)
                ++m_counts.bidi;
        } else if (kind != InvisibleClass::None) {
            remove = true;
            if (kind == InvisibleClass::ZeroWidth)
                ++m_counts.zeroWidth;
            else if (kind == InvisibleClass::Bidi)
                ++m_counts.bidi;
            else
                ++m_counts.tags;
        }
        if (remove) {
            out.append(buffer.sliced(run, i - run));
            run = i + length;
        } else {
            m_previous = c;
        }
        i += length;
    }
    out.append(buffer.sliced(run));
    return out;
}

QString removeInvisible(QStringView text, InvisibleCounts *counts)
{
    InvisibleCharStripper stripper;
    QString out = stripper.feed(text);
    out += stripper.finish();
    if (counts) {
        counts->zeroWidth += stripper.counts().zeroWidth;
        counts->bidi += stripper.counts().bidi;
        counts->tags += stripper.counts().tags;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Mixed-script look-alike words

void HomoglyphWordScanner::feed(QStringView piece)
{
    // Only a word carried over from the previous piece needs a copy.
    const QString carried = m_word.isEmpty() ? QString() : std::exchange(m_word, {}) + piece;
    const QStringView buffer = carried.isEmpty() ? piece : QStringView(carried);
    const qsizetype n = buffer.size();
    qsizetype wordStart = -1;
    for (qsizetype i = 0; i < n;) {
        if (i + 1 == n && QChar::isHighSurrogate(buffer.at(i).unicode())) {
            if (wordStart < 0)
                wordStart = i; // may be the start of a word; its low half comes next
            break;
        }
        qsizetype length = 1;
        const char32_t c = codePointAt(buffer, i, &length);
        if (isWordCharacter(c)) {
            if (wordStart < 0)
                wordStart = i;
            if (i + length - wordStart >= 256) {
                judge(buffer.sliced(wordStart, i + length - wordStart));
                wordStart = -1;
            }
        } else if (wordStart >= 0) {
            judge(buffer.sliced(wordStart, i - wordStart));
            wordStart = -1;
        }
        i += length;
    }
    if (wordStart >= 0)
        m_word = buffer.sliced(wordStart).toString();
}

void HomoglyphWordScanner::finish()
{
    if (!m_word.isEmpty())
        judge(m_word);
    m_word.clear();
}

void HomoglyphWordScanner::judge(QStringView word)
{
    int latin = 0;
    int lookAlikes = 0;
    for (qsizetype i = 0; i < word.size();) {
        qsizetype length = 1;
        const char32_t c = codePointAt(word, i, &length);
        i += length;
        if (c < 0x80) {
            latin += (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? 1 : 0;
            continue;
        }
        if (!QChar::isLetter(c))
            continue;
        switch (QChar::script(c)) {
        case QChar::Script_Latin:
            ++latin;
            break;
        case QChar::Script_Cyrillic:
        case QChar::Script_Greek:
        case QChar::Script_Armenian:
        case QChar::Script_Cherokee:
            if (!confusableToAscii(c))
                return; // a real letter of that script: a word in it, or a legitimate mix
            ++lookAlikes;
            break;
        default:
            break;
        }
    }
    if (latin == 0 || lookAlikes == 0)
        return;
    ++m_flagged;
    if (m_samples.size() < MaxSamples)
        m_samples.append(word.first(qMin<qsizetype>(word.size(), 64)).toString());
}

int countMixedScriptWords(QStringView text, QStringList *samples)
{
    HomoglyphWordScanner scanner;
    scanner.feed(text);
    scanner.finish();
    if (samples)
        samples->append(scanner.samples());
    return scanner.flaggedWords();
}

// ---------------------------------------------------------------------------------------------
// System-prompt leaks

PromptLeakDetector::PromptLeakDetector(QStringView systemPrompt, QString canary, PromptLeakOptions options)
    : m_canary(std::move(canary)), m_options(options)
{
    m_options.shingleWords = qBound(2, m_options.shingleWords, 32);
    const QList<quint64> words = leakWordHashes(systemPrompt);
    const int k = m_options.shingleWords;
    for (qsizetype i = 0; i + k <= words.size(); ++i) {
        const quint64 h = shingleHash(words.constData() + i, k);
        if (!m_shingles.contains(h))
            m_shingles.insert(h, int(m_shingles.size()));
    }
    const int total = int(m_shingles.size());
    if (total < 3)
        return; // too short to tell a leak from a common phrase: canary only
    const int byShare = int(std::ceil(qBound(0.0, m_options.minShare, 1.0) * total));
    m_required = qMax(byShare, qMin(m_options.minShingles, total));
    if (m_options.absoluteShingles > 0)
        m_required = qMin(m_required, m_options.absoluteShingles);
    m_required = qMax(m_required, 1);
}

PromptLeakTracker::PromptLeakTracker(std::shared_ptr<const PromptLeakDetector> detector)
    : m_detector(std::move(detector))
{
    reset();
}

void PromptLeakTracker::feed(QStringView text)
{
    WordHasher(m_word).feed(text, [this](quint64 h) { addWord(h); });
}

void PromptLeakTracker::endText()
{
    WordHasher(m_word).finish([this](quint64 h) { addWord(h); });
    m_window.clear();
}

void PromptLeakTracker::reset()
{
    m_word = LeakWordState();
    m_window.clear();
    m_seen.assign(size_t(m_detector ? m_detector->promptShingles() : 0), false);
    m_matched = 0;
}

void PromptLeakTracker::addWord(quint64 wordHash)
{
    const int k = m_detector->options().shingleWords;
    if (m_window.size() == size_t(k))
        m_window.erase(m_window.begin());
    m_window.push_back(wordHash);
    if (m_window.size() < size_t(k))
        return;
    const int index = m_detector->shingleIndex(shingleHash(m_window.data(), k));
    if (index >= 0 && !m_seen[size_t(index)]) {
        m_seen[size_t(index)] = true;
        ++m_matched;
    }
}

double PromptLeakTracker::share() const
{
    const int total = m_detector->promptShingles();
    return total > 0 ? double(m_matched) / total : 0.0;
}

bool PromptLeakTracker::leaked() const
{
    return m_detector->requiredShingles() > 0 && m_matched >= m_detector->requiredShingles();
}

QList<quint64> leakWordHashes(QStringView text)
{
    QList<quint64> words;
    LeakWordState state;
    WordHasher hasher(state);
    hasher.feed(text, [&](quint64 h) { words.append(h); });
    hasher.finish([&](quint64 h) { words.append(h); });
    return words;
}

QString makeCanaryToken()
{
    QRandomGenerator *random = QRandomGenerator::system();
    QByteArray hex = QByteArray::number(random->generate64(), 16).rightJustified(16, '0');
    hex += QByteArray::number(random->generate64(), 16).rightJustified(16, '0');
    hex.truncate(20);
    return QStringLiteral("llmproxy-canary-") + QString::fromLatin1(hex);
}

qsizetype partialTokenAtEnd(QStringView text, QStringView token)
{
    if (token.isEmpty())
        return 0;
    // Only tails starting with the token's first character are compared (in either case).
    const QChar first = token.front().toCaseFolded();
    for (qsizetype k = qMin(token.size() - 1, text.size()); k > 0; --k) {
        if (text.at(text.size() - k).toCaseFolded() == first &&
            text.last(k).compare(token.first(k), Qt::CaseInsensitive) == 0)
            return k;
    }
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Links

QString BlockedDomains::normalizeHost(QStringView host)
{
    host = host.trimmed();
    while (host.endsWith(u'.'))
        host.chop(1);
    if (host.isEmpty())
        return {};
    QString ascii;
    bool plain = true;
    for (const QChar c : host)
        plain = plain && c.unicode() < 0x80;
    if (plain) {
        ascii = host.toString().toLower();
    } else {
        ascii = QString::fromLatin1(QUrl::toAce(host.toString()));
        if (ascii.isEmpty())
            return {};
        ascii = ascii.toLower();
    }
    for (const QChar c : std::as_const(ascii)) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '.' || u == '-' || u == '_'))
            return {};
    }
    return ascii;
}

BlockedDomains::BlockedDomains(const QStringList &domains)
{
    for (const QString &entry : domains) {
        QString host = entry.trimmed();
        if (host.contains(QLatin1String("://")))
            host = QUrl(host).host(QUrl::FullyDecoded);
        if (host.startsWith(QLatin1String("*.")))
            host.remove(0, 2);
        const QString normalized = normalizeHost(host);
        if (!normalized.isEmpty())
            m_domains.insert(normalized, true);
    }
}

bool BlockedDomains::matchesNormalized(QStringView host) const
{
    while (!host.isEmpty()) {
        if (m_domains.contains(host.toString()))
            return true;
        const qsizetype dot = host.indexOf(u'.');
        if (dot < 0)
            break;
        host = host.sliced(dot + 1);
    }
    return false;
}

bool BlockedDomains::matches(QStringView host) const
{
    if (m_domains.isEmpty())
        return false;
    const QString normalized = normalizeHost(host);
    if (matchesNormalized(normalized))
        return true;
    // An internationalised name that only imitates a listed one ("pаypal.com" with a Cyrillic а,
    // or its punycode): compare its look-alike skeleton too.
    if (!normalized.startsWith(QLatin1String("xn--")) && !normalized.contains(QLatin1String(".xn--")))
        return false;
    QString skeleton;
    for (const QStringView label : QStringView(normalized).split(u'.')) {
        if (!skeleton.isEmpty())
            skeleton += u'.';
        if (!label.startsWith(u"xn--")) {
            skeleton += label;
            continue;
        }
        const std::optional<std::u32string> decoded = decodePunycode(label.sliced(4));
        if (!decoded)
            return false;
        for (const char32_t c : *decoded) {
            if (c < 0x80) {
                skeleton += QChar(char16_t(c));
            } else if (const char ascii = confusableToAscii(c)) {
                skeleton += QLatin1Char(ascii);
            } else {
                return false; // a letter with no ASCII look-alike: a genuinely different name
            }
        }
    }
    return matchesNormalized(skeleton.toLower());
}

namespace {

constexpr QStringView kSchemes[] = {u"https://", u"http://", u"ftp://", u"www."};

/// A character before a link's start that keeps it from being one (it is inside a word).
/// A character a scheme or `www.` can start with.
bool mayStartLink(char16_t c)
{
    return c == u'h' || c == u'H' || c == u'f' || c == u'F' || c == u'w' || c == u'W';
}

bool continuesWord(QChar previous)
{
    return previous.isLetterOrNumber() || previous == u'.' || previous == u'-' || previous == u'_';
}

/// Length of the scheme (or `www.`) at `at`, 0 when none.
qsizetype schemeAt(QStringView text, qsizetype at)
{
    const QStringView rest = text.sliced(at);
    for (const QStringView scheme : kSchemes) {
        if (rest.startsWith(scheme, Qt::CaseInsensitive))
            return scheme.size();
    }
    return 0;
}

/// Whether `rest` (the end of the text) could still grow into a scheme.
bool couldBecomeScheme(QStringView rest)
{
    for (const QStringView scheme : kSchemes) {
        if (rest.size() < scheme.size() && scheme.startsWith(rest, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool endsUrl(char16_t c)
{
    switch (c) {
    case u'<':
    case u'>':
    case u'"':
    case u'\'':
    case u'`':
    case u'\\':
    case u'{':
    case u'}':
    case u'|':
    case u'^':
    case u'[':
    case u']':
        return true;
    default:
        return c <= 0x20 || c == 0x7F || QChar::isSpace(c);
    }
}

struct UrlSpan
{
    qsizetype end = 0; ///< past the URL (trailing punctuation excluded)
    qsizetype hostStart = 0;
    qsizetype hostEnd = 0;
    bool terminated = false; ///< a character after the URL was seen
};

/// The URL starting at `start` whose scheme is `schemeLength` long (`www.` counts as host).
UrlSpan scanUrl(QStringView text, qsizetype start, qsizetype schemeLength, bool www)
{
    UrlSpan span;
    const qsizetype n = text.size();
    int depth = 0;
    qsizetype i = start + schemeLength;
    for (; i < n; ++i) {
        const char16_t c = text.utf16()[i];
        if (endsUrl(c))
            break;
        if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            if (depth == 0)
                break;
            --depth;
        }
    }
    span.terminated = i < n;
    qsizetype end = i;
    while (end > start + schemeLength && QStringView(u".,;:!?*_~").contains(text.at(end - 1)))
        --end;
    span.end = end;
    span.hostStart = www ? start : start + schemeLength;
    qsizetype authorityEnd = span.hostStart;
    while (authorityEnd < end && !QStringView(u"/?#").contains(text.at(authorityEnd)))
        ++authorityEnd;
    const qsizetype at = text.sliced(span.hostStart, authorityEnd - span.hostStart).lastIndexOf(u'@');
    if (at >= 0)
        span.hostStart += at + 1;
    span.hostEnd = authorityEnd;
    const qsizetype colon = text.sliced(span.hostStart, authorityEnd - span.hostStart).lastIndexOf(u':');
    if (colon >= 0)
        span.hostEnd = span.hostStart + colon;
    return span;
}

bool isImageTarget(QStringView text, qsizetype start)
{
    // Only the link's own line counts, and at most 1024 characters of it: an image's alt text is short.
    const qsizetype windowStart = qMax<qsizetype>(0, start - 1024);
    const qsizetype lineStart = windowStart + text.sliced(windowStart, start - windowStart).lastIndexOf(u'\n') + 1;
    const QStringView before = text.sliced(lineStart, start - lineStart);
    if (before.endsWith(u"](")) {
        const qsizetype open = before.first(before.size() - 2).lastIndexOf(u'[');
        return open > 0 && before.at(open - 1) == u'!';
    }
    const qsizetype tag = before.lastIndexOf(u'<');
    if (tag < 0 || start - (lineStart + tag) > 512)
        return false;
    const QStringView inside = before.sliced(tag);
    return inside.startsWith(u"<img", Qt::CaseInsensitive) && !inside.contains(u'>') &&
           inside.contains(u"src", Qt::CaseInsensitive);
}

bool carriesData(QStringView url)
{
    const qsizetype query = url.indexOf(u'?');
    const qsizetype fragment = url.indexOf(u'#');
    qsizetype from = query >= 0 ? query : fragment;
    if (from < 0)
        return false;
    return url.size() - from - 1 >= 48;
}

} // namespace

QList<FoundLink> findLinks(QStringView text)
{
    QList<FoundLink> links;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        const qsizetype scheme =
            mayStartLink(text.utf16()[i]) && (i == 0 || !continuesWord(text.at(i - 1))) ? schemeAt(text, i) : 0;
        if (scheme == 0) {
            ++i;
            continue;
        }
        const bool www = text.sliced(i).startsWith(u"www.", Qt::CaseInsensitive);
        const UrlSpan span = scanUrl(text, i, scheme, www);
        FoundLink link;
        link.start = i;
        link.length = span.end - i;
        link.host = BlockedDomains::normalizeHost(text.sliced(span.hostStart, span.hostEnd - span.hostStart));
        link.image = isImageTarget(text, i);
        link.carriesData = carriesData(text.sliced(i, link.length));
        if (!link.host.isEmpty())
            links.append(link);
        i = qMax(span.end, i + 1);
    }
    return links;
}

LinkSanitizer::LinkSanitizer(std::shared_ptr<const BlockedDomains> blocked) : m_blocked(std::move(blocked)) {}

QString LinkSanitizer::feed(QStringView piece)
{
    if (m_held.isEmpty())
        return process(piece, false);
    const QString buffer = std::exchange(m_held, {}) + piece;
    return process(buffer, false);
}

QString LinkSanitizer::finish()
{
    const QString buffer = std::exchange(m_held, {});
    return process(buffer, true);
}

QString LinkSanitizer::process(QStringView buffer, bool final)
{
    QString out;
    const qsizetype n = buffer.size();
    qsizetype run = 0;
    qsizetype i = 0;
    auto holdFrom = [&](qsizetype at) {
        out.append(buffer.sliced(run, at - run));
        m_held = buffer.sliced(at).toString();
        if (at > 0)
            m_last = buffer.at(at - 1);
        return out;
    };
    if (m_continuing != Continuing::No) {
        // The rest of a link too long to hold: it follows the decision taken on its start.
        while (i < n && !endsUrl(buffer.utf16()[i]))
            ++i;
        if (m_continuing == Continuing::Drop)
            run = i;
        if (i < n || final)
            m_continuing = Continuing::No;
    }
    while (i < n) {
        if (!mayStartLink(buffer.utf16()[i])) {
            ++i;
            continue;
        }
        const bool boundary = i > 0 ? !continuesWord(buffer.at(i - 1)) : !continuesWord(m_last);
        if (!boundary) {
            ++i;
            continue;
        }
        const qsizetype scheme = schemeAt(buffer, i);
        if (scheme == 0) {
            if (!final && couldBecomeScheme(buffer.sliced(i)))
                return holdFrom(i);
            ++i;
            continue;
        }
        const bool www = buffer.sliced(i).startsWith(u"www.", Qt::CaseInsensitive);
        const UrlSpan span = scanUrl(buffer, i, scheme, www);
        const bool complete = span.terminated || final;
        if (!complete && n - i < MaxHeldLink)
            return holdFrom(i);
        const QStringView host = buffer.sliced(span.hostStart, span.hostEnd - span.hostStart);
        const bool blocked = m_blocked && m_blocked->matches(host);
        const qsizetype end = complete ? span.end : n;
        if (blocked) {
            out.append(buffer.sliced(run, i - run));
            out.append(Replacement);
            run = end;
            ++m_replaced;
            const QString name = BlockedDomains::normalizeHost(host);
            if (m_hosts.size() < 5 && !m_hosts.contains(name))
                m_hosts.append(name);
        }
        if (!complete)
            m_continuing = blocked ? Continuing::Drop : Continuing::Pass;
        i = qMax(end, i + 1);
    }
    out.append(buffer.sliced(run));
    if (n > 0)
        m_last = buffer.at(n - 1);
    return out;
}

QString sanitizeLinks(QStringView text, std::shared_ptr<const BlockedDomains> blocked, int *replaced)
{
    LinkSanitizer sanitizer(std::move(blocked));
    QString out = sanitizer.feed(text);
    out += sanitizer.finish();
    if (replaced)
        *replaced += sanitizer.replaced();
    return out;
}

} // namespace llmproxy
