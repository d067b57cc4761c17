package io.siyu.rules.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.DecisionException;
import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.decision.JsonInputException;
import io.siyu.rules.pack.RulePack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loop behind {@code siyu decide} and {@code siyu explain}: reads customers as JSON lines, decides each, and
 * writes each line's decision or error, in input order. A bad line does not stop the run.
 *
 * <p>Three stages, so that two cores are both busy and memory stays flat whatever the input's size: the calling
 * thread reads lines into chunks (at most {@value #CHUNK_LINES} lines, fewer when no more input is waiting, so
 * that a slow producer still gets each answer at once); {@code threads} workers read, decide and format each
 * chunk's lines; one writer writes the chunks in the order they were read, flushing after each. At most
 * {@code 4 × threads} chunks are in flight: reading waits for the writer rather than buffering the input.
 */
final class CustomerLines {
    /** The most lines of one chunk. */
    static final int CHUNK_LINES = 256;
    /**
     * What one chunk of work gives back: the text to write, already UTF-8 (encoding on the workers, not on the one
     * writer: the writer encoding every chunk was the bottleneck of {@code siyu decide}, BENCHMARKS.md issue 16
     * session 3), and how many lines failed.
     */
    private record Written(byte[] text, int failed) {
    }

    private static final Future<Written> END = CompletableFuture.completedFuture(new Written(new byte[0], 0));

    private CustomerLines() {
    }

    /**
     * Runs a deciding command: opens the input, loads the pack, decides every line.
     *
     * @return {@link ExitCodes#OK} when every line was decided, {@link ExitCodes#SOME_LINES_FAILED} otherwise
     * @throws PackLoadFailure when the pack has errors
     */
    static int run(PackArguments packArguments, CustomerInput input, Streams streams, DecisionSink sink) {
        return run(packArguments, Optional.empty(), input, streams, sink);
    }

    /**
     * Runs a deciding command with its pack loaded through the compiled-pack cache in {@code cache}, if any.
     *
     * @return {@link ExitCodes#OK} when every line was decided, {@link ExitCodes#SOME_LINES_FAILED} otherwise
     * @throws PackLoadFailure when the pack has errors
     */
    static int run(PackArguments packArguments, Optional<Path> cache, CustomerInput input, Streams streams,
                   DecisionSink sink) {
        try (Utf8Lines reader = input.open(streams)) {
            RulePack pack = packArguments.load(false, cache, streams.err());
            // A pack that loads may still have warnings (a compiled part that no longer matches its files, a
            // timezone that differs between pack.json and funnel.json): said once, on standard error, before the
            // decisions; standard output keeps only the decisions.
            pack.warnings().forEach(w -> streams.err().println(w.format(packArguments.locale())));
            streams.err().flush();
            int failed = decideAll(pack, input.source(), packArguments.locale(), reader, sink, streams.out(),
                    streams.outBytes(), input.threads());
            return failed == 0 ? ExitCodes.OK : ExitCodes.SOME_LINES_FAILED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input.source() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Decides every non-blank line, on {@code threads} threads, writing the outcomes in input order. A line that is
     * not UTF-8 fails on its own (its message in {@code locale}), and the next lines are still decided.
     *
     * @param out   the writer of the output's text, flushed before anything is written to {@code bytes}
     * @param bytes the byte stream under {@code out}: the outcomes are written there, as UTF-8
     * @return how many lines failed
     * @throws IOException when the input cannot be read
     */
    static int decideAll(RulePack pack, String source, Locale locale, Utf8Lines lines, DecisionSink sink,
                         PrintWriter out, OutputStream bytes, int threads) throws IOException {
        Work work = new Work(pack, source, locale, sink);
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemon("siyu decide worker"));
        BlockingQueue<Future<Written>> inFlight = new ArrayBlockingQueue<>(4 * threads);
        out.flush(); // what the command wrote before stays before the outcomes
        Writer writer = new Writer(inFlight, bytes, sink.separator());
        Thread writing = daemon("siyu decide writer").newThread(writer);
        writing.start();
        try {
            List<Utf8Lines.Line> chunk = new ArrayList<>(CHUNK_LINES);
            for (Utf8Lines.Line line = lines.next(); line != null && writer.failure == null; line = lines.next()) {
                if (!line.isUtf8() || !line.text().isBlank()) {
                    chunk.add(line);
                }
                // A chunk goes when full, or when no more input is waiting (a producer that writes one line at
                // a time gets its answer before it writes the next).
                if (chunk.size() == CHUNK_LINES || !chunk.isEmpty() && !lines.ready()) {
                    List<Utf8Lines.Line> todo = chunk;
                    put(inFlight, workers.submit(() -> work.decide(todo)));
                    chunk = new ArrayList<>(CHUNK_LINES);
                }
            }
            if (!chunk.isEmpty()) {
                List<Utf8Lines.Line> todo = chunk;
                put(inFlight, workers.submit(() -> work.decide(todo)));
            }
        } finally {
            put(inFlight, END);
            join(writing);
            workers.shutdownNow();
        }
        if (writer.failure != null) {
            throw writer.failure instanceof RuntimeException r ? r
                    : new IllegalStateException("deciding failed: " + writer.failure, writer.failure);
        }
        return writer.failed.get();
    }

    /** Reads, decides and formats lines; thread-safe (every part it uses is). */
    private static final class Work {
        private final RulePack pack;
        private final String source;
        private final Locale locale;
        private final DecisionSink sink;
        private final DecisionJson reader;
        private final ObjectMapper json = new ObjectMapper();

        Work(RulePack pack, String source, Locale locale, DecisionSink sink) {
            this.pack = pack;
            this.source = source;
            this.locale = locale;
            this.sink = sink;
            this.reader = pack.json();
        }

        Written decide(List<Utf8Lines.Line> lines) {
            StringBuilder text = new StringBuilder(lines.size() * 1024);
            String separator = sink.separator();
            int failed = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    text.append(separator);
                }
                Utf8Lines.Line line = lines.get(i);
                if (!line.isUtf8()) {
                    // Never decided leniently: garbled text would be decided as if it were right.
                    String message = line.notUtf8().message(locale, source, line.number());
                    text.append(sink.failed(new LineError(line.number(), Optional.empty(), message,
                            List.of(line.notUtf8().diagnostic(locale, source, line.number())))));
                    failed++;
                    continue;
                }
                Customer customer;
                try {
                    customer = reader.readCustomer(source, line.number(), line.text());
                } catch (JsonInputException e) {
                    text.append(sink.failed(LineError.of(line.number(), idOf(line.text()), e)));
                    failed++;
                    continue;
                }
                try {
                    text.append(sink.decided(line.number(), pack.decide(customer)));
                } catch (DecisionException e) {
                    text.append(sink.failed(LineError.of(line.number(), Optional.of(customer.getId()), e)));
                    failed++;
                }
            }
            return new Written(text.toString().getBytes(StandardCharsets.UTF_8), failed);
        }

        /**
         * The customer id of a line that is a JSON object with a text {@code id}, though something else in it is
         * wrong: the error object keeps it, so that the caller knows which customer failed.
         */
        private Optional<String> idOf(String line) {
            try {
                JsonNode node = json.readTree(line);
                JsonNode id = node == null ? null : node.get("id");
                return id != null && id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText())
                        : Optional.empty();
            } catch (JsonProcessingException notJson) {
                return Optional.empty();
            }
        }
    }

    /** Writes the chunks in the order they were read; remembers the first failure (a bug) and stops on it. */
    private static final class Writer implements Runnable {
        private final BlockingQueue<Future<Written>> inFlight;
        private final OutputStream out;
        private final byte[] separator;
        private final AtomicInteger failed = new AtomicInteger();
        private volatile Throwable failure;

        Writer(BlockingQueue<Future<Written>> inFlight, OutputStream out, String separator) {
            this.inFlight = inFlight;
            this.out = out;
            this.separator = separator.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void run() {
            boolean first = true;
            while (true) {
                Future<Written> next;
                try {
                    next = inFlight.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                    return;
                }
                if (next == END) {
                    try {
                        out.flush();
                    } catch (IOException e) {
                        failure = new UncheckedIOException("cannot write the output: " + e.getMessage(), e);
                    }
                    return;
                }
                if (failure != null) {
                    next.cancel(true);
                    continue; // drain, so that the reader is never blocked on a full queue
                }
                try {
                    Written w = next.get();
                    if (w.text().length > 0) {
                        if (!first) {
                            out.write(separator);
                        }
                        out.write(w.text());
                        out.flush();
                        first = false;
                    }
                    failed.addAndGet(w.failed());
                } catch (ExecutionException e) {
                    failure = e.getCause();
                } catch (IOException e) {
                    failure = new UncheckedIOException("cannot write the output: " + e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                    return;
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            }
        }
    }

    private static void put(BlockingQueue<Future<Written>> queue, Future<Written> f) {
        try {
            queue.put(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deciding", e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deciding", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + " " + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
