// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"

#include <QList>
#include <QPair>
#include <QWizard>

namespace llmproxy {

/// The first-run wizard: from nothing to a working endpoint in five pages.
/// - Provider: a cloud provider from the presets (base URL prefilled, editable), or a model server
///   found on this machine (Ollama, LM Studio, vLLM, llama.cpp), with "Scan again".
/// - Key (cloud providers only): the key, stored in the system keychain under an entry the
///   endpoint names (`api_key_keychain`); where the keychain refuses, the page says why and offers
///   an environment variable (`api_key_env`) instead. The key never goes into a file.
/// - Models: the provider's model list fetched with that key, checkable, plus typed names; a failed
///   fetch shows the provider's message and still takes typed names.
/// - Test: adds the endpoint to the engine's registry (persisted in registry.json) and sends a real
///   chat request to it; shows the answer and latency, or the provider's error.
/// - Done: what was configured and the base URL to give to tools; "Connect a tool…" opens that
///   dialog (connectToolRequested()).
///
/// Every network and keychain call is asynchronous: the window never waits. Finishing or closing
/// the wizard records in QSettings that it was seen, so it does not open by itself again
/// (wasDismissed()). Geometry persists in QSettings. GUI thread only; `controller` must outlive it.
class FirstRunWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { ProviderPageId, KeyPageId, ModelsPageId, TestPageId, DonePageId };

    /// `discoveryTargets`: preset name and port of the local servers to look for; empty = the usual
    /// ports (Ollama 11434, LM Studio 1234, vLLM 8000, llama.cpp 8080) on 127.0.0.1.
    explicit FirstRunWizard(EngineController *controller, QList<QPair<QString, quint16>> discoveryTargets = {},
                            QWidget *parent = nullptr);
    ~FirstRunWizard() override;

    /// The user finished or closed the wizard once (QSettings): it no longer opens by itself.
    static bool wasDismissed();

    EngineController *controller() const { return m_controller; }
    const QList<QPair<QString, quint16>> &discoveryTargets() const { return m_discoveryTargets; }

    // What the pages chose so far, shared between them.
    bool localChosen = false;
    ProviderChoice provider;    ///< the cloud provider, or the local server's preset
    QString baseUrl;            ///< the endpoint's base URL
    LocalServer localServer;    ///< when localChosen
    QString apiKey;             ///< as typed, in memory only (fetches the model list)
    QString keychainName;       ///< where the key was stored; empty when the variable route is taken
    QString keyEnv;             ///< the variable the key comes from, on that route
    QString endpointId;         ///< the id the endpoint gets (free in the registry)
    bool endpointAdded = false; ///< the Test page added it (a second attempt replaces it)

signals:
    /// The Done page's "Connect a tool…" was clicked.
    void connectToolRequested();
    /// The Test page's request ended: `ok` and the answer or error it shows.
    void testFinished(bool ok, const QString &text);

protected:
    void done(int result) override;

private:
    void saveGeometryNow();

    EngineController *m_controller;
    QList<QPair<QString, quint16>> m_discoveryTargets;
};

} // namespace llmproxy
