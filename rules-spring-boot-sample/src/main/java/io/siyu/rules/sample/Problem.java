package io.siyu.rules.sample;

import io.siyu.rules.diagnostic.Diagnostic;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A request the service refuses, as the documented problem shape: {@code {"error", "message"}} and, when there are
 * places to name, {@code "problems": [{"path", "line", "column", "key", "message", "file"}]}. Thrown by the
 * controller's helpers and answered by {@link CrmErrors}; the message and the problems are already in the client's
 * language and never hold the customer's data.
 */
final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String error;
    private final transient List<Diagnostic> problems;

    /**
     * A problem.
     *
     * @param status   the HTTP status
     * @param error    the stable kind ({@code "bad-customer"}, {@code "too-large"} ...)
     * @param message  what is wrong and what to do, in the client's language
     * @param problems each place, or empty for none (then the body has no {@code "problems"})
     */
    Problem(HttpStatus status, String error, String message, List<Diagnostic> problems) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.problems = List.copyOf(problems);
    }

    HttpStatus status() {
        return status;
    }

    String error() {
        return error;
    }

    List<Diagnostic> problems() {
        return problems;
    }
}
