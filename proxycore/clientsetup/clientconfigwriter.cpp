// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/clientsetup/clientconfigwriter.h"

#include "proxycore/clientsetup/configtext.h"
#include "proxycore/clientsetup/jsoncdocument.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace llmproxy {

namespace {

/// Values that are secrets are shown shortened in the list of changes.
QString shown(const QString &key, const QString &value)
{
    const QString k = key.toLower();
    const bool secret = k.contains(QLatin1String("key")) || k.contains(QLatin1String("token"));
    if (!secret || value.size() <= 8 || value == QLatin1String(kNoKeyPlaceholder))
        return value;
    return value.left(4) + QStringLiteral("…");
}

QString cannotRead(const QString &fileName, int line, int column, const QString &message)
{
    return QStringLiteral("%1:%2:%3: cannot read the file (%4); it was left unchanged")
        .arg(fileName)
        .arg(line)
        .arg(column)
        .arg(message);
}

QString cannotMerge(const QString &fileName, const QString &why)
{
    return QStringLiteral("%1: %2; it was left unchanged").arg(fileName, why);
}

QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isUndefined())
        return QString();
    const QByteArray array = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// ---- JSON (Claude Code, Zed) ----

/// Removes `path` and then every object on it that is left empty, so a document where LLMProxy
/// created the parents compares equal to the original without them.
QJsonValue withoutPath(const QJsonValue &value, const QStringList &path, int depth = 0)
{
    if (!value.isObject() || depth >= path.size())
        return value;
    QJsonObject object = value.toObject();
    const QString &key = path.at(depth);
    if (depth + 1 == path.size()) {
        object.remove(key);
    } else if (object.contains(key)) {
        const QJsonValue child = withoutPath(object.value(key), path, depth + 1);
        if (child.isObject() && child.toObject().isEmpty())
            object.remove(key);
        else
            object.insert(key, child);
    }
    return object;
}

ConfigWriteResult mergeJson(const QList<QPair<QStringList, QJsonValue>> &settings, const QByteArray &original,
                            const QString &fileName,
                            const std::function<void(const JsoncDocument &, QStringList *)> &warn)
{
    ConfigWriteResult r;
    TextError error;
    std::optional<JsoncDocument> doc = JsoncDocument::parse(original, &error);
    if (!doc) {
        r.error = cannotRead(fileName, error.line, error.column, error.message);
        return r;
    }
    const JsoncDocument before = *doc;
    if (warn)
        warn(before, &r.warnings);
    for (const auto &[path, value] : settings) {
        const std::optional<QJsonValue> old = doc->value(path);
        if (old && *old == value)
            continue;
        QString why;
        if (!doc->set(path, value, &why)) {
            r.error = cannotMerge(fileName, why);
            return r;
        }
        const QString key = path.join(QLatin1Char('.'));
        r.changes.append({key, shown(key, old ? valueText(*old) : QString()), shown(key, valueText(value))});
    }
    // Read back: LLMProxy's values are there and everything else is what it was.
    std::optional<JsoncDocument> check = JsoncDocument::parse(doc->text(), &error);
    QJsonValue rest = check ? check->toJson() : QJsonValue();
    QJsonValue origin = before.toJson().isUndefined() ? QJsonValue(QJsonObject()) : before.toJson();
    for (const auto &[path, value] : settings) {
        if (!check || check->value(path) != value) {
            r.error = cannotMerge(fileName, QStringLiteral("the merged file did not read back as expected"));
            return r;
        }
        rest = withoutPath(rest, path);
        origin = withoutPath(origin, path);
    }
    if (rest != origin) {
        r.error = cannotMerge(fileName, QStringLiteral("merging would have changed other settings"));
        return r;
    }
    r.ok = true;
    r.content = doc->text();
    return r;
}

ConfigWriteResult mergeClaude(const ClientSetupValues &values, const QByteArray &original, const QString &fileName)
{
    const QString env = QStringLiteral("env");
    QList<QPair<QStringList, QJsonValue>> settings{
        {{env, QStringLiteral("ANTHROPIC_BASE_URL")}, gatewayRootUrl(values.url)},
        {{env, QStringLiteral("ANTHROPIC_AUTH_TOKEN")}, effectiveKey(values)}};
    if (!values.model.isEmpty()) {
        for (const char *name : {"ANTHROPIC_MODEL", "ANTHROPIC_DEFAULT_OPUS_MODEL", "ANTHROPIC_DEFAULT_SONNET_MODEL",
                                 "ANTHROPIC_DEFAULT_HAIKU_MODEL"})
            settings.append({{env, QString::fromLatin1(name)}, values.model});
    }
    return mergeJson(settings, original, fileName, [&fileName](const JsoncDocument &doc, QStringList *warnings) {
        const std::optional<QJsonValue> apiKey =
            doc.value({QStringLiteral("env"), QStringLiteral("ANTHROPIC_API_KEY")});
        if (apiKey && !apiKey->toString().isEmpty())
            warnings->append(QStringLiteral("%1 sets env.ANTHROPIC_API_KEY, which Claude Code may use instead of "
                                            "the gateway's token: remove it")
                                 .arg(fileName));
        if (doc.value({QStringLiteral("apiKeyHelper")}))
            warnings->append(QStringLiteral("%1 sets apiKeyHelper, whose key Claude Code sends instead of the "
                                            "gateway's token: remove it")
                                 .arg(fileName));
    });
}

ConfigWriteResult mergeZed(const ClientSetupValues &values, const QByteArray &original, const QString &fileName)
{
    const QStringList path{QStringLiteral("language_models"), QStringLiteral("openai_compatible"),
                           QString::fromLatin1(configtext::kProviderName)};
    const ClientTool *zed = findClientTool(QStringLiteral("zed"));
    return mergeJson({{path, configtext::zedProvider(toolBaseUrl(*zed, values), modelList(values))}}, original,
                     fileName, {});
}

// ---- line edits (YAML, TOML) ----

/// A text as lines, each with its own line ending, so that untouched lines keep their bytes.
struct Lines
{
    explicit Lines(const QByteArray &text)
    {
        eol = text.contains("\r\n") ? QByteArray("\r\n") : QByteArray("\n");
        int start = 0;
        while (start < text.size()) {
            const int newline = text.indexOf('\n', start);
            const int end = newline < 0 ? int(text.size()) : newline + 1;
            lines.append(text.mid(start, end - start));
            start = end;
        }
    }
    QByteArray text() const { return lines.join(); }
    /// The line without its ending.
    QByteArray body(int i) const
    {
        QByteArray l = lines.value(i);
        while (l.endsWith('\n') || l.endsWith('\r'))
            l.chop(1);
        return l;
    }
    QByteArray ending(int i) const { return lines.value(i).mid(body(i).size()); }
    /// Replaces line i's content, keeping its ending (or adding one).
    void setBody(int i, const QByteArray &content)
    {
        const QByteArray e = ending(i);
        lines[i] = content + (e.isEmpty() ? eol : e);
    }
    /// Inserts whole lines (text with "\n" endings) before line i; i == size() appends.
    void insert(int i, const QByteArray &block)
    {
        if (i == lines.size() && !lines.isEmpty() && ending(i - 1).isEmpty())
            lines.last() += eol;
        QByteArrayList added = block.split('\n');
        if (added.last().isEmpty())
            added.removeLast();
        for (int k = 0; k < added.size(); ++k)
            lines.insert(i + k, added.at(k) + eol);
    }
    static int indent(const QByteArray &line)
    {
        int i = 0;
        while (i < line.size() && line.at(i) == ' ')
            ++i;
        return i;
    }
    /// Blank, or only a comment (YAML and TOML both use #).
    bool isFiller(int i) const
    {
        const QByteArray t = body(i).trimmed();
        return t.isEmpty() || t.startsWith('#');
    }
    QByteArrayList lines;
    QByteArray eol;
};

// ---- YAML (Continue, Aider) ----

struct YamlRead
{
    YAML::Node root;
    bool ok = false;
};

YamlRead readYaml(const QByteArray &text, const QString &fileName, ConfigWriteResult *r)
{
    YamlRead read;
    try {
        read.root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &e) {
        r->error = cannotRead(fileName, e.mark.line + 1, e.mark.column + 1, QString::fromStdString(e.msg));
        return read;
    }
    if (!read.root.IsNull() && !read.root.IsMap()) {
        r->error = cannotMerge(fileName, QStringLiteral("the top level is not a mapping of keys"));
        return read;
    }
    if (read.root.IsMap() && read.root.Style() == YAML::EmitterStyle::Flow) {
        r->error = cannotMerge(fileName, QStringLiteral("the top level is written in flow style ({...})"));
        return read;
    }
    read.ok = true;
    return read;
}

/// The top-level entry `key`: its key node's mark and its value; false when absent.
bool yamlEntry(const YAML::Node &root, const char *key, YAML::Mark *keyMark, YAML::Node *value)
{
    if (!root.IsMap())
        return false;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == key) {
            *keyMark = it->first.Mark();
            *value = it->second;
            return true;
        }
    }
    return false;
}

std::string yamlDump(const YAML::Node &node)
{
    YAML::Emitter out;
    out << node;
    return out.c_str();
}

std::string yamlText(const YAML::Node &node, const char *key)
{
    if (!node.IsMap())
        return {};
    const YAML::Node v = node[key]; // const: never inserts
    return v && v.IsScalar() ? v.Scalar() : std::string();
}

/// A copy of a top-level map without `keys` (YAML nodes share their data; this one does not).
YAML::Node yamlWithout(const YAML::Node &root, std::initializer_list<const char *> keys)
{
    YAML::Node copy = YAML::Clone(root);
    if (copy.IsMap()) {
        for (const char *k : keys)
            copy.remove(k);
    }
    return copy;
}

/// Whether `after` without `keys` says what `before` without them said (an empty file counts as
/// an empty mapping).
bool sameRest(const YAML::Node &before, const YAML::Node &after, std::initializer_list<const char *> keys)
{
    const YAML::Node restAfter = yamlWithout(after, keys);
    if (before.IsNull())
        return restAfter.IsMap() && restAfter.size() == 0;
    return yamlDump(restAfter) == yamlDump(yamlWithout(before, keys));
}

ConfigWriteResult mergeAider(const ClientSetupValues &values, const QByteArray &original, const QString &fileName)
{
    ConfigWriteResult r;
    const YamlRead read = readYaml(original, fileName, &r);
    if (!read.ok)
        return r;
    const ClientTool *aider = findClientTool(QStringLiteral("aider"));
    const QList<QPair<const char *, QString>> settings{{"openai-api-base", toolBaseUrl(*aider, values)},
                                                       {"openai-api-key", effectiveKey(values)},
                                                       {"model", QStringLiteral("openai/") + values.model}};
    Lines lines(original);
    QByteArray appended;
    for (const auto &[key, value] : settings) {
        const QByteArray line = QByteArray(key) + ": " + configtext::yamlString(value).toUtf8();
        YAML::Mark mark;
        YAML::Node current;
        if (!yamlEntry(read.root, key, &mark, &current)) {
            appended += line + '\n';
            r.changes.append({QString::fromLatin1(key), QString(), shown(QString::fromLatin1(key), value)});
            continue;
        }
        const QString old = current.IsScalar() ? QString::fromStdString(current.Scalar()) : QString();
        if (current.IsScalar() && old == value)
            continue;
        // Only a one-line value on a line of its own is replaced; anything else is left to the user.
        const QByteArray at = lines.body(mark.line).mid(current.Mark().column, 1);
        const bool oneLine = current.IsScalar() && mark.column == 0 && current.Mark().line == mark.line && at != "|" &&
                             at != ">" &&
                             (mark.line + 1 >= lines.lines.size() || lines.isFiller(mark.line + 1) ||
                              Lines::indent(lines.body(mark.line + 1)) == 0);
        if (!oneLine) {
            r.error =
                cannotMerge(fileName + QStringLiteral(":%1").arg(mark.line + 1),
                            QStringLiteral("%1 is not a one-line value LLMProxy can replace").arg(QLatin1String(key)));
            return r;
        }
        lines.setBody(mark.line, line);
        r.changes.append(
            {QString::fromLatin1(key), shown(QString::fromLatin1(key), old), shown(QString::fromLatin1(key), value)});
    }
    if (!appended.isEmpty())
        lines.insert(int(lines.lines.size()), appended);
    const QByteArray text = lines.text();

    ConfigWriteResult check;
    const YamlRead back = readYaml(text, fileName, &check);
    bool same = back.ok;
    for (const auto &[key, value] : settings)
        same = same && yamlText(back.root, key) == value.toStdString();
    same = same && sameRest(read.root, back.root, {"openai-api-base", "openai-api-key", "model"});
    if (!same) {
        r.error = cannotMerge(fileName, QStringLiteral("merging would have changed other settings"));
        return r;
    }
    r.ok = true;
    r.content = text;
    return r;
}

ConfigWriteResult mergeContinue(const ClientSetupValues &values, const QByteArray &original, const QString &fileName)
{
    ConfigWriteResult r;
    const YamlRead read = readYaml(original, fileName, &r);
    if (!read.ok)
        return r;
    const ClientTool *tool = findClientTool(QStringLiteral("continue"));
    const QString base = toolBaseUrl(*tool, values);
    const QString key = effectiveKey(values);
    const std::string ours = configtext::kProviderName;
    Lines lines(original);
    YAML::Mark mark;
    YAML::Node models;
    QString old;
    const auto item = [&](int indent) {
        return configtext::continueModelItem(QString(indent, QLatin1Char(' ')), base, key, values.model).toUtf8();
    };
    if (!yamlEntry(read.root, "models", &mark, &models)) {
        lines.insert(int(lines.lines.size()), "models:\n" + item(2));
    } else if (mark.column != 0) {
        r.error = cannotMerge(fileName, QStringLiteral("models is not a top-level key on a line of its own"));
        return r;
    } else if (models.IsNull() || (models.IsSequence() && models.size() == 0)) {
        const QByteArray rest = lines.body(mark.line).mid(int(sizeof("models:")) - 1).trimmed();
        if (!(rest.isEmpty() || rest == "[]" || rest == "~" || rest == "null" || rest.startsWith('#'))) {
            r.error = cannotMerge(fileName + QStringLiteral(":%1").arg(mark.line + 1),
                                  QStringLiteral("models is written in a way LLMProxy cannot add to"));
            return r;
        }
        lines.setBody(mark.line, "models:");
        lines.insert(mark.line + 1, item(2));
    } else if (models.IsSequence() && models.Style() == YAML::EmitterStyle::Block) {
        // Each entry starts at a "-" in the same column; the list ends at the first line that is
        // indented less, or as much without a "-".
        QList<int> starts;
        int dash = -1;
        int found = -1;
        for (std::size_t i = 0; i < models.size(); ++i) {
            const YAML::Node entry = models[i];
            const QByteArray line = lines.body(entry.Mark().line);
            int col = entry.Mark().column - 1;
            while (col >= 0 && line.at(col) == ' ')
                --col;
            if (col < 0 || line.at(col) != '-' || (dash >= 0 && col != dash)) {
                r.error = cannotMerge(fileName + QStringLiteral(":%1").arg(entry.Mark().line + 1),
                                      QStringLiteral("an entry of models is written in a way LLMProxy cannot edit"));
                return r;
            }
            dash = col;
            starts.append(entry.Mark().line);
            if (entry.IsMap() && yamlText(entry, "name") == ours)
                found = int(i);
        }
        int end = starts.last() + 1;
        while (end < lines.lines.size()) {
            if (!lines.isFiller(end)) {
                const QByteArray body = lines.body(end);
                const int indent = Lines::indent(body);
                if (indent < dash || (indent == dash && !body.mid(indent).startsWith('-')))
                    break;
            }
            ++end;
        }
        const auto lastContent = [&lines](int from, int to) {
            int last = to - 1;
            while (last > from && lines.isFiller(last))
                --last;
            return last;
        };
        if (found >= 0) {
            const YAML::Node entry = models[std::size_t(found)];
            old = QString::fromStdString(yamlText(entry, "apiBase"));
            const int from = starts.at(found);
            const int to = lastContent(from, found + 1 < starts.size() ? starts.at(found + 1) : end);
            for (int i = to; i >= from; --i)
                lines.lines.removeAt(i);
            lines.insert(from, item(dash));
        } else {
            lines.insert(lastContent(starts.last(), end) + 1, item(dash));
        }
    } else {
        r.error = cannotMerge(fileName + QStringLiteral(":%1").arg(mark.line + 1),
                              QStringLiteral("models is not a list LLMProxy can add to"));
        return r;
    }
    const QByteArray text = lines.text();

    // Read back: exactly one LLMProxy entry with these values; the other entries and keys as before.
    ConfigWriteResult check;
    const YamlRead back = readYaml(text, fileName, &check);
    const auto others = [&ours](const YAML::Node &root) {
        std::string dump;
        if (root.IsMap() && root["models"] && root["models"].IsSequence()) {
            for (const YAML::Node &e : root["models"]) {
                if (!(e.IsMap() && yamlText(e, "name") == ours))
                    dump += yamlDump(e) + "\n---\n";
            }
        }
        return dump;
    };
    int mine = 0;
    bool right = false;
    if (back.ok && back.root["models"] && back.root["models"].IsSequence()) {
        for (const YAML::Node &e : back.root["models"]) {
            if (e.IsMap() && yamlText(e, "name") == ours) {
                ++mine;
                const QJsonObject expected = configtext::continueModelEntry(base, key, values.model);
                right = true;
                for (auto it = expected.begin(); it != expected.end(); ++it)
                    right = right && yamlText(e, it.key().toUtf8().constData()) == it.value().toString().toStdString();
            }
        }
    }
    const bool same = back.ok && mine == 1 && right && others(back.root) == others(read.root) &&
                      sameRest(read.root, back.root, {"models"});
    if (!same) {
        r.error = cannotMerge(fileName, QStringLiteral("merging would have changed other settings"));
        return r;
    }
    if (text != original)
        r.changes.append({QStringLiteral("models[name=%1]").arg(QString::fromStdString(ours)), old, base});
    r.ok = true;
    r.content = text;
    return r;
}

// ---- TOML (Codex) ----

std::string tomlJson(const toml::table &table)
{
    std::ostringstream out;
    out << toml::json_formatter(table);
    return out.str();
}

/// A copy without LLMProxy's keys (and without model_providers when that leaves it empty).
toml::table tomlWithoutOurs(const toml::table &root)
{
    toml::table copy = root;
    copy.erase("model");
    copy.erase("model_provider");
    if (toml::table *providers = copy["model_providers"].as_table()) {
        providers->erase(configtext::kCodexProviderId);
        if (providers->empty())
            copy.erase("model_providers");
    }
    return copy;
}

ConfigWriteResult mergeCodex(const ClientSetupValues &values, const QByteArray &original, const QString &fileName)
{
    ConfigWriteResult r;
    toml::table root;
    try {
        root = toml::parse(std::string_view(original.constData(), std::size_t(original.size())));
    } catch (const toml::parse_error &e) {
        r.error = cannotRead(fileName, int(e.source().begin.line), int(e.source().begin.column),
                             QString::fromUtf8(e.description().data(), int(e.description().size())));
        return r;
    }
    const ClientTool *codex = findClientTool(QStringLiteral("codex"));
    const QString base = toolBaseUrl(*codex, values);
    const QString key = effectiveKey(values);
    Lines lines(original);

    // Edits name lines of the original and are applied from the bottom, so line numbers stay valid.
    std::map<int, QByteArray> replaced; // line → new content
    std::map<int, QByteArray> insertedAfter;
    std::set<int> deleted;
    const auto replaceValue = [&](const toml::node &node, const QString &value, const QString &label) {
        const toml::source_region &s = node.source();
        const int line = int(s.begin.line) - 1;
        const QByteArray body = lines.body(line);
        const QString old = node.is_string() ? QString::fromStdString(*node.value<std::string>()) : QString();
        if (node.is_string() && old == value)
            return true;
        if (!node.is_string() || s.begin.line != s.end.line || replaced.count(line)) {
            r.error = cannotMerge(fileName + QStringLiteral(":%1").arg(line + 1),
                                  QStringLiteral("%1 is not a one-line string LLMProxy can replace").arg(label));
            return false;
        }
        replaced[line] = body.left(int(s.begin.column) - 1) + configtext::tomlString(value).toUtf8() +
                         body.mid(int(s.end.column) - 1);
        r.changes.append({label, shown(label, old), shown(label, value)});
        return true;
    };

    // Top-level keys go before the first table: after any leading comments.
    int top = 0;
    while (top < lines.lines.size() && lines.isFiller(top))
        ++top;
    QByteArray topBlock;
    QList<QPair<QString, QString>> topKeys{
        {QStringLiteral("model_provider"), QString::fromLatin1(configtext::kCodexProviderId)}};
    if (!values.model.isEmpty())
        topKeys.prepend({QStringLiteral("model"), values.model});
    for (const auto &[name, value] : topKeys) {
        if (const toml::node *node = root.get(name.toStdString())) {
            if (!replaceValue(*node, value, name))
                return r;
        } else {
            topBlock += name.toUtf8() + " = " + configtext::tomlString(value).toUtf8() + '\n';
            r.changes.append({name, QString(), value});
        }
    }

    const toml::node *providersNode = root.get("model_providers");
    const toml::table *providers = providersNode ? providersNode->as_table() : nullptr;
    if (providersNode && (!providers || providers->is_inline())) {
        r.error = cannotMerge(fileName, QStringLiteral("model_providers is not written as [model_providers.*] tables"));
        return r;
    }
    const toml::node *oursNode = providers ? providers->get(configtext::kCodexProviderId) : nullptr;
    const QList<QPair<QString, QString>> keys = configtext::codexProviderKeys(base, key);
    QByteArray tableBlock;
    if (!oursNode) {
        tableBlock = "\n[model_providers." + QByteArray(configtext::kCodexProviderId) + "]\n";
        for (const auto &[name, value] : keys)
            tableBlock += name.toUtf8() + " = " + value.toUtf8() + '\n';
        r.changes.append({QStringLiteral("model_providers.llmproxy"), QString(), base});
    } else {
        const toml::table *ours = oursNode->as_table();
        const int header = int(oursNode->source().begin.line) - 1;
        if (!ours || ours->is_inline() || !lines.body(header).trimmed().startsWith('[')) {
            r.error = cannotMerge(fileName + QStringLiteral(":%1").arg(header + 1),
                                  QStringLiteral("model_providers.llmproxy is not written as a "
                                                 "[model_providers.llmproxy] table"));
            return r;
        }
        QByteArray missing;
        for (const auto &[name, quoted] : keys) {
            const QString label = QStringLiteral("model_providers.llmproxy.") + name;
            const std::optional<std::string> plain =
                toml::parse("v = " + quoted.toStdString())["v"].value<std::string>();
            if (const toml::node *node = ours->get(name.toStdString())) {
                if (!replaceValue(*node, QString::fromStdString(*plain), label))
                    return r;
            } else {
                missing += name.toUtf8() + " = " + quoted.toUtf8() + '\n';
                r.changes.append({label, QString(), shown(label, QString::fromStdString(*plain))});
            }
        }
        // env_key would make Codex demand a variable instead of the token written here.
        if (const toml::node *envKey = ours->get("env_key")) {
            const int line = int(envKey->source().begin.line) - 1;
            if (envKey->source().begin.line != envKey->source().end.line || replaced.count(line)) {
                r.error = cannotMerge(fileName + QStringLiteral(":%1").arg(line + 1),
                                      QStringLiteral("env_key is not a one-line value LLMProxy can remove"));
                return r;
            }
            deleted.insert(line);
            r.changes.append({QStringLiteral("model_providers.llmproxy.env_key"),
                              QString::fromStdString(envKey->value<std::string>().value_or(std::string())), QString()});
        }
        if (!missing.isEmpty())
            insertedAfter[header] = missing;
    }

    if (!tableBlock.isEmpty())
        lines.insert(int(lines.lines.size()), tableBlock);
    for (int line = int(lines.lines.size()) - 1; line >= 0; --line) {
        if (insertedAfter.count(line))
            lines.insert(line + 1, insertedAfter.at(line));
        if (replaced.count(line))
            lines.setBody(line, replaced.at(line));
        if (deleted.count(line))
            lines.lines.removeAt(line);
    }
    if (!topBlock.isEmpty())
        lines.insert(top, topBlock + (top < lines.lines.size() ? "\n" : ""));
    const QByteArray text = lines.text();

    // Read back: our values are there, the rest is as it was.
    bool same = false;
    try {
        const toml::table back = toml::parse(std::string_view(text.constData(), std::size_t(text.size())));
        same =
            back["model_provider"].value<std::string>() == std::string(configtext::kCodexProviderId) &&
            (values.model.isEmpty() || back["model"].value<std::string>() == values.model.toStdString()) &&
            back["model_providers"][configtext::kCodexProviderId]["base_url"].value<std::string>() ==
                base.toStdString() &&
            back["model_providers"][configtext::kCodexProviderId]["wire_api"].value<std::string>() ==
                std::string("responses") &&
            back["model_providers"][configtext::kCodexProviderId]["experimental_bearer_token"].value<std::string>() ==
                key.toStdString() &&
            !back["model_providers"][configtext::kCodexProviderId]["env_key"] &&
            tomlJson(tomlWithoutOurs(back)) == tomlJson(tomlWithoutOurs(root));
    } catch (const toml::parse_error &) {
        same = false;
    }
    if (!same) {
        r.error = cannotMerge(fileName, QStringLiteral("merging would have changed other settings"));
        return r;
    }
    r.ok = true;
    r.content = text;
    return r;
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

bool writeAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

/// Reads `path`; a missing file is empty with `exists` false.
bool readFile(const QString &path, QByteArray *data, bool *exists, QString *error)
{
    const QFileInfo info(path);
    *exists = info.exists() || info.isSymLink();
    if (!*exists)
        return true;
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2")
                     .arg(path, info.isFile() ? file.errorString() : QStringLiteral("not a regular file"));
        return false;
    }
    *data = file.readAll();
    return true;
}

} // namespace

ClientConfigWriter::ClientConfigWriter(QString home, QString stateDir)
    : m_home(std::move(home)), m_stateDir(std::move(stateDir))
{
}

QString ClientConfigWriter::configPath(const ClientTool &tool) const
{
    return tool.configFile.isEmpty() ? QString() : QDir(m_home).filePath(tool.configFile);
}

QString ClientConfigWriter::recordPath(const ClientTool &tool) const
{
    return QDir(m_stateDir).filePath(QStringLiteral("client-setup/%1.json").arg(tool.id));
}

ConfigWriteResult ClientConfigWriter::merge(const ClientTool &tool, const ClientSetupValues &values,
                                            const QByteArray &original, const QString &fileName)
{
    ConfigWriteResult r;
    if (tool.needsModel && values.model.isEmpty()) {
        r.error = QStringLiteral("%1 needs a model name").arg(tool.name);
        return r;
    }
    if (gatewayRootUrl(values.url).isEmpty()) {
        r.error = QStringLiteral("the gateway's URL is missing");
        return r;
    }
    if (tool.id == QLatin1String("claude-code"))
        r = mergeClaude(values, original, fileName);
    else if (tool.id == QLatin1String("codex"))
        r = mergeCodex(values, original, fileName);
    else if (tool.id == QLatin1String("continue"))
        r = mergeContinue(values, original, fileName);
    else if (tool.id == QLatin1String("aider"))
        r = mergeAider(values, original, fileName);
    else if (tool.id == QLatin1String("zed"))
        r = mergeZed(values, original, fileName);
    else
        r.error = QStringLiteral("LLMProxy writes no config file for %1: enter the settings shown").arg(tool.name);
    r.unchanged = r.ok && r.content == original;
    return r;
}

ConfigWriteResult ClientConfigWriter::preview(const ClientTool &tool, const ClientSetupValues &values) const
{
    const QString path = configPath(tool);
    QByteArray original;
    bool exists = false;
    QString error;
    ConfigWriteResult r;
    if (path.isEmpty() || !readFile(path, &original, &exists, &error)) {
        r = merge(tool, values, {}, path);
        if (!path.isEmpty()) {
            r.ok = false;
            r.error = error;
        }
    } else {
        r = merge(tool, values, original, path);
        r.created = r.ok && !exists;
    }
    r.path = path;
    return r;
}

ConfigWriteResult ClientConfigWriter::write(const ClientTool &tool, const ClientSetupValues &values) const
{
    const QString path = configPath(tool);
    QByteArray original;
    bool exists = false;
    QString error;
    if (path.isEmpty() || !readFile(path, &original, &exists, &error)) {
        ConfigWriteResult r = path.isEmpty() ? merge(tool, values, {}, path) : ConfigWriteResult();
        r.ok = false;
        r.path = path;
        if (!path.isEmpty())
            r.error = error;
        return r;
    }
    ConfigWriteResult r = merge(tool, values, original, path);
    r.path = path;
    if (!r.ok || r.unchanged)
        return r;
    r.created = !exists;

    // The undo record first: without it a write could not be taken back.
    const QString record = recordPath(tool);
    QJsonObject entry;
    QFile previous(record);
    if (previous.open(QIODevice::ReadOnly)) {
        const QJsonObject old = QJsonDocument::fromJson(previous.readAll()).object();
        if (old.value(QStringLiteral("path")).toString() == path &&
            old.value(QStringLiteral("sha256")).toString().toLatin1() == sha256Hex(original))
            entry = old; // still the file LLMProxy wrote: undo goes back to before the first write
        previous.close();
    }
    if (exists) {
        const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        QString backup = QStringLiteral("%1.llmproxy-%2.bak").arg(path, stamp);
        for (int n = 2; QFileInfo::exists(backup); ++n)
            backup = QStringLiteral("%1.llmproxy-%2-%3.bak").arg(path, stamp).arg(n);
        if (!writeAtomically(backup, original, &r.error)) {
            r.ok = false;
            return r;
        }
        QFile::setPermissions(backup, QFileInfo(path).permissions());
        r.backupPath = backup;
    }
    if (entry.isEmpty()) {
        entry = {{QStringLiteral("path"), path},
                 {QStringLiteral("existed"), exists},
                 {QStringLiteral("backup"), r.backupPath}};
    }
    entry.insert(QStringLiteral("sha256"), QString::fromLatin1(sha256Hex(r.content)));
    entry.insert(QStringLiteral("written"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    const QByteArray previousRecord = [&record] {
        QFile f(record);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    if (!QDir().mkpath(QFileInfo(record).absolutePath()) ||
        !writeAtomically(record, QJsonDocument(entry).toJson(), &r.error)) {
        r.ok = false;
        r.error = QStringLiteral("cannot keep the undo record: %1").arg(r.error);
        return r;
    }

    if (!exists) {
        // Created empty first so that a file holding a key is never readable by others.
        QFile created(path);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()) ||
            !created.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            r.ok = false;
            r.error = QStringLiteral("cannot create %1: %2").arg(path, created.errorString());
        } else {
            created.close();
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }
    if (r.ok && !writeAtomically(path, r.content, &r.error))
        r.ok = false;
    if (!r.ok) {
        if (!exists)
            QFile::remove(path);
        if (previousRecord.isEmpty())
            QFile::remove(record);
        else
            writeAtomically(record, previousRecord, &error);
    }
    return r;
}

bool ClientConfigWriter::canUndo(const ClientTool &tool) const
{
    return QFileInfo::exists(recordPath(tool));
}

ConfigWriteResult ClientConfigWriter::undo(const ClientTool &tool) const
{
    ConfigWriteResult r;
    r.path = configPath(tool);
    const QString record = recordPath(tool);
    QFile file(record);
    if (!file.open(QIODevice::ReadOnly)) {
        r.error = QStringLiteral("nothing to undo for %1").arg(tool.name);
        return r;
    }
    const QJsonObject entry = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    r.path = entry.value(QStringLiteral("path")).toString();
    r.backupPath = entry.value(QStringLiteral("backup")).toString();
    const bool existed = entry.value(QStringLiteral("existed")).toBool();
    QByteArray current;
    bool exists = false;
    if (r.path.isEmpty() || !readFile(r.path, &current, &exists, &r.error))
        return r;
    if (!exists || sha256Hex(current) != entry.value(QStringLiteral("sha256")).toString().toLatin1()) {
        r.error =
            existed
                ? QStringLiteral("%1 was changed after LLMProxy wrote it; undo would lose that change. "
                                 "Its earlier content is in %2")
                      .arg(r.path, r.backupPath)
                : QStringLiteral("%1 was changed after LLMProxy created it; undo would lose that change").arg(r.path);
        return r;
    }
    if (existed) {
        QFile backup(r.backupPath);
        if (!backup.open(QIODevice::ReadOnly)) {
            r.error = QStringLiteral("cannot read the backup %1: %2").arg(r.backupPath, backup.errorString());
            return r;
        }
        r.content = backup.readAll();
        if (!writeAtomically(r.path, r.content, &r.error))
            return r;
    } else {
        if (!QFile::remove(r.path)) {
            r.error = QStringLiteral("cannot remove %1").arg(r.path);
            return r;
        }
        r.removed = true;
    }
    QFile::remove(record);
    r.ok = true;
    return r;
}

} // namespace llmproxy
