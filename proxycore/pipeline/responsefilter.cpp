// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/pipeline/responsefilter.h"

namespace llmproxy {

QString ResponseEnd::answerText() const
{
    QString text;
    for (const FilteredBlock &b : m_blocks) {
        if (b.kind == TextKind::Content)
            text += b.text;
    }
    return text;
}

void ResponseEnd::addHeader(const QByteArray &name, QByteArray value)
{
    if (!m_stream)
        m_headers.append({name.toLower(), std::move(value)});
}

void ResponseEnd::addStreamComment(QByteArray text)
{
    if (m_stream)
        m_comments.append(std::move(text));
}

ResponseFilter::~ResponseFilter() = default;

QString ResponseFilter::endBlock(int, TextKind, FilterControl &)
{
    return {};
}

void ResponseFilter::endResponse(ResponseEnd &) {}

} // namespace llmproxy
