// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The response filter chain on canonical events and buffered answers: TextReplaceFilter's
// hold-back for matches split across pieces (every split), chained filters, blocks, and the
// end-of-response hook (headers for buffered answers, comments for streams).
#include "proxycore/pipeline/responsefilterrun.h"
#include "proxycore/pipeline/textreplacefilter.h"

#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;
using namespace llmproxy;
using canonical::StreamEvent;

namespace {

StreamEvent blockStart(int index, canonical::BlockKind kind)
{
    StreamEvent e;
    e.type = StreamEvent::Type::BlockStart;
    e.index = index;
    e.blockKind = kind;
    return e;
}

StreamEvent delta(int index, const QString &text, canonical::DeltaKind kind = canonical::DeltaKind::Text)
{
    StreamEvent e;
    e.type = StreamEvent::Type::BlockDelta;
    e.index = index;
    e.deltaKind = kind;
    e.text = text;
    return e;
}

StreamEvent simple(StreamEvent::Type type, int index = 0)
{
    StreamEvent e;
    e.type = type;
    e.index = index;
    return e;
}

/// The text of the deltas of block `index`.
QString textOf(const QList<StreamEvent> &events, int index)
{
    QString text;
    for (const StreamEvent &e : events) {
        if (e.type == StreamEvent::Type::BlockDelta && e.index == index)
            text += e.text;
    }
    return text;
}

ResponseFilterChainPtr chainOf(QList<QPair<QString, QString>> replacements)
{
    auto chain = std::make_shared<ResponseFilterChain>();
    chain->append(std::make_shared<TextReplaceFilter>(std::move(replacements)));
    return chain;
}

class CommentingFilter : public ResponseFilter
{
public:
    QByteArray name() const override { return QByteArrayLiteral("commenting"); }
    QString filterText(int, TextKind, const QString &text, FilterControl &) override { return text; }
    void endResponse(ResponseEnd &end) override
    {
        end.addHeader(QByteArrayLiteral("X-Signature"), end.answerText().toUtf8());
        end.addStreamComment("sig " + end.answerText().toUtf8());
    }
};

} // namespace

class TestResponseFilter : public QObject
{
    Q_OBJECT
private slots:
    void replacesLiterals_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none") << u"plain text"_s << u"plain text"_s;
        QTest::newRow("one") << u"mail [EMAIL_1] now"_s << u"mail a@b.c now"_s;
        QTest::newRow("two") << u"[EMAIL_1][EMAIL_1]"_s << u"a@b.ca@b.c"_s;
        QTest::newRow("longest at same start") << u"[EMAIL_12]"_s << u"x@y.z"_s;
        QTest::newRow("prefix only") << u"[EMAIL_"_s << u"[EMAIL_"_s;
        QTest::newRow("near miss") << u"[EMAIL_3]"_s << u"[EMAIL_3]"_s;
        QTest::newRow("replacement not searched again") << u"[LOOP]"_s << u"[LOOP] [LOOP]"_s;
    }
    void replacesLiterals()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const QList<QPair<QString, QString>> replacements{{QStringLiteral("[EMAIL_1]"), QStringLiteral("a@b.c")},
                                                          {QStringLiteral("[EMAIL_12]"), QStringLiteral("x@y.z")},
                                                          {QStringLiteral("[LOOP]"), QStringLiteral("[LOOP] [LOOP]")}};
        // Every way of cutting the text into two and three pieces gives the same answer.
        for (qsizetype i = 0; i <= input.size(); ++i) {
            for (qsizetype j = i; j <= input.size(); ++j) {
                TextReplaceFilter f(replacements);
                FilterControl control;
                QString out = f.filterText(0, TextKind::Content, input.first(i), control);
                out += f.filterText(0, TextKind::Content, input.sliced(i, j - i), control);
                out += f.filterText(0, TextKind::Content, input.sliced(j), control);
                out += f.endBlock(0, TextKind::Content, control);
                QCOMPARE(out, expected);
            }
        }
    }

    void holdsBackOnlyWhatCouldStillMatch()
    {
        TextReplaceFilter f({{QStringLiteral("[EMAIL_1]"), QStringLiteral("a@b.c")}});
        FilterControl control;
        QCOMPARE(f.filterText(0, TextKind::Content, QStringLiteral("write to [EMA"), control),
                 QStringLiteral("write to "));
        QCOMPARE(f.filterText(0, TextKind::Content, QStringLiteral("IL_1] or"), control), QStringLiteral("a@b.c or"));
        QCOMPARE(f.filterText(1, TextKind::Content, QStringLiteral("["), control), QString());
        QCOMPARE(f.endBlock(1, TextKind::Content, control), QStringLiteral("["));
    }

    void appliesOnlyToTheChosenKinds()
    {
        TextReplaceFilter f({{QStringLiteral("x"), QStringLiteral("y")}}, {TextKind::Content});
        FilterControl control;
        QCOMPARE(f.filterText(0, TextKind::ToolArguments, QStringLiteral("x"), control), QStringLiteral("x"));
        QCOMPARE(f.filterText(0, TextKind::Content, QStringLiteral("x"), control), QStringLiteral("y"));
    }

    void streamEventsReleaseHeldTextBeforeTheBlockStops()
    {
        ResponseFilterRun run(chainOf({{QStringLiteral("[NAME_1]"), QStringLiteral("Ada")}}), true);
        run.begin();
        QList<StreamEvent> out = run.filterEvents({simple(StreamEvent::Type::MessageStart),
                                                   blockStart(0, canonical::BlockKind::Text), delta(0, u"Hi [NA"_s)});
        QCOMPARE(textOf(out, 0), QStringLiteral("Hi "));
        out += run.filterEvents({delta(0, u"ME_1]! ["_s), simple(StreamEvent::Type::BlockStop, 0)});
        QCOMPARE(textOf(out, 0), QStringLiteral("Hi Ada! ["));
        QCOMPARE(out.last().type, StreamEvent::Type::BlockStop); // the released "[" came before it
        // Tool arguments are filtered too; signatures and redacted thinking never.
        out = run.filterEvents({blockStart(1, canonical::BlockKind::ToolCall),
                                delta(1, u"{\"to\":\"[NAME_1]\"}"_s, canonical::DeltaKind::ToolArguments),
                                simple(StreamEvent::Type::BlockStop, 1), blockStart(2, canonical::BlockKind::Thinking),
                                delta(2, u"[NAME_1]"_s, canonical::DeltaKind::Signature),
                                simple(StreamEvent::Type::BlockStop, 2)});
        QCOMPARE(textOf(out, 1), QStringLiteral("{\"to\":\"Ada\"}"));
        QCOMPARE(textOf(out, 2), QStringLiteral("[NAME_1]"));
    }

    void chainedFiltersSeeEachOthersOutput()
    {
        auto chain = chainOf({{QStringLiteral("ab"), QStringLiteral("X")}});
        chain->append(std::make_shared<TextReplaceFilter>(QList<QPair<QString, QString>>{{u"Xc"_s, u"done"_s}}));
        ResponseFilterRun run(chain, true);
        run.begin();
        const QList<StreamEvent> out =
            run.filterEvents({blockStart(0, canonical::BlockKind::Text), delta(0, u"a"_s), delta(0, u"b"_s),
                              delta(0, u"c"_s), delta(0, u"X"_s), simple(StreamEvent::Type::BlockStop, 0)});
        QCOMPARE(textOf(out, 0), QStringLiteral("doneX"));
    }

    void endOfResponseHookSeesTheFilteredAnswer()
    {
        auto chain = chainOf({{QStringLiteral("a"), QStringLiteral("b")}});
        chain->append(std::make_shared<CommentingFilter>());
        ResponseFilterRun stream(chain, true);
        stream.begin();
        const QList<StreamEvent> out =
            stream.filterEvents({blockStart(0, canonical::BlockKind::Text), delta(0, u"aa"_s),
                                 simple(StreamEvent::Type::BlockStop), simple(StreamEvent::Type::MessageStop)});
        QCOMPARE(out.last().type, StreamEvent::Type::MessageStop);
        QCOMPARE(stream.takeStreamComments(), QByteArray(": sig bb\n\n"));
        QVERIFY(stream.headers().isEmpty());

        ResponseFilterRun buffered(chain, false);
        buffered.begin();
        canonical::Response response;
        response.content = {canonical::ContentPart::makeText(QStringLiteral("aa"))};
        QVERIFY(buffered.filterResponse(response));
        QCOMPARE(response.content.at(0).text, QStringLiteral("bb"));
        QCOMPARE(buffered.headers().size(), 1);
        QCOMPARE(buffered.headers().at(0).first, QByteArray("x-signature"));
        QCOMPARE(buffered.headers().at(0).second, QByteArray("bb"));
        QVERIFY(buffered.takeStreamComments().isEmpty());
    }

    void unchangedBufferedAnswerReportsNoChange()
    {
        ResponseFilterRun run(chainOf({{QStringLiteral("zzz"), QStringLiteral("y")}}), false);
        run.begin();
        canonical::Response response;
        canonical::ContentPart call;
        call.kind = canonical::PartKind::ToolCall;
        call.arguments = QStringLiteral("{}");
        response.content = {canonical::ContentPart::makeText(QStringLiteral("text")), call};
        QVERIFY(!run.filterResponse(response));
    }

    void blockStopsTheEvents()
    {
        class Blocker : public ResponseFilter
        {
        public:
            QByteArray name() const override { return "blocker"; }
            QString filterText(int, TextKind, const QString &text, FilterControl &control) override
            {
                if (text.contains(u"bad")) {
                    canonical::Error e;
                    e.code = QStringLiteral("blocked");
                    control.block(e);
                }
                return text;
            }
        };
        auto chain = std::make_shared<ResponseFilterChain>();
        chain->append(std::make_shared<Blocker>());
        ResponseFilterRun run(chain, true);
        run.begin();
        const QList<StreamEvent> out = run.filterEvents(
            {blockStart(0, canonical::BlockKind::Text), delta(0, u"ok "_s), delta(0, u"bad"_s), delta(0, u"more"_s)});
        QVERIFY(run.isBlocked());
        QCOMPARE(run.blockError().code, QStringLiteral("blocked"));
        QCOMPARE(textOf(out, 0), QStringLiteral("ok "));
        run.begin(); // a new answer starts unblocked
        QVERIFY(!run.isBlocked());
    }
};

QTEST_GUILESS_MAIN(TestResponseFilter)
#include "tst_responsefilter.moc"
