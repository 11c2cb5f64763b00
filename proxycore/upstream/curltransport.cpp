// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/upstream/curltransport.h"

#include "proxycore/upstream/curlglobal.h"

#include <QBasicTimer>
#include <QHash>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <curl/curl.h>

#include <chrono>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

namespace llmproxy {

namespace {

qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

long clampToLong(qint64 value)
{
    return static_cast<long>(qBound<qint64>(0, value, qint64(std::numeric_limits<int>::max())));
}

bool isValidHeaderName(QByteArrayView name)
{
    // RFC 9110 token characters only; anything else could smuggle a second header or a request.
    constexpr std::string_view separators = "()<>@,;:\\\"/[]?={}";
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || separators.find(c) != std::string_view::npos)
            return false;
    }
    return true;
}

bool isValidHeaderValue(QByteArrayView value)
{
    for (const char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

} // namespace

class CurlTransportPrivate;

/// One transfer. Shared between the transport (while curl owns the easy handle) and the caller's
/// CurlCall, so that neither side can leave the other with a dangling pointer.
struct CurlTransfer : std::enable_shared_from_this<CurlTransfer>
{
    enum class Phase { Connecting, AwaitingResponse, Receiving };

    CurlTransportPrivate *owner = nullptr; ///< null once released from the transport
    CURL *easy = nullptr;
    curl_slist *requestHeaders = nullptr;
    QByteArray url;
    QByteArray method;
    QByteArray body; ///< curl reads POSTFIELDS from here without copying; must outlive the easy handle
    UpstreamCallbacks callbacks;
    UpstreamTimeouts timeouts;

    Phase phase = Phase::Connecting;
    bool inMulti = false;
    bool cancelled = false;
    bool finished = false;
    bool paused = false;     ///< what the caller asked for
    bool curlPaused = false; ///< curl holds the receive side paused and must be told to continue
    bool requestSent = false;
    bool connected = false;
    bool headersDelivered = false;
    int invoking = 0; ///< >0 while one of this transfer's callbacks runs
    int status = 0;
    HeaderList headers;
    qint64 awaitingSinceMs = 0;
    qint64 lastActivityMs = 0;
    QBasicTimer deadline;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    bool callbacksAllowed() const { return !cancelled && !finished; }
};

namespace {

/// Read and write notifiers for one socket curl asked us to watch.
class CurlSocketWatch final : public QObject
{
public:
    CurlSocketWatch(curl_socket_t fd, QObject *parent)
        : QObject(parent), m_read(QSocketNotifier::Read, this), m_write(QSocketNotifier::Write, this)
    {
        m_read.setSocket(fd);
        m_write.setSocket(fd);
    }

    QSocketNotifier &readNotifier() { return m_read; }
    QSocketNotifier &writeNotifier() { return m_write; }

    void watch(int what)
    {
        m_read.setEnabled(what == CURL_POLL_IN || what == CURL_POLL_INOUT);
        m_write.setEnabled(what == CURL_POLL_OUT || what == CURL_POLL_INOUT);
    }

private:
    QSocketNotifier m_read;
    QSocketNotifier m_write;
};

} // namespace

class CurlTransportPrivate final : public QObject
{
public:
    CurlTransportPrivate(const CurlTransportOptions &options, QObject *parent);
    ~CurlTransportPrivate() override;

    std::unique_ptr<UpstreamCall> start(UpstreamRequest request, UpstreamCallbacks callbacks);
    void cancel(CurlTransfer &t);
    void setPaused(CurlTransfer &t, bool paused);

    int active = 0;

    // curl callbacks (static trampolines below forward here)
    int socketCallback(curl_socket_t fd, int what, void *socketp);
    void timerCallback(long timeoutMs);
    size_t headerCallback(CurlTransfer &t, QByteArrayView data);
    size_t writeCallback(CurlTransfer &t, const char *data, size_t len);
    void requestStarting(CurlTransfer &t);
    void uploadProgress(CurlTransfer &t, curl_off_t total, curl_off_t now);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    bool configure(CurlTransfer &t, const UpstreamRequest &request);
    void addToMulti(const std::shared_ptr<CurlTransfer> &t);
    void release(CurlTransfer &t);
    void finish(CurlTransfer &t, const UpstreamError &error);
    void failLater(const std::shared_ptr<CurlTransfer> &t, UpstreamError error);
    bool deliverHeaders(CurlTransfer &t);
    void noteReceived(CurlTransfer &t);
    void armDeadline(CurlTransfer &t, qint64 ms);
    void checkDeadline(CurlTransfer &t);
    void applyPause(CurlTransfer &t);
    void socketAction(curl_socket_t fd, int events);
    void processPending();
    void drainMessages();
    void runDeferred();
    UpstreamError errorFor(const CurlTransfer &t, CURLcode code) const;
    CURL *takeEasy();
    void recycleEasy(CURL *easy);

    CurlTransportOptions m_options;
    /// Easy handles of finished transfers, reset and ready for the next one: creating a handle per
    /// request costs more than the whole HTTP parse.
    std::vector<CURL *> m_idleEasy;
    QByteArray m_proxy;
    CURLM *m_multi = nullptr;
    QBasicTimer m_curlTimer;
    QBasicTimer m_deferredTimer;
    int m_curlDepth = 0; ///< >0 while inside a curl API call that may invoke callbacks
    QHash<CURL *, std::shared_ptr<CurlTransfer>> m_transfers;
    /// Socket watches by descriptor number, kept (disabled) while curl does not need them.
    QHash<curl_socket_t, CurlSocketWatch *> m_watches;
    QHash<int, CurlTransfer *> m_deadlines; ///< QBasicTimer id → transfer
    // Work that must not happen inside a curl call (curl refuses add/remove from its callbacks and
    // would re-enter our callbacks on resume), done right after the call returns.
    std::vector<std::shared_ptr<CurlTransfer>> m_pendingAdds;
    std::vector<std::shared_ptr<CurlTransfer>> m_pendingRemovals;
    std::vector<std::shared_ptr<CurlTransfer>> m_pendingPauses;
    // Work deferred to the next event-loop turn so that no callback runs inside start()/setPaused().
    std::vector<std::shared_ptr<CurlTransfer>> m_pendingResumes;
    std::vector<std::pair<std::shared_ptr<CurlTransfer>, UpstreamError>> m_pendingFailures;
};

namespace {

int curlSocketTrampoline(CURL *, curl_socket_t fd, int what, void *userp, void *socketp)
{
    return static_cast<CurlTransportPrivate *>(userp)->socketCallback(fd, what, socketp);
}

int curlTimerTrampoline(CURLM *, long timeoutMs, void *userp)
{
    static_cast<CurlTransportPrivate *>(userp)->timerCallback(timeoutMs);
    return 0;
}

size_t curlHeaderTrampoline(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *t = static_cast<CurlTransfer *>(userdata);
    const size_t len = size * count;
    if (!t->owner || !t->callbacksAllowed())
        return CURL_WRITEFUNC_ERROR;
    return t->owner->headerCallback(*t, QByteArrayView(buffer, static_cast<qsizetype>(len)));
}

size_t curlWriteTrampoline(char *data, size_t size, size_t count, void *userdata)
{
    auto *t = static_cast<CurlTransfer *>(userdata);
    const size_t len = size * count;
    if (!t->owner || !t->callbacksAllowed())
        return CURL_WRITEFUNC_ERROR;
    return t->owner->writeCallback(*t, data, len);
}

int curlPrereqTrampoline(void *clientp, char *, char *, int, int)
{
    auto *t = static_cast<CurlTransfer *>(clientp);
    if (t->owner)
        t->owner->requestStarting(*t);
    return CURL_PREREQFUNC_OK;
}

int curlProgressTrampoline(void *clientp, curl_off_t, curl_off_t, curl_off_t ultotal, curl_off_t ulnow)
{
    auto *t = static_cast<CurlTransfer *>(clientp);
    if (t->owner && !t->requestSent)
        t->owner->uploadProgress(*t, ultotal, ulnow);
    return 0;
}

/// The handle given to callers. Destroying it cancels the transfer.
class CurlCall final : public UpstreamCall
{
public:
    explicit CurlCall(std::shared_ptr<CurlTransfer> transfer) : m_transfer(std::move(transfer)) {}
    ~CurlCall() override { cancel(); }

    void cancel() override
    {
        if (m_transfer->owner)
            m_transfer->owner->cancel(*m_transfer);
    }

    void setPaused(bool paused) override
    {
        if (m_transfer->owner)
            m_transfer->owner->setPaused(*m_transfer, paused);
    }

private:
    std::shared_ptr<CurlTransfer> m_transfer;
};

} // namespace

CurlTransportPrivate::CurlTransportPrivate(const CurlTransportOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_proxy(options.proxy.toUtf8())
{
    initCurlGlobal();
    m_multi = curl_multi_init();
    if (!m_multi)
        qFatal("curl_multi_init failed");
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, curlSocketTrampoline);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, curlTimerTrampoline);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
    // 0 means unlimited for curl as for us: no hidden per-host cap like QNAM's six.
    curl_multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, long(qMax(0, options.maxConnectionsPerHost)));
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, long(qMax(0, options.maxIdleConnections)));
}

CurlTransportPrivate::~CurlTransportPrivate()
{
    // Collect every transfer we still know about, then release them without any callback.
    std::vector<std::shared_ptr<CurlTransfer>> all;
    all.reserve(size_t(m_transfers.size()));
    for (const auto &t : std::as_const(m_transfers))
        all.push_back(t);
    for (const auto &t : m_pendingAdds)
        all.push_back(t);
    for (const auto &f : m_pendingFailures)
        all.push_back(f.first);
    m_pendingAdds.clear();
    m_pendingRemovals.clear();
    m_pendingPauses.clear();
    m_pendingResumes.clear();
    m_pendingFailures.clear();
    for (const auto &t : all) {
        t->cancelled = true;
        release(*t);
    }
    active = 0;
    for (CURL *e : m_idleEasy)
        curl_easy_cleanup(e);
    m_idleEasy.clear();
    // May call socketCallback(REMOVE) for pooled connections; the watches are still our children.
    curl_multi_cleanup(m_multi);
    m_multi = nullptr;
    m_curlTimer.stop();
    m_deferredTimer.stop();
}

std::unique_ptr<UpstreamCall> CurlTransportPrivate::start(UpstreamRequest request, UpstreamCallbacks callbacks)
{
    auto t = std::make_shared<CurlTransfer>();
    t->owner = this;
    t->callbacks = std::move(callbacks);
    t->timeouts = request.timeouts;
    t->url = request.url.toEncoded();
    t->method = request.method.isEmpty() ? QByteArrayLiteral("GET") : request.method;
    t->body = std::move(request.body);
    ++active;

    t->easy = takeEasy();
    if (!t->easy) {
        failLater(t, {UpstreamErrorKind::Protocol, QStringLiteral("could not allocate a transfer")});
    } else if (!configure(*t, request)) {
        recycleEasy(t->easy);
        t->easy = nullptr;
        failLater(t, {UpstreamErrorKind::Protocol, QStringLiteral("could not set up the upstream request")});
    } else {
        m_transfers.insert(t->easy, t);
        if (m_curlDepth > 0)
            m_pendingAdds.push_back(t); // started from inside a callback: curl refuses adds there
        else
            addToMulti(t);
    }
    return std::make_unique<CurlCall>(t);
}

CURL *CurlTransportPrivate::takeEasy()
{
    if (m_idleEasy.empty())
        return curl_easy_init();
    CURL *e = m_idleEasy.back();
    m_idleEasy.pop_back();
    return e;
}

void CurlTransportPrivate::recycleEasy(CURL *easy)
{
    constexpr size_t MaxIdleHandles = 64;
    if (m_idleEasy.size() >= MaxIdleHandles) {
        curl_easy_cleanup(easy);
        return;
    }
    curl_easy_reset(easy); // back to defaults: no option of the last request leaks into the next
    m_idleEasy.push_back(easy);
}

bool CurlTransportPrivate::configure(CurlTransfer &t, const UpstreamRequest &request)
{
    CURL *e = t.easy;
    const bool https = request.url.scheme().compare(u"https", Qt::CaseInsensitive) == 0;
    bool ok = true;
    const auto set = [&](CURLoption option, auto value) { ok = ok && curl_easy_setopt(e, option, value) == CURLE_OK; };

    set(CURLOPT_PRIVATE, static_cast<void *>(&t));
    set(CURLOPT_URL, t.url.constData());
    set(CURLOPT_PROTOCOLS_STR, "http,https");
    set(CURLOPT_NOSIGNAL, 1L);
    set(CURLOPT_TCP_NODELAY, 1L);
    set(CURLOPT_TCP_KEEPALIVE, 1L);
    set(CURLOPT_FOLLOWLOCATION, 0L);
    // An empty proxy string is the only way to make curl ignore http_proxy/https_proxy.
    set(CURLOPT_PROXY, m_proxy.constData());
    set(CURLOPT_NOPROXY, "");
    set(CURLOPT_SSL_VERIFYPEER, 1L);
    set(CURLOPT_SSL_VERIFYHOST, 2L);
    set(CURLOPT_HTTP_CONTENT_DECODING, 0L);
    set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
    set(CURLOPT_ERRORBUFFER, t.errorBuffer);
    if (https && m_options.http2) {
        set(CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
        // Wait for the first connection's ALPN verdict instead of opening one connection per
        // concurrent request, so that h2 multiplexes. Only meaningful with TLS: on cleartext the
        // verdict would come with the first response, serialising everything behind it.
        set(CURLOPT_PIPEWAIT, 1L);
    } else {
        set(CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));
    }
    if (t.timeouts.connectMs > 0)
        set(CURLOPT_CONNECTTIMEOUT_MS, clampToLong(t.timeouts.connectMs));
    if (t.timeouts.totalMs > 0)
        set(CURLOPT_TIMEOUT_MS, clampToLong(t.timeouts.totalMs));

    set(CURLOPT_HEADERFUNCTION, curlHeaderTrampoline);
    set(CURLOPT_HEADERDATA, static_cast<void *>(&t));
    set(CURLOPT_WRITEFUNCTION, curlWriteTrampoline);
    set(CURLOPT_WRITEDATA, static_cast<void *>(&t));
    set(CURLOPT_PREREQFUNCTION, curlPrereqTrampoline);
    set(CURLOPT_PREREQDATA, static_cast<void *>(&t));

    if (t.method == "GET" && t.body.isEmpty()) {
        set(CURLOPT_HTTPGET, 1L);
    } else if (t.method == "HEAD") {
        set(CURLOPT_NOBODY, 1L);
    } else {
        if (t.method == "POST" || !t.body.isEmpty()) {
            set(CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(t.body.size()));
            set(CURLOPT_POSTFIELDS, t.body.constData());
        }
        if (t.method != "POST")
            set(CURLOPT_CUSTOMREQUEST, t.method.constData());
    }
    if (!t.body.isEmpty()) {
        // Only to learn when the body has gone out, which starts the first-byte clock.
        set(CURLOPT_XFERINFOFUNCTION, curlProgressTrampoline);
        set(CURLOPT_XFERINFODATA, static_cast<void *>(&t));
        set(CURLOPT_NOPROGRESS, 0L);
    }

    // Exactly the caller's headers. curl would otherwise add "Accept: */*", a form Content-Type
    // for POST bodies and "Expect: 100-continue" for large ones; an empty "Name:" suppresses each.
    bool hasAccept = false;
    bool hasContentType = false;
    bool hasExpect = false;
    curl_slist *list = nullptr;
    const auto append = [&](const QByteArray &line) {
        curl_slist *next = curl_slist_append(list, line.constData());
        if (!next) {
            ok = false;
            return;
        }
        list = next;
    };
    for (const auto &[name, value] : request.headers) {
        if (!isValidHeaderName(name) || !isValidHeaderValue(value))
            continue;
        const QByteArray lower = name.toLower();
        // Framing is curl's job: a stale length from the client would corrupt the request.
        if (lower == "content-length" || lower == "transfer-encoding")
            continue;
        hasAccept = hasAccept || lower == "accept";
        hasContentType = hasContentType || lower == "content-type";
        hasExpect = hasExpect || lower == "expect";
        // curl drops "Name:" but sends "Name;" as a header with an empty value.
        const QByteArray trimmed = value.trimmed();
        append(trimmed.isEmpty() ? QByteArray(name + ';') : QByteArray(name + ": " + trimmed));
    }
    if (!hasAccept)
        append(QByteArrayLiteral("Accept:"));
    if (!hasContentType)
        append(QByteArrayLiteral("Content-Type:"));
    if (!hasExpect)
        append(QByteArrayLiteral("Expect:"));
    t.requestHeaders = list;
    set(CURLOPT_HTTPHEADER, list);
    return ok;
}

void CurlTransportPrivate::addToMulti(const std::shared_ptr<CurlTransfer> &t)
{
    const CURLMcode rc = curl_multi_add_handle(m_multi, t->easy);
    if (rc != CURLM_OK) {
        m_transfers.remove(t->easy);
        recycleEasy(t->easy);
        t->easy = nullptr;
        failLater(t, {UpstreamErrorKind::Protocol,
                      QStringLiteral("could not start the transfer: %1").arg(QLatin1String(curl_multi_strerror(rc)))});
        return;
    }
    t->inMulti = true;
}

void CurlTransportPrivate::failLater(const std::shared_ptr<CurlTransfer> &t, UpstreamError error)
{
    m_pendingFailures.emplace_back(t, std::move(error));
    m_deferredTimer.start(0, this);
}

void CurlTransportPrivate::release(CurlTransfer &t)
{
    Q_ASSERT(m_curlDepth == 0);
    const auto keep = t.shared_from_this(); // m_transfers may hold the last other reference
    if (t.deadline.isActive()) {
        m_deadlines.remove(t.deadline.timerId());
        t.deadline.stop();
    }
    if (t.easy) {
        if (t.inMulti) {
            // Removing an unfinished transfer makes curl close its connection; a finished one
            // goes back to the keep-alive pool.
            curl_multi_remove_handle(m_multi, t.easy);
            t.inMulti = false;
        }
        m_transfers.remove(t.easy);
        recycleEasy(t.easy);
        t.easy = nullptr;
    }
    curl_slist_free_all(t.requestHeaders);
    t.requestHeaders = nullptr;
    t.owner = nullptr;
    if (t.invoking == 0)
        t.callbacks = {}; // drop captured state now rather than when the caller's handle goes
}

void CurlTransportPrivate::cancel(CurlTransfer &t)
{
    if (!t.callbacksAllowed())
        return;
    t.cancelled = true;
    --active;
    if (m_curlDepth > 0) {
        // Inside a curl callback (typically the caller dropping its handle in onData): the write
        // callback returns an error so curl stops at once, and the handle is removed afterwards.
        m_pendingRemovals.push_back(t.shared_from_this());
    } else {
        release(t);
    }
}

void CurlTransportPrivate::setPaused(CurlTransfer &t, bool paused)
{
    if (!t.callbacksAllowed() || t.paused == paused)
        return;
    t.paused = paused;
    if (paused) {
        if (m_curlDepth == 0 && t.inMulti)
            applyPause(t);
        else
            m_pendingPauses.push_back(t.shared_from_this()); // the write callback pauses in the meantime
        return;
    }
    t.lastActivityMs = nowMs(); // the idle clock only runs while we want data
    if (t.curlPaused) {
        // Resuming makes curl deliver buffered data synchronously: do it from the event loop so
        // that onData never runs inside setPaused().
        m_pendingResumes.push_back(t.shared_from_this());
        m_deferredTimer.start(0, this);
    }
}

void CurlTransportPrivate::applyPause(CurlTransfer &t)
{
    ++m_curlDepth;
    curl_easy_pause(t.easy, CURLPAUSE_RECV);
    --m_curlDepth;
    t.curlPaused = true;
}

int CurlTransportPrivate::socketCallback(curl_socket_t fd, int what, void *socketp)
{
    auto *watch = static_cast<CurlSocketWatch *>(socketp);
    if (what == CURL_POLL_REMOVE) {
        // curl says REMOVE whenever a kept-alive connection goes back to its pool, and asks again
        // for the same descriptor with the next request. The watch is only disabled and kept for
        // that descriptor number: creating notifiers per request costs more than the request.
        if (watch)
            watch->watch(CURL_POLL_NONE);
        return 0;
    }
    if (!watch) {
        watch = m_watches.value(fd);
        if (!watch) {
            watch = new CurlSocketWatch(fd, this);
            connect(&watch->readNotifier(), &QSocketNotifier::activated, this,
                    [this, fd] { socketAction(fd, CURL_CSELECT_IN); });
            connect(&watch->writeNotifier(), &QSocketNotifier::activated, this,
                    [this, fd] { socketAction(fd, CURL_CSELECT_OUT); });
            m_watches.insert(fd, watch);
        }
        curl_multi_assign(m_multi, fd, watch);
    }
    watch->watch(what);
    return 0;
}

void CurlTransportPrivate::timerCallback(long timeoutMs)
{
    if (timeoutMs < 0)
        m_curlTimer.stop();
    else
        m_curlTimer.start(int(qMin<long>(timeoutMs, std::numeric_limits<int>::max())), Qt::PreciseTimer, this);
}

void CurlTransportPrivate::timerEvent(QTimerEvent *event)
{
    const int id = event->timerId();
    if (id == m_curlTimer.timerId()) {
        m_curlTimer.stop();
        socketAction(CURL_SOCKET_TIMEOUT, 0);
    } else if (id == m_deferredTimer.timerId()) {
        m_deferredTimer.stop();
        runDeferred();
    } else if (CurlTransfer *t = m_deadlines.value(id)) {
        checkDeadline(*t);
    } else {
        QObject::timerEvent(event);
    }
}

void CurlTransportPrivate::socketAction(curl_socket_t fd, int events)
{
    if (m_curlDepth > 0)
        return; // a nested event loop inside a callback; curl would refuse the recursion anyway
    int running = 0;
    ++m_curlDepth;
    curl_multi_socket_action(m_multi, fd, events, &running);
    --m_curlDepth;
    processPending();
}

void CurlTransportPrivate::processPending()
{
    for (const auto &t : std::exchange(m_pendingRemovals, {}))
        release(*t);
    for (const auto &t : std::exchange(m_pendingAdds, {})) {
        if (!t->cancelled && t->easy && !t->inMulti)
            addToMulti(t);
    }
    for (const auto &t : std::exchange(m_pendingPauses, {})) {
        if (t->paused && t->inMulti && t->callbacksAllowed())
            applyPause(*t);
    }
    drainMessages();
}

void CurlTransportPrivate::drainMessages()
{
    // Collect first: finishing runs user code, which may start, cancel or finish other transfers.
    std::vector<std::pair<std::shared_ptr<CurlTransfer>, CURLcode>> done;
    int left = 0;
    while (CURLMsg *msg = curl_multi_info_read(m_multi, &left)) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        if (auto t = m_transfers.value(msg->easy_handle))
            done.emplace_back(std::move(t), msg->data.result);
    }
    for (const auto &[t, code] : done) {
        if (t->cancelled) {
            release(*t);
            continue;
        }
        if (t->finished || !t->easy)
            continue;
        UpstreamError error = errorFor(*t, code);
        if (error.ok() && !t->headersDelivered) {
            if (t->status >= 200 && !deliverHeaders(*t))
                continue; // the caller cancelled in onHeaders
            if (!t->headersDelivered)
                error = {UpstreamErrorKind::Protocol, QStringLiteral("upstream response had no status line")};
        }
        finish(*t, error);
    }
}

void CurlTransportPrivate::runDeferred()
{
    for (const auto &[t, error] : std::exchange(m_pendingFailures, {}))
        finish(*t, error);
    for (const auto &t : std::exchange(m_pendingResumes, {})) {
        if (t->paused || !t->curlPaused || !t->inMulti || !t->callbacksAllowed())
            continue;
        t->curlPaused = false;
        t->lastActivityMs = nowMs();
        ++m_curlDepth;
        curl_easy_pause(t->easy, CURLPAUSE_CONT);
        --m_curlDepth;
    }
    processPending();
}

void CurlTransportPrivate::finish(CurlTransfer &t, const UpstreamError &error)
{
    if (!t.callbacksAllowed())
        return;
    const auto keep = t.shared_from_this();
    t.finished = true;
    --active;
    UpstreamCallbacks callbacks = std::move(t.callbacks);
    t.callbacks = {};
    release(t);
    if (callbacks.onFinished)
        callbacks.onFinished(error);
}

bool CurlTransportPrivate::deliverHeaders(CurlTransfer &t)
{
    t.headersDelivered = true;
    if (t.callbacks.onHeaders) {
        ++t.invoking;
        t.callbacks.onHeaders(t.status, t.headers);
        --t.invoking;
    }
    t.headers = {}; // delivered; no need to keep a copy for the life of a long stream
    return t.callbacksAllowed();
}

void CurlTransportPrivate::requestStarting(CurlTransfer &t)
{
    // Called again if curl retries on a fresh connection after a stale pooled one failed.
    t.connected = true;
    t.phase = CurlTransfer::Phase::AwaitingResponse;
    t.requestSent = t.body.isEmpty();
    t.awaitingSinceMs = nowMs();
    if (t.timeouts.firstByteMs > 0)
        armDeadline(t, t.timeouts.firstByteMs);
}

void CurlTransportPrivate::uploadProgress(CurlTransfer &t, curl_off_t total, curl_off_t now)
{
    if (t.phase == CurlTransfer::Phase::AwaitingResponse && total > 0 && now >= total) {
        t.requestSent = true;
        t.awaitingSinceMs = nowMs(); // the deadline timer re-reads this when it fires
    }
}

void CurlTransportPrivate::noteReceived(CurlTransfer &t)
{
    t.lastActivityMs = nowMs();
    if (t.phase != CurlTransfer::Phase::Receiving) {
        t.phase = CurlTransfer::Phase::Receiving;
        if (t.timeouts.idleMs > 0) {
            armDeadline(t, t.timeouts.idleMs);
        } else if (t.deadline.isActive()) {
            m_deadlines.remove(t.deadline.timerId());
            t.deadline.stop();
        }
    }
}

void CurlTransportPrivate::armDeadline(CurlTransfer &t, qint64 ms)
{
    if (t.deadline.isActive())
        m_deadlines.remove(t.deadline.timerId());
    t.deadline.start(int(qBound<qint64>(1, ms, qint64(std::numeric_limits<int>::max()))), Qt::CoarseTimer, this);
    m_deadlines.insert(t.deadline.timerId(), &t);
}

void CurlTransportPrivate::checkDeadline(CurlTransfer &t)
{
    // The timer is only re-armed when it fires, so activity costs a timestamp, not a timer restart.
    const qint64 now = nowMs();
    qint64 limit = 0;
    qint64 since = now;
    QString what;
    if (t.phase == CurlTransfer::Phase::AwaitingResponse) {
        limit = t.timeouts.firstByteMs;
        since = t.awaitingSinceMs;
        what = QStringLiteral("first-byte timeout: no response from upstream within %1 ms").arg(limit);
    } else if (t.phase == CurlTransfer::Phase::Receiving) {
        limit = t.timeouts.idleMs;
        since = t.paused ? now : t.lastActivityMs;
        what = QStringLiteral("idle timeout: upstream sent nothing for %1 ms").arg(limit);
    }
    if (limit <= 0) {
        m_deadlines.remove(t.deadline.timerId());
        t.deadline.stop();
        return;
    }
    const qint64 remaining = since + limit - now;
    if (remaining > 0 || m_curlDepth > 0) {
        armDeadline(t, qMax<qint64>(remaining, 1));
        return;
    }
    finish(t, {UpstreamErrorKind::Timeout, what});
}

size_t CurlTransportPrivate::headerCallback(CurlTransfer &t, QByteArrayView data)
{
    noteReceived(t);
    if (t.headersDelivered)
        return size_t(data.size()); // trailers after a chunked body

    QByteArrayView line = data;
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r'))
        line.chop(1);

    if (line.startsWith("HTTP/")) {
        // A new response block: 1xx interim responses are followed by the final one.
        t.status = 0;
        t.headers.clear();
        const qsizetype space = line.indexOf(' ');
        if (space > 0 && line.size() >= space + 4) {
            bool ok = false;
            const int code = line.sliced(space + 1, 3).toInt(&ok);
            t.status = ok ? code : 0;
        }
        return size_t(data.size());
    }
    if (line.isEmpty()) {
        if (t.status >= 200) {
            if (!deliverHeaders(t))
                return CURL_WRITEFUNC_ERROR;
        } else {
            t.status = 0; // interim response (100 Continue, 103 Early Hints): wait for the final one
            t.headers.clear();
        }
        return size_t(data.size());
    }
    if ((line.front() == ' ' || line.front() == '\t') && !t.headers.isEmpty()) {
        // obsolete line folding: continuation of the previous value
        t.headers.last().second += ' ' + line.trimmed().toByteArray();
        return size_t(data.size());
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        t.headers.append(
            {line.first(colon).trimmed().toByteArray().toLower(), line.sliced(colon + 1).trimmed().toByteArray()});
    return size_t(data.size());
}

size_t CurlTransportPrivate::writeCallback(CurlTransfer &t, const char *data, size_t len)
{
    if (t.paused) {
        // curl keeps this chunk and hands it to us again after CURLPAUSE_CONT.
        t.curlPaused = true;
        return CURL_WRITEFUNC_PAUSE;
    }
    noteReceived(t);
    if (!t.headersDelivered && !deliverHeaders(t))
        return CURL_WRITEFUNC_ERROR;
    if (len > 0 && t.callbacks.onData) {
        ++t.invoking;
        t.callbacks.onData(QByteArrayView(data, qsizetype(len)));
        --t.invoking;
    }
    // Cancelled from inside onData: an error makes curl drop the connection rather than read on.
    return t.callbacksAllowed() ? len : CURL_WRITEFUNC_ERROR;
}

UpstreamError CurlTransportPrivate::errorFor(const CurlTransfer &t, CURLcode code) const
{
    if (code == CURLE_OK)
        return {};
    const QString detail =
        t.errorBuffer[0] ? QString::fromUtf8(t.errorBuffer).trimmed() : QString::fromUtf8(curl_easy_strerror(code));
    switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_USE_SSL_FAILED:
    case CURLE_PROXY:
        return {UpstreamErrorKind::ConnectFailed, detail};
    case CURLE_OPERATION_TIMEDOUT:
        return {UpstreamErrorKind::Timeout,
                (t.connected ? QStringLiteral("total timeout: ") : QStringLiteral("connect timeout: ")) + detail};
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return {UpstreamErrorKind::ConnectionLost, detail};
    default:
        return {UpstreamErrorKind::Protocol, detail};
    }
}

// d is a child so that moveToThread() carries its timers and notifiers along; the unique_ptr still
// owns it and deletes it before QObject's destructor would.
CurlTransport::CurlTransport(const CurlTransportOptions &options, QObject *parent)
    : QObject(parent), d(std::make_unique<CurlTransportPrivate>(options, this))
{
}

CurlTransport::~CurlTransport() = default;

std::unique_ptr<UpstreamCall> CurlTransport::start(UpstreamRequest request, UpstreamCallbacks callbacks)
{
    return d->start(std::move(request), std::move(callbacks));
}

int CurlTransport::activeTransfers() const
{
    return d->active;
}

} // namespace llmproxy
