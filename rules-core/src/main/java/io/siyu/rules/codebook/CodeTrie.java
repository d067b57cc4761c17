package io.siyu.rules.codebook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The codes of a codebook as a trie over code points, built once at load so that decoding walks the
 * string once with an array lookup per ASCII character (no regex, no substring). Codes are
 * prefix-free, so a node with a code is always a leaf. Immutable after construction.
 */
final class CodeTrie {
    /** One step of the walk; {@link #ordinal} is the option's canonical ordinal where a code ends. */
    static final class Node {
        private final Node[] ascii = new Node[128];
        private final Map<Integer, Node> others = new HashMap<>();
        private int ordinal = -1;

        /** The node after this code point, or null when no code continues with it. */
        Node next(int codePoint) {
            return codePoint < 128 ? ascii[codePoint] : others.get(codePoint);
        }

        /** The canonical ordinal of the code that ends here, or {@code -1} inside a code. */
        int ordinal() {
            return ordinal;
        }

        private Node child(int codePoint) {
            if (codePoint < 128) {
                if (ascii[codePoint] == null) {
                    ascii[codePoint] = new Node();
                }
                return ascii[codePoint];
            }
            return others.computeIfAbsent(codePoint, cp -> new Node());
        }
    }

    private final Node root = new Node();

    /** A trie of these codes; {@code codes.get(i)} gets ordinal {@code i}. Codes must be prefix-free. */
    CodeTrie(List<String> codes) {
        for (int ordinal = 0; ordinal < codes.size(); ordinal++) {
            Node node = root;
            String code = codes.get(ordinal);
            for (int i = 0; i < code.length(); ) {
                int cp = code.codePointAt(i);
                node = node.child(cp);
                i += Character.charCount(cp);
            }
            node.ordinal = ordinal;
        }
    }

    Node root() {
        return root;
    }
}
