package io.siyu.rules.cli;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.SavedEncoding;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;


import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Text lines read as strict UTF-8, one line at a time: the input of every command that reads lines (customers,
 * funnel events, decision logs). A line that is not UTF-8 is not decoded leniently (which would hand the rules
 * garbled text, decided as if it were right): it comes back with {@link Line#notUtf8()} saying what it seems to
 * be (GBK, UTF-16 or other), so that the caller reports that line and goes on with the next.
 *
 * <p>Lines end with {@code \n} or {@code \r\n}; a UTF-8 byte-order mark at the start is dropped. Not thread-safe:
 * one thread reads.
 */
final class Utf8Lines implements Closeable {
    /**
     * Why a line is not UTF-8.
     *
     * @param encoding what it seems to be instead
     * @param column   the 1-based column of the first character that is not UTF-8
     */
    record NotUtf8(SavedEncoding encoding, int column) {
        /** The message for line {@code line} of {@code source}: the problem and how to save the file as UTF-8. */
        String message(Locale locale, String source, int line) {
            String key = switch (encoding) {
                case GB18030 -> "input.not-utf8.gbk";
                case UTF_16 -> "input.not-utf8.utf16";
                case OTHER -> "input.not-utf8";
            };
            return CliMessages.format(locale, "input.problem-and-advice",
                    CliMessages.format(locale, key, source, line, column),
                    CliMessages.format(locale, "input.save-as-utf8"));
        }

        /** The problem as a diagnostic naming source, line and column. */
        Diagnostic diagnostic(Locale locale, String source, int line) {
            return Diagnostic.error(source, line, column, "input.not-utf8", message(locale, source, line));
        }
    }

    /**
     * One line.
     *
     * @param number  its 1-based number
     * @param text    its text without the line break; empty when it is not UTF-8
     * @param notUtf8 why it is not UTF-8; null when it is
     */
    record Line(int number, String text, NotUtf8 notUtf8) {
        boolean isUtf8() {
            return notUtf8 == null;
        }
    }

    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private boolean eof;
    private int number;

    Utf8Lines(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * The next line, or null at the end of the input.
     *
     * @throws IOException when the input cannot be read
     */
    Line next() throws IOException {
        int scanned = start;
        while (true) {
            for (int i = scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    Line line = decode(start, i);
                    start = i + 1;
                    return line;
                }
            }
            scanned = end;
            if (eof) {
                if (start == end) {
                    return null;
                }
                Line line = decode(start, end);
                start = end;
                return line;
            }
            scanned -= start;
            fill();
            scanned += start;
        }
    }

    /**
     * Whether a line may be read without waiting for the input (more bytes are buffered or available).
     *
     * @throws IOException when the input cannot be read
     */
    boolean ready() throws IOException {
        return start < end || !eof && in.available() > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Moves the unread bytes to the front, grows the buffer when they fill it, reads more. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    private Line decode(int from, int to) {
        number++;
        if (to > from && buffer[to - 1] == '\r') {
            to--;
        }
        if (number == 1 && to - from >= 3 && (buffer[from] & 0xFF) == 0xEF && (buffer[from + 1] & 0xFF) == 0xBB
                && (buffer[from + 2] & 0xFF) == 0xBF) {
            from += 3;
        }
        if (SavedEncoding.isUtf16(buffer, from, to)) {
            return new Line(number, "", new NotUtf8(SavedEncoding.UTF_16, 1));
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer, from, to - from);
        CharBuffer chars = CharBuffer.allocate(to - from);
        utf8.reset();
        CoderResult result = utf8.decode(bytes, chars, true);
        if (!result.isError()) {
            result = utf8.flush(chars);
        }
        if (result.isError()) {
            return new Line(number, "", new NotUtf8(SavedEncoding.guess(buffer, from, to), chars.position() + 1));
        }
        return new Line(number, chars.flip().toString(), null);
    }
}
