// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace llmproxy {

class Store;

/// One kind of run-time change (the registry, the guard switches, the routing overlay) as a JSON
/// document, kept where the gateway keeps such changes (docs/storage.md#runtime_state): in a JSON file
/// of the data directory when there is no database, else in the row `kind` of the table
/// `runtime_state`. With a database, a file left by an earlier version is imported once (load()) and
/// renamed `<name>.imported`, never deleted. The document's format is its owner's
/// (RegistryFile, FeaturesFile, RoutingFile); this class only moves bytes. Used from the engine's thread.
class RuntimeDocument
{
public:
    /// `kind` names the row ("registry", "features", "routing"); `filePath` is the JSON file (may be
    /// empty when there is no data directory); `store` is the database, or nullptr for the file alone.
    /// Not an owner: `store` must outlive this object.
    RuntimeDocument(QString kind, QString filePath, Store *store = nullptr);

    /// The JSON file: the document itself without a database, the one imported once with it.
    const QString &filePath() const { return m_filePath; }
    /// The row's key in runtime_state.
    const QString &kind() const { return m_kind; }
    /// Whether the document is the database's row rather than the file.
    bool usesDatabase() const { return m_store != nullptr; }

    /// Parses a document: fills its owner's contents, and `message` (what was restored, for the log;
    /// why not when it returns false). `source` names where the bytes came from, for that message.
    using Parser = std::function<bool(const QByteArray &bytes, const QString &source, QString *message)>;

    /// At start: reads the document and hands it to `parse`. Without a database that is the file; with
    /// one, the row, or — when there is no row yet — the file, which is then imported once: written as
    /// the row (unless another gateway wrote one meanwhile) and renamed `<name>.imported`. A file that
    /// does not parse is neither imported nor renamed. True with an empty `message` when there is no
    /// document; false with `message` when it cannot be read (a database that is down: the changes of
    /// earlier runs are not restored) or does not parse.
    bool load(const Parser &parse, QString *message) const;

    /// Keeps `bytes` as the document: the file replaced atomically, or the row written through the
    /// store's writer (queued; never waits for the database). False with `error` when the file cannot be
    /// written or the writer's queue is full.
    bool write(const QByteArray &bytes, QString *error) const;

private:
    /// What readAtStart() found.
    struct Read
    {
        QByteArray bytes;      ///< the document; null when there is none (no file, no row)
        QString source;        ///< where it came from: the file, or "runtime_state 'registry' of <db>"
        bool toImport = false; ///< from the file, with a database that has no row yet
        QString note;          ///< worth a log line although the read succeeded (a file left in place)
    };
    /// Reads the row (with a database) or the file; false with `error` when either cannot be read.
    bool readAtStart(Read *read, QString *error) const;
    /// Writes the file's `bytes` as the row unless one exists, then renames the file; `message` says
    /// what was done. False when the row could not be written (the file is left as it is).
    bool imported(const QByteArray &bytes, QString *message) const;

    QString m_kind;
    QString m_filePath;
    Store *m_store;
};

} // namespace llmproxy
