// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <QTcpServer>

#include <deque>
#include <optional>
#include <vector>

class QJsonObject;
class QTcpSocket;

namespace llmproxy::test {

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

/// One scripted SSE event: its `data:` payload, preceded by an `event:` line when `name` is set.
struct ScriptedEvent
{
    std::optional<QByteArray> name;
    QByteArray data;
};

/// One scripted reply, consumed by the next inference request (see tests/support/README.md).
struct MockBehaviour
{
    int status = 0; ///< 0: generated reply with 200
    std::optional<QByteArray> body;
    std::optional<QString> content;
    std::optional<QList<ScriptedEvent>> events;
    std::optional<QList<QByteArray>> lines; ///< NDJSON lines, each sent as its own chunk
    RawHeaders headers;
    int delayMs = 0;
    int chunkDelayMs = 0;
    int splitBytes = 0;
    int splitDelayMs = 0;
    qint64 disconnectAfterBytes = -1;
    int chunked = -1; ///< -1: default framing, 0: Content-Length or close-delimited, 1: chunked
    bool stall = false;
    bool noResponse = false;

    static std::optional<MockBehaviour> fromJson(const QJsonObject &object, QString *error);
};

/// The inference routes: each consumes scripted behaviours and answers in its provider's shapes
/// (reply, stream framing and error body).
enum class InferenceRoute {
    OpenAiChat,
    OpenAiCompletions,
    OpenAiEmbeddings,
    OpenAiResponses,
    AnthropicMessages,
    GeminiGenerate,
    GeminiStream,
    OllamaChat,
};

/// A request as it arrived on the wire, kept for GET /__mock/requests.
struct CapturedRequest
{
    QByteArray method;
    QByteArray path;
    QByteArray query;
    QByteArray version;
    RawHeaders headers;
    QByteArray body;
};

/// A response broken into timed steps, so delays, splits and cuts can be replayed exactly.
struct ResponsePlan
{
    enum class Kind { Write, Close, Stall, Finish };
    struct Step
    {
        int delayMs = 0;
        Kind kind = Kind::Write;
        QByteArray bytes;
        bool close = false; ///< for Finish: close the connection afterwards
    };
    std::vector<Step> steps;
};

class MockServer;

/// One accepted connection: a small HTTP/1.1 request parser (Content-Length and chunked bodies,
/// Expect: 100-continue, keep-alive, pipelining) plus a writer that replays ResponsePlans.
/// Requests on one connection are answered strictly in order; parsing resumes when a reply ends.
class MockConnection : public QObject
{
    Q_OBJECT
public:
    MockConnection(QTcpSocket *socket, MockServer *server);

    /// Writes a complete response in one go and finishes the exchange.
    void sendWhole(const QByteArray &wire, bool close);
    /// Replays a plan step by step; the exchange finishes at a Finish step.
    void sendPlan(ResponsePlan plan);
    /// Leaves the current request unanswered until the peer goes away.
    void holdForever();

private:
    void onReadyRead();
    void onDisconnected();
    void processBuffer();
    bool parseHead();
    bool readBody();
    void failAndClose(int status, const char *message);
    void finishExchange(bool close);
    void pump();

    enum class ParseState { Head, FixedBody, ChunkSize, ChunkData, ChunkTrailer };

    QTcpSocket *m_socket;
    MockServer *m_server;
    QByteArray m_in;
    ParseState m_parseState = ParseState::Head;
    CapturedRequest m_request;
    qint64 m_bodyRemaining = 0;
    bool m_wantsClose = false;
    bool m_busy = false;      // a complete request is being answered
    bool m_inProcess = false; // guards against recursion when replies finish synchronously
    bool m_closingByUs = false;
    bool m_gone = false;
    ResponsePlan m_plan;
    std::size_t m_step = 0;
    bool m_stepDelayDone = false;
};

/// The mock upstream: one QTcpServer on one thread, OpenAI, Anthropic, Gemini and Ollama routes plus the
/// /__mock/ control API.
class MockServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QStringList models;
        bool verbose = false;
        int captureLimit = 1000;
    };

    explicit MockServer(Options options, QObject *parent = nullptr);

    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    QString errorString() const;

    // Called by connections.
    void dispatch(MockConnection *connection, CapturedRequest &&request, bool close);
    void connectionOpened();
    void connectionClosed(bool abortedByPeer);

private:
    void onNewConnection();
    void handleControl(MockConnection *connection, const CapturedRequest &request, bool close);
    void handleInference(MockConnection *connection, const CapturedRequest &request, InferenceRoute route, bool close);
    void handleModels(MockConnection *connection, const CapturedRequest &request, bool close);
    void handleGemini(MockConnection *connection, const CapturedRequest &request, bool close);
    void handleOllama(MockConnection *connection, const CapturedRequest &request, bool close);

    QByteArray renderHead(int status, const QByteArray &contentType, qint64 contentLength, bool chunked, bool close,
                          const RawHeaders &extra) const;
    QByteArray requestsJson() const;
    QByteArray statsJson() const;
    void reply(MockConnection *connection, int status, const QByteArray &body, bool close,
               const QByteArray &contentType = QByteArrayLiteral("application/json"));

    Options m_options;
    QTcpServer m_server;
    std::deque<MockBehaviour> m_script;
    std::deque<CapturedRequest> m_captures;
    quint64 m_requests = 0;
    quint64 m_inferenceRequests = 0;
    quint64 m_connectionsTotal = 0;
    quint64 m_clientAborted = 0;
    qint64 m_connectionsOpen = 0;
};

} // namespace llmproxy::test
