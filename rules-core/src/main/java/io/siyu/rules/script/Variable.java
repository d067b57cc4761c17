package io.siyu.rules.script;

import java.util.Objects;
import java.util.Optional;

/**
 * A variable that the templates of a script library may use, declared under {@code variables}.
 *
 * @param name         the name written between braces in a template, e.g. {@code nickname}
 * @param defaultValue the value used when neither the caller nor the script gives one; empty when the
 *                     variable must be supplied at render time (typically from the customer's attributes)
 * @param description  a note for staff on where the value comes from; empty when not given
 */
public record Variable(String name, Optional<String> defaultValue, String description) {
    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
    }
}
