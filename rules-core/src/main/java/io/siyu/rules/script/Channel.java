package io.siyu.rules.script;

import java.util.Objects;
import java.util.Optional;

/** Where a script is sent: to one customer, or to a group of customers. */
public enum Channel {
    /** A private, one-to-one chat with one customer (written {@code one_to_one} in {@code scripts.json}). */
    ONE_TO_ONE("one_to_one"),
    /** A group chat, such as a same-tag cohort group (written {@code group} in {@code scripts.json}). */
    GROUP("group");

    private final String id;

    Channel(String id) {
        this.id = id;
    }

    /** The name of the channel as written in {@code scripts.json}, e.g. {@code one_to_one}. */
    public String id() {
        return id;
    }

    /**
     * The channel written as {@code id} in {@code scripts.json} (exact, lower case), or empty when
     * there is none.
     */
    public static Optional<Channel> fromId(String id) {
        Objects.requireNonNull(id, "id");
        for (Channel channel : values()) {
            if (channel.id.equals(id)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
