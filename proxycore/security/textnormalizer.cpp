// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/textnormalizer.h"

#include <QChar>

#include <algorithm>
#include <iterator>

namespace llmproxy {

namespace {

struct Confusable
{
    char32_t codePoint;
    char ascii;
};

// Source rule: a code point is listed when, in common fonts, it is drawn identically (or as a
// small capital of the same shape) to a lower- or upper-case Latin letter or an ASCII digit, and
// NFKC leaves it alone. The scripts are those used in real spoofing: Cyrillic, Greek, Armenian,
// Cherokee and the Latin IPA / small-capital letters (after Unicode's confusables.txt, restricted to
// single code points that map to one ASCII character). Fullwidth forms (U+FF01–U+FF5E) and the
// Mathematical Alphanumeric Symbols (U+1D400–U+1D7FF) are not listed because NFKC, which runs
// first, already maps them to ASCII (or to a Greek/Latin letter listed here, such as dotless i).
// Letters with diacritics (ё, ї) are not look-alikes of ASCII letters and stay. Sorted by code point.
constexpr Confusable kConfusables[] = {
    {0x0131, 'i'}, // Latin Small Dotless I
    {0x01BC, '5'}, // Latin Capital Tone Five
    {0x01C0, 'l'}, // Latin Dental Click
    {0x0237, 'j'}, // Latin Small Dotless J
    {0x0251, 'a'}, // Latin Small Alpha
    {0x0261, 'g'}, // Latin Small Script G
    {0x0262, 'g'}, // Latin Small Capital G
    {0x0269, 'i'}, // Latin Small Iota
    {0x026A, 'i'}, // Latin Small Capital I
    {0x0274, 'n'}, // Latin Small Capital N
    {0x0280, 'r'}, // Latin Small Capital R
    {0x028B, 'u'}, // Latin Small V With Hook
    {0x028F, 'y'}, // Latin Small Capital Y
    {0x0299, 'b'}, // Latin Small Capital B
    {0x029C, 'h'}, // Latin Small Capital H
    {0x029F, 'l'}, // Latin Small Capital L
    {0x037F, 'j'}, // Greek Capital Yot
    {0x0391, 'a'}, // Greek Capital Alpha
    {0x0392, 'b'}, // Greek Capital Beta
    {0x0395, 'e'}, // Greek Capital Epsilon
    {0x0396, 'z'}, // Greek Capital Zeta
    {0x0397, 'h'}, // Greek Capital Eta
    {0x0399, 'i'}, // Greek Capital Iota
    {0x039A, 'k'}, // Greek Capital Kappa
    {0x039C, 'm'}, // Greek Capital Mu
    {0x039D, 'n'}, // Greek Capital Nu
    {0x039F, 'o'}, // Greek Capital Omicron
    {0x03A1, 'p'}, // Greek Capital Rho
    {0x03A4, 't'}, // Greek Capital Tau
    {0x03A5, 'y'}, // Greek Capital Upsilon
    {0x03A7, 'x'}, // Greek Capital Chi
    {0x03B1, 'a'}, // Greek Small Alpha
    {0x03B3, 'y'}, // Greek Small Gamma
    {0x03B9, 'i'}, // Greek Small Iota
    {0x03BA, 'k'}, // Greek Small Kappa
    {0x03BD, 'v'}, // Greek Small Nu
    {0x03BF, 'o'}, // Greek Small Omicron
    {0x03C1, 'p'}, // Greek Small Rho
    {0x03C4, 't'}, // Greek Small Tau
    {0x03C5, 'u'}, // Greek Small Upsilon
    {0x03C7, 'x'}, // Greek Small Chi
    {0x03C9, 'w'}, // Greek Small Omega
    {0x03F3, 'j'}, // Greek Yot
    {0x0405, 's'}, // Cyrillic Capital Dze
    {0x0406, 'i'}, // Cyrillic Capital Byelorussian-Ukrainian I
    {0x0408, 'j'}, // Cyrillic Capital Je
    {0x0410, 'a'}, // Cyrillic Capital A
    {0x0412, 'b'}, // Cyrillic Capital Ve
    {0x0415, 'e'}, // Cyrillic Capital Ie
    {0x0417, '3'}, // Cyrillic Capital Ze
    {0x041A, 'k'}, // Cyrillic Capital Ka
    {0x041C, 'm'}, // Cyrillic Capital Em
    {0x041D, 'h'}, // Cyrillic Capital En
    {0x041E, 'o'}, // Cyrillic Capital O
    {0x0420, 'p'}, // Cyrillic Capital Er
    {0x0421, 'c'}, // Cyrillic Capital Es
    {0x0422, 't'}, // Cyrillic Capital Te
    {0x0423, 'y'}, // Cyrillic Capital U
    {0x0425, 'x'}, // Cyrillic Capital Ha
    {0x0430, 'a'}, // Cyrillic Small A
    {0x0431, '6'}, // Cyrillic Small Be
    {0x0432, 'b'}, // Cyrillic Small Ve
    {0x0435, 'e'}, // Cyrillic Small Ie
    {0x0437, '3'}, // Cyrillic Small Ze
    {0x043A, 'k'}, // Cyrillic Small Ka
    {0x043C, 'm'}, // Cyrillic Small Em
    {0x043D, 'h'}, // Cyrillic Small En
    {0x043E, 'o'}, // Cyrillic Small O
    {0x0440, 'p'}, // Cyrillic Small Er
    {0x0441, 'c'}, // Cyrillic Small Es
    {0x0442, 't'}, // Cyrillic Small Te
    {0x0443, 'y'}, // Cyrillic Small U
    {0x0445, 'x'}, // Cyrillic Small Ha
    {0x0455, 's'}, // Cyrillic Small Dze
    {0x0456, 'i'}, // Cyrillic Small Byelorussian-Ukrainian I
    {0x0458, 'j'}, // Cyrillic Small Je
    {0x04AE, 'y'}, // Cyrillic Capital Straight U
    {0x04AF, 'y'}, // Cyrillic Small Straight U
    {0x04BA, 'h'}, // Cyrillic Capital Shha
    {0x04BB, 'h'}, // Cyrillic Small Shha
    {0x04C0, 'l'}, // Cyrillic Palochka
    {0x04CF, 'l'}, // Cyrillic Small Palochka
    {0x0500, 'd'}, // Cyrillic Capital Komi De
    {0x0501, 'd'}, // Cyrillic Small Komi De
    {0x051A, 'q'}, // Cyrillic Capital Qa
    {0x051B, 'q'}, // Cyrillic Small Qa
    {0x051C, 'w'}, // Cyrillic Capital We
    {0x051D, 'w'}, // Cyrillic Small We
    {0x053C, 'l'}, // Armenian Capital Liwn
    {0x054D, 'u'}, // Armenian Capital Seh
    {0x054F, 's'}, // Armenian Capital Tiwn
    {0x0555, 'o'}, // Armenian Capital Oh
    {0x0561, 'w'}, // Armenian Small Ayb
    {0x0566, 'q'}, // Armenian Small Za
    {0x0570, 'h'}, // Armenian Small Ho
    {0x0573, '6'}, // Armenian Small Cheh
    {0x0578, 'n'}, // Armenian Small Vo
    {0x057D, 'u'}, // Armenian Small Seh
    {0x0581, 'g'}, // Armenian Small Co
    {0x0582, 'l'}, // Armenian Small Yiwn
    {0x0584, 'p'}, // Armenian Small Keh
    {0x0585, 'o'}, // Armenian Small Oh
    {0x13A0, 'd'}, // Cherokee A
    {0x13A1, 'r'}, // Cherokee E
    {0x13A2, 't'}, // Cherokee I
    {0x13A5, 'i'}, // Cherokee V
    {0x13AA, 'a'}, // Cherokee Go
    {0x13AB, 'j'}, // Cherokee Gu
    {0x13AC, 'e'}, // Cherokee Gv
    {0x13B3, 'w'}, // Cherokee La
    {0x13B7, 'm'}, // Cherokee Lu
    {0x13BB, 'h'}, // Cherokee Mi
    {0x13C3, 'z'}, // Cherokee No
    {0x13D9, 'v'}, // Cherokee Do
    {0x13DA, 's'}, // Cherokee Du
    {0x13DE, 'l'}, // Cherokee Tle
    {0x13DF, 'c'}, // Cherokee Tli
    {0x13E2, 'p'}, // Cherokee Tlv
    {0x13E6, 'k'}, // Cherokee Tso
    {0x13F4, 'b'}, // Cherokee Yv
    {0x1D00, 'a'}, // Latin Small Capital A
    {0x1D04, 'c'}, // Latin Small Capital C
    {0x1D05, 'd'}, // Latin Small Capital D
    {0x1D07, 'e'}, // Latin Small Capital E
    {0x1D0A, 'j'}, // Latin Small Capital J
    {0x1D0B, 'k'}, // Latin Small Capital K
    {0x1D0D, 'm'}, // Latin Small Capital M
    {0x1D0F, 'o'}, // Latin Small Capital O
    {0x1D18, 'p'}, // Latin Small Capital P
    {0x1D1B, 't'}, // Latin Small Capital T
    {0x1D1C, 'u'}, // Latin Small Capital U
    {0x1D20, 'v'}, // Latin Small Capital V
    {0x1D21, 'w'}, // Latin Small Capital W
    {0x1D22, 'z'}, // Latin Small Capital Z
    {0x212E, 'e'}, // Estimated Symbol
    {0xA731, 's'}, // Latin Small Capital S
};

static_assert(std::size(kConfusables) > 120);

enum class Invisible { None, ZeroWidth, Bidi };

Invisible classifyBmp(char16_t c)
{
    switch (c) {
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x180E:
    case 0x00AD:
        return Invisible::ZeroWidth;
    case 0x200E:
    case 0x200F:
    case 0x061C:
        return Invisible::Bidi;
    default:
        break;
    }
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return Invisible::Bidi;
    return Invisible::None;
}

bool isTagCharacter(char32_t c)
{
    return c >= 0xE0000 && c <= 0xE007F;
}

/// Removes invisible characters into `out` (counted); returns whether anything is non-ASCII.
/// Text between invisible characters is copied in runs, not character by character.
bool stripInvisible(QStringView in, QString &out, NormalizationCounts &counts)
{
    out.reserve(in.size());
    bool nonAscii = false;
    const char16_t *p = in.utf16();
    const qsizetype n = in.size();
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i];
        if (c < 0x80)
            continue;
        const bool pair = QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(p[i + 1]);
        bool removed = true;
        if (pair && isTagCharacter(QChar::surrogateToUcs4(c, p[i + 1]))) {
            ++counts.tags;
        } else if (const Invisible kind = pair ? Invisible::None : classifyBmp(c); kind == Invisible::ZeroWidth) {
            ++counts.zeroWidth;
        } else if (kind == Invisible::Bidi) {
            ++counts.bidi;
        } else {
            removed = false;
            nonAscii = true;
        }
        if (removed) {
            out.append(in.sliced(runStart, i - runStart));
            runStart = i + (pair ? 2 : 1);
        }
        i += pair ? 1 : 0;
    }
    out.append(in.sliced(runStart));
    return nonAscii;
}

/// Folds look-alikes to ASCII and case in place; returns how many look-alikes were folded.
int foldInPlace(QString &s)
{
    int folded = 0;
    char16_t *p = reinterpret_cast<char16_t *>(s.data());
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i];
        if (c < 0x80) {
            if (c >= u'A' && c <= u'Z')
                p[i] = char16_t(c + 32);
            continue;
        }
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(p[i + 1])) {
            // Outside the BMP: simple case folding only when it stays the same length (it
            // always does for the scripts with case there; anything else is left as it is).
            const char32_t folded32 = QChar::toCaseFolded(QChar::surrogateToUcs4(c, p[i + 1]));
            if (QChar::requiresSurrogates(folded32)) {
                p[i] = QChar::highSurrogate(folded32);
                p[i + 1] = QChar::lowSurrogate(folded32);
            }
            ++i;
            continue;
        }
        if (const char ascii = confusableToAscii(c)) {
            p[i] = char16_t(ascii);
            ++folded;
            continue;
        }
        const char32_t lower = QChar::toCaseFolded(char32_t(c));
        if (!QChar::requiresSurrogates(lower)) {
            // Case folding can land on a look-alike (Cherokee small letters fold from capitals
            // that are listed; Greek final sigma folds to sigma): fold once more.
            const char again = confusableToAscii(lower);
            p[i] = again ? char16_t(again) : char16_t(lower);
            folded += again ? 1 : 0;
        }
    }
    return folded;
}

bool isLeetDigit(char16_t c)
{
    return c == u'0' || c == u'1' || c == u'3' || c == u'4' || c == u'5' || c == u'7';
}

bool isLeetChar(char16_t c)
{
    // One shift instead of eight comparisons: this runs on every character of every request.
    constexpr quint64 kBelow64 =
        (1ULL << '$') | (1ULL << '0') | (1ULL << '1') | (1ULL << '3') | (1ULL << '4') | (1ULL << '5') | (1ULL << '7');
    return c < 64 ? ((kBelow64 >> c) & 1U) != 0 : c == u'@';
}

char16_t leetLetter(char16_t c)
{
    switch (c) {
    case u'0':
        return u'o';
    case u'1':
        return u'i';
    case u'3':
        return u'e';
    case u'4':
    case u'@':
        return u'a';
    case u'5':
    case u'$':
        return u's';
    case u'7':
        return u't';
    default:
        return c;
    }
}

inline bool isTokenChar(char16_t c)
{
    if (c < 0x80)
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'@' || c == u'$';
    return QChar::isLetter(char32_t(c)) || QChar::isMark(char32_t(c));
}

/// The leetspeak variant of already folded (lower-case) text, or an empty string when no token
/// qualifies. A token (letters, digits, @, $) qualifies when it has at least two letters, at least
/// one leet digit or an inner @/$, and no other digit: "2024", "v1", "sha256", "x86", "@user" and
/// "$HOME" stay as they are; "1gn0r3", "pr3v10us", "p@ssw0rd" are rewritten. Only the tokens around
/// a leet character are looked at, so prose without digits costs one comparison loop.
QString leetVariant(const QString &text, int &tokens)
{
    QString out;
    const char16_t *p = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isLeetChar(p[i])) {
            ++i;
            continue;
        }
        qsizetype start = i;
        while (start > 0 && isTokenChar(p[start - 1]))
            --start;
        int letters = 0;
        int leet = 0;
        bool otherDigit = false;
        for (i = start; i < n && isTokenChar(p[i]); ++i) {
            const char16_t c = p[i];
            if (isLeetDigit(c))
                ++leet;
            else if (c >= u'0' && c <= u'9')
                otherDigit = true;
            else if (c == u'@' || c == u'$')
                leet += i > start ? 1 : 0;
            else
                ++letters;
        }
        if (letters < 2 || leet == 0 || otherDigit)
            continue;
        if (out.isEmpty())
            out = text; // one copy, only when some token changes
        char16_t *o = reinterpret_cast<char16_t *>(out.data());
        for (qsizetype k = start; k < i; ++k) {
            const bool leadingSymbol = k == start && (p[k] == u'@' || p[k] == u'$');
            if (!leadingSymbol)
                o[k] = leetLetter(p[k]);
        }
        ++tokens;
    }
    return out;
}

bool isAscii(const QString &s)
{
    const char16_t *p = reinterpret_cast<const char16_t *>(s.utf16());
    return std::all_of(p, p + s.size(), [](char16_t c) { return c < 0x80; });
}

} // namespace

char confusableToAscii(char32_t codePoint)
{
    const auto *it = std::lower_bound(std::begin(kConfusables), std::end(kConfusables), codePoint,
                                      [](const Confusable &c, char32_t cp) { return c.codePoint < cp; });
    return it != std::end(kConfusables) && it->codePoint == codePoint ? it->ascii : '\0';
}

NormalizedText normalizeForScan(QStringView text)
{
    NormalizedText result;
    const bool nonAscii = stripInvisible(text, result.text, result.counts);
    if (nonAscii) {
        result.text = result.text.normalized(QString::NormalizationForm_KC);
        // Folding a look-alike to ASCII can let a following combining mark compose with it
        // ("а" + U+0308 becomes "ä"), and NFKC can expose new look-alikes: repeat until stable, so
        // that normalising the output again changes nothing. Two rounds settle real text; the
        // bound keeps hostile text linear.
        for (int round = 0; round < 3; ++round) {
            const int folded = foldInPlace(result.text);
            result.counts.confusables += folded;
            if (isAscii(result.text))
                break;
            QString again = result.text.normalized(QString::NormalizationForm_KC);
            if (again == result.text)
                break;
            result.text = std::move(again);
        }
    } else {
        foldInPlace(result.text);
    }
    result.leetspeak = leetVariant(result.text, result.counts.leetTokens);
    return result;
}

} // namespace llmproxy
