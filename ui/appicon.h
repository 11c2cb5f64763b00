// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QIcon>

namespace llmproxy {

/// The application icon from the embedded PNG sizes (no SVG icon engine needed at run time).
QIcon applicationIcon();

} // namespace llmproxy
