package io.siyu.rules.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siyu.rules.diagnostic.Diagnostic;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every refusal of the service in the documented shape ({@code {"error", "message"}}, with {@code "problems"} when
 * there are places to name) and in the language of {@code Accept-Language}: the controller's {@link Problem}s and
 * Spring MVC's own refusals (404 for a path the service does not have, 405 for a method, 406, 415, a body Spring
 * cannot read), which would otherwise be Spring Boot's {@code {"timestamp", "status", "error"}}. A controller advice
 * rather than an {@code ErrorController}: its API is the same on Spring Boot 3.5 and 4.
 */
@RestControllerAdvice
class CrmErrors {
    private static final Logger LOG = LoggerFactory.getLogger(CrmErrors.class);

    private final ObjectMapper mapper;

    CrmErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ExceptionHandler(Problem.class)
    ResponseEntity<String> problem(Problem problem) {
        return answer(problem.status(), new HttpHeaders(), problem.error(), problem.getMessage(), problem.problems());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> spring(Exception e, HttpServletRequest request) {
        Locale locale = CrmController.locale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String target = request.getMethod() + " " + request.getRequestURI();
        HttpStatusCode status = e instanceof ErrorResponse response ? response.getStatusCode()
                : e instanceof org.springframework.http.converter.HttpMessageNotReadableException
                ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpHeaders headers = new HttpHeaders();
        if (e instanceof ErrorResponse response) {
            // Allow (405), Accept (415) ...: what the client needs to send the request right.
            headers.addAll(response.getHeaders());
        }
        String error;
        String message;
        switch (status.value()) {
            case 404 -> {
                error = "not-found";
                message = SampleMessages.format(locale, "http.not-found", target);
            }
            case 405 -> {
                error = "method-not-allowed";
                String allowed = e instanceof HttpRequestMethodNotSupportedException m && m.getSupportedMethods() != null
                        ? String.join(", ", m.getSupportedMethods()) : "";
                message = SampleMessages.format(locale, "http.method-not-allowed", target, allowed);
            }
            case 415 -> {
                error = "not-json";
                String type = e instanceof HttpMediaTypeNotSupportedException m && m.getContentType() != null
                        ? m.getContentType().toString() : "";
                message = SampleMessages.format(locale, "body.not-json", type);
            }
            case 406 -> {
                error = "not-acceptable";
                message = SampleMessages.format(locale, "http.not-acceptable", target);
            }
            default -> {
                if (status.is5xxServerError()) {
                    // An unexpected failure: the stack trace for the operator; no request data is in it from us.
                    LOG.error("{} failed", target, e);
                    error = "internal-error";
                    message = SampleMessages.format(locale, "http.internal-error", target);
                } else {
                    error = "bad-request";
                    message = SampleMessages.format(locale, "http.bad-request", target, status.value());
                }
            }
        }
        return answer(HttpStatus.valueOf(status.value()), headers, error, message, List.of());
    }

    private ResponseEntity<String> answer(HttpStatus status, HttpHeaders headers, String error, String message,
                                          List<Diagnostic> diagnostics) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        if (!diagnostics.isEmpty()) {
            body.put("problems", problems(diagnostics));
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return ResponseEntity.status(status).headers(headers).body(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response", e);
        }
    }

    /** Diagnostics as the documented {@code "problems"}. */
    static List<Map<String, Object>> problems(List<Diagnostic> diagnostics) {
        List<Map<String, Object>> problems = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("path", d.path());
            p.put("line", d.line());
            p.put("column", d.column());
            p.put("key", d.key());
            p.put("message", d.message());
            p.put("file", d.file());
            problems.add(p);
        }
        return problems;
    }
}
