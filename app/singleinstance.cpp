// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "app/singleinstance.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>

namespace llmproxy {

namespace {

constexpr int kMaxMessageBytes = 64 * 1024;
constexpr int kReadTimeoutMs = 5000;
// How long a second launch keeps trying to reach a primary that holds the lock but may still be
// starting (between taking the lock and listening).
constexpr int kConnectDeadlineMs = 5000;

// Next to the socket, which QLocalServer creates in the temporary directory on Unix.
QString lockFilePath(const QString &serverName)
{
    return QDir(QDir::tempPath()).filePath(serverName + QStringLiteral(".lock"));
}

} // namespace

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent), m_serverName(serverName.isEmpty() ? defaultServerName() : serverName),
      m_lock(std::make_unique<QLockFile>(lockFilePath(m_serverName)))
{
    // Only a dead owner makes the lock stale; a long-running primary must keep it.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(100)) {
        m_primary = becomePrimary();
        return;
    }
    if (!notifyPrimary())
        qWarning("Another LLMProxy instance holds %s but does not answer; not starting a second one.",
                 qUtf8Printable(m_lock->fileName()));
}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close();
}

bool SingleInstance::isPrimary() const
{
    return m_primary;
}

QString SingleInstance::serverName() const
{
    return m_serverName;
}

QString SingleInstance::defaultServerName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    if (user.isEmpty())
        user = QDir::home().dirName();
    // Socket and pipe names must not contain path separators or spaces.
    user.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    return QStringLiteral("io.github.llmproxy.LLMProxy-") + user;
}

bool SingleInstance::becomePrimary()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_serverName)) {
        // We hold the lock, so a socket file left behind can only be from a crashed instance.
        if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
            QLocalServer::removeServer(m_serverName);
            if (!m_server->listen(m_serverName)) {
                qWarning("Cannot listen on local socket %s: %s", qUtf8Printable(m_serverName),
                         qUtf8Printable(m_server->errorString()));
            }
        } else {
            qWarning("Cannot listen on local socket %s: %s", qUtf8Printable(m_serverName),
                     qUtf8Printable(m_server->errorString()));
        }
    }
    // Even without the socket we are the only instance (we hold the lock); a second launch then
    // cannot raise us, but the proxy keeps working.
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnection);
    return true;
}

bool SingleInstance::notifyPrimary()
{
    const QByteArray message = QJsonDocument(QJsonObject{{QStringLiteral("cmd"), QStringLiteral("activate")},
                                                         {QStringLiteral("args"), QJsonArray()}})
                                   .toJson(QJsonDocument::Compact) +
                               '\n';

    const QDeadlineTimer deadline(kConnectDeadlineMs);
    while (true) {
        QLocalSocket socket;
        socket.connectToServer(m_serverName);
        if (socket.waitForConnected(500)) {
            socket.write(message);
            const bool written = socket.waitForBytesWritten(2000);
            socket.disconnectFromServer();
            return written;
        }
        if (deadline.hasExpired())
            return false;
        // Runs once, before any window or event loop exists in this process.
        QThread::msleep(100);
    }
}

void SingleInstance::acceptConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readMessage(socket); });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // A client that connects and says nothing must not keep the socket forever.
        QTimer::singleShot(kReadTimeoutMs, socket, [socket] { socket->abort(); });
        readMessage(socket);
    }
}

void SingleInstance::readMessage(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > kMaxMessageBytes)
            socket->abort();
        return;
    }
    const QByteArray line = socket->readLine(kMaxMessageBytes);
    const QJsonObject request = QJsonDocument::fromJson(line).object();
    if (request.value(QStringLiteral("cmd")).toString() == QLatin1String("activate"))
        emit activationRequested();
    socket->disconnectFromServer();
}

} // namespace llmproxy
