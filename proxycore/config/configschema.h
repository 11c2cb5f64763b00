// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/config.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <type_traits>

// The configuration schema: one row per setting, naming its key, type, range or allowed values,
// the member it writes, the variable that overrides it and the sources it may come from. The YAML
// loader, the LLM_PROXY_* environment overlay, the command line and the admin API's endpoint JSON
// all read values through these rows, so a rule and its error text exist once. Adding a setting
// (or a whole section) is adding rows; see docs/configuration.md, "Adding a setting".

namespace llmproxy {

/// A value as a source hands it to the schema: YAML scalars and environment values are text,
/// JSON keeps its types (and is read strictly: "5" is not a number there).
struct RawValue
{
    enum class Kind { Null, Text, Bool, Number, List, Mapping };
    Kind kind = Kind::Null;
    QString text;          ///< Text
    bool boolean = false;  ///< Bool (JSON)
    double number = 0;     ///< Number (JSON)
    QList<RawValue> items; ///< List
    QString shown;         ///< how a message shows the value: 70000, "abc", a list, ...
    int line = 0;          ///< YAML: 1-based position of the value; 0 when unknown
    int column = 0;

    static RawValue fromText(const QString &text); ///< an environment variable or command-line value
    static RawValue fromJson(const QJsonValue &value);
};

enum class FieldType {
    Bool,           ///< true/false (also yes/no, on/off, 1/0 as text)
    Int,            ///< integer in [min, max]
    Number,         ///< finite number ≥ min (> min with minExclusive), ≤ max unless max is kNoMax
    String,         ///< any text
    NonEmptyString, ///< text, trimmed, not empty
    Choice,         ///< one of `choices`, case-insensitive, '-' and '_' alike; stored canonical
    EnvName,        ///< the name of an environment variable; a key pasted instead is refused unechoed
    HttpUrl,        ///< absolute http(s) URL with a host; stored without a trailing '/'
    ProxyUrl,       ///< http(s)/socks URL of an egress proxy; empty = unset; never echoed
    StringList,     ///< list of non-empty strings, de-duplicated (comma-separated as text)
    TimeZone,       ///< an IANA time zone name the system knows (UTC, Europe/Berlin), trimmed
    Custom,         ///< read by code of the loader (sections with their own structure)
    Ignored,        ///< accepted without a warning and not read (other products' keys, reserved sections)
};

/// Where a row may be set from.
enum FieldSource : unsigned { FromYaml = 1, FromJson = 2, FromAll = FromYaml | FromJson };

/// What a row reads: type and limits, without the member it writes.
struct FieldRule
{
    constexpr FieldRule(FieldType type = FieldType::String, qint64 min = 0,
                        qint64 max = std::numeric_limits<int>::max(), bool minExclusive = false,
                        QStringView choices = {}, QStringView what = {}, const char *code = "invalid_type")
        : type(type), min(min), max(max), minExclusive(minExclusive), choices(choices), what(what), code(code)
    {
    }

    FieldType type = FieldType::String;
    qint64 min = 0;
    qint64 max = std::numeric_limits<int>::max();
    bool minExclusive = false; ///< Number: min itself is not allowed
    /// Choice: space-separated canonical names, each optionally followed by ':'-separated synonyms,
    /// e.g. u"text json" or u"warning:warn".
    QStringView choices;
    QStringView what;                  ///< StringList: what the items are ("model names")
    const char *code = "invalid_type"; ///< admin API error code for a value of the right type that is not allowed
};

/// A value the schema has read and checked.
struct FieldValue
{
    bool boolean = false;
    qint64 integer = 0;
    double number = 0;
    QString text;
    QStringList list;
};

/// Why a value was refused; turned into text by one of the message functions below.
struct FieldError
{
    enum class Kind { WrongType, Invalid, Empty, LooksLikeSecret, BadItem };
    Kind kind = Kind::Invalid;
    int item = -1; ///< BadItem: index into the list
};

/// Where a value comes from, which decides how text is read.
enum class ValueSource {
    Yaml, ///< text may be a number or a boolean; a list must be a list
    Text, ///< environment or command line: as YAML, and a list is comma-separated text
    Json, ///< typed: text is only ever a string
};

/// Reads `raw` by `rule`. nullopt with `error` set when it is refused. Callers treat a null value
/// as "not set" before they get here.
std::optional<FieldValue> readValue(const FieldRule &rule, const RawValue &raw, ValueSource source, FieldError *error);

/// "an integer between 1 and 65535", "true or false", "text or json", ...: what a rule accepts.
QString expectationText(const FieldRule &rule);
/// "<label>: expected <what>, got <value>" for a file or environment diagnostic (`label` is the key
/// path or a flag; empty leaves it out). Never echoes values of secret-like fields.
QString diagnosticText(const QString &label, const FieldRule &rule, const RawValue &raw, const FieldError &error);
/// "'<key>' must be <what>." for the admin API.
QString apiErrorText(QStringView key, const FieldRule &rule, const FieldError &error);

/// The canonical form of a Choice value, or nullopt when `value` is not one of `choices`.
std::optional<QString> canonicalChoice(QStringView choices, QStringView value);
/// The routing strategies and their synonyms, in Choice form.
inline constexpr QStringView kStrategyChoices =
    u"priority weighted:round_robin least_latency:latency:fastest least_busy cost:cost_aware:smart";

/// One setting: a rule, the dotted key path it is found at, the member it writes, and the
/// environment variable that overrides it. `Root` is the struct the member belongs to.
template <typename Root> struct Field
{
    using Apply = void (*)(Root &, const FieldValue &);
    constexpr Field(QStringView path, FieldRule rule, Apply apply = nullptr, QStringView env = {},
                    unsigned sources = FromAll)
        : path(path), rule(rule), apply(apply), env(env), sources(sources)
    {
    }

    QStringView path; ///< e.g. u"server.limits.max_body_bytes"; relative to the endpoint for endpoint rows
    FieldRule rule;
    Apply apply = nullptr; ///< nullptr: validated, not stored
    QStringView env;       ///< variable that overrides it (after the file)
    unsigned sources = FromAll;
};

namespace schema_detail {
template <typename T> struct IsOptional : std::false_type
{
};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type
{
};
template <typename T> void assign(T &out, const FieldValue &v)
{
    if constexpr (IsOptional<T>::value) {
        typename T::value_type inner{};
        assign(inner, v);
        out = std::move(inner);
    } else if constexpr (std::is_same_v<T, bool>)
        out = v.boolean;
    else if constexpr (std::is_integral_v<T>)
        out = T(v.integer);
    else if constexpr (std::is_floating_point_v<T>)
        out = v.number;
    else if constexpr (std::is_same_v<T, QStringList>)
        out = v.list;
    else
        out = v.text;
}
template <auto First, auto... Rest, typename Object> auto &member(Object &object)
{
    if constexpr (sizeof...(Rest) == 0)
        return object.*First;
    else
        return member<Rest...>(object.*First);
}
} // namespace schema_detail

/// The `apply` of a row that stores into root.*p1.*p2...: `&store<Config, &Config::server, &ServerConfig::port>`.
template <typename Root, auto... Path> void store(Root &root, const FieldValue &value)
{
    schema_detail::assign(schema_detail::member<Path...>(root), value);
}

/// Every setting of config.yaml outside the endpoints (sections, their keys, and the variables
/// that override them), in documentation order.
std::span<const Field<Config>> configFields();
/// The row at `path`, or nullptr.
const Field<Config> *configField(QStringView path);

/// An endpoint while it is read: its configuration plus what is resolved once every key is in.
struct EndpointDraft
{
    EndpointConfig config;
    std::optional<QString> provider;
    std::optional<QString> baseUrl; ///< normalised
    std::optional<QString> apiKey;
    std::optional<QString> apiKeyEnv;
    std::optional<QString> apiKeyKeychain;
    bool authNone = false; ///< auth_type: none
};

/// The keys of one endpoint, shared by `endpoints:` in config.yaml, LLM_PROXY_ENDPOINT_<NAME>_*
/// and the admin API's POST /api/v1/registry body.
std::span<const Field<EndpointDraft>> endpointFields();
const Field<EndpointDraft> *endpointField(QStringView key);

/// A problem with an endpoint as a whole, found once all its keys are read.
struct EndpointProblem
{
    QString field;   ///< "provider" or "base_url"
    QString message; ///< "unknown provider ...", "base_url is required for provider azure"
    QByteArray code; ///< admin API error code
};

/// Settles the provider (named, else the id when it names one, else openai_compatible) and the
/// base URL (given, else the provider's). Writes them into draft->config.
std::optional<EndpointProblem> settleEndpoint(EndpointDraft *draft);

/// Where an endpoint's key may come from, besides a literal `api_key`.
struct KeySources
{
    std::optional<QString> keychain; ///< api_key_keychain: an entry of SecretStore::system()
    std::optional<QString> variable; ///< api_key_env
};

/// An endpoint's key by config.yaml's rules: a real `literal` key, else the keychain entry, else
/// (also when the entry cannot be read) the variable, else the provider's usual variable, but that one only when the
/// endpoint is the provider's own service (an "openai" endpoint pointed at some other host must not receive
/// OPENAI_API_KEY unasked). Sets e->apiKey, e->apiKeyEnv (the variable, for messages) and
/// e->apiKeyKeychain; `variable` looks a name up; the keychain is SecretStore::system().
/// Placeholder values ("sk-...") count as no key. When no key was found and a keychain entry was
/// named, returns why the entry gave none (the caller reports it); empty otherwise.
QString resolveEndpointKey(EndpointConfig *e, const std::optional<QString> &literal, const KeySources &sources,
                           const std::function<QString(const QString &)> &variable);

/// Reads an endpoint from a JSON object (the admin API), with the same rows as config.yaml.
/// `id` is read by the caller. On failure returns false with `message`, `code` and `param` set.
struct JsonFieldError
{
    QString message;
    QByteArray code;
    QByteArray param;
};
bool readEndpointJson(const QJsonObject &object, EndpointDraft *draft, JsonFieldError *error);

/// Levenshtein distance, for "did you mean" hints.
int editDistance(QStringView a, QStringView b);
/// The candidate closest to `key` when it looks like a typo of it (distance ≤ 2), else empty.
QString closestName(QStringView key, const QStringList &candidates);

/// An endpoint id: ASCII letters, digits, '-', '_' and '.'.
bool isValidEndpointId(QStringView id);
/// "https://host/v1/" → "https://host/v1"; nullopt unless it is an absolute http(s) URL with a host.
std::optional<QString> normalizedHttpUrl(const QString &raw);
/// "unknown provider" text: the valid names, led by the closest one when `name` looks like a typo.
QString unknownProviderText(const QString &name);
/// True for values that example files ship instead of a real secret ("sk-...", "your-api-key",
/// "CHANGE-ME", empty, ...). Such values count as "no key configured".
bool isPlaceholderSecret(QStringView value);
/// A name of an environment variable: a letter or '_' first, then letters, digits or '_'.
bool isEnvironmentVariableName(QStringView name);

} // namespace llmproxy
