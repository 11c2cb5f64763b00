// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QNetworkRequest>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QObject;

namespace llmproxy {

/// A QNetworkAccessManager for control-plane calls only (local discovery, health probes, later
/// webhooks and JWKS); inference traffic goes through CurlTransport (see docs/adr/0001).
/// Configured so that it cannot leak state between users or wander off: a cookie jar that stores
/// nothing, redirects never followed, environment proxies ignored.
/// The manager belongs to the calling thread; use it only there. The returned pointer owns it. With a
/// `parent`, keep that pointer in a member of the parent (members die before QObject children, so
/// nothing is deleted twice) or release() it to hand ownership to the parent.
std::unique_ptr<QNetworkAccessManager> makeControlPlaneNetworkAccess(QObject *parent = nullptr);

/// A request for the control-plane manager: aborted by QNAM if no byte moves for `timeoutMs`
/// (QNetworkReply then finishes with OperationCanceledError), manual redirects, our User-Agent
/// rather than QNAM's browser one, and JSON accepted.
QNetworkRequest makeControlPlaneRequest(const QUrl &url, int timeoutMs);

} // namespace llmproxy
