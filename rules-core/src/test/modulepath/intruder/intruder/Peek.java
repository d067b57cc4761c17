package intruder;

import io.siyu.rules.internal.json.JsonReader;

import java.util.Locale;

/** Uses the library's position-keeping JSON reader, which is not part of its API. */
public final class Peek {
    public static void main(String[] args) {
        System.out.println(new JsonReader("x.json", "io.siyu.rules.internal.json.messages", Locale.ROOT).file());
    }
}
