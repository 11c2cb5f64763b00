// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/store/auditledger.h"

#include <QJsonObject>
#include <QString>

/// Events and constants the audit ledger's tests share (tst_auditledger over the memory store,
/// tst_sqlauditstore over SQL): one ledger secret and anchor key, a start date and a day, and a
/// request event with personal data in both places it can be. Header-only.
namespace llmproxy::test {

inline const QByteArray kSecret = QByteArrayLiteral("ledger secret of at least 16 bytes");
inline const QByteArray kAnchorKey = QByteArrayLiteral("anchor signing key");
inline constexpr qint64 kDay = 24 * 60 * 60 * 1000;
inline constexpr qint64 kStart = 1'767'225'600'000; // 2026-01-01T00:00:00Z

/// A completed request of `actor` from 203.0.113.7 at `timeMs`, about `subject` when given; its
/// personal details (an e-mail address) are about the subject, or the actor when there is no subject.
inline AuditEvent requestBy(const QString &actor, qint64 timeMs, const QString &subject = {})
{
    AuditEvent e;
    e.timeMs = timeMs;
    e.category = AuditCategory::Request;
    e.action = QStringLiteral("request.completed");
    e.outcome = QStringLiteral("ok");
    e.actor = actor;
    e.actorRole = QStringLiteral("user");
    e.clientIp = QStringLiteral("203.0.113.7");
    e.subject = subject;
    e.requestId = QStringLiteral("req-%1").arg(timeMs);
    e.details = QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-4o")}, {QStringLiteral("status"), 200}};
    const QString email = (subject.isEmpty() ? actor : subject) + QStringLiteral("@example.com");
    e.personalDetails = QJsonObject{{QStringLiteral("email"), email}};
    return e;
}

/// An administrator asking for an operation on the ledger at `timeMs`.
inline AuditRequester admin(qint64 timeMs)
{
    return AuditRequester{timeMs, QStringLiteral("root-admin"), QStringLiteral("admin"), QStringLiteral("198.51.100.1"),
                          QStringLiteral("admin-req")};
}

} // namespace llmproxy::test
