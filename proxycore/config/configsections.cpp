// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configloader_p.h"
#include "proxycore/providers/providerpreset.h"

#include <QRegularExpression>
#include <QUrl>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace configdetail {

namespace {

bool isHeaderToken(QStringView name)
{
    static constexpr QStringView separators = u"()<>@,;:\\\"/[]?={} \t";
    if (name.isEmpty())
        return false;
    return std::none_of(name.begin(), name.end(),
                        [](QChar c) { return c.unicode() <= 32 || c.unicode() >= 127 || separators.contains(c); });
}

/// "30s", "500ms", "2m", "1h" or a bare number of seconds → milliseconds.
std::optional<qint64> parseDurationMs(const QString &raw)
{
    static const QRegularExpression re(u"^\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?\\s*$"_s);
    const QRegularExpressionMatch m = re.match(raw);
    if (!m.hasMatch())
        return std::nullopt;
    const QString unit = m.captured(2);
    const double factor = unit == u"ms" ? 1.0 : unit == u"m" ? 60'000.0 : unit == u"h" ? 3'600'000.0 : 1000.0;
    const double ms = m.captured(1).toDouble() * factor;
    if (ms < 1.0 || ms > double(std::numeric_limits<int>::max()))
        return std::nullopt;
    return qint64(ms);
}

// Rows of the small mappings inside lists (a client key, a fallback hop, a price), read like the
// sections' rows.
const Field<ClientKeyConfig> kClientKeyFields[] = {
    {u"name", {FieldType::NonEmptyString}, &store<ClientKeyConfig, &ClientKeyConfig::name>},
    {u"key_env", {FieldType::EnvName}, &store<ClientKeyConfig, &ClientKeyConfig::keyEnv>},
    {u"key_sha256", {FieldType::Custom}},
    {u"models",
     {FieldType::StringList, 0, 0, false, {}, u"model names or patterns"},
     &store<ClientKeyConfig, &ClientKeyConfig::models>},
    {u"team", {FieldType::NonEmptyString}, &store<ClientKeyConfig, &ClientKeyConfig::team>},
};
const Field<FallbackHop> kHopFields[] = {
    {u"provider", {FieldType::NonEmptyString}, &store<FallbackHop, &FallbackHop::endpoint>},
    {u"endpoint", {FieldType::NonEmptyString}, &store<FallbackHop, &FallbackHop::endpoint>},
    {u"model", {FieldType::NonEmptyString}, &store<FallbackHop, &FallbackHop::model>},
};
const Field<ScopeBudgetConfig> kScopeBudgetFields[] = {
    {u"daily_usd",
     {FieldType::Number, 0, std::numeric_limits<qint64>::max()},
     &store<ScopeBudgetConfig, &ScopeBudgetConfig::dailyUsd>},
    {u"monthly_usd",
     {FieldType::Number, 0, std::numeric_limits<qint64>::max()},
     &store<ScopeBudgetConfig, &ScopeBudgetConfig::monthlyUsd>},
    {u"soft_usd",
     {FieldType::Number, 0, std::numeric_limits<qint64>::max()},
     &store<ScopeBudgetConfig, &ScopeBudgetConfig::softUsd>},
};
struct PriceDraft
{
    std::optional<double> input, output;
    std::optional<qint64> maxOutputTokens;
};
const Field<PriceDraft> kPriceFields[] = {
    {u"input", {FieldType::Number, 0, std::numeric_limits<qint64>::max()}, &store<PriceDraft, &PriceDraft::input>},
    {u"output", {FieldType::Number, 0, std::numeric_limits<qint64>::max()}, &store<PriceDraft, &PriceDraft::output>},
    {u"max_output_tokens", {FieldType::Int, 1, 100'000'000}, &store<PriceDraft, &PriceDraft::maxOutputTokens>},
};

} // namespace

void Loader::parseClientKeys(const Entry &section)
{
    if (section.value.IsNull())
        return;
    if (!section.value.IsSequence()) {
        fileError(markOf(section), u"%1: expected a list of keys (name, key_env or key_sha256, models), got %2"_s.arg(
                                       section.path, describe(section.value)));
        return;
    }
    for (std::size_t i = 0; i < section.value.size(); ++i) {
        const Entry e{u"%1[%2]"_s.arg(section.path).arg(i), section.value[i].Mark(), section.value[i]};
        if (!e.value.IsMap()) {
            fileError(markOf(e), u"%1: expected a mapping with name, key_env or key_sha256, and models, got %2"_s.arg(
                                     e.path, describe(e.value)));
            continue;
        }
        const int errorsBefore = int(m_result.errors.size());
        ClientKeyConfig k;
        readRows<ClientKeyConfig>(e, kClientKeyFields, k, [&](const QString &, const Entry &f) {
            static const QRegularExpression hexDigest(u"^[0-9a-f]{64}$"_s);
            const QString hex = f.value.IsScalar() ? fromStd(f.value.Scalar()).trimmed().toLower() : QString();
            if (hexDigest.match(hex).hasMatch())
                k.sha256 = QByteArray::fromHex(hex.toLatin1());
            else
                fileError(markOf(f), u"%1: expected 64 hexadecimal digits (the output of "
                                     u"'printf %s KEY | sha256sum')"_s.arg(f.path));
        });
        if (!k.name.isEmpty() && !isValidEndpointId(k.name))
            fileError(markOf(e), u"%1.name: use letters, digits, '-', '_' or '.', got %2"_s.arg(e.path, k.name));
        if (!k.team.isEmpty() && !isValidEndpointId(k.team))
            fileError(markOf(e), u"%1.team: use letters, digits, '-', '_' or '.', got %2"_s.arg(e.path, k.team));
        if (int(m_result.errors.size()) != errorsBefore)
            continue;
        if (k.name.isEmpty()) {
            fileError(markOf(e), u"%1: name is required (it identifies the key in logs)"_s.arg(e.path));
            continue;
        }
        if (k.keyEnv.isEmpty() == k.sha256.isEmpty()) {
            fileError(markOf(e), u"%1 (%2): set exactly one of key_env and key_sha256"_s.arg(e.path, k.name));
            continue;
        }
        if (!e.value["models"].IsDefined())
            fileWarning(markOf(e), u"%1 (%2): no models list; the key may use every model"_s.arg(e.path, k.name));
        if (k.models.contains(u"*"_s))
            k.models.clear();
        if (!k.keyEnv.isEmpty()) {
            k.key = env(k.keyEnv).trimmed();
            if (k.key.isEmpty()) {
                fileError(markOf(e), u"%1 (%2): the variable %3 is not set"_s.arg(e.path, k.name, k.keyEnv));
                continue;
            }
            if (isPlaceholderSecret(k.key)) {
                fileError(markOf(e), u"%1 (%2): %3 holds a placeholder key; replace it with a real secret"_s.arg(
                                         e.path, k.name, k.keyEnv));
                continue;
            }
        }
        const auto other = std::find_if(
            m_config.server.clientKeys.cbegin(), m_config.server.clientKeys.cend(),
            [&k](const ClientKeyConfig &o) { return o.name == k.name || clientKeyDigest(o) == clientKeyDigest(k); });
        if (other != m_config.server.clientKeys.cend()) {
            fileError(markOf(e), other->name == k.name
                                     ? u"%1: duplicate key name \"%2\""_s.arg(e.path, k.name)
                                     : u"%1 (%2): the same key as \"%3\""_s.arg(e.path, k.name, other->name));
            continue;
        }
        m_clientKeyMarks.append(markOf(e));
        m_config.server.clientKeys.append(k);
    }
}

void Loader::forEachModelKey(const Entry &section, const QString &keyWhat,
                             const std::function<void(const QString &, const Entry &)> &handle)
{
    if (!isMapping(section))
        return;
    for (auto it = section.value.begin(); it != section.value.end(); ++it) {
        const YAML::Node k = it->first;
        if (!k.IsScalar() || fromStd(k.Scalar()).trimmed().isEmpty()) {
            fileError(k.Mark(), u"%1: expected %2 as key, got %3"_s.arg(section.path, keyWhat, describe(k)));
            continue;
        }
        const QString key = fromStd(k.Scalar()).trimmed();
        handle(key, Entry{joinPath(section.path, key), k.Mark(), it->second});
    }
}

void Loader::parseModelAliases(const Entry &section)
{
    forEachModelKey(section, u"an alias name"_s, [&](const QString &alias, const Entry &e) {
        const QString target = e.value.IsScalar() ? fromStd(e.value.Scalar()).trimmed() : QString();
        if (target.isEmpty())
            fileError(markOf(e), e.value.IsScalar() || e.value.IsNull()
                                     ? u"%1: expected a model name"_s.arg(e.path)
                                     : u"%1: expected a model name, got %2"_s.arg(e.path, describe(e.value)));
        else if (target == alias)
            fileWarning(e.keyMark, u"%1: an alias that names itself has no effect"_s.arg(e.path));
        else
            m_config.modelAliases.insert(alias, target);
    });
}

void Loader::parseModelStrategies(const Entry &section)
{
    // Each value is read by routing.strategy's row, into a scratch copy.
    const Field<Config> &strategy = *configField(u"routing.strategy");
    forEachModelKey(section, u"a model name or pattern"_s, [&](const QString &pattern, const Entry &e) {
        Config scratch;
        if (readInto(strategy, e, scratch))
            m_config.routing.modelStrategies.insert(pattern, scratch.routing.strategy);
    });
}

void Loader::parsePricing(const Entry &section)
{
    QMap<QString, int> firstLine; // lower-case model → line of its first definition
    forEachModelKey(section, u"a model name"_s, [&](const QString &model, const Entry &e) {
        // The reference system named a separate price file here; that file is not read.
        if (model == u"pricing_file" && e.value.IsScalar())
            return;
        const QString lower = model.toLower();
        if (firstLine.contains(lower)) {
            fileError(e.keyMark, u"duplicate model \"%1\" in pricing (first defined at line %2; names are "
                                 u"compared without case)"_s.arg(model)
                                     .arg(firstLine.value(lower)));
            return;
        }
        firstLine.insert(lower, e.keyMark.line + 1);
        if (!e.value.IsMap()) {
            fileError(markOf(e), u"%1: expected {input: <USD per 1M input tokens>, output: <USD per 1M output "
                                 u"tokens>}, got %2"_s.arg(e.path, describe(e.value)));
            return;
        }
        const int errorsBefore = int(m_result.errors.size());
        PriceDraft price;
        readRows<PriceDraft>(e, kPriceFields, price);
        if (int(m_result.errors.size()) != errorsBefore)
            return;
        if (!price.input || !price.output) {
            fileError(e.keyMark, u"%1: %2 is required (USD per 1M %2 tokens; 0 when free)"_s.arg(
                                     e.path, price.input ? u"output"_s : u"input"_s));
            return;
        }
        m_config.pricing.insert(model, ModelPrice{*price.input, *price.output, price.maxOutputTokens.value_or(0)});
    });
}

void Loader::parseScopeBudgets(const Entry &section)
{
    const bool teams = section.path.endsWith(u"teams");
    QMap<QString, ScopeBudgetConfig> &target = teams ? m_config.budget.teams : m_config.budget.keys;
    forEachModelKey(section, teams ? u"a team name"_s : u"a key name"_s, [&](const QString &name, const Entry &e) {
        if (!isValidEndpointId(name)) {
            fileError(e.keyMark, u"%1: use letters, digits, '-', '_' or '.' in a %2 name"_s.arg(
                                     e.path, teams ? u"team"_s : u"key"_s));
            return;
        }
        if (!e.value.IsMap()) {
            fileError(markOf(e), u"%1: expected {daily_usd, monthly_usd, soft_usd} (USD; each optional), got %2"_s.arg(
                                     e.path, describe(e.value)));
            return;
        }
        const int errorsBefore = int(m_result.errors.size());
        ScopeBudgetConfig limits;
        readRows<ScopeBudgetConfig>(e, kScopeBudgetFields, limits);
        if (int(m_result.errors.size()) != errorsBefore)
            return;
        if (limits.dailyUsd <= 0 && limits.monthlyUsd <= 0 && limits.softUsd <= 0)
            fileWarning(markOf(e),
                        u"%1: no limit set; the %2 is not limited"_s.arg(e.path, teams ? u"team"_s : u"key"_s));
        const double hard = limits.dailyUsd > 0 ? limits.dailyUsd : limits.monthlyUsd;
        if (hard > 0 && limits.softUsd > hard)
            fileWarning(markOf(e), u"%1.soft_usd (%2) is above its hard limit (%3); the soft limit will never be "
                                   u"reached"_s.arg(e.path)
                                       .arg(limits.softUsd)
                                       .arg(hard));
        target.insert(name, limits);
    });
}

void Loader::parseFallbackChains(const Entry &section)
{
    forEachModelKey(section, u"a model name"_s, [&](const QString &model, const Entry &chain) {
        if (!chain.value.IsSequence()) {
            fileError(markOf(chain), u"%1: expected a list of {provider, model} hops, got %2"_s.arg(
                                         chain.path, describe(chain.value)));
            return;
        }
        QList<FallbackHop> hops;
        for (std::size_t i = 0; i < chain.value.size(); ++i) {
            const Entry hopEntry{u"%1[%2]"_s.arg(chain.path).arg(i), chain.keyMark, chain.value[i]};
            if (!hopEntry.value.IsMap()) {
                fileError(markOf(hopEntry), u"%1: expected a mapping with provider (or endpoint) and model, got "
                                            u"%2"_s.arg(hopEntry.path, describe(hopEntry.value)));
                continue;
            }
            FallbackHop hop;
            readRows<FallbackHop>(hopEntry, kHopFields, hop);
            if (hop.endpoint.isEmpty()) {
                fileError(markOf(hopEntry), u"%1: a hop needs provider (or endpoint)"_s.arg(hopEntry.path));
                continue;
            }
            if (hop.model.isEmpty())
                hop.model = model;
            hops.append(hop);
            m_hopMarks.append({model, hop.endpoint, markOf(hopEntry)});
        }
        m_config.fallbackChains.insert(model, hops);
    });
}

void Loader::checkTls(const Entry &e)
{
    const YAML::Node enabled = e.value.IsMap() ? e.value["enabled"] : YAML::Node();
    if (enabled.IsScalar() &&
        canonicalChoice(u"true:yes:on:1 false:no:off:0", fromStd(enabled.Scalar())).value_or(QString()) == u"true")
        fileWarning(e.keyMark, u"server.tls is not supported: LLMProxy serves plain HTTP; terminate TLS in a "
                               u"reverse proxy in front of it"_s);
}

void Loader::parseSeedTimeout(const Entry &e)
{
    if (e.value.IsNull())
        return;
    const std::optional<qint64> ms =
        e.value.IsScalar() ? parseDurationMs(fromStd(e.value.Scalar())) : std::optional<qint64>();
    if (ms)
        m_seedTimeoutMs = int(*ms);
    else
        fileError(markOf(e),
                  u"%1: expected a duration such as 30s, 500ms or 2m, got %2"_s.arg(e.path, describe(e.value)));
}

void Loader::parseSeedValue(const Entry &section, const QString &key)
{
    if (!section.value.IsMap() || !section.value[key.toStdString()].IsDefined())
        return;
    const Entry e{joinPath(section.path, key), section.keyMark, section.value[key.toStdString()]};
    const FieldRule rule{FieldType::Number, 0, std::numeric_limits<qint64>::max(), true};
    FieldError error;
    const RawValue raw = rawOf(e.value);
    const std::optional<FieldValue> v = readValue(rule, raw, ValueSource::Yaml, &error);
    if (!v)
        fileError(markOf(e), diagnosticText(e.path, rule, raw, error));
    else
        m_seedConnectTimeoutMs = int(std::min(v->number * 1000.0, double(std::numeric_limits<int>::max())));
}

void Loader::parseSeedPayloadSize(const Entry &e)
{
    // The reference system's body limit in KiB; server.limits.max_body_bytes wins when both are set.
    const FieldRule rule{FieldType::Int, 1, std::numeric_limits<qint64>::max() / 1024};
    FieldError error;
    const RawValue raw = rawOf(e.value);
    if (const std::optional<FieldValue> v = readValue(rule, raw, ValueSource::Yaml, &error))
        m_seedMaxBodyBytes = v->integer * 1024;
    else
        fileError(markOf(e), diagnosticText(e.path, rule, raw, error));
}

void Loader::applySeedCompatibility()
{
    const auto ownKey = [this](const char16_t *path) { return m_setInFile.contains(QString::fromUtf16(path)); };
    if (m_seedMaxBodyBytes && !ownKey(u"server.limits.max_body_bytes"))
        m_config.server.limits.maxBodyBytes = *m_seedMaxBodyBytes;
    const bool ownConnect = ownKey(u"upstream.connect_timeout_ms");
    if (m_seedConnectTimeoutMs && !ownConnect)
        m_config.upstream.connectTimeoutMs = *m_seedConnectTimeoutMs;
    if (m_seedTimeoutMs) {
        // The reference system's "timeout" bounded connecting and every read, not the whole stream.
        if (!ownConnect && !m_seedConnectTimeoutMs)
            m_config.upstream.connectTimeoutMs = *m_seedTimeoutMs;
        if (!ownKey(u"upstream.first_byte_timeout_ms"))
            m_config.upstream.firstByteTimeoutMs = *m_seedTimeoutMs;
        if (!ownKey(u"upstream.idle_timeout_ms"))
            m_config.upstream.idleTimeoutMs = *m_seedTimeoutMs;
    }
}

void Loader::parseEndpoints(const Entry &section)
{
    const YAML::Node &node = section.value;
    if (node.IsNull())
        return;
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node keyNode = it->first;
            if (!keyNode.IsScalar()) {
                fileError(keyNode.Mark(),
                          u"endpoints: an endpoint id must be a plain name, got %1"_s.arg(describe(keyNode)));
                continue;
            }
            const QString id = fromStd(keyNode.Scalar()).trimmed();
            parseEndpoint(id, keyNode.Mark(), Entry{u"endpoints."_s + id, keyNode.Mark(), it->second});
        }
        return;
    }
    if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            const YAML::Node item = node[i];
            const QString path = u"endpoints[%1]"_s.arg(i);
            if (!item.IsMap()) {
                fileError(
                    item.Mark().is_null() ? section.keyMark : item.Mark(),
                    u"%1: expected a mapping with id, provider, base_url, ..., got %2"_s.arg(path, describe(item)));
                continue;
            }
            // Never assign one yaml-cpp Node to another here: that writes into the document.
            const YAML::Node idKey = item["id"];
            const YAML::Node nameKey = item["name"];
            const YAML::Node idNode = idKey.IsDefined() && !idKey.IsNull() ? idKey : nameKey;
            if (!idNode.IsDefined() || idNode.IsNull() || !idNode.IsScalar()) {
                fileError(item.Mark(), u"%1: an endpoint in list form needs an id (or name)"_s.arg(path));
                continue;
            }
            const QString id = fromStd(idNode.Scalar()).trimmed();
            parseEndpoint(id, idNode.Mark(), Entry{u"endpoints."_s + id, item.Mark(), item});
        }
        return;
    }
    fileError(markOf(section), u"endpoints: expected a mapping of endpoint id to settings (or a list of "
                               u"endpoints), got %1"_s.arg(describe(node)));
}

void Loader::parseEndpoint(const QString &id, const YAML::Mark &idMark, const Entry &e)
{
    if (!isValidEndpointId(id)) {
        fileError(idMark, u"endpoint id \"%1\" is invalid: use letters, digits, '-', '_' or '.'"_s.arg(id));
        return;
    }
    for (const auto &[otherId, otherMark] : std::as_const(m_fileEndpointIds)) {
        if (otherId.compare(id, Qt::CaseInsensitive) == 0) {
            fileError(idMark,
                      u"duplicate endpoint id \"%1\" (first defined at line %2)"_s.arg(id).arg(otherMark.line + 1));
            return;
        }
    }
    EndpointDraft draft;
    draft.config.id = id;
    draft.config.source = u"file"_s;
    if (!e.value.IsNull() && !e.value.IsMap()) { // "openai:" on its own: every setting from the preset
        fileError(markOf(e), u"%1: expected a mapping with provider, base_url, models, ..., got %2"_s.arg(
                                 e.path, describe(e.value)));
        return;
    }
    const int errorsBefore = int(m_result.errors.size());
    YAML::Mark providerMark = e.keyMark;
    if (e.value.IsMap()) {
        readRows<EndpointDraft>(e, endpointFields(), draft,
                                [&](const QString &, const Entry &f) { parseHeaders(f, draft.config.headers); });
        if (e.value["provider"].IsDefined())
            providerMark = markOf(Entry{QString(), e.keyMark, e.value["provider"]});
    }
    if (int(m_result.errors.size()) != errorsBefore)
        return;
    if (const std::optional<EndpointProblem> problem = settleEndpoint(&draft)) {
        if (problem->field == u"provider")
            fileError(providerMark, u"%1.provider: %2"_s.arg(e.path, problem->message));
        else
            fileError(e.keyMark, u"%1: %2"_s.arg(e.path, problem->message));
        return;
    }
    EndpointConfig &ep = draft.config;
    const ProviderPreset &preset = *findProviderPreset(ep.provider);
    QString keychainProblem;
    if (!draft.authNone)
        keychainProblem = resolveEndpointKey(&ep, draft.apiKey, {draft.apiKeyKeychain, draft.apiKeyEnv}, lookup());
    if (ep.apiKey.isEmpty() && !draft.authNone && !preset.local && ep.enabled) {
        QString hint =
            ep.apiKeyEnv.isEmpty() ? u"set api_key_keychain, api_key_env or api_key"_s : u"set "_s + ep.apiKeyEnv;
        if (!keychainProblem.isEmpty())
            hint = keychainProblem + (ep.apiKeyEnv.isEmpty() ? QString() : u"; nor is "_s + ep.apiKeyEnv + u" set"_s);
        fileWarning(e.keyMark, u"endpoint %1 has no API key (%2)"_s.arg(ep.id, hint));
    }
    m_fileEndpointIds.append({id, idMark});
    m_config.endpoints.append(ep);
}

void Loader::parseHeaders(const Entry &e, QMap<QString, QString> &headers)
{
    if (!isMapping(e))
        return;
    for (auto it = e.value.begin(); it != e.value.end(); ++it) {
        const YAML::Node k = it->first;
        const YAML::Node v = it->second;
        const QString name = k.IsScalar() ? fromStd(k.Scalar()).trimmed() : QString();
        if (!isHeaderToken(name)) {
            fileError(k.Mark(), u"%1: \"%2\" is not a valid HTTP header name"_s.arg(e.path, name));
            continue;
        }
        // Values are not echoed: they are often credentials.
        const QString value = v.IsScalar() ? fromStd(v.Scalar()) : QString();
        if (!v.IsScalar() || value.contains(u'\r') || value.contains(u'\n') || value.contains(QChar(0))) {
            fileError(v.Mark().is_null() ? k.Mark() : v.Mark(),
                      u"%1.%2: expected a single-line string value"_s.arg(e.path, name));
            continue;
        }
        headers.insert(name, value.trimmed());
    }
}

void Loader::applyEnvEndpoints()
{
    static constexpr std::pair<QStringView, QStringView> suffixes[] = {{u"_URL", u"base_url"},
                                                                       {u"_MODELS", u"models"},
                                                                       {u"_KEY", u"api_key"},
                                                                       {u"_KEYCHAIN", u"api_key_keychain"},
                                                                       {u"_PROVIDER", u"provider"}};
    const QString prefix = u"LLM_PROXY_ENDPOINT_"_s;
    QMap<QString, QStringList> found; // NAME → its variables; sorted so the result does not depend on env order
    const QStringList keys = m_env.keys();
    for (const QString &var : keys) {
        if (!var.startsWith(prefix))
            continue;
        const QStringView rest = QStringView(var).sliced(prefix.size());
        const auto suffix = std::find_if(std::begin(suffixes), std::end(suffixes), [rest](const auto &s) {
            return rest.endsWith(s.first) && rest.size() > s.first.size();
        });
        if (suffix == std::end(suffixes))
            envWarning(var, u"not recognised; endpoint variables end in _URL, _MODELS, _KEY, _KEYCHAIN or _PROVIDER"_s);
        else
            found[rest.chopped(suffix->first.size()).toString()] << var;
    }

    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        const QString var = prefix + it.key();
        const QString urlVar = var + u"_URL"_s;
        if (env(urlVar).trimmed().isEmpty()) {
            envWarning(urlVar, u"is not set, so the other %1_* variables are ignored"_s.arg(var));
            continue;
        }
        const QString id = it.key().toLower();
        if (!isValidEndpointId(id)) {
            envError(urlVar, u"\"%1\" is not a valid endpoint name: use letters, digits and '_'"_s.arg(it.key()));
            continue;
        }
        const bool shadowed =
            std::any_of(m_config.endpoints.cbegin(), m_config.endpoints.cend(),
                        [&id](const EndpointConfig &e) { return e.id.compare(id, Qt::CaseInsensitive) == 0; });
        if (shadowed) {
            envWarning(urlVar, u"ignored: the configuration file defines endpoint \"%1\""_s.arg(id));
            continue;
        }
        EndpointDraft draft;
        draft.config.id = id;
        draft.config.source = u"env"_s;
        draft.provider = u"openai"_s;
        bool ok = true;
        for (const auto &[suffix, key] : suffixes) {
            const QString name = var + suffix;
            const QString text = env(name);
            if (!m_env.contains(name) || (suffix != u"_KEY" && text.trimmed().isEmpty()))
                continue;
            const Field<EndpointDraft> *f = endpointField(key);
            const RawValue raw = RawValue::fromText(text);
            FieldError error;
            if (const std::optional<FieldValue> v = readValue(f->rule, raw, ValueSource::Text, &error)) {
                f->apply(draft, *v);
            } else {
                envError(name, diagnosticText(QString(), f->rule, raw, error));
                ok = false;
            }
        }
        if (!ok)
            continue;
        if (const std::optional<EndpointProblem> problem = settleEndpoint(&draft)) {
            envError(var + (problem->field == u"provider" ? u"_PROVIDER"_s : u"_URL"_s), problem->message);
            continue;
        }
        EndpointConfig &ep = draft.config;
        const ProviderPreset &preset = *findProviderPreset(ep.provider);
        const QString keychainProblem = resolveEndpointKey(&ep, draft.apiKey, {draft.apiKeyKeychain, {}}, lookup());
        if (ep.apiKeyKeychain.isEmpty() && (ep.apiKey.isEmpty() || ep.apiKeyEnv.isEmpty()))
            ep.apiKeyEnv = var + u"_KEY"_s; // no key, or the _KEY variable's own
        if (!keychainProblem.isEmpty())
            envWarning(var + u"_KEYCHAIN"_s, u"endpoint %1 has no API key: %2"_s.arg(id, keychainProblem));
        else if (ep.apiKey.isEmpty() && !preset.local)
            envWarning(urlVar, u"endpoint %1 has no API key (set %2)"_s.arg(id, ep.apiKeyEnv));
        m_config.endpoints.append(ep);
    }
}

} // namespace configdetail
} // namespace llmproxy
