// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"

#include <QWidget>

#include <optional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace llmproxy {

/// The Security window: the audit ledger (docs/audit.md) as an administrator uses it from the
/// desktop. "Verify audit chain" walks the whole chain on the ledger's thread and shows the result:
/// the entries checked, the first broken entry if any, and the time taken. The GDPR section takes a
/// person (a key name, user or address): Export saves everything the ledger holds about them as JSON,
/// Erase — after a confirmation that names the person and what is destroyed — destroys their keys,
/// so their data in the chain can no longer be read while the chain still verifies. Both are
/// recorded in the chain by "desktop". Without a store or a ledger secret the window says why and
/// its buttons stay off. GUI thread only.
class SecurityWindow : public QWidget
{
    Q_OBJECT
public:
    /// `controller` must outlive the window.
    explicit SecurityWindow(EngineController *controller, QWidget *parent = nullptr);
    ~SecurityWindow() override;

    /// Starts a check of the audit chain; the result label shows the answer.
    void verify();
    /// Exports `subject`'s data to `path` (JSON); the GDPR result label shows how it went.
    void exportSubjectTo(const QString &subject, const QString &path);
    /// Erases `subject` without asking (the Erase button asks first).
    void erase(const QString &subject);

    /// The last verification's result; nullopt before one or when it failed.
    const std::optional<AuditCheck> &lastCheck() const { return m_lastCheck; }
    /// The last erasure's result; nullopt before one or when it failed.
    const std::optional<AuditErasureResult> &lastErasure() const { return m_lastErasure; }
    /// Why the audit ledger cannot be used; empty when it can (or before the answer came).
    QString unavailableReason() const { return m_unavailable; }
    /// An operation is under way.
    bool isBusy() const { return m_busy; }

    /// The confirmation's text for erasing `subject`.
    static QString eraseQuestion(const QString &subject);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void setBusy(bool busy);
    void updateButtons();
    void askExport();
    void askErase();
    void showGdprResult(const QString &text);
    void showCheck(const std::optional<AuditCheck> &check, const QString &error);

    EngineController *m_controller;
    QGroupBox *m_auditBox;
    QLabel *m_auditIntro;
    QPushButton *m_verifyButton;
    QLabel *m_verifyResult;
    QGroupBox *m_gdprBox;
    QLabel *m_gdprIntro;
    QLabel *m_subjectLabel;
    QLineEdit *m_subjectEdit;
    QPushButton *m_exportButton;
    QPushButton *m_eraseButton;
    QLabel *m_gdprResult;
    QLabel *m_stateLabel;
    QPushButton *m_closeButton;
    std::optional<AuditCheck> m_lastCheck;
    std::optional<AuditErasureResult> m_lastErasure;
    QString m_unavailable;
    bool m_busy = false;
    bool m_shownOnce = false;
};

} // namespace llmproxy
