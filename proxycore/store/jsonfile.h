// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QString>

namespace llmproxy {

/// Replaces the file at `path` with `bytes` atomically (written beside it, then renamed), so a
/// crash leaves the old file or the new one, never a torn one. False with `error` set ("cannot
/// write <path>: <reason>") on failure; the old file is then untouched.
bool replaceFileAtomically(const QString &path, const QByteArray &bytes, QString *error);

} // namespace llmproxy
