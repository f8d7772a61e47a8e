package dev.grok4.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseParserTest {

    /** An event as seen by a test: type, data and the last event id at its dispatch. */
    record Event(String type, String data, String id) {}

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void eachLineEndingSeparatesEvents(String eol) {
        String body = "data: one" + eol + eol + "data: two" + eol + eol;

        assertThat(data(parseAll(bytes(body), 1000))).containsExactly("one", "two");
        assertThat(data(parseAll(bytes(body), 1))).containsExactly("one", "two");
    }

    @Test
    void crAtTheEndOfOneBufferAndLfAtTheStartOfTheNextAreOneLineEnding() {
        SseParser parser = new SseParser();
        List<Event> events = new ArrayList<>();

        feed(parser, bytes("data: a\r"), events);
        feed(parser, bytes("\n\r"), events);
        feed(parser, bytes("\ndata: b\r\n\r\n"), events);

        assertThat(data(events)).containsExactly("a", "b");
    }

    @Test
    void twoCrsAreTwoLineEndingsEvenAcrossBuffers() {
        SseParser parser = new SseParser();
        List<Event> events = new ArrayList<>();

        feed(parser, bytes("data: a\r"), events);
        feed(parser, bytes("\r"), events);

        assertThat(data(events)).containsExactly("a");
    }

    @Test
    void commentsAreIgnoredAndDoNotDispatch() {
        String body = ": keep-alive\n\n:another\ndata: x\n: inside\n\n";

        assertThat(data(parseAll(bytes(body), 3))).containsExactly("x");
    }

    @Test
    void multiLineDataIsJoinedWithLineFeeds() {
        String body = "data: first\ndata:second\ndata\ndata:  indented\n\n";

        assertThat(data(parseAll(bytes(body), 5))).containsExactly("first\nsecond\n\n indented");
    }

    @Test
    void onlyOneSpaceAfterTheColonIsRemoved() {
        assertThat(data(parseAll(bytes("data:  two spaces\n\n"), 100)))
                .containsExactly(" two spaces");
        assertThat(data(parseAll(bytes("data:none\n\n"), 100))).containsExactly("none");
    }

    @Test
    void eventIdAndRetryFieldsAreRead() {
        SseParser parser = new SseParser();
        List<Event> events = new ArrayList<>();

        feed(parser, bytes("retry: 2500\nid: 7\nevent: error\ndata: {}\n\ndata: next\n\n"),
                events);

        assertThat(events).containsExactly(new Event("error", "{}", "7"),
                new Event("message", "next", "7"));
        assertThat(parser.retryMillis()).isEqualTo(2500);
    }

    @Test
    void invalidRetryAndIdWithNulAreIgnored() {
        SseParser parser = new SseParser();
        List<Event> events = new ArrayList<>();

        feed(parser, bytes("retry: 12a\nid: a\u0000b\ndata: x\n\n"), events);

        assertThat(parser.retryMillis()).isEqualTo(-1);
        assertThat(parser.lastEventId()).isNull();
        assertThat(data(events)).containsExactly("x");
    }

    @Test
    void anEventWithoutDataIsNotDispatchedAndItsTypeIsForgotten() {
        List<Event> events = parseAll(bytes("event: ping\n\ndata: x\n\n"), 100);

        assertThat(events).containsExactly(new Event("message", "x", null));
    }

    @Test
    void anEmptyDataLineDispatchesAnEmptyEvent() {
        assertThat(data(parseAll(bytes("data:\n\n"), 100))).containsExactly("");
    }

    @Test
    void doneEndsTheStreamAndLaterInputIsDiscarded() {
        SseParser parser = new SseParser();
        ByteBuffer in = bytes("data: a\n\ndata: [DONE]\n\ndata: late\n\n");

        assertThat(parser.parse(in)).isEqualTo(SseParser.Signal.EVENT);
        assertThat(parser.parse(in)).isEqualTo(SseParser.Signal.DONE);
        assertThat(parser.isDone()).isTrue();
        assertThat(parser.parse(in)).isEqualTo(SseParser.Signal.DONE);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void aLeadingByteOrderMarkIsSkipped() {
        byte[] body = bytes("\uFEFFdata: x\n\n").array();

        assertThat(body[0]).isEqualTo((byte) 0xEF);
        assertThat(data(parseAll(ByteBuffer.wrap(body), 1))).containsExactly("x");
    }

    @Test
    void anUnfinishedEventIsReportedAsPartial() {
        SseParser parser = new SseParser();

        parser.parse(bytes("data: {\"a\":1}\n"));

        assertThat(parser.hasPartialEvent()).isTrue();
        parser.parse(bytes("\n"));
        assertThat(parser.hasPartialEvent()).isFalse();
    }

    @Test
    void multiByteCharactersSplitAtEveryOffsetComeOutWhole() {
        String text = "こんにちは🌏";
        byte[] body = bytes("data: " + text + "\n\n").array();

        for (int cut = 1; cut < body.length; cut++) {
            SseParser parser = new SseParser();
            List<Event> events = new ArrayList<>();
            feed(parser, ByteBuffer.wrap(body, 0, cut).slice(), events);
            feed(parser, ByteBuffer.wrap(body, cut, body.length - cut).slice(), events);
            assertThat(data(events)).as("cut at byte %d", cut).containsExactly(text);
        }
        assertThat(data(parseAll(ByteBuffer.wrap(body), 1))).containsExactly(text);
    }

    @Test
    void aLineOverTheLimitIsRejected() {
        SseParser parser = new SseParser(16);

        assertThatThrownBy(() -> parser.parse(bytes("data: 0123456789abcdef\n\n")))
                .isInstanceOf(SseFormatException.class).hasMessageContaining("16 bytes");
    }

    @Test
    void eventDataIsKeptInAReusedArrayWithoutCopies() {
        SseParser parser = new SseParser();
        ByteBuffer in = bytes("data: first\n\ndata: second\n\n");

        parser.parse(in);
        byte[] first = parser.data();
        parser.parse(in);

        assertThat(parser.data()).isSameAs(first);
        assertThat(parser.dataAsString()).isEqualTo("second");
    }

    static List<Event> parseAll(ByteBuffer body, int pieceSize) {
        SseParser parser = new SseParser();
        List<Event> events = new ArrayList<>();
        while (body.hasRemaining()) {
            int length = Math.min(pieceSize, body.remaining());
            ByteBuffer piece = body.slice().limit(length);
            body.position(body.position() + length);
            feed(parser, piece, events);
        }
        return events;
    }

    static void feed(SseParser parser, ByteBuffer piece, List<Event> events) {
        while (true) {
            SseParser.Signal signal = parser.parse(piece);
            if (signal == SseParser.Signal.NEED_INPUT) {
                assertThat(piece.hasRemaining()).isFalse();
                return;
            }
            if (signal == SseParser.Signal.DONE) {
                return;
            }
            events.add(new Event(parser.eventType(), parser.dataAsString(), parser.lastEventId()));
        }
    }

    static List<String> data(List<Event> events) {
        return events.stream().map(Event::data).toList();
    }

    static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
