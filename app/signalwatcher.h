// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QObject>

class QSocketNotifier;

namespace llmproxy {

/// Turns SIGTERM, SIGINT and SIGHUP into Qt signals in the thread that created it. The signal
/// handler only writes one byte to a socketpair (async-signal-safe); the rest happens in the event
/// loop. Create at most one, in the main thread.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminateRequested(int signalNumber); ///< SIGTERM or SIGINT
    void reloadRequested();                    ///< SIGHUP

private:
    void readSignal();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace llmproxy
