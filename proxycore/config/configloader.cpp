// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configloader.h"

#include "proxycore/config/dotenv.h"
#include "proxycore/providers/providerpreset.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>

namespace llmproxy {

using namespace Qt::StringLiterals;

QString ConfigDiagnostic::toString() const
{
    QString where = file;
    if (line > 0) {
        where += (where.isEmpty() ? QString() : u":"_s) + QString::number(line);
        if (column > 0)
            where += u':' + QString::number(column);
    }
    return where.isEmpty() ? message : where + u": "_s + message;
}

namespace {

constexpr qint64 kMaxConfigFileBytes = 16 * 1024 * 1024;

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

QString joinPath(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}

/// How a YAML value looks to a user, for "expected X, got Y" messages.
QString describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
        return u"nothing"_s;
    case YAML::NodeType::Sequence:
        return u"a list"_s;
    case YAML::NodeType::Map:
        return u"a mapping"_s;
    case YAML::NodeType::Scalar: {
        QString text = fromStd(node.Scalar());
        if (text.size() > 40)
            text = text.left(37) + u"..."_s;
        // yaml-cpp tags quoted scalars "!"; plain ones "?". Show quotes only where the file has them.
        return node.Tag() == "!" ? u'"' + text + u'"' : text;
    }
    case YAML::NodeType::Undefined:
        break;
    }
    return u"an undefined value"_s;
}

/// A YAML node as the schema reads it: every scalar is text.
RawValue rawOf(const YAML::Node &node)
{
    RawValue raw;
    raw.shown = describe(node);
    if (node.IsScalar()) {
        raw.kind = RawValue::Kind::Text;
        raw.text = fromStd(node.Scalar());
    } else if (node.IsSequence()) {
        raw.kind = RawValue::Kind::List;
        for (std::size_t i = 0; i < node.size(); ++i)
            raw.items.append(rawOf(node[i]));
    } else if (node.IsMap()) {
        raw.kind = RawValue::Kind::Mapping;
    }
    return raw;
}

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

QByteArray clientKeyDigest(const ClientKeyConfig &k)
{
    return k.key.isEmpty() ? k.sha256 : QCryptographicHash::hash(k.key.toUtf8(), QCryptographicHash::Sha256);
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
};
const Field<FallbackHop> kHopFields[] = {
    {u"provider", {FieldType::NonEmptyString}, &store<FallbackHop, &FallbackHop::endpoint>},
    {u"endpoint", {FieldType::NonEmptyString}, &store<FallbackHop, &FallbackHop::endpoint>},
    {u"model", {FieldType::NonEmptyString}, &store<FallbackHop, &FallbackHop::model>},
};
struct PriceDraft
{
    std::optional<double> input, output;
};
const Field<PriceDraft> kPriceFields[] = {
    {u"input", {FieldType::Number, 0, std::numeric_limits<qint64>::max()}, &store<PriceDraft, &PriceDraft::input>},
    {u"output", {FieldType::Number, 0, std::numeric_limits<qint64>::max()}, &store<PriceDraft, &PriceDraft::output>},
};

/// A value in the file with the place it was written.
struct Entry
{
    QString path;       ///< dotted key path for messages, e.g. "server.port"
    YAML::Mark keyMark; ///< where the key is (used when the value has no position of its own)
    YAML::Node value;
};

/// One loadConfig() run. Collects diagnostics instead of throwing so that a user sees every problem
/// in the file at once.
class Loader
{
public:
    explicit Loader(const ConfigSources &sources) : m_sources(sources) {}

    ConfigLoadResult run()
    {
        try {
            runUnchecked();
        } catch (const std::exception &e) {
            addError({m_filePath, 0, 0, u"internal error while loading configuration: %1"_s.arg(fromStd(e.what()))});
        } catch (...) {
            addError({m_filePath, 0, 0, u"internal error while loading configuration"_s});
        }
        sortByPosition(m_result.errors);
        sortByPosition(m_result.warnings);
        if (m_result.errors.isEmpty())
            m_result.config = std::move(m_config);
        return std::move(m_result);
    }

private:
    void runUnchecked()
    {
        loadEnvironment();
        if (!resolveConfigPath())
            return;
        if (!m_filePath.isEmpty()) {
            if (!loadFile())
                return;
            m_config.sourcePath = m_filePath;
        }
        applyEnvironment();
        applyCli();
        checkReferences();
    }

    // -- diagnostics ------------------------------------------------------------------------------

    /// Report the file's problems in reading order, followed by those from the environment and
    /// the command line.
    void sortByPosition(QList<ConfigDiagnostic> &list) const
    {
        const auto inFile = [this](const ConfigDiagnostic &d) { return d.file == m_filePath && d.line > 0; };
        const auto fileEnd = std::stable_partition(list.begin(), list.end(), inFile);
        std::stable_sort(list.begin(), fileEnd, [](const ConfigDiagnostic &a, const ConfigDiagnostic &b) {
            return std::pair(a.line, a.column) < std::pair(b.line, b.column);
        });
    }

    void addError(ConfigDiagnostic d) { m_result.errors.append(std::move(d)); }
    void addWarning(ConfigDiagnostic d) { m_result.warnings.append(std::move(d)); }

    ConfigDiagnostic at(const YAML::Mark &mark, const QString &message) const
    {
        if (mark.is_null())
            return {m_filePath, 0, 0, message};
        return {m_filePath, mark.line + 1, mark.column + 1, message};
    }
    void fileError(const YAML::Mark &mark, const QString &message) { addError(at(mark, message)); }
    void fileWarning(const YAML::Mark &mark, const QString &message) { addWarning(at(mark, message)); }

    static YAML::Mark markOf(const Entry &e)
    {
        if (!e.value.IsDefined() || e.value.IsNull())
            return e.keyMark;
        const YAML::Mark m = e.value.Mark();
        return m.is_null() ? e.keyMark : m;
    }

    /// Environment diagnostics point at the .env file when the value came from there.
    ConfigDiagnostic envDiagnostic(const QString &var, const QString &message) const
    {
        if (m_fromDotenv.contains(var))
            return {m_dotenvPath, 0, 0, var + u": "_s + message};
        return {QString(), 0, 0, u"environment variable "_s + var + u": "_s + message};
    }
    void envError(const QString &var, const QString &message) { addError(envDiagnostic(var, message)); }
    void envWarning(const QString &var, const QString &message) { addWarning(envDiagnostic(var, message)); }

    // -- environment ------------------------------------------------------------------------------

    QString baseFilePath(const QString &name) const
    {
        return m_sources.baseDirectory.isEmpty() ? name : QDir(m_sources.baseDirectory).filePath(name);
    }

    void loadEnvironment()
    {
        m_env = m_sources.environment;
        m_dotenvPath = m_sources.dotenvPath.isEmpty() ? baseFilePath(u".env"_s) : m_sources.dotenvPath;
        QFile file(m_dotenvPath);
        if (!file.exists())
            return;
        if (!file.open(QIODevice::ReadOnly)) {
            addError({m_dotenvPath, 0, 0, u"cannot read: %1"_s.arg(file.errorString())});
            return;
        }
        const QMap<QString, QString> values = parseDotenv(file.read(kMaxConfigFileBytes));
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            // The real environment always wins: .env only fills gaps.
            if (m_env.contains(it.key()))
                continue;
            m_env.insert(it.key(), it.value());
            m_fromDotenv.insert(it.key());
        }
    }

    QString env(const QString &name) const { return m_env.value(name); }

    // -- file -------------------------------------------------------------------------------------

    bool resolveConfigPath()
    {
        QString path = m_sources.configPath;
        bool isExplicit = m_sources.configPathExplicit;
        if (path.isEmpty() && !env(u"LLM_PROXY_CONFIG"_s).isEmpty()) {
            path = env(u"LLM_PROXY_CONFIG"_s);
            isExplicit = true;
        }
        if (path.isEmpty()) {
            const QString candidate = baseFilePath(u"config.yaml"_s);
            if (QFileInfo(candidate).isFile())
                m_filePath = candidate;
            return true;
        }
        m_filePath = path;
        const QFileInfo info(path);
        if (!info.exists()) {
            if (isExplicit) {
                addError({path, 0, 0, u"configuration file not found"_s});
                return false;
            }
            m_filePath.clear();
            return true;
        }
        if (info.isDir()) {
            addError({path, 0, 0, u"is a directory, expected a YAML file"_s});
            return false;
        }
        return true;
    }

    bool loadFile()
    {
        QFile file(m_filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            addError({m_filePath, 0, 0, u"cannot read configuration file: %1"_s.arg(file.errorString())});
            return false;
        }
        if (file.size() > kMaxConfigFileBytes) {
            addError({m_filePath, 0, 0, u"configuration file is larger than 16 MiB"_s});
            return false;
        }
        const QByteArray bytes = file.readAll();
        YAML::Node root;
        try {
            root = YAML::Load(bytes.toStdString());
        } catch (const YAML::Exception &e) {
            QString message = u"YAML syntax error: %1"_s.arg(fromStd(e.msg));
            if (e.msg == YAML::ErrorMsg::MAP_VALUE) // the usual cause is not obvious from yaml-cpp's text
                message += u" (check the indentation of this line, or quote a value that contains \": \")"_s;
            fileError(e.mark, message);
            return false;
        }
        try {
            if (root.IsNull() || !root.IsDefined())
                return true; // an empty file: defaults
            if (!root.IsMap()) {
                fileError(root.Mark(), u"expected a mapping of sections (server:, endpoints:, ...) at the top "
                                       u"level, got %1"_s.arg(describe(root)));
                return true;
            }
            readSection(Entry{QString(), root.Mark(), root});
            afterFile();
        } catch (const YAML::Exception &e) {
            fileError(e.mark, u"cannot interpret configuration: %1"_s.arg(fromStd(e.msg)));
            return false;
        }
        return true;
    }

    // -- the schema walk --------------------------------------------------------------------------

    bool isMapping(const Entry &e)
    {
        if (e.value.IsNull() || !e.value.IsDefined())
            return false;
        if (!e.value.IsMap()) {
            fileError(markOf(e), u"%1: expected a mapping, got %2"_s.arg(e.path, describe(e.value)));
            return false;
        }
        return true;
    }

    /// Calls `handle` for every key of a mapping that is in `known`; warns about the others with a
    /// "did you mean" hint, and rejects duplicate keys (YAML forbids them and yaml-cpp keeps both).
    void forEachKey(const Entry &section, const QStringList &known,
                    const std::function<void(const QString &, const Entry &)> &handle)
    {
        QSet<QString> seen;
        for (auto it = section.value.begin(); it != section.value.end(); ++it) {
            const YAML::Node keyNode = it->first;
            if (!keyNode.IsScalar()) {
                fileError(keyNode.Mark(),
                          u"%1: keys must be plain names, got %2"_s.arg(
                              section.path.isEmpty() ? u"top level"_s : section.path, describe(keyNode)));
                continue;
            }
            const QString key = fromStd(keyNode.Scalar());
            const Entry child{joinPath(section.path, key), keyNode.Mark(), it->second};
            if (seen.contains(key)) {
                fileError(keyNode.Mark(), u"duplicate key \"%1\""_s.arg(child.path));
                continue;
            }
            seen.insert(key);
            if (known.contains(key)) {
                handle(key, child);
                continue;
            }
            const QString closest = closestName(key, known);
            const QString hint = closest.isEmpty() ? QString() : u"; did you mean \"%1\"?"_s.arg(closest);
            const QString where = section.path.isEmpty() ? u"unknown top-level key \"%1\""_s.arg(key)
                                                         : u"unknown key \"%1\" in %2"_s.arg(key, section.path);
            fileWarning(keyNode.Mark(), where + u" (ignored)"_s + hint);
        }
    }

    /// A section of config.yaml: its keys are the next path segments of the rows below it.
    void readSection(const Entry &section)
    {
        const QString prefix = section.path.isEmpty() ? QString() : section.path + u'.';
        QStringList known;
        for (const Field<Config> &f : configFields()) {
            if (f.path.startsWith(prefix)) {
                const QString key = f.path.sliced(prefix.size()).split(u'.').first().toString();
                if (!known.contains(key))
                    known << key;
            }
        }
        forEachKey(section, known, [&](const QString &, const Entry &e) {
            if (const Field<Config> *f = configField(e.path)) {
                if (f->rule.type == FieldType::Custom)
                    readCustom(e);
                else if (readInto(*f, e, m_config))
                    m_setInFile.insert(e.path, markOf(e));
            } else if (isMapping(e)) {
                readSection(e);
            }
        });
    }

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

    void readCustom(const Entry &e)
    {
        const QString &p = e.path;
        if (p == u"server.auth.keys")
            parseClientKeys(e);
        else if (p == u"server.timeout")
            parseSeedTimeout(e);
        else if (p == u"server.tls")
            checkTls(e);
        else if (p == u"endpoints")
            parseEndpoints(e);
        else if (p == u"fallback_chains")
            parseFallbackChains(e);
        else if (p == u"model_aliases")
            parseModelMap(e, u"an alias name"_s, &m_config.modelAliases);
        else if (p == u"routing.model_strategies")
            parseModelMap(e, u"a model name or pattern"_s, &m_config.routing.modelStrategies);
        else if (p == u"pricing")
            parsePricing(e);
        else if (p == u"security")
            parseSeedValue(e, u"max_payload_size_kb"_s);
        else if (p == u"connection_pool")
            parseSeedValue(e, u"connect_timeout"_s);
    }

    /// Checks that need a whole section: run once the file is read.
    void afterFile()
    {
        const BudgetConfig &b = m_config.budget;
        if (b.dailyLimit > 0 && b.softLimit > b.dailyLimit)
            fileWarning(m_setInFile.value(u"budget.soft_limit"_s),
                        u"budget.soft_limit (%1) is above budget.daily_limit (%2); the soft limit "
                        u"will never be reached"_s.arg(b.softLimit)
                            .arg(b.dailyLimit));
        applySeedCompatibility();
    }

    // -- server.auth.keys -------------------------------------------------------------------------

    /// Named client keys, each from a variable (key_env) or as the SHA-256 of the key (key_sha256),
    /// with the models it may use. A key that cannot be resolved is an error, never a key that is
    /// silently dropped: with every key gone, auth would be off.
    void parseClientKeys(const Entry &section)
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
            const auto other = std::find_if(m_config.server.clientKeys.cbegin(), m_config.server.clientKeys.cend(),
                                            [&k](const ClientKeyConfig &o) {
                                                return o.name == k.name || clientKeyDigest(o) == clientKeyDigest(k);
                                            });
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

    // -- mappings keyed by model ------------------------------------------------------------------

    /// Calls `handle` for every entry of a mapping whose keys are model names (or patterns).
    void forEachModelKey(const Entry &section, const QString &keyWhat,
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

    /// model_aliases (pattern → model) and routing.model_strategies (pattern → strategy).
    void parseModelMap(const Entry &section, const QString &keyWhat, QMap<QString, QString> *out)
    {
        const bool strategies = out == &m_config.routing.modelStrategies;
        const Field<Config> *strategy = configField(u"routing.strategy");
        forEachModelKey(section, keyWhat, [&](const QString &key, const Entry &e) {
            if (strategies) {
                Config scratch;
                if (readInto(*strategy, e, scratch))
                    out->insert(key, scratch.routing.strategy);
                return;
            }
            const QString target = e.value.IsScalar() ? fromStd(e.value.Scalar()).trimmed() : QString();
            if (target.isEmpty())
                fileError(markOf(e), e.value.IsScalar() || e.value.IsNull()
                                         ? u"%1: expected a model name"_s.arg(e.path)
                                         : u"%1: expected a model name, got %2"_s.arg(e.path, describe(e.value)));
            else if (target == key)
                fileWarning(e.keyMark, u"%1: an alias that names itself has no effect"_s.arg(e.path));
            else
                out->insert(key, target);
        });
    }

    /// `pricing: {<model>: {input: <USD per 1M tokens>, output: <USD per 1M tokens>}}`.
    void parsePricing(const Entry &section)
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
            m_config.pricing.insert(model, ModelPrice{*price.input, *price.output});
        });
    }

    void parseFallbackChains(const Entry &section)
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

    // -- compatibility with the reference system's keys ------------------------------------------

    void checkTls(const Entry &e)
    {
        const YAML::Node enabled = e.value.IsMap() ? e.value["enabled"] : YAML::Node();
        if (enabled.IsScalar() &&
            canonicalChoice(u"true:yes:on:1 false:no:off:0", fromStd(enabled.Scalar())).value_or(QString()) == u"true")
            fileWarning(e.keyMark, u"server.tls is not supported: LLMProxy serves plain HTTP; terminate TLS in a "
                                   u"reverse proxy in front of it"_s);
    }

    void parseSeedTimeout(const Entry &e)
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

    /// security.max_payload_size_kb and connection_pool.connect_timeout; the rest of these
    /// sections belongs to features not in this release.
    void parseSeedValue(const Entry &section, const QString &key)
    {
        if (!section.value.IsMap() || !section.value[key.toStdString()].IsDefined())
            return;
        const Entry e{joinPath(section.path, key), section.keyMark, section.value[key.toStdString()]};
        const bool kb = key == u"max_payload_size_kb";
        const FieldRule rule = kb ? FieldRule{FieldType::Int, 1, std::numeric_limits<qint64>::max() / 1024}
                                  : FieldRule{FieldType::Number, 0, std::numeric_limits<qint64>::max(), true};
        FieldError error;
        const RawValue raw = rawOf(e.value);
        const std::optional<FieldValue> v = readValue(rule, raw, ValueSource::Yaml, &error);
        if (!v)
            fileError(markOf(e), diagnosticText(e.path, rule, raw, error));
        else if (kb)
            m_seedMaxBodyBytes = v->integer * 1024;
        else
            m_seedConnectTimeoutMs = int(std::min(v->number * 1000.0, double(std::numeric_limits<int>::max())));
    }

    /// Keys in our own shape win over the reference system's equivalents wherever both are given.
    void applySeedCompatibility()
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

    // -- endpoints --------------------------------------------------------------------------------

    void parseEndpoints(const Entry &section)
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

    void parseEndpoint(const QString &id, const YAML::Mark &idMark, const Entry &e)
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
        if (!draft.authNone)
            resolveKey(ep, preset, draft.apiKey, draft.apiKeyEnv);
        if (ep.apiKey.isEmpty() && !draft.authNone && !preset.local && ep.enabled) {
            const QString hint = ep.apiKeyEnv.isEmpty() ? u"set api_key_env or api_key"_s : u"set "_s + ep.apiKeyEnv;
            fileWarning(e.keyMark, u"endpoint %1 has no API key (%2)"_s.arg(ep.id, hint));
        }
        m_fileEndpointIds.append({id, idMark});
        m_config.endpoints.append(ep);
    }

    /// api_key literal, else the variable named by api_key_env, else the preset's usual variable.
    /// The preset's variable is only used when the endpoint is the provider's own service: an
    /// "openai" endpoint pointed at some other host must not receive OPENAI_API_KEY unasked.
    void resolveKey(EndpointConfig &ep, const ProviderPreset &preset, const std::optional<QString> &literal,
                    const std::optional<QString> &keyEnv) const
    {
        if (literal && !isPlaceholderSecret(*literal)) {
            ep.apiKey = literal->trimmed();
            ep.apiKeyEnv.clear();
            return;
        }
        QString var;
        if (keyEnv) {
            var = *keyEnv;
        } else if (!preset.keyEnv.isEmpty()) {
            const QString defaultHost = QUrl(preset.defaultBaseUrl.toString()).host();
            if (defaultHost.isEmpty() || QUrl(ep.baseUrl).host().compare(defaultHost, Qt::CaseInsensitive) == 0)
                var = preset.keyEnv.toString();
        }
        if (!var.isEmpty()) {
            ep.apiKeyEnv = var;
            const QString value = env(var);
            if (!isPlaceholderSecret(value))
                ep.apiKey = value.trimmed();
        }
    }

    void parseHeaders(const Entry &e, QMap<QString, QString> &headers)
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

    // -- environment overlay ----------------------------------------------------------------------

    /// Reads `text` by the row at `path` and stores it; the message is reported by `report`.
    bool applyText(const QString &path, const QString &text, const std::function<void(const QString &)> &report)
    {
        const Field<Config> *f = configField(path);
        const RawValue raw = RawValue::fromText(text);
        FieldError error;
        const std::optional<FieldValue> v = readValue(f->rule, raw, ValueSource::Text, &error);
        if (!v) {
            report(diagnosticText(QString(), f->rule, raw, error));
            return false;
        }
        f->apply(m_config, *v);
        return true;
    }

    void applyEnvironment()
    {
        for (const Field<Config> &f : configFields()) {
            const QString var = f.env.toString();
            if (var.isEmpty() || env(var).trimmed().isEmpty()) // an empty value counts as unset
                continue;
            applyText(f.path.toString(), env(var), [&](const QString &message) { envError(var, message); });
        }
        ServerConfig &s = m_config.server;
        s.apiKeys = readKeyList(s.apiKeysEnv);
        s.adminKeys = readKeyList(s.adminKeysEnv);
        // A key both unrestricted and named would have two sets of rights; refuse to guess.
        for (const QString &key : std::as_const(s.apiKeys)) {
            const QByteArray digest = QCryptographicHash::hash(key.trimmed().toUtf8(), QCryptographicHash::Sha256);
            for (qsizetype i = 0; i < s.clientKeys.size(); ++i) {
                if (clientKeyDigest(s.clientKeys.at(i)) == digest)
                    fileError(m_clientKeyMarks.at(i),
                              u"server.auth.keys (%1): this key is also listed in %2, where it may use every model; "
                              u"remove it from one of the two"_s.arg(s.clientKeys.at(i).name, s.apiKeysEnv));
            }
        }
        applyEnvEndpoints();
    }

    QStringList readKeyList(const QString &var)
    {
        QStringList keys;
        for (const QString &part : env(var).split(u',')) {
            const QString key = part.trimmed();
            if (key.isEmpty() || keys.contains(key))
                continue;
            keys << key;
            // Fail closed: a copied example key would let anyone who read the example in.
            if (isPlaceholderSecret(key))
                envError(var, u"contains the placeholder key \"%1\"; replace it with a real secret"_s.arg(key));
        }
        return keys;
    }

    /// LLM_PROXY_ENDPOINT_<NAME>_URL/_MODELS/_KEY/_PROVIDER, read by the endpoint rows.
    void applyEnvEndpoints()
    {
        static constexpr std::pair<QStringView, QStringView> suffixes[] = {
            {u"_URL", u"base_url"}, {u"_MODELS", u"models"}, {u"_KEY", u"api_key"}, {u"_PROVIDER", u"provider"}};
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
                envWarning(var, u"not recognised; endpoint variables end in _URL, _MODELS, _KEY or _PROVIDER"_s);
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
            if (draft.apiKey && !isPlaceholderSecret(*draft.apiKey)) {
                ep.apiKey = draft.apiKey->trimmed();
                ep.apiKeyEnv = var + u"_KEY"_s;
            } else {
                resolveKey(ep, preset, std::nullopt, std::nullopt);
                if (ep.apiKey.isEmpty())
                    ep.apiKeyEnv = var + u"_KEY"_s;
            }
            if (ep.apiKey.isEmpty() && !preset.local)
                envWarning(urlVar, u"endpoint %1 has no API key (set %2)"_s.arg(id, ep.apiKeyEnv));
            m_config.endpoints.append(ep);
        }
    }

    // -- command line -----------------------------------------------------------------------------

    void applyCli()
    {
        const CliOverrides &cli = m_sources.cli;
        const auto apply = [this](const QString &flag, const QString &path, const QString &text) {
            applyText(path, text, [&](const QString &message) {
                addError({QString(), 0, 0, flag + u": "_s + message});
            });
        };
        if (cli.host)
            apply(u"--host"_s, u"server.host"_s, *cli.host);
        if (cli.port)
            apply(u"--port"_s, u"server.port"_s, QString::number(*cli.port));
        if (cli.logFormat)
            apply(u"--log-format"_s, u"logging.format"_s, *cli.logFormat);
        if (cli.workers)
            apply(u"--workers"_s, u"server.workers"_s, QString::number(*cli.workers));
    }

    // -- cross-references -------------------------------------------------------------------------

    void checkReferences()
    {
        for (const HopMark &hop : std::as_const(m_hopMarks)) {
            bool known = findProviderPreset(hop.endpoint) != nullptr;
            for (const EndpointConfig &ep : std::as_const(m_config.endpoints))
                known = known || ep.id.compare(hop.endpoint, Qt::CaseInsensitive) == 0;
            if (!known)
                fileWarning(hop.mark, u"fallback_chains.%1: \"%2\" is neither an endpoint id nor a provider name"_s.arg(
                                          hop.model, hop.endpoint));
        }
    }

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

} // namespace

ConfigLoadResult loadConfig(const ConfigSources &sources)
{
    return Loader(sources).run();
}

} // namespace llmproxy
