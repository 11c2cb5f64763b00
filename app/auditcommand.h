// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QStringList>

namespace llmproxy {

/// `llmproxy audit verify --file EXPORT.jsonl`: verifies an exported audit chain offline, without an
/// engine or a database (docs/audit.md). `--data-dir DIR` (its SQLite llmproxy.db), `--dsn-env NAME`
/// or `--dsn DSN` (PostgreSQL) verify the chain in a database instead, from its checkpoint, in one
/// read transaction; a broken row is named by its sequence. With a signing key (LLM_PROXY_SIGNING_KEY, or the variable
/// `--key-env` names) the export's checkpoint and head must carry valid signatures; each
/// `--anchor SEQUENCE:HASH` (a head recorded earlier) must still be in the chain, which is what
/// detects a removed tail. `arguments` are the command line after the program name, starting with
/// "audit". Prints one line: "ok: N entries, head <hash> at sequence S" on standard output, or the
/// first broken row on standard error. Returns 0 when the chain verifies, 1 when it does not, 2 for
/// a usage error (bad options, unreadable file or database, a database without the audit tables).
int runAuditCommand(const QStringList &arguments);

} // namespace llmproxy
