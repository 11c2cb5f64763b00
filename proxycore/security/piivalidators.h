// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <array>

namespace llmproxy {

// Validators behind PiiDetector: each one decides whether a candidate string really is a value of
// its kind, so that look-alikes (order numbers, versions, hashes, placeholders) are left alone.
// All are pure functions of their input: callable from any thread, never throw, linear in the
// input (which may be anything, including invalid UTF-16), no allocation unless noted.

/// Luhn check of a card number. Spaces and dashes are ignored; any other non-digit, or fewer than
/// two digits, makes it false.
bool luhnValid(QStringView number);

/// The card brand whose issuer prefix (IIN) and length fit `digits` (digits only):
/// "visa" (4; 13, 16, 19), "mastercard" (51–55, 2221–2720; 16), "amex" (34, 37; 15),
/// "discover" (6011, 644–649, 65; 16–19), "jcb" (3528–3589; 16–19), "diners" (300–305, 3095, 36,
/// 38, 39; 14–19), "unionpay" (62; 16–19), "maestro" (50, 56–58, 6304, 639, 67; 12–19). Empty when
/// none fits.
/// The Luhn check is separate (luhnValid).
QString cardBrand(QStringView digits);

/// A payment card number as written: 12–19 digits, either contiguous or in groups separated by
/// one kind of separator (all spaces or all dashes), with a known brand (cardBrand) and a valid
/// Luhn check digit. The brand goes to `brand` when it is not null.
bool paymentCardValid(QStringView number, QString *brand = nullptr);

/// The IBAN length of the ISO 3166 country `countryCode` (two upper-case letters), or 0 when the
/// country does not issue IBANs (or is not in the table: every SEPA country and the other
/// countries of the SWIFT IBAN registry that are commonly seen).
int ibanLength(QStringView countryCode);

/// An IBAN: country code, two check digits, country-specific length, ISO 13616 mod-97 == 1.
/// Either contiguous or printed in groups of four separated by single spaces (the last group
/// may be shorter). Upper case only.
bool ibanValid(QStringView iban);

/// A US social security number "AAA-GG-SSSS", "AAA GG SSSS" or nine digits: area not 000, 666
/// or 900–999, group not 00, serial not 0000, and not one of the widely published void numbers
/// (078-05-1120, 219-09-9999, 123-45-6789).
bool usSsnValid(QStringView ssn);

/// An e-mail address local@domain: a local part of letters, digits and ._%+- (not starting or
/// ending with a dot, no two dots in a row, ≤ 64 code units), a domain of ≥ 2 labels of letters,
/// digits and hyphens (no label starting or ending with a hyphen) whose last label is a TLD of
/// 2–24 letters or an xn-- label. Non-ASCII letters are allowed in the local part and the domain
/// (internationalised addresses). Rejected, by policy: TLDs that are file extensions or reserved
/// names (`icon@2x.png`, `user@host.local`, `a@b.test`, `localhost` has no TLD at all).
bool emailValid(QStringView email);

/// Dotted-quad IPv4 (four decimal octets 0–255, no leading zeros); the address, in host order,
/// goes to `address` when it is not null.
bool parseIpv4(QStringView text, quint32 *address = nullptr);

/// A textual IPv6 address (RFC 4291 §2.2: eight groups of 1–4 hex digits, at most one "::",
/// optionally an embedded dotted quad at the end); the 16 bytes go to `address`.
bool parseIpv6(QStringView text, std::array<quint8, 16> *address = nullptr);

/// Whether an IPv4 address is publicly routable: false for this-network, private (RFC 1918),
/// shared (100.64/10), loopback, link-local, IETF protocol, documentation (TEST-NET-1/2/3),
/// benchmarking (198.18/15), multicast, reserved and broadcast ranges.
bool isPublicIpv4(quint32 address);

/// Whether an IPv6 address is publicly routable: global unicast 2000::/3 except documentation
/// (2001:db8::/32) and the 2001::/23 protocol block other than its assigned anycast space;
/// everything else (loopback, link-local, unique-local, multicast, mapped IPv4) is not.
bool isPublicIpv6(const std::array<quint8, 16> &address);

/// Shannon entropy of the code units of `text`, in bits per character (0 for empty text).
double shannonEntropy(QStringView text);

/// Whether `value` is an obvious stand-in for a secret rather than a secret: documentation
/// placeholders (`<your-key>`, `YOUR_API_KEY`, `changeme`, `xxxx`, `****`, `sk-...`, `EXAMPLE`),
/// template and environment references (`${VAR}`, `{{ var }}`, `%(var)s`, `$VAR`,
/// `os.environ[...]`, `process.env.X`) and code (calls, subscripts, member access).
bool isSecretPlaceholder(QStringView value);

/// A JSON Web Token: three base64url parts separated by dots (the signature may be empty for
/// unsigned tokens), the first decoding to a JSON object with an "alg" member and the second to
/// a JSON object. Allocates to decode the header and payload.
bool jwtValid(QStringView token);

} // namespace llmproxy
