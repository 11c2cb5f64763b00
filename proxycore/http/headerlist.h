// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace llmproxy {

/// HTTP header fields as (name, value) pairs: names lower-case, in wire order. Shared by the front
/// end (requests received, responses sent) and the upstream transport (requests sent, responses
/// received).
using HeaderList = QList<QPair<QByteArray, QByteArray>>;

} // namespace llmproxy
