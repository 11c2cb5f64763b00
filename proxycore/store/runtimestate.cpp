// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/runtimestate.h"

#include "proxycore/store/jsonfile.h"
#include "proxycore/store/store.h"

#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

const QString kSelect = u"SELECT body FROM runtime_state WHERE kind = ?"_s;
// Written whole each time: applying it again (a retried batch) leaves the same row.
const QString kUpsert = u"INSERT INTO runtime_state (kind, body, updated_ms, instance_id) VALUES (?, ?, ?, ?) "
                        u"ON CONFLICT (kind) DO UPDATE SET body = excluded.body, updated_ms = excluded.updated_ms, "
                        u"instance_id = excluded.instance_id"_s;
// The import never replaces a row another gateway wrote meanwhile.
const QString kImport = u"INSERT INTO runtime_state (kind, body, updated_ms, instance_id) VALUES (?, ?, ?, ?) "
                        u"ON CONFLICT (kind) DO NOTHING"_s;

void bindRow(QSqlQuery &q, const QString &kind, const QByteArray &bytes)
{
    q.addBindValue(kind);
    q.addBindValue(QString::fromUtf8(bytes));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(QSysInfo::machineHostName());
}

} // namespace

RuntimeDocument::RuntimeDocument(QString kind, QString filePath, Store *store)
    : m_kind(std::move(kind)), m_filePath(std::move(filePath)), m_store(store)
{
}

bool RuntimeDocument::readAtStart(Read *read, QString *error) const
{
    *read = {};
    if (m_store) {
        read->source = u"runtime_state '%1' of %2"_s.arg(m_kind, m_store->settings().describe());
        DatabaseConnection connection(m_store->settings(), u"runtime-state"_s);
        QString why;
        if (!connection.open(&why)) {
            *error = u"cannot read %1: %2"_s.arg(read->source, why);
            return false;
        }
        QSqlQuery q(connection.database());
        if (!q.prepare(kSelect)) {
            *error = u"cannot read %1: %2"_s.arg(read->source, q.lastError().text().trimmed());
            return false;
        }
        q.addBindValue(m_kind);
        if (!q.exec()) {
            *error = u"cannot read %1: %2"_s.arg(read->source, q.lastError().text().trimmed());
            return false;
        }
        if (q.next()) {
            read->bytes = q.value(0).toString().toUtf8();
            if (!m_filePath.isEmpty() && QFile::exists(m_filePath))
                read->note = u"%1 is left as it is: the database's row is used"_s.arg(m_filePath);
            return true;
        }
    }
    if (m_filePath.isEmpty())
        return true;
    QFile file(m_filePath);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1 (%2)"_s.arg(m_filePath, file.errorString());
        return false;
    }
    read->bytes = file.readAll();
    if (read->bytes.isNull())
        read->bytes = QByteArray(""); // an empty file is a document (a malformed one), not none
    read->source = m_filePath;
    read->toImport = m_store != nullptr;
    return true;
}

bool RuntimeDocument::load(const Parser &parse, QString *message) const
{
    Read read;
    QString error;
    if (!readAtStart(&read, &error)) {
        *message = error;
        return false;
    }
    if (read.bytes.isNull())
        return true;
    if (!parse(read.bytes, read.source, message)) {
        if (read.toImport)
            *message += u" (not imported into the database; the file is left as it is)"_s;
        return false;
    }
    QStringList done{*message};
    if (read.toImport) {
        QString imported;
        const bool ok = this->imported(read.bytes, &imported);
        done << imported;
        if (!ok)
            done << u"it is imported again at the next start"_s;
    }
    if (!read.note.isEmpty())
        done << read.note;
    *message = done.join(u"; "_s);
    return true;
}

bool RuntimeDocument::imported(const QByteArray &bytes, QString *message) const
{
    if (!m_store)
        return true;
    const QString where = u"runtime_state '%1' of %2"_s.arg(m_kind, m_store->settings().describe());
    DatabaseConnection connection(m_store->settings(), u"runtime-state"_s);
    QString error;
    if (!connection.open(&error)) {
        *message = u"cannot import %1 into %2: %3"_s.arg(m_filePath, where, error);
        return false;
    }
    QSqlQuery q(connection.database());
    if (!q.prepare(kImport)) {
        *message = u"cannot import %1 into %2: %3"_s.arg(m_filePath, where, q.lastError().text().trimmed());
        return false;
    }
    bindRow(q, m_kind, bytes);
    if (!q.exec()) {
        *message = u"cannot import %1 into %2: %3"_s.arg(m_filePath, where, q.lastError().text().trimmed());
        return false;
    }
    if (q.numRowsAffected() == 0) {
        // Another gateway on the same database imported or saved its own meanwhile: keep the file.
        *message = u"%1 not imported: %2 was written meanwhile by another gateway; the file is left as it is"_s.arg(
            m_filePath, where);
        return true;
    }
    const QString renamed = m_filePath + u".imported"_s;
    QFile::remove(renamed);
    if (!QFile::rename(m_filePath, renamed)) {
        *message = u"imported %1 into %2, but cannot rename it to %3: the database's row is used from now on, "
                   u"the file is ignored"_s.arg(m_filePath, where, renamed);
        return true;
    }
    *message = u"imported %1 into %2 (the file is now %3)"_s.arg(m_filePath, where, renamed);
    return true;
}

bool RuntimeDocument::write(const QByteArray &bytes, QString *error) const
{
    if (!m_store)
        return replaceFileAtomically(m_filePath, bytes, error);
    StoreWrite write = [kind = m_kind, bytes](WriteContext &context) {
        QSqlQuery *q = context.prepared(kUpsert);
        if (!q)
            return false;
        bindRow(*q, kind, bytes);
        return context.exec(*q);
    };
    if (m_store->enqueue(std::move(write), "runtime state"))
        return true;
    *error = u"the store's queue is full: the change to runtime_state '%1' was not saved"_s.arg(m_kind);
    return false;
}

} // namespace llmproxy
