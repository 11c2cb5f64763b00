// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/appicon.h"

namespace llmproxy {

QIcon applicationIcon()
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/llmproxy-%1.png").arg(size), QSize(size, size));
    return icon;
}

} // namespace llmproxy
