// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Endpoint keys in the system keychain, against a real Secret Service: a private D-Bus session bus
// and gnome-keyring-daemon with an unlocked keyring in a temporary home, started by the test.
#include "proxycore/config/configloader.h"
#include "proxycore/config/secretstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace llmproxy;
using namespace Qt::StringLiterals;

class TestKeychain : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    /// Runs `llmproxy keychain ...` with `input` on standard input; returns the exit code.
    int cli(const QStringList &arguments, const QByteArray &input = {}, QByteArray *out = nullptr)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(qEnvironmentVariable("LLMPROXY_BINARY"), QStringList{u"keychain"_s} + arguments);
        if (!p.waitForStarted())
            return -1;
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(20000);
        if (out)
            *out = p.readAllStandardOutput() + p.readAllStandardError();
        return p.exitCode();
    }

    static QString readAddress(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QByteArray line = file.readLine();
        return line.endsWith('\n') ? QString::fromUtf8(line).trimmed() : QString();
    }

private slots:
    void initTestCase()
    {
        const QString dbus = QStandardPaths::findExecutable(u"dbus-daemon"_s);
        const QString keyring = QStandardPaths::findExecutable(u"gnome-keyring-daemon"_s);
        if (dbus.isEmpty() || keyring.isEmpty())
            QSKIP("needs dbus-daemon and gnome-keyring-daemon (scripts/install-deps.sh --test installs them)");
        QVERIFY(m_home.isValid());
        m_env.insert(u"HOME"_s, m_home.path());
        m_env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        m_env.insert(u"XDG_RUNTIME_DIR"_s, m_home.path());
        m_env.remove(u"DISPLAY"_s);
        // The bus must outlive this process: GLib's D-Bus connection (the Secret Service client)
        // raises SIGTERM in its process when the session bus goes away. A detached shell runs the
        // bus and stops it once this process has exited; gnome-keyring-daemon follows the bus.
        const QString addressFile = m_home.filePath(u"bus-address"_s);
        const QString script = u"\"$0\" --session --nofork --print-address=1 >\"$1\" & d=$!; "
                               "while kill -0 \"$2\" 2>/dev/null; do sleep 0.2; done; kill $d"_s;
        QVERIFY(QProcess::startDetached(
            u"sh"_s, {u"-c"_s, script, dbus, addressFile, QString::number(QCoreApplication::applicationPid())}));
        QString address;
        QTRY_VERIFY_WITH_TIMEOUT((address = readAddress(addressFile), !address.isEmpty()), 10000);
        m_env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, address);
        // This process talks to the same bus (before its first D-Bus connection).
        qputenv("DBUS_SESSION_BUS_ADDRESS", address.toUtf8());
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
        QProcess daemon;
        daemon.setChildProcessModifier([] { ::setsid(); });
        daemon.setProcessEnvironment(m_env);
        daemon.start(keyring, {u"--unlock"_s, u"--components=secrets"_s});
        QVERIFY(daemon.waitForStarted());
        daemon.write("test-password");
        daemon.closeWriteChannel();
        QVERIFY(daemon.waitForFinished(10000)); // it forks and the parent returns
    }

    void storeReadsWritesAndRemoves()
    {
        KeychainSecretStore store(10000);
        SecretResult r = store.read(u"absent"_s);
        QVERIFY(!r.ok);
        QVERIFY2(r.notFound, qPrintable(r.error));
        QVERIFY2(store.write(u"work/openai"_s, u"sk-first"_s).ok, qPrintable(r.error));
        QVERIFY(store.write(u"work/openai"_s, u"sk-second"_s).ok); // replaced, not added
        r = store.read(u"work/openai"_s);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.value, u"sk-second"_s);
        QVERIFY(store.remove(u"work/openai"_s).ok);
        QVERIFY(store.read(u"work/openai"_s).notFound);
        QVERIFY(!store.write(u"not a name"_s, u"x"_s).ok);
    }

    void configReadsTheKeyFromTheKeychain()
    {
        QVERIFY(KeychainSecretStore(10000).write(u"anthropic"_s, u"sk-ant-from-keychain"_s).ok);
        QTemporaryDir dir;
        QFile file(dir.filePath(u"config.yaml"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("endpoints:\n"
                   "  claude:\n"
                   "    provider: anthropic\n"
                   "    api_key_keychain: anthropic\n"
                   "  other:\n"
                   "    provider: openai\n"
                   "    api_key_keychain: missing-entry\n");
        file.close();
        ConfigSources sources;
        sources.configPath = file.fileName();
        sources.configPathExplicit = true;
        sources.environment = QProcessEnvironment(); // no OPENAI_API_KEY from the machine
        const ConfigLoadResult result = loadConfig(sources);
        QVERIFY(result.ok());
        const QList<EndpointConfig> &endpoints = result.config->endpoints;
        QCOMPARE(endpoints.size(), 2);
        QCOMPARE(endpoints[0].apiKey, u"sk-ant-from-keychain"_s);
        QCOMPARE(endpoints[0].apiKeyKeychain, u"anthropic"_s);
        QVERIFY(endpoints[1].apiKey.isEmpty());
        bool warned = false;
        for (const ConfigDiagnostic &w : result.warnings)
            warned = warned || (w.message.contains(u"other"_s) && w.message.contains(u"\"missing-entry\""_s));
        QVERIFY2(warned, "a missing entry is reported, naming it");
    }

    void commandLineKeepsKeysOutOfSight()
    {
        QByteArray out;
        QCOMPARE(cli({u"set"_s, u"groq"_s}, "gsk-secret-value\n", &out), 0);
        QVERIFY2(out.contains("api_key_keychain: groq"), out.constData());
        QVERIFY(!out.contains("gsk-secret-value"));
        QCOMPARE(cli({u"check"_s, u"groq"_s}, {}, &out), 0);
        QVERIFY2(out.contains("16 characters"), out.constData());
        QVERIFY(!out.contains("gsk-secret-value"));
        QCOMPARE(KeychainSecretStore(10000).read(u"groq"_s).value, u"gsk-secret-value"_s);
        QCOMPARE(cli({u"delete"_s, u"groq"_s}, {}, &out), 0);
        QCOMPARE(cli({u"check"_s, u"groq"_s}, {}, &out), 1);
        QVERIFY2(out.contains("no entry \"groq\""), out.constData());
        QCOMPARE(cli({u"set"_s, u"groq"_s}, "", &out), 2); // no key given
        QCOMPARE(cli({u"set"_s, u"bad name"_s}, "x\n", &out), 2);
        QCOMPARE(cli({u"frobnicate"_s, u"groq"_s}, {}, &out), 2);
    }

    void noKeychainServiceFailsQuicklyWithAReason()
    {
        QProcessEnvironment env = m_env;
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=%1"_s.arg(m_home.filePath(u"no-bus"_s)));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("LLMPROXY_BINARY"), {u"keychain"_s, u"check"_s, u"anything"_s});
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("keychain"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
