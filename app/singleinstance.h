// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;
class QLocalSocket;
class QLockFile;

namespace llmproxy {

/// Keeps one desktop instance per user. The first instance holds a lock file and listens on a
/// local socket (owner-only access); a later one finds the lock taken, sends {"cmd":"activate"}
/// to the first and reports isPrimary() == false, so its main() can exit 0.
///
/// Everything happens in the constructor, before the event loop runs; a secondary instance may
/// block for up to a few seconds while the primary is still starting. Lives in the main thread.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    /// `serverName` empty = defaultServerName(). Tests pass a unique name.
    explicit SingleInstance(const QString &serverName = QString(), QObject *parent = nullptr);
    ~SingleInstance() override;

    bool isPrimary() const;
    QString serverName() const;

    /// Application id plus user name, so two users on one machine do not meet.
    static QString defaultServerName();

signals:
    /// Another launch asked this (primary) instance to show itself.
    void activationRequested();

private:
    bool becomePrimary();
    bool notifyPrimary();
    void acceptConnection();
    void readMessage(QLocalSocket *socket);

    QString m_serverName;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
    bool m_primary = false;
};

} // namespace llmproxy
