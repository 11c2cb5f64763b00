// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "app/keychaincommand.h"

#include "proxycore/config/secretstore.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace llmproxy {

namespace {

constexpr const char *kUsage = "usage: llmproxy keychain set NAME      (the key is read from standard input)\n"
                               "       llmproxy keychain check NAME\n"
                               "       llmproxy keychain delete NAME\n"
                               "NAME: up to 128 letters, digits and -_.:@/ (the value of api_key_keychain)\n";

/// One line from standard input, without echo when it is a terminal.
QString readSecretLine()
{
    const bool terminal = isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (terminal) {
        std::fputs("Key (not shown): ", stderr);
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString line = in.readLine(64 * 1024);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    return line.trimmed();
}

} // namespace

int runKeychainCommand(const QStringList &arguments)
{
    if (arguments.size() == 2 && (arguments.at(1) == u"--help" || arguments.at(1) == u"-h")) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (arguments.size() != 3) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const QString &action = arguments.at(1);
    const QString &name = arguments.at(2);
    if (action != u"set" && action != u"check" && action != u"delete") {
        std::fprintf(stderr, "llmproxy keychain: unknown action \"%s\"\n%s", qPrintable(action), kUsage);
        return 2;
    }
    if (!SecretStore::isValidName(name)) {
        std::fprintf(stderr, "llmproxy keychain: \"%s\" is not an entry name\n%s", qPrintable(name), kUsage);
        return 2;
    }
    int argc = 1;
    char program[] = "llmproxy";
    char *argv[] = {program, nullptr};
    QCoreApplication app(argc, argv); // the keychain talks over D-Bus, which needs an application

    KeychainSecretStore store;
    if (action == u"set") {
        const QString secret = readSecretLine();
        if (secret.isEmpty()) {
            std::fputs("llmproxy keychain: no key on standard input\n", stderr);
            return 2;
        }
        const SecretResult result = store.write(name, secret);
        if (!result.ok) {
            std::fprintf(stderr, "llmproxy keychain: %s\n", qPrintable(result.error));
            return 1;
        }
        std::printf("stored \"%s\" in %s; use it with  api_key_keychain: %s\n", qPrintable(name),
                    qPrintable(store.description()), qPrintable(name));
        return 0;
    }
    if (action == u"check") {
        const SecretResult result = store.read(name);
        if (!result.ok) {
            std::fprintf(stderr, "llmproxy keychain: %s\n", qPrintable(result.error));
            return 1;
        }
        std::printf("\"%s\" holds a key of %lld characters\n", qPrintable(name), qint64(result.value.size()));
        return 0;
    }
    const SecretResult result = store.remove(name);
    if (!result.ok) {
        std::fprintf(stderr, "llmproxy keychain: %s\n", qPrintable(result.error));
        return 1;
    }
    std::printf("deleted \"%s\" from %s\n", qPrintable(name), qPrintable(store.description()));
    return 0;
}

} // namespace llmproxy
