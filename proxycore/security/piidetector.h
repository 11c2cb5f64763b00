// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <optional>

namespace llmproxy {

/// Kinds of personal data and secrets the request guard masks.
enum class PiiType { Email, Phone, PaymentCard, Iban, UsSsn, IpAddress, Secret };

/// Every PiiType, in declaration order.
QList<PiiType> allPiiTypes();

/// Stable upper-case label of a type, used in mask placeholders and events:
/// "EMAIL", "PHONE", "CARD", "IBAN", "SSN", "IP", "SECRET".
QString piiTypeLabel(PiiType type);

/// The type's name in configuration: "email", "phone", "card", "iban", "ssn", "ip", "secret".
QString piiTypeConfigName(PiiType type);

/// The type named `name` in configuration (piiTypeConfigName), or nullopt.
std::optional<PiiType> piiTypeFromConfigName(QStringView name);

/// One value found by PiiDetector::find().
struct PiiMatch
{
    PiiType type = PiiType::Email;
    qsizetype start = 0;  ///< first UTF-16 code unit of the value in the scanned text
    qsizetype length = 0; ///< length in UTF-16 code units; the span covers the whole value
    /// What was recognised: the secret kind ("openai_key", "anthropic_key", "google_api_key",
    /// "aws_access_key", "aws_secret_key", "github_token", "gitlab_token", "slack_token",
    /// "slack_webhook", "stripe_key", "private_key", "jwt", "bearer_token", "url_password",
    /// "assigned_secret"), the card brand ("visa", ...), the phone's region ("GB"), the IBAN's
    /// country ("DE"), "ipv4" / "ipv6"; empty for e-mail and SSN.
    QString detail;

    friend bool operator==(const PiiMatch &a, const PiiMatch &b)
    {
        return a.type == b.type && a.start == b.start && a.length == b.length && a.detail == b.detail;
    }
};

struct PiiOptions
{
    /// Types reported by find(); all by default.
    QSet<PiiType> enabled = {PiiType::Email, PiiType::Phone,     PiiType::PaymentCard, PiiType::Iban,
                             PiiType::UsSsn, PiiType::IpAddress, PiiType::Secret};
    /// ISO 3166 regions whose national phone formats are recognised (numbers written with a
    /// leading + are recognised for every region).
    QStringList phoneRegions = {QStringLiteral("US"), QStringLiteral("GB"), QStringLiteral("DE"), QStringLiteral("FR"),
                                QStringLiteral("IT"), QStringLiteral("ES"), QStringLiteral("NL"), QStringLiteral("IN"),
                                QStringLiteral("BR"), QStringLiteral("JP"), QStringLiteral("AU"), QStringLiteral("CA")};
    /// Also report private, loopback, link-local, documentation and other non-public IP
    /// addresses. Off by default: `127.0.0.1`, `10.0.0.5` or `fe80::1` in a developer's logs and
    /// configs identify nobody, and masking them only makes the model's answer worse.
    bool includeNonPublicIps = false;
};

/// Finds personal data and secrets in text, with exact spans, for masking.
///
/// How: the text is mapped once to a byte string with one byte per UTF-16 code unit (so offsets
/// need no translation). One pass over those bytes, mostly a table lookup per byte, finds where
/// candidates can be: number runs worth a look (not dates, not thousands, not bare digit runs
/// shorter than a card unless a phone or SSN word is near), '@', hex runs with "::" or seven
/// colons, token-like runs of 16+ characters with a digit, PEM headers and assignments to a
/// secret-like name. Only inside those ranges does one RE2::Set per group of kinds tell which
/// patterns occur, each of those is located with its own RE2 pattern, and every candidate is
/// confirmed by a validator (piivalidators.h) or, for phone numbers, by libphonenumber. A full
/// RE2 pass over the text would cost about 2 ns per byte per pass; text without candidates costs
/// the byte pass only. No backtracking regex engine is involved; time is linear in the text.
///
/// What counts (see SECURITY_TESTING.md §3.3):
/// - Email: local@domain with a real TLD shape (emailValid), `+tags` included, obfuscated
///   `name [at] domain [dot] com` too. Not reported: `@decorator`, `user@localhost` and other
///   hosts without a TLD, file names like `icon@2x.png`, package specs like `lodash@4.17.21`, the
///   user of a URL (`ssh://git@host/...`, `https://user@host`) and scp-style git remotes
///   (`git@github.com:org/repo.git`): those name a service account or a host, not a person.
/// - Phone: numbers written with a leading `+` (or `00`) valid for their country in
///   libphonenumber's metadata; national numbers valid in one of PiiOptions::phoneRegions only
///   when written like a phone number (groups separated by spaces, dashes, dots or an area code
///   in parentheses) or preceded within a few words by a word such as phone, tel, call, mobile,
///   cell, fax, WhatsApp, Telefon, téléphone, teléfono. "Written like a phone" means libphonenumber
///   formats the number with the same groups, or with the same area code / trunk-prefixed first
///   group. Runs that are dates, IPv4 addresses, digit groups of three (thousands), card numbers,
///   SSN-shaped (3-2-4), or part of a longer token are never national phones without the context
///   word, and bare digit runs (timestamps, order numbers) always need it.
/// - PaymentCard: paymentCardValid (brand prefix and length, Luhn), separators included.
/// - Iban: ibanValid, country prefix and spaces included.
/// - UsSsn: usSsnValid with dashes or spaces; nine bare digits only after "SSN" or "social
///   security" within a few words.
/// - IpAddress: IPv4 and IPv6 (parseIpv4 / parseIpv6), not part of a longer dotted or
///   colon-separated run (versions like 1.2.3.4.5, times, MAC addresses, C++ scopes); public
///   addresses only unless PiiOptions::includeNonPublicIps. A dotted quad right after "version"
///   or "v" is a version.
/// - Secret: provider tokens by prefix and shape (OpenAI `sk-`, `sk-proj-`, `sk-svcacct-`;
///   Anthropic `sk-ant-`; Google `AIza`; AWS `AKIA`/`ASIA` key ids, and 40-character secret keys
///   next to an AWS key name; GitHub `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_`/`github_pat_`; GitLab
///   `glpat-`; Slack `xox?-` and webhook URLs; Stripe `sk_`/`rk_` live and test keys), whole
///   PEM private-key blocks from BEGIN to END, JWTs (jwtValid), `Bearer` tokens, passwords in
///   URLs (`scheme://user:password@host`, the password only), and values assigned to a
///   secret-like name (`password=`, `passwd:`, `api_key =`, `"secret": "…"`, `GITHUB_TOKEN=` …;
///   the value only): ≥ 8 characters, at least two character classes, Shannon entropy ≥ 3.5
///   bits/char (for values shorter than 16: ≥ log2(length) − 0.6), not a placeholder or a code
///   reference (isSecretPlaceholder) and not a plain identifier. Provider tokens that are
///   placeholders (`sk-...`, `sk-proj-XXXX`, AWS's documented `…EXAMPLE` keys) are not reported.
///
/// Overlaps: the longest candidate wins and a shorter one inside it is dropped, so a value is
/// never split (an IBAN's digits are not a card; a secret containing an e-mail stays one
/// secret). At equal length the type order Secret > PaymentCard > Iban > UsSsn > Phone > Email >
/// IpAddress decides. Candidates that partly overlap are merged into one span of the longer
/// one's type, so no fragment of either value is left visible.
///
/// Thread safety: construction compiles the patterns; find() is const and may be called from any
/// number of threads at once (RE2 objects are safe for concurrent const use; libphonenumber's
/// PhoneNumberUtil is a process-wide singleton created under pthread_once whose Parse and
/// IsValidNumber are const and guard their shared regexp cache with a mutex, in the Debian build
/// as upstream). Copies share the compiled patterns.
class PiiDetector
{
public:
    explicit PiiDetector(PiiOptions options = {});

    /// Every value of an enabled type in `text`, sorted by start, non-overlapping, each span
    /// inside the text. Offsets are UTF-16 code units of `text`. Never throws; time linear in the
    /// text (each validator sees a bounded window).
    QList<PiiMatch> find(QStringView text) const;

    const PiiOptions &options() const;

private:
    struct Compiled;
    std::shared_ptr<const Compiled> m_compiled;
};

} // namespace llmproxy
