// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/store/database.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace llmproxy::bench {

/// Reads a benchmark's command line of `--name value` pairs (after the program's name): the database
/// of `--sqlite FILE` or `--postgres DSN` into `settings`, every other pair into `options` (the name
/// without its dashes). False with `error` when the DSN does not parse or no database is given.
inline bool readBenchArguments(const QStringList &args, DatabaseSettings *settings, QHash<QString, QString> *options,
                               QString *error)
{
    bool database = false;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        const QString &name = args.at(i);
        const QString &value = args.at(i + 1);
        if (name == QLatin1StringView("--sqlite")) {
            settings->sqlitePath = value;
            database = true;
        } else if (name == QLatin1StringView("--postgres")) {
            const std::optional<PostgresDsn> dsn = parsePostgresDsn(value, error);
            if (!dsn)
                return false;
            settings->dialect = SqlDialect::Postgres;
            settings->postgres = *dsn;
            database = true;
        } else {
            options->insert(name.mid(2), value);
        }
    }
    if (!database)
        *error = QStringLiteral("no database: give --sqlite FILE or --postgres DSN");
    return database;
}

} // namespace llmproxy::bench
