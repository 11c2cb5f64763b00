// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The PII and secret detector: every type found with its exact span inside ordinary text,
// look-alikes of every type left alone, overlaps resolved without splitting a value, UTF-16
// offsets around non-ASCII text, large inputs bounded in time, concurrent use, the validators on
// their own, and the project's PII corpus (per-type recall and precision).
#include "proxycore/security/piidetector.h"
#include "proxycore/security/piivalidators.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

#include <atomic>
#include <ctime>
#include <thread>
#include <vector>

using namespace llmproxy;
using namespace Qt::StringLiterals;

namespace {

// Provider tokens are assembled from two halves so this source file does not itself look like it
// leaks credentials to a secret scanner.
QString tok(const char *prefix, const char *rest)
{
    return QString::fromLatin1(prefix) + QString::fromLatin1(rest);
}

const QString kOpenAi = tok("sk-", "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAj");
const QString kOpenAiProject = tok("sk-proj-", "pNxnyVmihA-2O76UMFxFkM-R5Kjp1vRt_1fjORS-6ilI8ihN5KXSc7Tvo-hBKqFYY-kv5"
                                               "ZJr3JT3BlbkFJ1TWDtkwtDDb_xHKas1VOqg6YYZYn9ZhyiA4uoRgnatmUdjAWtGSU8po_"
                                               "799NksnRH9ucAUsdMl");
const QString kAnthropic =
    tok("sk-ant-api03-", "cbnr3yBdGBLEPH1qhT61qtc4xatws8phP9nhFyJfm5di4PzJ59FHz5r1pY4OjE2jBMptUsG"
                         "r7CmY_uCu3ZR1zTOlUcR64AA");
const QString kGoogle = tok("AIza", "cXQLioDnkHIfxIq2HZt-PlJhx2jIclHkCiH");
const QString kAwsId = tok("AKIA", "H5AV2RICPHKQDLMT");
const QString kAwsSecret = u"n3+YNBDRzrZSgqbjG3uhkWKFLf6xuI5aHUQPFeNB"_s;
const QString kGithub = tok("ghp_", "wlavyfErGPmpGXafq0fjzLczbttOofL9H2Wj");
const QString kGithubPat =
    tok("github_pat_", "0Zb0RLZ5TR9SPofbciOx9g_y1CJdObOIRpFqaDZeV7G5IfQHeVVEqZe2qpUWnoVPDF2yeE6Rs"
                       "XcNOPmeMj");
const QString kGitlab = tok("glpat-", "QGMrb9h-ImB-LK777pzN");
const QString kSlack = tok("xoxb-", "170471874633-1912845298415-oF54Fzbka8FRCztUjAwyuh1v");
const QString kStripe = tok("sk_live_", "auWv1zh87mTa5Vsqxezy3Lex");
const QString kJwt =
    u"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkphbmUgUm9lIiwiaWF0Ijox"
    u"NzE2MjM5MDIyfQ.2dZAkg05rK_gqv81RKMGHZEM9YpvujA-C5Q52ryFlwR"_s;
const QString kPem = u"-----BEGIN RSA PRIVATE KEY-----\n"
                     u"lOEVHzc0X0AWIRh/JUqBlIFXZ53Ncqe28+ajY75FnCttn6kfaqDeMqG3omjMyXHC\n"
                     u"abM6JOF8EFd0Nhcy/1kGD2VD/eR1UYzaLiA/zNyD7CHLn/xC+1hsYgBds1ghxY5O\n"
                     u"okvQyx7eNWVQ4vnakJkS\n"
                     u"-----END RSA PRIVATE KEY-----"_s;

struct Found
{
    PiiType type;
    QString value;
};

/// The matched substrings of `text` with their types, in order.
QList<Found> found(const PiiDetector &d, const QString &text)
{
    QList<Found> out;
    for (const PiiMatch &m : d.find(text))
        out.append({m.type, text.mid(m.start, m.length)});
    return out;
}

QString describe(const QList<Found> &list)
{
    QStringList parts;
    for (const Found &f : list)
        parts.append(piiTypeLabel(f.type) + u":["_s + f.value + u']');
    return parts.join(u", "_s);
}

/// CPU time of the calling thread in microseconds: timings stay meaningful on a loaded machine.
double threadCpuMicros()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e6 + double(t.tv_nsec) / 1e3;
}

/// Spans sorted, non-overlapping, inside the text.
bool wellFormed(const QList<PiiMatch> &matches, qsizetype size)
{
    qsizetype lastEnd = 0;
    for (const PiiMatch &m : matches) {
        if (m.start < lastEnd || m.length <= 0 || m.start + m.length > size)
            return false;
        lastEnd = m.start + m.length;
    }
    return true;
}

QString corpusPath()
{
    const QString sourceDir = qEnvironmentVariable("LLMPROXY_SOURCE_DIR");
    if (!sourceDir.isEmpty())
        return sourceDir + u"/tests/corpus/pii/pii.jsonl"_s;
    return QFINDTESTDATA("../corpus/pii/pii.jsonl");
}

/// Ordinary developer prose without any personal data, `size` characters long.
QString cleanDeveloperText(qsizetype size)
{
    static const QString kParagraphs[] = {
        u"The build failed after upgrading to Qt 6.4.2 because the moc step could not find "
        u"qobject.h. I reran cmake with -DCMAKE_BUILD_TYPE=RelWithDebInfo and the error went away.\n"_s,
        u"In src/server/handler.cpp line 218 the loop over requests uses an index of type int; "
        u"with more than 2147483647 entries it overflows, so switch to qsizetype.\n"_s,
        u"Our p95 latency went from 120 ms to 340 ms on 2024-03-18 after commit 9fceb02; the flame "
        u"graph shows most of the time in std::unordered_map::find and QString::arg.\n"_s,
        u"def retry(fn, attempts=3, backoff=0.5):\n    for i in range(attempts):\n        try:\n"
        u"            return fn()\n        except TimeoutError:\n            time.sleep(backoff * 2 ** i)\n"_s,
        u"Version 3.11.4 of the interpreter ships pip 23.1.2; the lock file pins numpy==1.26.4 and "
        u"requests>=2.31.0. Run `make test` before pushing, and check the 12 failing cases.\n"_s,
        u"The table has 1 048 576 rows and 64 columns; the query plan scans idx_orders_created_at "
        u"and takes 12:30:45 to finish, which is far too long for a nightly job.\n"_s,
    };
    QString out;
    int i = 0;
    while (out.size() < size)
        out += kParagraphs[i++ % std::size(kParagraphs)];
    out.truncate(size);
    return out;
}

} // namespace

class TestPiiDetector : public QObject
{
    Q_OBJECT

private slots:
    void typeNames()
    {
        QCOMPARE(allPiiTypes().size(), 7);
        QSet<QString> labels;
        for (const PiiType t : allPiiTypes()) {
            labels.insert(piiTypeLabel(t));
            QCOMPARE(piiTypeFromConfigName(piiTypeConfigName(t)), std::optional<PiiType>(t));
        }
        QCOMPARE(labels.size(), 7);
        QCOMPARE(piiTypeLabel(PiiType::PaymentCard), u"CARD"_s);
        QCOMPARE(piiTypeConfigName(PiiType::UsSsn), u"ssn"_s);
        QCOMPARE(piiTypeFromConfigName(u"credit_card"), std::nullopt);
    }

    void findsValuesWithExactSpans_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("value");

        const auto row = [](const char *name, const QString &text, PiiType type, const QString &value) {
            QTest::newRow(name) << text << int(type) << value;
        };
        // E-mail
        row("email plain", u"Contact jane.roe@acme-corp.com for access."_s, PiiType::Email,
            u"jane.roe@acme-corp.com"_s);
        row("email +tag", u"ping <dev+alerts@mail.example.org>"_s, PiiType::Email, u"dev+alerts@mail.example.org"_s);
        row("email in trace", u"ValueError: duplicate user 'j.smith_42@company.co.uk' at row 7"_s, PiiType::Email,
            u"j.smith_42@company.co.uk"_s);
        row("email mailto", u"<a href=\"mailto:support@shop.de\">"_s, PiiType::Email, u"support@shop.de"_s);
        row("email end of sentence", u"Send it to ops@startup.io."_s, PiiType::Email, u"ops@startup.io"_s);
        row("email obfuscated", u"write to maria [at] example [dot] es please"_s, PiiType::Email,
            u"maria [at] example [dot] es"_s);
        row("email non-ascii local", u"Mail: josé.garcía@empresa.es"_s, PiiType::Email, u"josé.garcía@empresa.es"_s);
        row("email query string", u"GET /unsubscribe?email=anna.k@web.de&list=7"_s, PiiType::Email, u"anna.k@web.de"_s);
        row("email after dots", u"see...tom@firm.nl"_s, PiiType::Email, u"tom@firm.nl"_s);
        // Phone
        row("phone e164", u"Call me on +44 121 234 5678 tomorrow"_s, PiiType::Phone, u"+44 121 234 5678"_s);
        row("phone e164 compact", u"whatsapp: +4930123456"_s, PiiType::Phone, u"+4930123456"_s);
        row("phone uk trunk in parens", u"Switchboard +44 (0)121 234 5678."_s, PiiType::Phone,
            u"+44 (0)121 234 5678"_s);
        row("phone us parens", u"Our office: (201) 555-0123, ask for Sam"_s, PiiType::Phone, u"(201) 555-0123"_s);
        row("phone us dashes", u"Customer says 201-555-0123 is unreachable"_s, PiiType::Phone, u"201-555-0123"_s);
        row("phone fr", u"Mon numéro : 06 12 34 56 78"_s, PiiType::Phone, u"06 12 34 56 78"_s);
        row("phone de context", u"Telefon 030123456 (Büro)"_s, PiiType::Phone, u"030123456"_s);
        row("phone uk mobile", u"mobile 07400 123456"_s, PiiType::Phone, u"07400 123456"_s);
        row("phone jp", u"電話 03-1234-5678 まで"_s, PiiType::Phone, u"03-1234-5678"_s);
        row("phone br", u"WhatsApp (11) 96123-4567"_s, PiiType::Phone, u"(11) 96123-4567"_s);
        row("phone 00 prefix", u"Tel. 0049 30 123456"_s, PiiType::Phone, u"0049 30 123456"_s);
        row("phone bare with context", u"call me at 2015550123 after 5"_s, PiiType::Phone, u"2015550123"_s);
        row("phone after a date", u"on 2024-03-18, 201-555-0123 called"_s, PiiType::Phone, u"201-555-0123"_s);
        // Card
        row("card visa spaced", u"card 4593 7570 1473 0246 exp 04/27"_s, PiiType::PaymentCard,
            u"4593 7570 1473 0246"_s);
        row("card visa dashed", u"pay with 4593-7570-1473-0246 now"_s, PiiType::PaymentCard, u"4593-7570-1473-0246"_s);
        row("card plain", u"\"number\": \"5165501314885309\""_s, PiiType::PaymentCard, u"5165501314885309"_s);
        row("card amex", u"Amex 3772 560512 68533 on file"_s, PiiType::PaymentCard, u"3772 560512 68533"_s);
        row("card mastercard 2-series", u"MC 2221105572625917."_s, PiiType::PaymentCard, u"2221105572625917"_s);
        row("card with a year after", u"4593 7570 1473 0246 2027"_s, PiiType::PaymentCard, u"4593 7570 1473 0246"_s);
        // IBAN
        row("iban de spaced", u"IBAN: DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX"_s, PiiType::Iban,
            u"DE89 3704 0044 0532 0130 00"_s);
        row("iban gb compact", u"wire to GB29NWBK60161331926819 today"_s, PiiType::Iban, u"GB29NWBK60161331926819"_s);
        row("iban fr letters", u"FR14 2004 1010 0505 0001 3M02 606"_s, PiiType::Iban,
            u"FR14 2004 1010 0505 0001 3M02 606"_s);
        // SSN
        row("ssn dashed", u"Applicant SSN 536-22-4789 on the form"_s, PiiType::UsSsn, u"536-22-4789"_s);
        row("ssn bare with context", u"social security number: 536224789"_s, PiiType::UsSsn, u"536224789"_s);
        row("ssn spaced with context", u"SSN: 536 22 4789"_s, PiiType::UsSsn, u"536 22 4789"_s);
        // IP
        row("ipv4 public", u"connection from 8.8.4.4 refused"_s, PiiType::IpAddress, u"8.8.4.4"_s);
        row("ipv4 in log", u"[2024-03-18 12:30:45] 81.2.69.160 - - \"GET / HTTP/1.1\" 200"_s, PiiType::IpAddress,
            u"81.2.69.160"_s);
        row("ipv6 public", u"client 2606:4700:4700::1111 timed out"_s, PiiType::IpAddress, u"2606:4700:4700::1111"_s);
        row("ipv6 full", u"addr=2a00:1450:4001:0829:0000:0000:0000:200e;"_s, PiiType::IpAddress,
            u"2a00:1450:4001:0829:0000:0000:0000:200e"_s);
        // Secrets
        row("openai", u"OPENAI_API_KEY="_s + kOpenAi, PiiType::Secret, kOpenAi);
        row("openai project", u"client = OpenAI(api_key=\""_s + kOpenAiProject + u"\")"_s, PiiType::Secret,
            kOpenAiProject);
        row("anthropic", u"export ANTHROPIC_API_KEY="_s + kAnthropic, PiiType::Secret, kAnthropic);
        row("google", u"key: "_s + kGoogle, PiiType::Secret, kGoogle);
        row("aws key id", u"aws_access_key_id = "_s + kAwsId, PiiType::Secret, kAwsId);
        row("aws secret", u"aws_secret_access_key = "_s + kAwsSecret, PiiType::Secret, kAwsSecret);
        row("github", u"git remote set-url origin https://"_s + kGithub + u"@github.com/acme/app.git"_s,
            PiiType::Secret, kGithub);
        row("github pat", u"GH_TOKEN="_s + kGithubPat, PiiType::Secret, kGithubPat);
        row("gitlab", u"curl --header \"PRIVATE-TOKEN: "_s + kGitlab + u"\""_s, PiiType::Secret, kGitlab);
        row("slack", u"SLACK_BOT_TOKEN="_s + kSlack, PiiType::Secret, kSlack);
        row("stripe", u"Stripe.api_key = '"_s + kStripe + u"'"_s, PiiType::Secret, kStripe);
        row("jwt", u"Authorization: Bearer "_s + kJwt, PiiType::Secret, kJwt);
        row("pem", u"key file:\n"_s + kPem + u"\nend"_s, PiiType::Secret, kPem);
        row("pem json escaped",
            u"\"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAAS\\n"
            u"-----END PRIVATE KEY-----\\n\""_s,
            PiiType::Secret,
            u"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAAS\\n-----END PRIVATE KEY-----"_s);
        row("password assignment", u"DB_PASSWORD=Xk9#mP2$vL7q\nDB_USER=app"_s, PiiType::Secret, u"Xk9#mP2$vL7q"_s);
        row("password json", u"{\"user\": \"app\", \"password\": \"Tr0ub4dor&3-horse\"}"_s, PiiType::Secret,
            u"Tr0ub4dor&3-horse"_s);
        row("api_key yaml", u"api_key: 9f8e7d6c5b4aF3E2D1C0b9a8"_s, PiiType::Secret, u"9f8e7d6c5b4aF3E2D1C0b9a8"_s);
        row("camel case key", u"const dbPassword = \"hY7!kQ2@zP\";"_s, PiiType::Secret, u"hY7!kQ2@zP"_s);
        row("url password", u"DATABASE_URL=postgres://app:s3cr3tP4ss@db.internal:5432/prod"_s, PiiType::Secret,
            u"s3cr3tP4ss"_s);
        row("bearer", u"-H 'Authorization: Bearer 0b7c9e2f4a6d8b1c3e5f7a9b2d4f6e8a'"_s, PiiType::Secret,
            u"0b7c9e2f4a6d8b1c3e5f7a9b2d4f6e8a"_s);
    }

    void findsValuesWithExactSpans()
    {
        QFETCH(QString, text);
        QFETCH(int, type);
        QFETCH(QString, value);
        const PiiDetector detector;
        const QList<Found> f = found(detector, text);
        bool ok = false;
        for (const Found &x : f)
            ok |= int(x.type) == type && x.value == value;
        QVERIFY2(ok, qPrintable(u"expected "_s + piiTypeLabel(PiiType(type)) + u":["_s + value + u"], got "_s +
                                describe(f)));
        QVERIFY(wellFormed(detector.find(text), text.size()));
    }

    void leavesLookAlikesAlone_data()
    {
        QTest::addColumn<QString>("text");
        const QStringList rows = {
            // e-mail look-alikes
            u"@Override public void run() {}"_s,
            u"psql -h localhost -U admin postgres://user@localhost"_s,
            u"mail root@localhost when done"_s,
            u"<img src=\"icon@2x.png\">"_s,
            u"npm install lodash@4.17.21 @types/node@20.10.0"_s,
            u"git clone git@github.com:acme/api.git"_s,
            u"git remote add origin ssh://git@gitlab.com/group/repo.git"_s,
            u"@app.route('/login', methods=['POST'])"_s,
            u"docker pull nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"_s,
            u"cron: admin@host.local"_s,
            u"logo@3x.webp and banner@2x.jpg"_s,
            u"the user@server.internal account"_s,
            // phone look-alikes
            u"\"created_at\": 1700000000"_s,
            u"release 1.2.3 of the tool"_s,
            u"Order #4155552671 shipped"_s,
            u"Deployed on 2023-10-15 at 14:30"_s,
            u"ISBN 978-3-16-148410-0"_s,
            u"Total: 1 234 567 rows"_s,
            u"build 20231015.1234 finished"_s,
            u"pid 123456789 exited"_s,
            u"took 1699999999123 ms"_s,
            u"Invoice INV-2023-000123456"_s,
            u"values 10 20 30 40 50 60 70 80"_s,
            u"coordinates (37.7749, -122.4194)"_s,
            u"readings 330.0 330.1 330.2 330.3"_s,
            u"scores 4.5 120.25 7.75 8.0"_s,
            u"the callback got 4155552671 as its argument"_s,
            // card look-alikes
            u"card 4111 1111 1111 1112"_s,
            u"ISBN-13 9780306406157"_s,
            u"ref 1234 5678 9012 3456"_s,
            u"UPS 1Z999AA10123456784"_s,
            u"IMEI 490154203237518"_s,
            u"account 123456789012 in us-east-1"_s,
            u"snowflake 1098765432109876543"_s,
            u"0000 0000 0000 0000"_s,
            u"Amex test 3782 822463 10006"_s,
            u"timestamp 1700000000000"_s,
            // IBAN look-alikes
            u"GB00 NWBK 6016 1331 9268 19"_s,
            u"DE89 3704 0044 0532 0130 01"_s,
            u"XX12 3456 7890 1234 5678"_s,
            u"US12345678901234567890"_s,
            u"DE89370400440532013"_s,
            u"NL91ABNA0417164301"_s,
            u"CH93 0076 2011 6238 5295 8"_s,
            u"GT86 2019 model"_s,
            u"ES91 2100 0418 4502 0005 1334"_s,
            u"IT61X0542811101000000123456"_s,
            // SSN look-alikes
            u"SSN 000-12-3456"_s,
            u"SSN 666-12-3456"_s,
            u"SSN 912-34-5678"_s,
            u"SSN 123-00-4567"_s,
            u"SSN 123-45-0000"_s,
            u"SSN 078-05-1120"_s,
            u"SSN 219-09-9999"_s,
            u"order id 536224789"_s,
            u"parts 536 22 4789"_s,
            u"version 123-45-67890"_s,
            u"1-234-56-7890"_s,
            // IP look-alikes
            u"requires version 1.2.3.4"_s,
            u"tag 10.0.0.1.5"_s,
            u"listen 192.168.1.1:8080"_s,
            u"curl http://127.0.0.1:3000/health"_s,
            u"bad 999.1.1.1"_s,
            u"at 12:30:45"_s,
            u"map a:b"_s,
            u"MAC 00:1A:2B:3C:4D:5E"_s,
            u"std::vector<int> v; Foo::bar();"_s,
            u"fe80::1ff:fe23:4567:890a%eth0"_s,
            u"2001:db8::ff00:42:8329"_s,
            u"bind ::1 and ::"_s,
            u"netmask 255.255.255.0"_s,
            u"docs use 203.0.113.7"_s,
            u"01.02.03.04"_s,
            u"dead::beef"_s,
            // secret look-alikes
            u"id 550e8400-e29b-41d4-a716-446655440000"_s,
            u"commit e83c5163316f89bfbde7d9ab23ca2e25604af290"_s,
            u"sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s,
            u"SGVsbG8sIHdvcmxkISBUaGlzIGlzIGEgdGVzdC4="_s,
            u"pip install sk-learn scikit-learn"_s,
            u"OPENAI_API_KEY=sk-..."_s,
            u"api_key=\"sk-proj-XXXXXXXXXXXXXXXXXXXXXXXXXXXX\""_s,
            u"aws_access_key_id = AKIAIOSFODNN7EXAMPLE"_s,
            u"aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"_s,
            u"password = os.environ['DB_PASSWORD']"_s,
            u"api_key: ${API_KEY}"_s,
            u"token = request.headers.get('Authorization')"_s,
            u"password: changeme"_s,
            u"secret: <your-secret-here>"_s,
            u"token=****************"_s,
            u"GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"_s,
            u"max_tokens: 4096"_s,
            u"password = hashedPassword"_s,
            u"api_key = settings.OPENAI_API_KEY"_s,
            u"-----BEGIN PUBLIC KEY-----"_s,
            u"header eyJhbGciOiJIUzI1NiJ9 only"_s,
            u"task-management-service-v2-production-cluster"_s,
            u"bypass: true, compass = north-north-west"_s,
            u"token: string; password: Optional[str]"_s,
        };
        int i = 0;
        for (const QString &r : rows)
            QTest::addRow("%d %s", i++, qPrintable(r.left(40))) << r;
    }

    void leavesLookAlikesAlone()
    {
        QFETCH(QString, text);
        const PiiDetector detector;
        const QList<Found> f = found(detector, text);
        QVERIFY2(f.isEmpty(), qPrintable(describe(f)));
    }

    void nonPublicAddressesOnRequest()
    {
        PiiOptions options;
        options.includeNonPublicIps = true;
        const PiiDetector detector(options);
        const QString text = u"db at 10.0.0.5, dns 192.168.1.1, local ::1 ignored, ll fe80::1ff:fe23:4567:890a"_s;
        const QList<Found> f = found(detector, text);
        QCOMPARE(f.size(), 3);
        QCOMPARE(f[0].value, u"10.0.0.5"_s);
        QCOMPARE(f[1].value, u"192.168.1.1"_s);
        QCOMPARE(f[2].value, u"fe80::1ff:fe23:4567:890a"_s);
        QVERIFY(found(detector, u"dead::beef face::add 12:30:45"_s).isEmpty());
    }

    void enabledTypesOnly()
    {
        PiiOptions options;
        options.enabled = {PiiType::Email};
        const PiiDetector detector(options);
        const QString text = u"jane@acme.com 4593 7570 1473 0246 "_s + kGithub;
        const QList<Found> f = found(detector, text);
        QCOMPARE(f.size(), 1);
        QCOMPARE(f[0].type, PiiType::Email);

        options.enabled = {};
        QVERIFY(PiiDetector(options).find(text).isEmpty());
    }

    void phoneRegionsConfigurable()
    {
        const QString text = u"Mon numéro : 06 12 34 56 78"_s;
        PiiOptions options;
        options.phoneRegions = {u"US"_s};
        QVERIFY(PiiDetector(options).find(text).isEmpty());
        options.phoneRegions = {u"fr"_s};
        const QList<PiiMatch> m = PiiDetector(options).find(text);
        QCOMPARE(m.size(), 1);
        QCOMPARE(m[0].detail, u"FR"_s);
        // E.164 numbers need no configured region.
        QCOMPARE(PiiDetector(options).find(u"+81 3-1234-5678"_s).size(), 1);
    }

    void detailsNameTheKind()
    {
        const PiiDetector detector;
        const auto detailOf = [&](const QString &text) {
            const QList<PiiMatch> m = detector.find(text);
            return m.size() == 1 ? m[0].detail : u"<"_s + QString::number(m.size()) + u" matches>"_s;
        };
        QCOMPARE(detailOf(u"k="_s + kAwsId), u"aws_access_key"_s);
        QCOMPARE(detailOf(kGithub), u"github_token"_s);
        QCOMPARE(detailOf(kOpenAi), u"openai_key"_s);
        QCOMPARE(detailOf(kAnthropic), u"anthropic_key"_s);
        QCOMPARE(detailOf(kJwt), u"jwt"_s);
        QCOMPARE(detailOf(u"4593 7570 1473 0246"_s), u"visa"_s);
        QCOMPARE(detailOf(u"3772 560512 68533"_s), u"amex"_s);
        QCOMPARE(detailOf(u"GB29NWBK60161331926819"_s), u"GB"_s);
        QCOMPARE(detailOf(u"+44 121 234 5678"_s), u"GB"_s);
        QCOMPARE(detailOf(u"8.8.8.8"_s), u"ipv4"_s);
    }

    void overlapsKeepValuesWhole()
    {
        const PiiDetector detector;
        // An IBAN's digits contain a card-like run; the IBAN wins as a whole.
        QList<Found> f = found(detector, u"IBAN DE89 3704 0044 0532 0130 00"_s);
        QCOMPARE(f.size(), 1);
        QCOMPARE(f[0].type, PiiType::Iban);
        // A URL password that contains an @-address shape stays one secret.
        f = found(detector, u"mysql://root:Pa55w0rd!x@db.example.com/app"_s);
        QCOMPARE(describe(f), u"SECRET:[Pa55w0rd!x]"_s);
        // A phone number and an SSN-shaped run in one candidate: no fragment left.
        const QString text = u"SSN 536-22-4789 or +1 201-555-0123 and jane@acme.com, 8.8.8.8"_s;
        const QList<PiiMatch> m = detector.find(text);
        QVERIFY(wellFormed(m, text.size()));
        QCOMPARE(describe(found(detector, text)),
                 u"SSN:[536-22-4789], PHONE:[+1 201-555-0123], EMAIL:[jane@acme.com], IP:[8.8.8.8]"_s);
        // A JWT after "Bearer" is one secret, not two.
        f = found(detector, u"Authorization: Bearer "_s + kJwt);
        QCOMPARE(f.size(), 1);
        // A private key block swallows everything inside it.
        const QString block = u"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA jane@acme.com\n"
                              u"-----END OPENSSH PRIVATE KEY-----"_s;
        f = found(detector, u"x "_s + block + u" y"_s);
        QCOMPARE(f.size(), 1);
        QCOMPARE(f[0].value, block);
    }

    void offsetsAreUtf16()
    {
        const PiiDetector detector;
        // Astral emoji (two code units each), combining marks, CJK and RTL text around values.
        const QString prefix = u"Grüße 👋🏽 — 電話は "_s;
        const QString text = prefix + u"+44 121 234 5678 • почта: jane@acme.com ✅ مرحبا 8.8.4.4"_s;
        const QList<PiiMatch> m = detector.find(text);
        QCOMPARE(m.size(), 3);
        QCOMPARE(m[0].start, prefix.size());
        QCOMPARE(text.mid(m[0].start, m[0].length), u"+44 121 234 5678"_s);
        QCOMPARE(text.mid(m[1].start, m[1].length), u"jane@acme.com"_s);
        QCOMPARE(text.mid(m[2].start, m[2].length), u"8.8.4.4"_s);
        // A non-breaking space between card groups is a separator like a space.
        const QString nbsp = u"card 4593\u00a07570\u00a01473\u00a00246"_s;
        const QList<PiiMatch> c = detector.find(nbsp);
        QCOMPARE(c.size(), 1);
        QCOMPARE(c[0].start, 5);
        QCOMPARE(c[0].length, 19);
        // Lone surrogates and NULs do not break anything.
        QString odd = u"a\u0000b jane@acme.com "_s;
        odd.append(QChar(0xD800));
        odd += u" 8.8.8.8"_s;
        QCOMPARE(detector.find(odd).size(), 2);
    }

    void emptyAndTinyInputs()
    {
        const PiiDetector detector;
        QVERIFY(detector.find(QStringView()).isEmpty());
        QVERIFY(detector.find(u""_s).isEmpty());
        QVERIFY(detector.find(u"@"_s).isEmpty());
        QVERIFY(detector.find(u"+"_s).isEmpty());
        QVERIFY(detector.find(u"-----BEGIN RSA PRIVATE KEY-----"_s).size() == 1);
        QVERIFY(detector.find(u"password="_s).isEmpty());
    }

    void largeInputsStayFast()
    {
        const PiiDetector detector;
        const QStringList bodies = {
            cleanDeveloperText(1 << 20),
            QString(1 << 20, u'7'),
            QString(1 << 20, u'a'),
            u"1.2."_s.repeated(1 << 18),
            u"a:"_s.repeated(1 << 19),
            u"x@"_s.repeated(1 << 19),
            u"password="_s.repeated(1 << 17),
            u"1 "_s.repeated(1 << 19),
            u"-----BEGIN RSA PRIVATE KEY-----\n"_s + QString(1 << 20, u'A'),
            u"jane@acme.com 4593 7570 1473 0246 +44 121 234 5678 "_s.repeated(1 << 14),
        };
        for (qsizetype i = 0; i < bodies.size(); ++i) {
            const QString &body = bodies[i];
            const double start = threadCpuMicros();
            const QList<PiiMatch> m = detector.find(body);
            const double ms = (threadCpuMicros() - start) / 1000.0;
            QVERIFY(wellFormed(m, body.size()));
            // The last body holds 49 152 values, a third of them phone numbers that libphonenumber
            // parses (about 40 us each); everything else is a linear scan.
            const double bound = i == bodies.size() - 1 ? 5000 : 500;
            qInfo("1 MB input %lld: %.1f ms CPU, %lld matches", qlonglong(i), ms, qlonglong(m.size()));
            QVERIFY2(ms < bound, qPrintable(u"%1 ms for %2"_s.arg(ms).arg(body.left(20))));
        }
    }

    void concurrentFindsAgree()
    {
        const PiiDetector detector;
        const QString text = u"jane@acme.com +44 121 234 5678 or (201) 555-0123 or 06 12 34 56 78 "_s + kGithub +
                             u" DE89 3704 0044 0532 0130 00 8.8.8.8"_s;
        const QList<PiiMatch> expected = detector.find(text);
        QCOMPARE(expected.size(), 7);
        std::atomic<int> mismatches = 0;
        std::vector<std::thread> threads;
        threads.reserve(4);
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 200; ++i) {
                    if (detector.find(text) != expected)
                        ++mismatches;
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(mismatches.load(), 0);
    }

    void validators()
    {
        QVERIFY(luhnValid(u"4111 1111 1111 1111"));
        QVERIFY(!luhnValid(u"4111 1111 1111 1112"));
        QVERIFY(!luhnValid(u"4111a1111"));
        QVERIFY(!luhnValid(u"0"));
        QCOMPARE(cardBrand(u"4111111111111111"), u"visa"_s);
        QCOMPARE(cardBrand(u"5500000000000004"), u"mastercard"_s);
        QCOMPARE(cardBrand(u"2720990000000007"), u"mastercard"_s);
        QCOMPARE(cardBrand(u"378282246310005"), u"amex"_s);
        QCOMPARE(cardBrand(u"6011111111111117"), u"discover"_s);
        QCOMPARE(cardBrand(u"3530111333300000"), u"jcb"_s);
        QCOMPARE(cardBrand(u"30569309025904"), u"diners"_s);
        QCOMPARE(cardBrand(u"6200000000000005"), u"unionpay"_s);
        QCOMPARE(cardBrand(u"501886167896"), u"maestro"_s);
        QCOMPARE(cardBrand(u"411111111111111"), QString()); // Visa has no 15-digit numbers
        QCOMPARE(cardBrand(u"9780306406157"), QString());
        QVERIFY(paymentCardValid(u"4111-1111-1111-1111"));
        QVERIFY(!paymentCardValid(u"4111-1111 1111-1111")); // mixed separators
        QVERIFY(!paymentCardValid(u"4111--1111-1111-1111"));
        QVERIFY(!paymentCardValid(u" 4111111111111111"));

        QCOMPARE(ibanLength(u"DE"), 22);
        QCOMPARE(ibanLength(u"NO"), 15);
        QCOMPARE(ibanLength(u"US"), 0);
        QCOMPARE(ibanLength(u"d"), 0);
        QVERIFY(ibanValid(u"DE89370400440532013000"));
        QVERIFY(ibanValid(u"DE89 3704 0044 0532 0130 00"));
        QVERIFY(ibanValid(u"NO9386011117947"));
        QVERIFY(ibanValid(u"MT84 MALT 0110 0001 2345 MTLC AST0 01S"));
        QVERIFY(!ibanValid(u"DE89 3704 0044 0532 0130 01"));
        QVERIFY(!ibanValid(u"DE8937 0400440532013000"));
        QVERIFY(!ibanValid(u"DE89 3704 0044 0532 0130 00 "));
        QVERIFY(!ibanValid(u"de89370400440532013000"));

        QVERIFY(usSsnValid(u"536-22-4789"));
        QVERIFY(usSsnValid(u"536 22 4789"));
        QVERIFY(usSsnValid(u"536224789"));
        QVERIFY(!usSsnValid(u"536-22 4789"));
        QVERIFY(!usSsnValid(u"900-22-4789"));
        QVERIFY(!usSsnValid(u"078-05-1120"));

        QVERIFY(emailValid(u"a.b+c@sub.example.co.uk"));
        QVERIFY(emailValid(u"x@xn--mnchen-3ya.de"));
        QVERIFY(emailValid(u"x@münchen.de"));
        QVERIFY(!emailValid(u"x@localhost"));
        QVERIFY(!emailValid(u".x@a.com"));
        QVERIFY(!emailValid(u"x..y@a.com"));
        QVERIFY(!emailValid(u"x@-a.com"));
        QVERIFY(!emailValid(u"x@a.c0m"));
        QVERIFY(!emailValid(u"icon@2x.png"));

        quint32 v4 = 0;
        QVERIFY(parseIpv4(u"8.8.4.4", &v4));
        QCOMPARE(v4, 0x08080404u);
        QVERIFY(!parseIpv4(u"1.2.3"));
        QVERIFY(!parseIpv4(u"1.2.3.4.5"));
        QVERIFY(!parseIpv4(u"256.1.1.1"));
        QVERIFY(!parseIpv4(u"01.1.1.1"));
        QVERIFY(isPublicIpv4(0x08080808));
        QVERIFY(!isPublicIpv4(0x0A000001));
        QVERIFY(!isPublicIpv4(0xAC1F0001)); // 172.31.0.1
        QVERIFY(isPublicIpv4(0xAC200001));  // 172.32.0.1

        std::array<quint8, 16> v6{};
        QVERIFY(parseIpv6(u"2001:db8::1", &v6));
        QCOMPARE(v6[15], quint8(1));
        QVERIFY(!isPublicIpv6(v6));
        QVERIFY(parseIpv6(u"2606:4700:4700::1111", &v6));
        QVERIFY(isPublicIpv6(v6));
        QVERIFY(parseIpv6(u"::ffff:1.2.3.4", &v6));
        QCOMPARE(v6[12], quint8(1));
        QVERIFY(parseIpv6(u"1:2:3:4:5:6:7:8"));
        QVERIFY(!parseIpv6(u"1:2:3:4:5:6:7:8:9"));
        QVERIFY(!parseIpv6(u"1::2::3"));
        QVERIFY(!parseIpv6(u"12:30:45"));
        QVERIFY(!parseIpv6(u"12345::1"));
        QVERIFY(!parseIpv6(u"1:2:3:4:5:6:7:"));

        QCOMPARE(shannonEntropy(u""), 0.0);
        QCOMPARE(shannonEntropy(u"aaaa"), 0.0);
        QCOMPARE(shannonEntropy(u"abcd"), 2.0);

        QVERIFY(isSecretPlaceholder(u"<your-api-key>"));
        QVERIFY(isSecretPlaceholder(u"${SECRET}"));
        QVERIFY(isSecretPlaceholder(u"xxxxxxxx"));
        QVERIFY(isSecretPlaceholder(u"os.environ['X']"));
        QVERIFY(!isSecretPlaceholder(u"Xk9#mP2$vL7q"));

        QVERIFY(jwtValid(kJwt));
        QVERIFY(!jwtValid(u"eyJhbGciOiJIUzI1NiJ9"));
        QVERIFY(!jwtValid(u"YWJj.ZGVm.Z2hp")); // not JSON
    }

    void corpus()
    {
        QFile file(corpusPath());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(u"cannot open "_s + file.fileName()));
        const PiiDetector detector;
        struct Tally
        {
            int values = 0, valuesFound = 0, reported = 0, reportedCorrect = 0, lookAlikes = 0, lookAlikesClean = 0;
        };
        QMap<QString, Tally> tally;
        QStringList failures;
        int rows = 0;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonObject row = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            ++rows;
            const QString id = row.value(u"id"_s).toString();
            const QString type = row.value(u"type"_s).toString();
            const QString text = row.value(u"text"_s).toString();
            const std::optional<PiiType> expectedType = piiTypeFromConfigName(type);
            QVERIFY2(expectedType, qPrintable(id + u": unknown type "_s + type));
            QStringList values;
            for (const QJsonValue &v : row.value(u"values"_s).toArray())
                values.append(v.toString());
            const QList<PiiMatch> matches = detector.find(text);
            QVERIFY2(wellFormed(matches, text.size()), qPrintable(id));
            QStringList got;
            for (const PiiMatch &m : matches)
                got.append(text.mid(m.start, m.length));
            Tally &t = tally[type];
            if (values.isEmpty()) {
                ++t.lookAlikes;
                if (got.isEmpty())
                    ++t.lookAlikesClean;
                else
                    failures.append(id + u" (look-alike) found: "_s + got.join(u" | "_s));
                t.reported += int(got.size());
                continue;
            }
            for (const QString &v : std::as_const(values)) {
                QVERIFY2(text.contains(v), qPrintable(id + u": value not in text: "_s + v));
                ++t.values;
                if (got.contains(v))
                    ++t.valuesFound;
                else
                    failures.append(id + u" missed: ["_s + v + u"] got: "_s + got.join(u" | "_s));
            }
            for (const QString &g : std::as_const(got)) {
                ++t.reported;
                if (values.contains(g))
                    ++t.reportedCorrect;
                else
                    failures.append(id + u" extra: ["_s + g + u']');
            }
        }
        for (auto it = tally.cbegin(); it != tally.cend(); ++it) {
            const Tally &t = it.value();
            const double recall = t.values ? 100.0 * t.valuesFound / t.values : 100.0;
            const double precision = t.reported ? 100.0 * t.reportedCorrect / t.reported : 100.0;
            qInfo("%-6s values %3d/%3d found (recall %5.1f%%), precision %5.1f%%, look-alikes clean %3d/%3d",
                  qPrintable(it.key()), t.valuesFound, t.values, recall, precision, t.lookAlikesClean, t.lookAlikes);
        }
        QVERIFY2(rows >= 300, qPrintable(u"corpus has only %1 rows"_s.arg(rows)));
        for (const QString &f : std::as_const(failures))
            qWarning("%s", qPrintable(f));
        QCOMPARE(failures.size(), 0);
    }

    void cost()
    {
        // Reported, not asserted beyond a generous bound: the figures go to docs.
        const PiiDetector detector;
        const QString clean1k = cleanDeveloperText(1024);
        const QString clean100k = cleanDeveloperText(100 * 1024);
        const QString pii = u" Reach jane.roe@acme.com or +44 121 234 5678; card 4593 7570 1473 0246; "_s + kGithub +
                            u" from 8.8.4.4.\n"_s;
        const QString dirty1k = clean1k.left(1024 - pii.size()) + pii;
        QString dirty100k = clean100k;
        for (qsizetype at = 0; at + pii.size() < dirty100k.size(); at += 10 * 1024)
            dirty100k.replace(at, pii.size(), pii);
        const auto measure = [&](const char *name, const QString &text) {
            const int rounds = text.size() > 10000 ? 50 : 2000;
            detector.find(text);
            const double start = threadCpuMicros();
            qsizetype n = 0;
            for (int i = 0; i < rounds; ++i)
                n += detector.find(text).size();
            const double us = (threadCpuMicros() - start) / rounds;
            qInfo("find() %-22s %8.1f us CPU per call (%lld matches)", name, us, qlonglong(n / rounds));
            QVERIFY(us < 200000);
        };
        measure("1 KB clean", clean1k);
        measure("1 KB with PII", dirty1k);
        measure("100 KB clean", clean100k);
        measure("100 KB with PII", dirty100k);
    }
};

QTEST_GUILESS_MAIN(TestPiiDetector)
#include "tst_piidetector.moc"
