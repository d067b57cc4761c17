package io.siyu.rules.spring;

import java.util.Map;

/**
 * Reads a health indicator of Spring Boot 3 ({@code org.springframework.boot.actuate.health}) or 4
 * ({@code org.springframework.boot.health.contributor}) alike, so that the same tests run on both: the two APIs have
 * the same method names in different packages.
 */
final class HealthProbe {
    private HealthProbe() {
    }

    record Result(String status, Map<String, Object> details) {
    }

    @SuppressWarnings("unchecked")
    static Result check(Object indicator) {
        try {
            Object health = indicator.getClass().getMethod("health").invoke(indicator);
            Object status = health.getClass().getMethod("getStatus").invoke(health);
            String code = (String) status.getClass().getMethod("getCode").invoke(status);
            Map<String, Object> details = (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health);
            return new Result(code, details);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("not a health indicator: " + indicator.getClass(), e);
        }
    }
}
