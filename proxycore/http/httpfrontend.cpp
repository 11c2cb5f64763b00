// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/http/httpfrontend.h"

#include "proxycore/http/httpconnection.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpServer>
#include <QThread>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace llmproxy {

/// Owns the connections of one thread. Created in the main thread, then moved to its own.
class HttpWorker : public QObject
{
    Q_OBJECT
public:
    HttpWorker(RequestHandlerFactory factory, const ServerLimits &limits,
               std::shared_ptr<std::atomic<int>> connections)
        : m_factory(std::move(factory)), m_limits(limits), m_connections(std::move(connections)), m_drainPoll(this)
    {
        m_drainPoll.setInterval(25);
        connect(&m_drainPoll, &QTimer::timeout, this, &HttpWorker::checkDrained);
    }

    ~HttpWorker() override
    {
        // Connections go first: their destructors notify responders that the handler still holds.
        const auto children = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
        for (HttpConnection *c : children)
            delete c;
        m_handler.reset();
    }

    void adopt(qintptr descriptor)
    {
        if (!m_handler)
            m_handler = m_factory(this);
        if (m_draining) {
            ::close(static_cast<int>(descriptor));
            m_connections->fetch_sub(1);
            return;
        }
        auto *c = new HttpConnection(descriptor, m_limits, m_handler.get(), this);
        connect(c, &HttpConnection::closed, this, [this] { m_connections->fetch_sub(1); });
        if (!c->isValid()) {
            delete c;
            m_connections->fetch_sub(1);
        }
    }

    void setLimits(const ServerLimits &limits) { m_limits = limits; }

    void beginDrain()
    {
        m_draining = true;
        const auto children = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
        for (HttpConnection *c : children)
            c->closeWhenIdle();
        m_drainPoll.start();
        checkDrained();
    }

    void terminateAll()
    {
        m_terminatedAt.start();
        const auto children = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
        for (const QPointer<HttpConnection> c : children) {
            if (c)
                c->terminate();
        }
        checkDrained();
    }

signals:
    void drained();

private:
    void checkDrained()
    {
        if (!m_draining || m_reportedDrained)
            return;
        // After the grace period, clients get a short while to take the last bytes; a client that
        // reads nothing cannot hold the shutdown up.
        const bool flushTimeUp = m_terminatedAt.isValid() && m_terminatedAt.elapsed() > 2000;
        const auto children = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
        for (HttpConnection *c : flushTimeUp ? QList<HttpConnection *>() : children) {
            // Busy, or its last response not yet handed to the kernel: exiting now would lose it.
            if (c->isValid() && (c->isBusy() || c->hasPendingOutput()))
                return;
        }
        m_reportedDrained = true;
        m_drainPoll.stop();
        emit drained();
    }

    RequestHandlerFactory m_factory;
    ServerLimits m_limits;
    std::shared_ptr<std::atomic<int>> m_connections;
    std::unique_ptr<IRequestHandler> m_handler;
    QElapsedTimer m_terminatedAt;
    QTimer m_drainPoll; ///< child of the worker, so it moves to the worker's thread with it
    bool m_draining = false;
    bool m_reportedDrained = false;
};

/// Accepts connections on the listening socket and deals them out to the workers.
class HttpAcceptor : public QTcpServer
{
    Q_OBJECT
public:
    HttpAcceptor(QList<HttpWorker *> workers, std::shared_ptr<std::atomic<int>> connections, int maxConnections)
        : m_workers(std::move(workers)), m_connections(std::move(connections)), m_maxConnections(maxConnections)
    {
    }
    void setMaxConnections(int max) { m_maxConnections = max; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (m_connections->fetch_add(1) >= m_maxConnections) {
            m_connections->fetch_sub(1);
            ::close(static_cast<int>(descriptor));
            return;
        }
        HttpWorker *w = m_workers[m_next++ % m_workers.size()];
        QMetaObject::invokeMethod(w, [w, descriptor] { w->adopt(descriptor); }, Qt::QueuedConnection);
    }

private:
    QList<HttpWorker *> m_workers;
    std::shared_ptr<std::atomic<int>> m_connections;
    int m_maxConnections;
    quint64 m_next = 0;
};

HttpFrontend::HttpFrontend(const ServerLimits &limits, int workerCount, RequestHandlerFactory factory, QObject *parent)
    : QObject(parent), m_limits(limits), m_factory(std::move(factory)),
      m_connections(std::make_shared<std::atomic<int>>(0))
{
    workerCount = qMax(1, workerCount);
    for (int i = 0; i < workerCount; ++i) {
        auto *thread = new QThread(this);
        thread->setObjectName(QStringLiteral("llmproxy-worker-%1").arg(i));
        auto *worker = new HttpWorker(m_factory, m_limits, m_connections);
        worker->moveToThread(thread);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        connect(worker, &HttpWorker::drained, this, &HttpFrontend::workerDrained);
        m_threads.append(thread);
        m_workers.append(worker);
        thread->start();
    }
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] {
        for (HttpWorker *w : std::as_const(m_workers))
            QMetaObject::invokeMethod(w, &HttpWorker::terminateAll, Qt::QueuedConnection);
    });
}

HttpFrontend::~HttpFrontend()
{
    if (m_acceptThread) {
        m_acceptThread->quit();
        m_acceptThread->wait();
    }
    for (QThread *t : std::as_const(m_threads)) {
        t->quit();
        t->wait();
    }
}

int HttpFrontend::workerCount() const
{
    return int(m_workers.size());
}

static int openListenSocket(const QHostAddress &address, quint16 port, QString *errorMessage, quint16 *boundPort)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    if (v6) {
        auto *sa = reinterpret_cast<sockaddr_in6 *>(&storage);
        sa->sin6_family = AF_INET6;
        sa->sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(&sa->sin6_addr, &a, sizeof a);
        length = sizeof(sockaddr_in6);
    } else {
        auto *sa = reinterpret_cast<sockaddr_in *>(&storage);
        sa->sin_family = AF_INET;
        sa->sin_port = htons(port);
        sa->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *errorMessage = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0 || ::listen(fd, 1024) != 0) {
        *errorMessage = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return -1;
    }
    sockaddr_storage bound{};
    socklen_t boundLength = sizeof bound;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &boundLength);
    *boundPort = v6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port)
                    : ntohs(reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
    return fd;
}

bool HttpFrontend::listen(const QHostAddress &address, quint16 port, QString *errorMessage)
{
    QString reason;
    quint16 bound = 0;
    const int fd = openListenSocket(address, port, &reason, &bound);
    if (fd < 0) {
        *errorMessage = QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(reason);
        return false;
    }
    m_address = address;
    m_port = bound;
    m_acceptThread = new QThread(this);
    m_acceptThread->setObjectName(QStringLiteral("llmproxy-accept"));
    m_acceptor = new HttpAcceptor(m_workers, m_connections, m_limits.maxConnections);
    m_acceptor->moveToThread(m_acceptThread);
    connect(m_acceptThread, &QThread::finished, m_acceptor, &QObject::deleteLater);
    m_acceptThread->start();
    QMetaObject::invokeMethod(
        m_acceptor, [acceptor = m_acceptor, fd] { acceptor->setSocketDescriptor(fd); }, Qt::QueuedConnection);
    return true;
}

void HttpFrontend::setLimits(const ServerLimits &limits)
{
    m_limits = limits;
    for (HttpWorker *w : std::as_const(m_workers))
        QMetaObject::invokeMethod(w, [w, limits] { w->setLimits(limits); }, Qt::QueuedConnection);
    if (m_acceptor) {
        HttpAcceptor *a = m_acceptor;
        const int max = limits.maxConnections;
        QMetaObject::invokeMethod(a, [a, max] { a->setMaxConnections(max); }, Qt::QueuedConnection);
    }
}

void HttpFrontend::beginDrain(int graceMs)
{
    if (m_draining)
        return;
    m_draining = true;
    if (m_acceptor) {
        HttpAcceptor *a = m_acceptor;
        QMetaObject::invokeMethod(a, [a] { a->close(); }, Qt::QueuedConnection);
    }
    for (HttpWorker *w : std::as_const(m_workers))
        QMetaObject::invokeMethod(w, &HttpWorker::beginDrain, Qt::QueuedConnection);
    m_graceTimer.start(qMax(0, graceMs));
}

void HttpFrontend::terminateNow()
{
    if (m_draining && m_graceTimer.isActive())
        m_graceTimer.start(0);
}

void HttpFrontend::workerDrained()
{
    if (++m_drainedWorkers == m_workers.size()) {
        m_graceTimer.stop();
        emit drained();
    }
}

} // namespace llmproxy

#include "httpfrontend.moc"
