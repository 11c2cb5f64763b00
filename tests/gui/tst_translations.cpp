// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/pipeline/securityguards.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void embeddedCatalogueTranslates_data();
    void embeddedCatalogueTranslates();
    void everyStringIsTranslated_data();
    void everyStringIsTranslated();
};

void TestTranslations::embeddedCatalogueTranslates_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("running");
    QTest::newRow("it") << QStringLiteral("it_IT") << QStringLiteral("In esecuzione");
    QTest::newRow("de") << QStringLiteral("de_DE") << QStringLiteral("Läuft");
    QTest::newRow("fr") << QStringLiteral("fr_FR") << QStringLiteral("En service");
    QTest::newRow("es") << QStringLiteral("es_ES") << QStringLiteral("En ejecución");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("运行中");
}

void TestTranslations::embeddedCatalogueTranslates()
{
    QFETCH(QString, locale);
    QFETCH(QString, running);
    // The same lookup DesktopShell does at start-up, against the .qm files compiled into the UI library.
    QTranslator translator;
    QVERIFY2(
        translator.load(QLocale(locale), QStringLiteral("llmproxy"), QStringLiteral("_"), QStringLiteral(":/i18n")),
        qPrintable(QDir(QStringLiteral(":/i18n")).entryList().join(QLatin1Char(' '))));
    QCOMPARE(translator.translate("llmproxy::MainWindow", "Running"), running);
    QVERIFY(!translator.translate("MainWindow", "Request log").isEmpty());
    // The engine's words the desktop shows are in the catalogue too: every guard's name and
    // description (EngineController translates them in the "Guards" context) and its messages.
    for (const llmproxy::GuardInfo &guard : llmproxy::guardInfos()) {
        for (const char *text : {guard.title, guard.description}) {
            const QString translated = translator.translate("Guards", text);
            QVERIFY2(!translated.isEmpty() && translated != QString::fromUtf8(text), text);
        }
    }
    QVERIFY(
        !translator.translate("llmproxy::EngineController", "A key name has 1 to 64 letters, digits, '.', '_' or '-'.")
             .isEmpty());
}

void TestTranslations::everyStringIsTranslated_data()
{
    QTest::addColumn<QString>("file");
    const QString sourceDir = qEnvironmentVariable("LLMPROXY_SOURCE_DIR");
    QVERIFY2(!sourceDir.isEmpty(), "LLMPROXY_SOURCE_DIR is not set");
    for (const char *lang : {"it", "de", "fr", "es", "zh_CN"}) {
        QTest::newRow(lang) << QDir(sourceDir).filePath(
            QStringLiteral("translations/llmproxy_%1.ts").arg(QLatin1String(lang)));
    }
}

void TestTranslations::everyStringIsTranslated()
{
    QFETCH(QString, file);
    QFile ts(file);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(file));

    static const QRegularExpression placeholder(QStringLiteral("%\\d"));
    const auto placeholders = [](const QString &text) {
        QStringList found;
        for (const QRegularExpressionMatch &match : placeholder.globalMatch(text))
            found << match.captured();
        found.sort();
        return found;
    };

    QXmlStreamReader xml(&ts);
    QString context;
    QString source;
    int messages = 0;
    while (xml.readNext() != QXmlStreamReader::Invalid && !xml.atEnd()) {
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            // A plural message (%n) has one <numerusform> per plural form of the language, each a
            // whole translation; any other message has its text directly.
            QStringList forms;
            QString text;
            while (xml.readNext() != QXmlStreamReader::Invalid && !xml.isEndElement()) {
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    forms << xml.readElementText();
            }
            if (forms.isEmpty())
                forms << text;
            const QString where = context + QStringLiteral(": ") + source;
            QVERIFY2(!unfinished, qPrintable(QStringLiteral("untranslated: ") + where));
            for (const QString &translation : std::as_const(forms)) {
                QVERIFY2(!translation.trimmed().isEmpty(), qPrintable(QStringLiteral("untranslated: ") + where));
                QVERIFY2(placeholders(translation) == placeholders(source),
                         qPrintable(QStringLiteral("placeholders differ: ") + where));
            }
            ++messages;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 50);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
