// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/budgetfile.h"

#include "proxycore/store/jsonfile.h"

#include <QDate>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace llmproxy {

namespace {

const QDate kEpoch(1970, 1, 1);

} // namespace

BudgetFile::BudgetFile(QString path) : m_path(std::move(path)) {}

bool BudgetFile::read(const QString &path, QDate *date, qint64 *spentNano, QString *message)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *message = QStringLiteral("cannot read %1 (%2)").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError{};
    const QJsonObject o = QJsonDocument::fromJson(file.read(4096), &parseError).object();
    *date = QDate::fromString(o.value(QLatin1String("date")).toString(), Qt::ISODate);
    const QJsonValue nano = o.value(QLatin1String("spent_nano_usd"));
    // Whole nano-dollars only: a double holds integers exactly up to 2^53 (9 million USD).
    if (parseError.error != QJsonParseError::NoError || !date->isValid() || !nano.isDouble() || nano.toDouble() < 0 ||
        nano.toDouble() != std::floor(nano.toDouble()) || nano.toDouble() > 9.0e15) {
        *message = QStringLiteral("%1 is not a saved spend (expected date and spent_nano_usd)").arg(path);
        return false;
    }
    *spentNano = qint64(nano.toDouble());
    return true;
}

bool BudgetFile::load(BudgetLedger &ledger, qint64 nowEpochMs, QString *message)
{
    if (!QFile::exists(m_path)) {
        *message = QStringLiteral("no saved spend in %1; today's starts at 0").arg(m_path);
        return true;
    }
    QDate date;
    qint64 spentNano = 0;
    if (!read(m_path, &date, &spentNano, message)) {
        *message += QStringLiteral("; today's spend starts at 0");
        return false;
    }
    const BudgetLedger::Total saved{kEpoch.daysTo(date), spentNano};
    if (!ledger.restore(saved, nowEpochMs)) {
        *message = QStringLiteral("the spend saved in %1 is of %2, not today; today's starts at 0")
                       .arg(m_path, date.toString(Qt::ISODate));
        return true;
    }
    m_written = ledger.total();
    *message = QStringLiteral("today's spend so far: %1 USD (from %2)")
                   .arg(double(saved.spentNano) / 1e9, 0, 'f', 6)
                   .arg(m_path);
    return true;
}

bool BudgetFile::saveIfChanged(const BudgetLedger &ledger, QString *error)
{
    const BudgetLedger::Total total = ledger.total();
    if (total == m_written || total.day == 0)
        return true;
    const QJsonObject o{{QStringLiteral("date"), kEpoch.addDays(total.day).toString(Qt::ISODate)},
                        {QStringLiteral("spent_usd"), double(total.spentNano) / 1e9},
                        {QStringLiteral("spent_nano_usd"), double(total.spentNano)}};
    if (!replaceFileAtomically(m_path, QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n', error))
        return false;
    m_written = total;
    return true;
}

} // namespace llmproxy
