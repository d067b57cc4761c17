package io.siyu.rules.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The standard streams one run of {@code siyu} reads and writes, always as UTF-8 whatever the platform's
 * default encoding. Immutable; the streams themselves are not closed by siyu.
 *
 * @param in       standard input (customers as JSON lines)
 * @param out      standard output (results)
 * @param err      standard error (problems, never personal data)
 * @param outBytes the byte stream under {@code out}, for text already encoded as UTF-8 (flush {@code out} first)
 * @param errBytes the byte stream under {@code err}, likewise
 */
record Streams(InputStream in, PrintWriter out, PrintWriter err, OutputStream outBytes, OutputStream errBytes) {
    Streams {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(outBytes, "outBytes");
        Objects.requireNonNull(errBytes, "errBytes");
    }

    /** UTF-8 writers over the byte streams; they flush on every {@code println}. */
    static Streams of(InputStream in, OutputStream out, OutputStream err) {
        return new Streams(in, utf8(out), utf8(err), out, err);
    }

    /** Standard input as lines of strict UTF-8 text. */
    Utf8Lines stdin() {
        return new Utf8Lines(in);
    }

    private static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(Objects.requireNonNull(stream), StandardCharsets.UTF_8), true);
    }
}
