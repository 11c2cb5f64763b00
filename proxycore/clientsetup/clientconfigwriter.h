// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/clientsetup/clientsetup.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace llmproxy {

/// One setting LLMProxy put into (or would put into) a tool's config file.
struct ConfigChange
{
    QString key;      ///< as the file names it: "env.ANTHROPIC_BASE_URL", "model_providers.llmproxy"
    QString oldValue; ///< empty when the setting was not there
    QString newValue;
};

/// The outcome of merging into, writing or restoring a tool's config file.
struct ConfigWriteResult
{
    bool ok = false;
    QString path;           ///< the tool's config file
    QString backupPath;     ///< the copy made before writing; empty when the file did not exist
    bool created = false;   ///< the file did not exist before
    bool unchanged = false; ///< the file already said all of it: nothing written
    bool removed = false;   ///< undo removed a file that LLMProxy had created
    QList<ConfigChange> changes;
    QStringList warnings; ///< settings elsewhere in the file that may get in the way
    QString error;        ///< why nothing was written (with the file, line and column if it could not be read)
    QByteArray content;   ///< the file's new content (also for a dry run)
};

/// Merges LLMProxy's settings into the coding tools' own config files and undoes that.
///
/// Only LLMProxy's own settings change; every other byte of the file stays as it was, and the
/// result is read back and compared with the original before anything is written. A file that
/// cannot be read (bad JSON, YAML or TOML, or a shape LLMProxy cannot merge into safely) is never
/// written: the error names the file, line and column. Before a file is replaced, its exact bytes
/// are copied to `<file>.llmproxy-<yyyyMMdd-HHmmss>.bak`; the new file is written atomically
/// (temporary file, then rename). Each write is recorded in `stateDir`, so undo() can put the
/// previous bytes back, or remove the file when LLMProxy created it; a second write keeps the
/// first record, so undo goes back to the file as it was before LLMProxy touched it. New files
/// that hold a key are readable by their owner only.
class ClientConfigWriter
{
public:
    /// `home`: the user's home directory (the tools' files are under it); `stateDir`: where the
    /// undo records are kept.
    ClientConfigWriter(QString home, QString stateDir);

    /// The tool's config file, or empty when LLMProxy writes none for it.
    QString configPath(const ClientTool &tool) const;
    /// Computes the merge without writing anything.
    ConfigWriteResult preview(const ClientTool &tool, const ClientSetupValues &values) const;
    /// Merges and writes (with backup and undo record).
    ConfigWriteResult write(const ClientTool &tool, const ClientSetupValues &values) const;
    /// Whether an undo record exists for the tool.
    bool canUndo(const ClientTool &tool) const;
    /// Restores the file as it was before LLMProxy's write(s), byte for byte, or removes it when
    /// LLMProxy created it. Refuses (and changes nothing) when the file was edited since.
    ConfigWriteResult undo(const ClientTool &tool) const;

    /// Merges LLMProxy's settings for `tool` into `original` (a file's content; empty for none).
    /// `fileName` is for messages. Exposed for tests.
    static ConfigWriteResult merge(const ClientTool &tool, const ClientSetupValues &values, const QByteArray &original,
                                   const QString &fileName);

private:
    QString recordPath(const ClientTool &tool) const;
    QString m_home;
    QString m_stateDir;
};

} // namespace llmproxy
