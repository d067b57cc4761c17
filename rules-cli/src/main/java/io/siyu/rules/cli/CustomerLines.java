package io.siyu.rules.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.JsonInputException;
import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.decision.DecisionException;
import io.siyu.rules.pack.RulePack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The loop behind {@code siyu decide} and {@code siyu explain}: reads customers as JSON lines, decides
 * each, and reports each line's decision or error to a sink. A bad line does not stop the run.
 */
final class CustomerLines {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CustomerLines() {
    }

    /**
     * Runs a deciding command: opens the input, loads the pack, decides every line.
     *
     * @return {@link ExitCodes#OK} when every line was decided, {@link ExitCodes#SOME_LINES_FAILED} otherwise
     * @throws PackLoadFailure when the pack has errors
     */
    static int run(PackArguments packArguments, CustomerInput input, Streams streams, DecisionSink sink) {
        try (BufferedReader reader = input.open(streams)) {
            RulePack pack = packArguments.load();
            int failed = decideAll(pack, input.source(), reader, sink);
            return failed == 0 ? ExitCodes.OK : ExitCodes.SOME_LINES_FAILED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input.source() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Decides every non-blank line.
     *
     * @return how many lines failed
     */
    static int decideAll(RulePack pack, String source, BufferedReader lines, DecisionSink sink) throws IOException {
        DecisionJson reader = pack.json();
        ObjectMapper json = new ObjectMapper();
        int failed = 0;
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (number == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            if (!decide(pack, reader, json, source, number, line, sink)) {
                failed++;
            }
        }
        return failed;
    }

    /**
     * The customer id of a line that is a JSON object with a text {@code id}, though something else in it
     * is wrong: the error object keeps it, so that the caller knows which customer failed.
     */
    private static Optional<String> idOf(ObjectMapper json, String line) {
        try {
            JsonNode node = json.readTree(line);
            JsonNode id = node == null ? null : node.get("id");
            return id != null && id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private static boolean decide(RulePack pack, DecisionJson reader, ObjectMapper json, String source, int number,
                                  String line, DecisionSink sink) {
        Customer customer;
        try {
            customer = reader.readCustomer(source, number, line);
        } catch (JsonInputException e) {
            sink.failed(LineError.of(number, idOf(json, line), e));
            return false;
        }
        try {
            sink.decided(number, pack.decide(customer));
            return true;
        } catch (DecisionException e) {
            sink.failed(LineError.of(number, Optional.of(customer.getId()), e));
            return false;
        }
    }
}
