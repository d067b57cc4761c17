package io.siyu.rules.internal.files;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.SavedEncoding;
import io.siyu.rules.internal.i18n.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way every file a person edits is read: whole, as strict UTF-8 (a byte-order mark is
 * dropped), no larger than {@link #MAX_BYTES}. A file that cannot be read becomes one diagnostic in
 * one wording for every format: that it cannot be read and why, that it is too large, or that it is not
 * UTF-8 — with the line and column of the first byte that is not, and, when the bytes read as GBK /
 * GB18030 (what many Chinese Windows editors save by default), saying so.
 *
 * <p>Stateless and thread-safe.
 */
public final class PackFiles {
    /**
     * The largest file a pack may hold, in bytes: 4 MiB. A rule pack is hand-edited text; anything larger
     * is a mistake (a log or an export saved under a pack file's name) that would only exhaust memory.
     */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final String BUNDLE = "io.siyu.rules.internal.files.messages";

    /** What kind of file is read: names it in messages and prefixes the diagnostic keys. */
    public enum Kind {
        /** {@code codebook.json} or a codebook file on its own: keys {@code codebook.*}. */
        CODEBOOK("codebook"),
        /** {@code scripts.json} or a script library on its own: keys {@code script.*}. */
        SCRIPTS("script"),
        /** Any other file of a rule pack ({@code pack.json}, {@code funnel.json}, rule files): keys {@code pack.*}. */
        PACK_FILE("pack"),
        /** A table of test cases ({@code tests/*.csv}): keys {@code cases.*}. */
        CASES("cases");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The prefix of this kind's diagnostic keys, e.g. {@code codebook} for {@code codebook.unreadable}. */
        public String keyPrefix() {
            return prefix;
        }
    }

    private PackFiles() {
    }

    /**
     * Reads a file. On failure adds one error to {@code problems} and returns empty.
     *
     * @param file     the file to read
     * @param name     the file as diagnostics name it (relative to its pack where it has one)
     * @param kind     what kind of file it is
     * @param locale   the language of the diagnostic
     * @param problems where a problem is added
     * @return the text, without a byte-order mark, or empty when the file cannot be used
     */
    public static Optional<String> read(Path file, String name, Kind kind, Locale locale, List<Diagnostic> problems) {
        return read(file, name, kind, locale, problems, new IOException[1]);
    }

    /**
     * Reads a file, or throws the exception {@code failure} makes of its one problem, with the I/O error (if
     * that was the problem) as its cause: for a file loaded on its own, such as a codebook file.
     *
     * @param failure makes the exception from the problems (one diagnostic); not null
     * @return the text, without a byte-order mark
     * @throws E when the file cannot be read, is too large or is not UTF-8
     */
    public static <E extends RuntimeException> String readOrThrow(Path file, String name, Kind kind, Locale locale,
                                                                  Function<List<Diagnostic>, E> failure) {
        List<Diagnostic> problems = new ArrayList<>();
        IOException[] cause = new IOException[1];
        Optional<String> text = read(file, name, kind, locale, problems, cause);
        if (text.isPresent()) {
            return text.get();
        }
        E e = failure.apply(List.copyOf(problems));
        if (cause[0] != null) {
            e.initCause(cause[0]);
        }
        throw e;
    }

    /**
     * Reads a file from a stream (a file of a pack on the class path, in an archive, in memory): at most
     * {@link #MAX_BYTES} bytes are taken, then {@link #decode} decodes them. On failure adds one error to
     * {@code problems} and returns empty. Does not close the stream.
     *
     * @param in       the file's bytes
     * @param name     the file as diagnostics name it (relative to its pack)
     * @param kind     what kind of file it is
     * @param locale   the language of the diagnostic
     * @param problems where a problem is added
     * @return the text, without a byte-order mark, or empty when the file is too large or not UTF-8
     * @throws IOException when the stream cannot be read (the caller names the file: {@link #unreadable})
     */
    public static Optional<String> read(InputStream in, String name, Kind kind, Locale locale,
                                        List<Diagnostic> problems) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            Messages messages = Messages.of(BUNDLE, locale);
            problems.add(Diagnostic.error(name, 0, 0, kind.keyPrefix() + ".too-large",
                    messages.format("file.too-large.stream", what(messages, kind, name), MAX_BYTES)));
            return Optional.empty();
        }
        return decode(bytes, name, kind, locale, problems);
    }

    private static Optional<String> read(Path file, String name, Kind kind, Locale locale, List<Diagnostic> problems,
                                         IOException[] cause) {
        Objects.requireNonNull(file, "file");
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.add(tooLarge(name, kind, size, locale));
                return Optional.empty();
            }
            return decode(Files.readAllBytes(file), name, kind, locale, problems);
        } catch (IOException e) {
            cause[0] = e;
            problems.add(unreadable(name, kind, e, locale));
            return Optional.empty();
        }
    }

    /**
     * Decodes a file's bytes as strict UTF-8, dropping a byte-order mark. On failure adds one error to
     * {@code problems} (naming the line and column of the first byte that is not UTF-8) and returns empty.
     */
    public static Optional<String> decode(byte[] bytes, String name, Kind kind, Locale locale,
                                          List<Diagnostic> problems) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > MAX_BYTES) {
            problems.add(tooLarge(name, kind, bytes.length, locale));
            return Optional.empty();
        }
        int start = hasBom(bytes) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) ((bytes.length - start) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (SavedEncoding.isUtf16(bytes, 0, bytes.length)) {
            // Its ASCII bytes alternate with zero bytes: decoded as UTF-8 it would "stop" somewhere far on.
            problems.add(notUtf8(name, kind, "", SavedEncoding.UTF_16, locale));
            return Optional.empty();
        }
        if (result.isError()) {
            problems.add(notUtf8(name, kind, out.flip(), SavedEncoding.guess(bytes, start, bytes.length), locale));
            return Optional.empty();
        }
        return Optional.of(out.flip().toString());
    }

    /** The error for a file that cannot be read, with the reason the system gives. */
    public static Diagnostic unreadable(String name, Kind kind, IOException e, Locale locale) {
        Messages messages = Messages.of(BUNDLE, locale);
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return Diagnostic.error(name, 0, 0, kind.keyPrefix() + ".unreadable",
                messages.format("file.unreadable", what(messages, kind, name), reason));
    }

    private static Diagnostic tooLarge(String name, Kind kind, long size, Locale locale) {
        Messages messages = Messages.of(BUNDLE, locale);
        return Diagnostic.error(name, 0, 0, kind.keyPrefix() + ".too-large",
                messages.format("file.too-large", what(messages, kind, name), size, MAX_BYTES));
    }

    /** @param decoded the text before the first bad byte */
    private static Diagnostic notUtf8(String name, Kind kind, CharSequence decoded, SavedEncoding encoding,
                                      Locale locale) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < decoded.length(); i++) {
            if (decoded.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        Messages messages = Messages.of(BUNDLE, locale);
        String advice = messages.format(kind == Kind.CASES ? "file.save-csv-as-utf8" : "file.save-as-utf8");
        String key = switch (encoding) {
            case GB18030 -> "file.not-utf8.gbk";
            case UTF_16 -> "file.not-utf8.utf16";
            case OTHER -> "file.not-utf8";
        };
        String problem = messages.format(key, what(messages, kind, name), line, column);
        return Diagnostic.error(name, line, column, kind.keyPrefix() + ".not-utf8",
                messages.format("file.problem-and-advice", problem, advice));
    }

    private static String what(Messages messages, Kind kind, String name) {
        return messages.format("kind." + kind.keyPrefix(), name);
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }
}
