// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/injectionclassifier.h"

#include "proxycore/security/textnormalizer.h"

#include <QChar>
#include <QFile>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace llmproxy {

namespace {

constexpr quint32 kFnvOffset = 2166136261U;
constexpr quint32 kFnvPrime = 16777619U;

constexpr char kMagic[8] = {'L', 'P', 'X', 'I', 'N', 'J', 'C', 'L'};
constexpr quint16 kVersion = 1;
constexpr qsizetype kHeaderSize = 40;
constexpr qsizetype kChecksumSize = 4;
constexpr int kMinHashBits = 10;
constexpr int kMaxHashBits = 24;
constexpr int kMaxCharGram = 8;
constexpr quint8 kFlagUnigrams = 1;
constexpr quint8 kFlagBigrams = 2;
/// Punctuation runs ("<|", "###", "-->") are hashed up to this many characters.
constexpr int kMaxPunctChars = 8;
/// A block is extended up to this many code units to end at whitespace rather than inside a word.
constexpr qsizetype kBlockSlack = 64;

inline quint32 fnvByte(quint32 h, quint8 b)
{
    return (h ^ b) * kFnvPrime;
}

/// Feeds the UTF-8 bytes of `cp` to the hash.
inline quint32 fnvCodePoint(quint32 h, char32_t cp)
{
    if (cp < 0x80)
        return fnvByte(h, quint8(cp));
    if (cp < 0x800)
        return fnvByte(fnvByte(h, quint8(0xC0 | (cp >> 6))), quint8(0x80 | (cp & 0x3F)));
    if (cp < 0x10000) {
        h = fnvByte(h, quint8(0xE0 | (cp >> 12)));
        h = fnvByte(h, quint8(0x80 | ((cp >> 6) & 0x3F)));
        return fnvByte(h, quint8(0x80 | (cp & 0x3F)));
    }
    h = fnvByte(h, quint8(0xF0 | (cp >> 18)));
    h = fnvByte(h, quint8(0x80 | ((cp >> 12) & 0x3F)));
    h = fnvByte(h, quint8(0x80 | ((cp >> 6) & 0x3F)));
    return fnvByte(h, quint8(0x80 | (cp & 0x3F)));
}

inline quint32 fnvWord(quint32 h, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        h = fnvByte(h, quint8(v >> (8 * i)));
    return h;
}

quint32 fnv1a(const char *data, qsizetype size)
{
    quint32 h = kFnvOffset;
    for (qsizetype i = 0; i < size; ++i)
        h = fnvByte(h, quint8(data[i]));
    return h;
}

enum class CharKind : quint8 { Space, Word, Punct };

/// ASCII classes by table; digits count as word characters.
constexpr auto kAsciiKinds = [] {
    std::array<CharKind, 128> t{};
    for (int c = 0; c < 128; ++c)
        t[c] = CharKind::Punct;
    for (int c = 0; c <= ' '; ++c)
        t[c] = CharKind::Space; // controls separate tokens like whitespace
    for (int c = '0'; c <= '9'; ++c)
        t[c] = CharKind::Word;
    for (int c = 'a'; c <= 'z'; ++c)
        t[c] = CharKind::Word;
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = CharKind::Word;
    t['_'] = CharKind::Word;
    t[127] = CharKind::Space;
    return t;
}();

inline CharKind kindOf(char32_t cp)
{
    if (cp < 0x80)
        return kAsciiKinds[cp];
    if (QChar::isLetterOrNumber(cp) || QChar::isMark(cp))
        return CharKind::Word;
    if (QChar::isSpace(cp) || QChar::category(cp) == QChar::Other_Control)
        return CharKind::Space;
    return CharKind::Punct;
}

/// Digits 1–9 are hashed as 0, so line numbers, versions and counts share their features.
inline char32_t foldDigit(char32_t cp)
{
    return cp >= U'1' && cp <= U'9' ? U'0' : cp;
}

/// The hash states after the seed and the feature kind, and the bucket mapping.
struct Hasher
{
    explicit Hasher(const InjectionFeatureSettings &s) : settings(s)
    {
        quint32 h = fnvWord(kFnvOffset, s.seed);
        word = fnvByte(h, 'w');
        bigram = fnvByte(h, 'b');
        chars = fnvByte(h, 'c');
        bits = s.hashBits;
        mask = (quint32(1) << s.hashBits) - 1;
    }
    quint32 bucket(quint32 h) const { return (h ^ (h >> bits)) & mask; }

    const InjectionFeatureSettings &settings;
    quint32 word = 0;
    quint32 bigram = 0;
    quint32 chars = 0;
    int bits = 0;
    quint32 mask = 0;
};

/// Calls onFeature(bucket) for every feature occurrence of `text`, in text order. The character
/// n-grams of a word token are taken over " token " (a space marks both ends), by start
/// position, each n-gram's hash extended from the previous length's.
template <typename Sink> void forEachFeature(QStringView text, const Hasher &hasher, Sink &&onFeature)
{
    const InjectionFeatureSettings &s = hasher.settings;
    const bool chars = s.charMin > 0;
    const int charMin = s.charMin;
    const int charMax = s.charMax;

    std::array<char32_t, kMaxCharGram> ring{};
    qsizetype ringCount = 0;
    qsizetype nextStart = 0;
    auto gramsFrom = [&](qsizetype start) {
        quint32 h = hasher.chars;
        for (int k = 0; k < charMax && start + k < ringCount; ++k) {
            h = fnvCodePoint(h, ring[(start + k) % kMaxCharGram]);
            if (k + 1 >= charMin)
                onFeature(hasher.bucket(h));
        }
    };
    auto pushChar = [&](char32_t cp) {
        ring[ringCount % kMaxCharGram] = cp;
        ++ringCount;
        while (nextStart + charMax <= ringCount)
            gramsFrom(nextStart++);
    };

    CharKind tokenKind = CharKind::Space;
    quint32 tokenHash = 0;
    int tokenChars = 0;
    quint32 previousToken = 0;
    bool havePrevious = false;

    auto endToken = [&] {
        if (tokenKind == CharKind::Space)
            return;
        if (tokenKind == CharKind::Word && chars) {
            pushChar(U' ');
            while (nextStart + charMin <= ringCount)
                gramsFrom(nextStart++);
        }
        if (s.wordUnigrams)
            onFeature(hasher.bucket(tokenHash));
        if (s.wordBigrams && havePrevious)
            onFeature(hasher.bucket(fnvWord(fnvWord(hasher.bigram, previousToken), tokenHash)));
        previousToken = tokenHash;
        havePrevious = true;
        tokenKind = CharKind::Space;
    };

    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t cp = p[i];
        if (QChar::isHighSurrogate(char16_t(cp)) && i + 1 < n && QChar::isLowSurrogate(p[i + 1])) {
            cp = QChar::surrogateToUcs4(char16_t(cp), p[i + 1]);
            ++i;
        }
        const CharKind kind = kindOf(cp);
        if (kind != tokenKind) {
            endToken();
            tokenKind = kind;
            if (kind == CharKind::Space)
                continue;
            tokenHash = hasher.word;
            tokenChars = 0;
            if (kind == CharKind::Word && chars) {
                ringCount = 0;
                nextStart = 0;
                pushChar(U' ');
            }
        } else if (kind == CharKind::Space) {
            continue;
        }
        cp = foldDigit(cp);
        if (kind == CharKind::Punct && tokenChars >= kMaxPunctChars)
            continue;
        tokenHash = fnvCodePoint(tokenHash, cp);
        ++tokenChars;
        if (kind == CharKind::Word && chars)
            pushChar(cp);
    }
    endToken();
}

/// Counts feature occurrences of one piece of text: open addressing over a small power-of-two
/// table (the scorer's fits in the first-level cache, which is what makes scoring fast), cleared
/// through the list of used slots, so reuse costs nothing proportional to its size. New features
/// beyond three quarters of the table are dropped: a scorer's piece (at most one window) never
/// has that many, and the bound keeps hostile text cheap.
class FeatureTable
{
public:
    explicit FeatureTable(int capacityBits)
        : m_shift(32 - capacityBits), m_mask((size_t(1) << capacityBits) - 1), m_keys(m_mask + 1, 0U),
          m_counts(m_mask + 1, 0U)
    {
        m_used.reserve(maxDistinct());
    }

    size_t maxDistinct() const { return (m_mask + 1) / 4 * 3; }

    Q_ALWAYS_INLINE void add(quint32 bucket)
    {
        const quint32 key = bucket + 1; // 0 marks an empty slot
        size_t slot = (key * 0x9E3779B1U) >> m_shift;
        while (true) {
            const quint32 k = m_keys[slot];
            if (k == key) {
                m_counts[slot] += m_counts[slot] < 255 ? 1 : 0;
                return;
            }
            if (k == 0)
                break;
            slot = (slot + 1) & m_mask;
        }
        if (m_used.size() >= maxDistinct())
            return;
        m_keys[slot] = key;
        m_counts[slot] = 1;
        m_used.push_back(quint32(slot));
    }

    /// Calls f(bucket, 1 + ln count) for every feature, in first-seen order, then empties the table.
    template <typename F> void drain(F &&f)
    {
        for (const quint32 slot : m_used) {
            f(m_keys[slot] - 1, sublinear(m_counts[slot]));
            m_keys[slot] = 0;
        }
        m_used.clear();
    }

private:
    static float sublinear(quint8 count)
    {
        static const auto kTable = [] {
            std::array<float, 256> t{};
            for (size_t c = 1; c < t.size(); ++c)
                t[c] = 1.0F + std::log(float(c));
            return t;
        }();
        return kTable[count];
    }

    int m_shift;
    size_t m_mask;
    std::vector<quint32> m_keys;
    std::vector<quint8> m_counts;
    std::vector<quint32> m_used;
};

/// 4096 slots (20 KiB): room for every feature of one window, at most about five per code unit.
constexpr int kScratchBits = 12;

/// The scorer's counting table, one per thread and reused: scratch space only, nothing in it
/// outlives one call.
FeatureTable &scratchTable()
{
    thread_local FeatureTable table(kScratchBits);
    return table;
}

/// Dot product with the weights and squared norm of one piece's feature vector (before the L2
/// normalisation, so that adjacent pieces can be combined).
struct PieceSums
{
    double dot = 0;
    double squares = 0;
};

inline float sigmoid(double z)
{
    return float(1.0 / (1.0 + std::exp(-z)));
}

template <typename T> T readLe(const char *p)
{
    return qFromLittleEndian<T>(p);
}

float readFloat(const char *p)
{
    const quint32 bits = readLe<quint32>(p);
    float f = 0;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

void appendLe32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian<quint32>(v, b);
    out.append(b, 4);
}

void appendFloat(QByteArray &out, float f)
{
    quint32 bits = 0;
    std::memcpy(&bits, &f, sizeof bits);
    appendLe32(out, bits);
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QList<InjectionFeature> injectionFeatures(QStringView prepared, const InjectionFeatureSettings &settings)
{
    const Hasher hasher(settings);
    // Sized for the whole text, so a training text is never cut.
    int bits = kScratchBits;
    while (bits < 22 && (qsizetype(1) << bits) / 4 * 3 < prepared.size() * (settings.charMax + 3))
        ++bits;
    FeatureTable table(bits);
    forEachFeature(prepared, hasher, [&](quint32 bucket) { table.add(bucket); });
    QList<InjectionFeature> features;
    double squares = 0;
    table.drain([&](quint32 bucket, float value) {
        features.append({bucket, value});
        squares += double(value) * value;
    });
    std::sort(features.begin(), features.end(),
              [](const InjectionFeature &a, const InjectionFeature &b) { return a.index < b.index; });
    if (squares > 0) {
        const float inv = float(1.0 / std::sqrt(squares));
        for (InjectionFeature &f : features)
            f.value *= inv;
    }
    return features;
}

float InjectionLinearModel::probability(const QList<InjectionFeature> &features) const
{
    double z = bias;
    for (const InjectionFeature &f : features)
        z += double(weights[f.index]) * f.value;
    return sigmoid(z);
}

std::optional<InjectionClassifier> InjectionClassifier::load(const QByteArray &data, QString *error)
{
    const auto refuse = [&](const QString &message) {
        fail(error, QStringLiteral("injection model: ") + message);
        return std::nullopt;
    };
    if (data.size() < kHeaderSize + kChecksumSize)
        return refuse(QStringLiteral("file too short (%1 bytes, the header alone is %2)")
                          .arg(data.size())
                          .arg(kHeaderSize + kChecksumSize));
    const char *p = data.constData();
    if (std::memcmp(p, kMagic, sizeof kMagic) != 0)
        return refuse(QStringLiteral("not a model file (bad magic)"));
    if (const quint16 version = readLe<quint16>(p + 8); version != kVersion)
        return refuse(QStringLiteral("unsupported version %1 (expected %2)").arg(version).arg(kVersion));
    InjectionFeatureSettings s;
    s.hashBits = quint8(p[10]);
    const quint8 flags = quint8(p[11]);
    s.charMin = quint8(p[12]);
    s.charMax = quint8(p[13]);
    s.seed = readLe<quint32>(p + 16);
    s.wordUnigrams = (flags & kFlagUnigrams) != 0;
    s.wordBigrams = (flags & kFlagBigrams) != 0;
    if (s.hashBits < kMinHashBits || s.hashBits > kMaxHashBits)
        return refuse(QStringLiteral("hash bits %1 outside %2–%3").arg(s.hashBits).arg(kMinHashBits).arg(kMaxHashBits));
    if ((flags & ~(kFlagUnigrams | kFlagBigrams)) != 0 || readLe<quint16>(p + 14) != 0)
        return refuse(QStringLiteral("unknown feature flags"));
    const bool noChars = s.charMin == 0 && s.charMax == 0;
    if (!noChars && (s.charMin < 1 || s.charMin > s.charMax || s.charMax > kMaxCharGram))
        return refuse(QStringLiteral("bad character n-gram range %1–%2").arg(s.charMin).arg(s.charMax));
    const quint32 count = readLe<quint32>(p + 36);
    if (count != (quint32(1) << s.hashBits))
        return refuse(QStringLiteral("weight count %1 does not match 2^%2").arg(count).arg(s.hashBits));
    const qsizetype expected = kHeaderSize + qsizetype(count) + kChecksumSize;
    if (data.size() < expected)
        return refuse(QStringLiteral("file truncated (%1 bytes, expected %2)").arg(data.size()).arg(expected));
    if (data.size() > expected)
        return refuse(QStringLiteral("trailing bytes (%1 bytes, expected %2)").arg(data.size()).arg(expected));
    const quint32 stored = readLe<quint32>(p + expected - kChecksumSize);
    if (const quint32 actual = fnv1a(p, expected - kChecksumSize); actual != stored)
        return refuse(QStringLiteral("checksum mismatch (stored %1, computed %2)")
                          .arg(stored, 8, 16, QLatin1Char('0'))
                          .arg(actual, 8, 16, QLatin1Char('0')));
    InjectionClassifier c;
    c.m_settings = s;
    c.m_bias = readFloat(p + 20);
    c.m_scale = readFloat(p + 24);
    c.m_blockThreshold = readFloat(p + 28);
    c.m_passThreshold = readFloat(p + 32);
    if (!std::isfinite(c.m_bias) || !std::isfinite(c.m_scale) || c.m_scale < 0)
        return refuse(QStringLiteral("bias or weight scale is not a finite number"));
    const auto isProbability = [](float f) { return f >= 0 && f <= 1; };
    if (!isProbability(c.m_blockThreshold) || !isProbability(c.m_passThreshold))
        return refuse(QStringLiteral("thresholds outside [0, 1]"));
    auto weights = std::make_shared<std::vector<qint8>>(count);
    std::memcpy(weights->data(), p + kHeaderSize, count);
    c.m_weights = std::move(weights);
    return c;
}

std::optional<InjectionClassifier> InjectionClassifier::builtin(QString *error)
{
    QFile file(QStringLiteral(":/security/injection_model.bin"));
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, QStringLiteral("injection model: resource :/security/injection_model.bin is missing"));
        return std::nullopt;
    }
    return load(file.readAll(), error);
}

InjectionClassifier InjectionClassifier::fromLinearModel(const InjectionLinearModel &model, float blockThreshold,
                                                         float passThreshold)
{
    InjectionClassifier c;
    c.m_settings = model.settings;
    c.m_bias = model.bias;
    c.m_blockThreshold = blockThreshold;
    c.m_passThreshold = passThreshold;
    float maxAbs = 0;
    for (const float w : model.weights)
        maxAbs = std::max(maxAbs, std::abs(w));
    c.m_scale = maxAbs > 0 ? maxAbs / 127.0F : 0.0F;
    auto weights = std::make_shared<std::vector<qint8>>(model.weights.size());
    for (size_t i = 0; i < model.weights.size(); ++i)
        (*weights)[i] =
            c.m_scale > 0 ? qint8(std::lround(std::clamp(model.weights[i] / c.m_scale, -127.0F, 127.0F))) : 0;
    c.m_weights = std::move(weights);
    return c;
}

QByteArray InjectionClassifier::serialize() const
{
    QByteArray out;
    const std::vector<qint8> &w = *m_weights;
    out.reserve(kHeaderSize + qsizetype(w.size()) + kChecksumSize);
    out.append(kMagic, sizeof kMagic);
    char version[2];
    qToLittleEndian<quint16>(kVersion, version);
    out.append(version, 2);
    out.append(char(m_settings.hashBits));
    out.append(char((m_settings.wordUnigrams ? kFlagUnigrams : 0) | (m_settings.wordBigrams ? kFlagBigrams : 0)));
    out.append(char(m_settings.charMin));
    out.append(char(m_settings.charMax));
    out.append(2, '\0');
    appendLe32(out, m_settings.seed);
    appendFloat(out, m_bias);
    appendFloat(out, m_scale);
    appendFloat(out, m_blockThreshold);
    appendFloat(out, m_passThreshold);
    appendLe32(out, quint32(w.size()));
    out.append(reinterpret_cast<const char *>(w.data()), qsizetype(w.size()));
    appendLe32(out, fnv1a(out.constData(), out.size()));
    return out;
}

float InjectionClassifier::score(QStringView text) const
{
    return score(normalizeForScan(text));
}

float InjectionClassifier::score(const NormalizedText &normalized) const
{
    const float plain = scorePrepared(normalized.text);
    return normalized.hasLeetspeak() ? std::max(plain, scorePrepared(normalized.leetspeak)) : plain;
}

float InjectionClassifier::scorePrepared(QStringView prepared) const
{
    const Hasher hasher(m_settings);
    const qint8 *w = m_weights->data();
    FeatureTable &table = scratchTable();
    auto sumsOf = [&](QStringView piece) {
        forEachFeature(piece, hasher, [&](quint32 bucket) { table.add(bucket); });
        PieceSums sums;
        table.drain([&](quint32 bucket, float value) {
            sums.squares += double(value) * value;
            sums.dot += double(w[bucket]) * value;
        });
        return sums;
    };
    auto logitOf = [&](const PieceSums &s) {
        return s.squares > 0 ? m_bias + m_scale * s.dot / std::sqrt(s.squares) : double(m_bias);
    };

    const qsizetype windowSpan = kBlockUnits * kWindowBlocks;
    if (prepared.size() <= windowSpan)
        return sigmoid(logitOf(sumsOf(prepared)));

    // Blocks of about kBlockUnits ending at whitespace; every kWindowBlocks consecutive blocks are
    // one window. Each block is read once; a window's sums are the sums of its blocks (a feature
    // shared by two blocks counts as two, which only matters for repeated text).
    auto scanRange = [&](QStringView range, PieceSums *total) {
        double best = -1e300;
        std::array<PieceSums, kWindowBlocks> recent{};
        qsizetype blocks = 0;
        qsizetype start = 0;
        while (start < range.size()) {
            qsizetype end = std::min(range.size(), start + kBlockUnits);
            const qsizetype limit = std::min(range.size(), end + kBlockSlack);
            while (end < limit && !QChar::isSpace(range[end].unicode()))
                ++end;
            if (end < range.size() && QChar::isLowSurrogate(range[end].unicode()))
                ++end;
            const PieceSums block = sumsOf(range.sliced(start, end - start));
            recent[size_t(blocks % kWindowBlocks)] = block;
            ++blocks;
            if (total) {
                total->dot += block.dot;
                total->squares += block.squares;
            }
            start = end;
            if (blocks >= kWindowBlocks || start >= range.size()) {
                PieceSums window;
                for (qsizetype k = 0; k < std::min<qsizetype>(blocks, kWindowBlocks); ++k) {
                    window.dot += recent[size_t(k)].dot;
                    window.squares += recent[size_t(k)].squares;
                }
                best = std::max(best, logitOf(window));
            }
        }
        return best;
    };
    if (prepared.size() <= kWindowUnits) {
        // The whole text is a window too, its sums added up from the blocks.
        PieceSums whole;
        const double best = scanRange(prepared, &whole);
        return sigmoid(std::max(best, logitOf(whole)));
    }
    if (prepared.size() <= kMaxScanUnits)
        return sigmoid(scanRange(prepared, nullptr));
    const qsizetype head = kMaxScanUnits * 3 / 4;
    const qsizetype tail = kMaxScanUnits - head;
    return sigmoid(std::max(scanRange(prepared.first(head), nullptr), scanRange(prepared.last(tail), nullptr)));
}

} // namespace llmproxy
