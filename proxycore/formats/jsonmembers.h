// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <initializer_list>
#include <optional>

namespace llmproxy {

/// Byte range of one member of a top-level JSON object: `"key": value`.
struct JsonMemberSpan
{
    qsizetype keyStart = -1;   ///< offset of the opening quote of the key
    qsizetype valueStart = -1; ///< first byte of the value
    qsizetype valueEnd = -1;   ///< one past the last byte of the value
    bool isValid() const { return keyStart >= 0; }
};

/// Finds `key` among the members of the top-level object in `json` (which must already be valid
/// JSON). Keys are compared decoded (`"mod\u0065l"` is `model`); the first copy of a repeated key
/// is found, so requests are first checked by RequestView, which rejects repeated keys.
/// These functions let the gateway change one member and keep every other byte of a client's
/// body exactly as sent (prompt-caching and signatures depend on that).
JsonMemberSpan findTopLevelMember(QByteArrayView json, QByteArrayView key);

/// One pass over the top-level object for several keys: `spans[i]` receives the member named
/// `keys[i]` (invalid when absent). Cheaper than one findTopLevelMember() per key.
void findTopLevelMembers(QByteArrayView json, std::initializer_list<QByteArrayView> keys, JsonMemberSpan *spans);

/// Returns `json` with the value of top-level member `key` replaced by `newValueJson`
/// (already-encoded JSON). Unchanged when the member is absent.
QByteArray replaceTopLevelValue(const QByteArray &json, QByteArrayView key, QByteArrayView newValueJson);

/// Returns `json` without top-level member `key` (and its separating comma).
QByteArray removeTopLevelMember(const QByteArray &json, QByteArrayView key);

/// The value of a JSON number literal that is an integer (`12`, `-3`, also `12.0` or `1e3`); nullopt
/// for anything else (strings, null, fractions, out of the 64-bit range).
std::optional<qint64> jsonIntegerValue(QByteArrayView literal);

/// `text` as a JSON string literal, quotes included.
QByteArray jsonString(const QString &text);

} // namespace llmproxy
