// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

// The loader's private parts, shared by configloader.cpp (sources, precedence, the schema walk,
// environment and command line) and configsections.cpp (the sections with a structure of their
// own: endpoints, client keys, pricing, fallback chains, model maps, the reference system's keys).

#include "proxycore/config/configloader.h"
#include "proxycore/config/configschema.h"

#include <QHash>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <span>

namespace llmproxy {

struct ProviderPreset;

namespace configdetail {

QString fromStd(const std::string &s);
QString joinPath(const QString &parent, const QString &key);
/// How a YAML value looks to a user, for "expected X, got Y" messages.
QString describe(const YAML::Node &node);
/// A YAML node as the schema reads it: every scalar is text.
RawValue rawOf(const YAML::Node &node);
/// SHA-256 of a client key (its digest as configured when only that is known).
QByteArray clientKeyDigest(const ClientKeyConfig &k);

/// A value in the file with the place it was written.
struct Entry
{
    QString path;       ///< dotted key path for messages, e.g. "server.port"
    YAML::Mark keyMark; ///< where the key is (used when the value has no position of its own)
    YAML::Node value;
};

/// One loadConfig() run. Collects diagnostics instead of throwing so that a user sees every problem
/// in the file at once. Lives on the caller's stack; not shared between threads.
class Loader
{
public:
    explicit Loader(const ConfigSources &sources) : m_sources(sources) {}

    ConfigLoadResult run();

private:
    void runUnchecked();

    // -- diagnostics ------------------------------------------------------------------------------

    /// Report the file's problems in reading order, followed by those from the environment and
    /// the command line.
    void sortByPosition(QList<ConfigDiagnostic> &list) const;

    void addError(ConfigDiagnostic d) { m_result.errors.append(std::move(d)); }
    void addWarning(ConfigDiagnostic d) { m_result.warnings.append(std::move(d)); }

    ConfigDiagnostic at(const YAML::Mark &mark, const QString &message) const;
    void fileError(const YAML::Mark &mark, const QString &message) { addError(at(mark, message)); }
    void fileWarning(const YAML::Mark &mark, const QString &message) { addWarning(at(mark, message)); }

    static YAML::Mark markOf(const Entry &e);

    /// Environment diagnostics point at the .env file when the value came from there.
    ConfigDiagnostic envDiagnostic(const QString &var, const QString &message) const;
    void envError(const QString &var, const QString &message) { addError(envDiagnostic(var, message)); }
    void envWarning(const QString &var, const QString &message) { addWarning(envDiagnostic(var, message)); }

    // -- environment ------------------------------------------------------------------------------

    QString baseFilePath(const QString &name) const;

    void loadEnvironment();

    QString env(const QString &name) const { return m_env.value(name); }
    std::function<QString(const QString &)> lookup() const
    {
        return [this](const QString &name) { return env(name); };
    }

    // -- file -------------------------------------------------------------------------------------

    bool resolveConfigPath();

    bool loadFile();

    // -- the schema walk --------------------------------------------------------------------------

    bool isMapping(const Entry &e);

    /// Calls `handle` for every key of a mapping that is in `known`; warns about the others with a
    /// "did you mean" hint, and rejects duplicate keys (YAML forbids them and yaml-cpp keeps both).
    void forEachKey(const Entry &section, const QStringList &known,
                    const std::function<void(const QString &, const Entry &)> &handle);

    /// A section of config.yaml: its keys are the next path segments of the rows below it.
    void readSection(const Entry &section);

    /// Reads one value by its row and stores it. False when it is not set or was refused (reported).
    template <typename Root> bool readInto(const Field<Root> &f, const Entry &e, Root &root)
    {
        if (f.rule.type == FieldType::Ignored || e.value.IsNull() || !e.value.IsDefined())
            return false;
        const RawValue raw = rawOf(e.value);
        FieldError error;
        const std::optional<FieldValue> v = readValue(f.rule, raw, ValueSource::Yaml, &error);
        if (!v) {
            const YAML::Mark mark = error.kind == FieldError::Kind::BadItem && !e.value[error.item].Mark().is_null()
                                        ? e.value[error.item].Mark()
                                        : markOf(e);
            fileError(mark, diagnosticText(e.path, f.rule, raw, error));
            return false;
        }
        if (f.apply)
            f.apply(root, *v);
        return true;
    }

    /// The keys of a mapping by a table of rows; Custom rows go to `custom`.
    template <typename Root>
    void readRows(const Entry &e, std::span<const Field<Root>> rows, Root &root,
                  const std::function<void(const QString &, const Entry &)> &custom = {})
    {
        QStringList known;
        for (const Field<Root> &f : rows) {
            if (f.sources & FromYaml)
                known << f.path.toString();
        }
        forEachKey(e, known, [&](const QString &key, const Entry &child) {
            const auto f =
                std::find_if(rows.begin(), rows.end(), [&key](const Field<Root> &r) { return r.path == key; });
            if (f->rule.type == FieldType::Custom)
                custom(key, child);
            else
                readInto(*f, child, root);
        });
    }

    void readCustom(const Entry &e);

    /// Checks that need a whole section: run once the file is read.
    void afterFile();

    // -- server.auth.keys -------------------------------------------------------------------------

    /// Named client keys, each from a variable (key_env) or as the SHA-256 of the key (key_sha256),
    /// with the models it may use. A key that cannot be resolved is an error, never a key that is
    /// silently dropped: with every key gone, auth would be off.
    void parseClientKeys(const Entry &section);

    // -- mappings keyed by model ------------------------------------------------------------------

    /// Calls `handle` for every entry of a mapping whose keys are model names (or patterns).
    void forEachModelKey(const Entry &section, const QString &keyWhat,
                         const std::function<void(const QString &, const Entry &)> &handle);

    /// model_aliases: model name or pattern → model.
    void parseModelAliases(const Entry &section);
    /// routing.model_strategies: model name or pattern → strategy.
    void parseModelStrategies(const Entry &section);

    /// `pricing: {<model>: {input: <USD per 1M tokens>, output: <USD per 1M tokens>}}`.
    void parsePricing(const Entry &section);

    void parseFallbackChains(const Entry &section);

    /// `budget.keys` / `budget.teams`: `{<key name or team>: {daily_usd, monthly_usd, soft_usd}}`.
    void parseScopeBudgets(const Entry &section);

    // -- compatibility with the reference system's keys ------------------------------------------

    void checkTls(const Entry &e);

    void parseSeedTimeout(const Entry &e);

    /// security.max_payload_size_kb and connection_pool.connect_timeout; the rest of these
    /// sections belongs to features not in this release.
    void parseSeedValue(const Entry &section, const QString &key);
    void parseSeedPayloadSize(const Entry &e);
    void parseSeedConnectionPool(const Entry &section) { parseSeedValue(section, QStringLiteral("connect_timeout")); }

    /// Keys in our own shape win over the reference system's equivalents wherever both are given.
    void applySeedCompatibility();

    // -- endpoints --------------------------------------------------------------------------------

    void parseEndpoints(const Entry &section);

    void parseEndpoint(const QString &id, const YAML::Mark &idMark, const Entry &e);

    void parseHeaders(const Entry &e, QMap<QString, QString> &headers);

    // -- environment overlay ----------------------------------------------------------------------

    /// Reads `text` by the row at `path` and stores it; the message is reported by `report`.
    bool applyText(const QString &path, const QString &text, const std::function<void(const QString &)> &report);

    void applyEnvironment();

    QStringList readKeyList(const QString &var);

    /// LLM_PROXY_ENDPOINT_<NAME>_URL/_MODELS/_KEY/_PROVIDER, read by the endpoint rows.
    void applyEnvEndpoints();

    // -- command line -----------------------------------------------------------------------------

    void applyCli();

    // -- cross-references -------------------------------------------------------------------------

    void checkReferences();

    /// server.storage with type postgres: reads the connection string from its variable.
    void resolveStorage();
    /// server.storage.dsn (the reference system's) is not read; says where the string goes instead.
    void warnStorageDsn(const Entry &e);

    struct HopMark
    {
        QString model;
        QString endpoint;
        YAML::Mark mark;
    };

    const ConfigSources &m_sources;
    QProcessEnvironment m_env;
    QSet<QString> m_fromDotenv;
    QString m_dotenvPath;
    QString m_filePath;
    Config m_config;
    ConfigLoadResult m_result;
    /// Key paths the file set, with where (so the reference system's keys do not override them).
    QHash<QString, YAML::Mark> m_setInFile;
    QList<std::pair<QString, YAML::Mark>> m_fileEndpointIds;
    QList<YAML::Mark> m_clientKeyMarks; ///< where each of server.auth.keys was defined
    QList<HopMark> m_hopMarks;
    std::optional<qint64> m_seedMaxBodyBytes;
    std::optional<int> m_seedConnectTimeoutMs;
    std::optional<int> m_seedTimeoutMs;
};

} // namespace configdetail
} // namespace llmproxy
