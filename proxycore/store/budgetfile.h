// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/cost/budget.h"

#include <QDate>
#include <QString>

namespace llmproxy {

/// The day's spend on disk, so that a restart (or a crash) does not start the daily budget again
/// at 0: one small JSON file, `{"date":"2026-11-28","spent_usd":1.25,"spent_nano_usd":1250000000}`,
/// replaced atomically on every write. Used from one thread (the engine's).
class BudgetFile
{
public:
    explicit BudgetFile(QString path);

    const QString &path() const { return m_path; }

    /// Reads a saved total: its date and nano-dollars. False with `message` when the file cannot be
    /// read or is not a saved spend.
    static bool read(const QString &path, QDate *date, qint64 *spentNano, QString *message);

    /// Adds the saved total to `ledger` when it is of the ledger's day of `nowEpochMs`. A missing file or
    /// a total of an earlier day is no error; an unreadable or malformed file is (and is left alone
    /// until the next write replaces it). `message` says what happened, for the log.
    bool load(BudgetLedger &ledger, qint64 nowEpochMs, QString *message);

    /// Writes the ledger's total when it changed since the last write or load. False (with `error`)
    /// when the file could not be written; the next call tries again.
    bool saveIfChanged(const BudgetLedger &ledger, QString *error);

private:
    QString m_path;
    BudgetLedger::Total m_written;
};

} // namespace llmproxy
