// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The one SHA-256 helper against the FIPS 180-2 / NIST example vectors, against Qt's independent
// implementation for every length around the block boundaries, and from many threads at once.
#include "proxycore/util/sha256.h"

#include "tests/support/concurrency.h"

#include <QCryptographicHash>
#include <QTest>

#include <atomic>

using namespace llmproxy;

class TestSha256 : public QObject
{
    Q_OBJECT

private slots:
    void manyThreadsAtOnce()
    {
        // First slot, so the threads race on the first use, which fetches the digest description.
        const QByteArray expected = QCryptographicHash::hash("key", QCryptographicHash::Sha256);
        std::atomic<int> wrong = 0;
        test::runConcurrently(8, [&](int) {
            for (int i = 0; i < 1'000; ++i) {
                if (sha256("key") != expected)
                    ++wrong;
            }
        });
        QCOMPARE(wrong.load(), 0);
    }

    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("hex");
        QTest::newRow("empty") << QByteArray()
                               << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                  << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("896 bits") << QByteArray("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                                                "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
                                  << QByteArray("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
        QTest::newRow("million a") << QByteArray(1'000'000, 'a')
                                   << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
        QTest::newRow("NUL byte") << QByteArray(1, '\0')
                                  << QByteArray("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    void knownVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, hex);
        QCOMPARE(sha256Hex(input), hex);
        QCOMPARE(sha256(input), QByteArray::fromHex(hex));
        QCOMPARE(sha256(input).size(), Sha256Size);
    }

    void agreesWithQtAroundBlockBoundaries()
    {
        QByteArray data;
        for (int length = 0; length <= 200; ++length) {
            QCOMPARE(sha256(data), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
            data.append(char(length * 37 + 11));
        }
    }

    void viewOfPartOfABuffer()
    {
        const QByteArray buffer("xxabcxx");
        QCOMPARE(sha256(QByteArrayView(buffer).sliced(2, 3)), sha256("abc"));
    }

    void incrementalInAnyPieces()
    {
        // The same digest however the input is cut, empty pieces included.
        QByteArray data;
        for (int i = 0; i < 300; ++i)
            data.append(char(i * 13 + 5));
        for (const qsizetype piece :
             {qsizetype(1), qsizetype(7), qsizetype(63), qsizetype(64), qsizetype(65), qsizetype(300)}) {
            Sha256 hash;
            hash.addData({});
            for (qsizetype at = 0; at < data.size(); at += piece)
                hash.addData(QByteArrayView(data).sliced(at, qMin(piece, data.size() - at)));
            QCOMPARE(hash.result(), sha256(data));
        }
        QCOMPARE(Sha256().result(), sha256(QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
