// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QStringList>

namespace llmproxy {

/// `llmproxy keychain set|check|delete NAME`: keeps endpoint keys in the operating system's
/// keychain (the entries `api_key_keychain: NAME` names), so that config.yaml never holds them.
/// `set` reads the key from standard input (one line; a terminal does not echo it), `check` says
/// whether the entry exists and holds a key without printing it, `delete` removes it.
/// `arguments` are the command line after the program name, starting with "keychain". Prints one
/// line; returns 0 on success, 1 when the keychain refused or has no such entry, 2 for a usage error.
int runKeychainCommand(const QStringList &arguments);

} // namespace llmproxy
