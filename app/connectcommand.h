// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QStringList>

namespace llmproxy {

/// `llmproxy connect`: points a coding tool at the gateway.
///   llmproxy connect --list
///   llmproxy connect <tool> [--url URL] [--key KEY] [--model M] [--config FILE] [--dry-run] [--undo]
/// Prints the tool's settings; for a tool with its own config file (Claude Code, Codex, Continue,
/// Aider, Zed) also merges them into that file (backup first, see ClientConfigWriter) and prints
/// what changed, or with --dry-run what would change. --undo restores the file as it was before.
/// The URL and key default to the gateway's configuration (listen address, first proxy key).
/// `arguments` are the whole command line (program name, "connect", ...). Returns 0
/// on success, 1 when a file could not be written or restored, 2 for a usage error.
int runConnect(const QStringList &arguments);

} // namespace llmproxy
