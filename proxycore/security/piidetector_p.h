// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

// The detector's private parts, shared by piidetector.cpp (the byte scan, find(), e-mail, phone,
// card, IBAN, SSN and IP addresses) and piisecrets.cpp (provider tokens, values assigned to a
// secret-like name, private-key blocks).

#include "proxycore/security/piidetector.h"

#include <QString>

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace llmproxy {

namespace pii_detail {

// Bytes that stand for non-ASCII code units in the scanned copy (one byte per code unit keeps
// every offset equal to the UTF-16 offset): a letter or digit (allowed inside e-mail addresses),
// anything else. Non-ASCII spaces become an ASCII space.
inline constexpr char kOtherByte = char(0x80);
inline constexpr char kLetterByte = char(0x81);

/// The candidate patterns, in RE2 syntax over the Latin-1 copy. Each is a cheap, bounded shape;
/// the validators decide. Their order is the index in the RE2::Set.
enum Kind {
    kEmail,
    kEmailObfuscated,
    kPhone,
    kCard,
    kIban,
    kSsn,
    kIpv4,
    kIpv6,
    kAnthropic,
    kOpenAi,
    kGoogle,
    kAwsKeyId,
    kAwsSecret,
    kGithub,
    kGitlab,
    kSlack,
    kSlackWebhook,
    kStripe,
    kPrivateKey,
    kJwt,
    kBearer,
    kUrlPassword,
    kAssignment,
    kKindCount
};

/// Kinds of trigger found by the byte scan (see findRanges); each group of kinds is searched for
/// only inside the ranges of its trigger.
enum Group { gNumeric, gColon, gAt, gObfuscated, gToken, gPem, gAssignment, kGroupCount };

using Range = std::pair<size_t, size_t>;

struct Candidate
{
    PiiType type;
    qsizetype start;
    qsizetype end;
    QString detail;
    int order; ///< position in the list, for a stable tie-break
};

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline bool isAlnum(char c)
{
    return isDigit(c) || isAlpha(c);
}

inline bool isWordByte(char c)
{
    return isAlnum(c) || c == '_' || c == kLetterByte;
}

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace pii_detail

struct PiiDetector::Compiled
{
    PiiOptions options;
    std::vector<std::string> regions; ///< phoneRegions, upper-cased, for libphonenumber
    /// Per group: which of its kinds occur in a range (one pass), index → Kind.
    std::unique_ptr<RE2::Set> sets[pii_detail::kGroupCount];
    std::vector<pii_detail::Kind> setKinds[pii_detail::kGroupCount];
    std::unique_ptr<RE2> patterns[pii_detail::kKindCount];
    std::unique_ptr<RE2> phoneContext;
    std::unique_ptr<RE2> ssnContext;
    std::unique_ptr<RE2> numberContext; ///< either of the two, for the byte scan

    /// Whether `context` occurs in the few words before [b, e) (and, with `after`, just after it).
    bool hasContext(const std::string &s, QStringView text, size_t b, size_t e, const RE2 &context, bool after) const;

    void scan(const std::string &s, QStringView text, pii_detail::Kind kind, pii_detail::Range range,
              std::vector<pii_detail::Candidate> &out) const;
    qsizetype confirm(const std::string &s, QStringView text, pii_detail::Kind kind, size_t b, size_t e,
                      std::vector<pii_detail::Candidate> &out) const;

    // Each returns the scan position to continue from; a found value is appended to `out`.
    size_t email(const std::string &s, size_t b, size_t e, std::vector<pii_detail::Candidate> &out) const;
    size_t emailObfuscated(const std::string &s, QStringView text, size_t b, size_t e,
                           std::vector<pii_detail::Candidate> &out) const;
    size_t phone(const std::string &s, QStringView text, size_t b, size_t e,
                 std::vector<pii_detail::Candidate> &out) const;
    bool phoneAt(const std::string &s, QStringView text, size_t b, size_t e, bool international, bool continuation,
                 std::vector<pii_detail::Candidate> &out) const;
    size_t card(const std::string &s, size_t b, size_t e, std::vector<pii_detail::Candidate> &out) const;
    size_t iban(const std::string &s, QStringView text, size_t b, size_t e,
                std::vector<pii_detail::Candidate> &out) const;
    size_t ssn(const std::string &s, QStringView text, size_t b, size_t e,
               std::vector<pii_detail::Candidate> &out) const;
    size_t ipv4(const std::string &s, QStringView text, size_t b, size_t e,
                std::vector<pii_detail::Candidate> &out) const;
    size_t ipv6(const std::string &s, size_t b, size_t e, std::vector<pii_detail::Candidate> &out) const;
    size_t secret(const std::string &s, QStringView text, pii_detail::Kind kind, size_t b, size_t e,
                  std::vector<pii_detail::Candidate> &out) const;
    size_t assignment(const std::string &s, QStringView text, size_t b, size_t e,
                      std::vector<pii_detail::Candidate> &out) const;
    size_t privateKey(const std::string &s, size_t b, size_t e, std::vector<pii_detail::Candidate> &out) const;
};

} // namespace llmproxy
