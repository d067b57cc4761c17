package io.siyu.rules.script;

import java.util.Objects;

/**
 * The consistent character who speaks a script, such as Perfect Diary's "小丸子". Templates refer to
 * the persona's display name as {@code {persona}}.
 *
 * @param id          the id scripts use to name the persona, e.g. {@code xiaowanzi}
 * @param name        the display name inserted for {@code {persona}}, e.g. {@code 小丸子}
 * @param description a note for staff on who the persona is; empty when not given
 */
public record Persona(String id, String name, String description) {
    public Persona {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}
