// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace llmproxy {

/// Splits a text/event-stream body into events as its bytes arrive, in pieces cut anywhere (inside
/// a line, a field name or a UTF-8 character). Follows the parts of the SSE rules a chat stream
/// uses: `data:` lines of one event joined with "\n", the `event:` name, comments and other fields
/// ignored, LF, CRLF or CR line ends. Value type.
class EventStreamReader
{
public:
    struct Event
    {
        QByteArray name; ///< the `event:` field; empty for plain `data:` events
        QByteArray data;
    };

    /// Adds `bytes` and returns the events they complete, oldest first.
    QList<Event> feed(QByteArrayView bytes);

private:
    void takeLine(QByteArrayView line, QList<Event> *events);

    QByteArray m_pending; ///< the start of a line whose end has not arrived
    QByteArray m_name;
    QByteArray m_data;
    bool m_hasData = false;
};

/// One streamed chat completion through the gateway: POST `<base>/v1/chat/completions` with the
/// given body (which should ask for `stream` and `stream_options.include_usage`), read while it
/// arrives. Never blocks: the text comes through textArrived, the end through finished(), once,
/// whatever happened (answer complete, HTTP error, error event, network failure, abort). GUI
/// thread; the network manager must outlive the stream.
class ChatStream : public QObject
{
    Q_OBJECT
public:
    enum class End {
        Running,      ///< not finished yet
        Completed,    ///< `data: [DONE]` arrived
        Stopped,      ///< abort() hung up
        HttpError,    ///< the gateway answered with an error status (OpenAI error JSON)
        StreamError,  ///< an error event arrived in the stream
        NetworkError, ///< the gateway could not be reached, or the connection broke
        Truncated,    ///< the stream ended without `[DONE]`
    };

    /// What the gateway said about the request: its response headers, the usage chunk, errors.
    struct Outcome
    {
        End end = End::Running;
        int httpStatus = 0;
        QString requestId;      ///< X-LLMProxy-Request-Id
        QString provider;       ///< X-LLMProxy-Provider: preset of the endpoint that served it
        QString endpoint;       ///< X-LLMProxy-Endpoint: its id
        QString blockedBy;      ///< X-LLMProxy-Blocked-By: the pipeline stage that refused it
        int attempts = 0;       ///< X-LLMProxy-Attempts; 0 when not sent
        double overheadMs = -1; ///< X-LLMProxy-Overhead-Ms, as of the response head; -1 when not sent
        QString model;          ///< the model named in the chunks
        QString finishReason;   ///< of the first choice
        int promptTokens = -1;  ///< from the usage chunk; -1 = not reported
        int completionTokens = -1;
        QString errorMessage;     ///< the gateway's message, or the network error
        QString errorCode;        ///< the error JSON's `code` (else its `type`)
        qint64 firstTokenMs = -1; ///< start → first piece of answer text
        qint64 totalMs = 0;       ///< start → end
    };

    explicit ChatStream(QNetworkAccessManager *network, QObject *parent = nullptr);
    /// Hangs up a request still running (finished() is not emitted then).
    ~ChatStream() override;

    /// Starts the request; `key`, when not empty, goes as `Authorization: Bearer`. Once per object.
    void start(const QUrl &url, const QString &key, const QJsonObject &body);
    /// Hangs up: the gateway cancels the upstream request; finished() follows with End::Stopped.
    void abort();
    bool isRunning() const;
    const Outcome &outcome() const;

signals:
    /// The next piece of the answer.
    void textArrived(const QString &text);
    void finished();

private:
    void readHeaders();
    void readBody();
    void handleEvent(const EventStreamReader::Event &event);
    void handleChunk(const QJsonObject &chunk);
    /// Takes message and code from an OpenAI error object ({"message","type","code"}).
    void takeError(const QJsonObject &error);
    void finish();

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply; ///< owned by the network manager, which may go first
    EventStreamReader m_decoder;
    QByteArray m_errorBody; ///< the body of an error answer, parsed at the end
    QElapsedTimer m_clock;
    Outcome m_outcome;
    bool m_aborted = false;
};

} // namespace llmproxy
