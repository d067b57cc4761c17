package io.siyu.rules.codebook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The codes of a codebook as a trie over code points, built once at load so that decoding walks the
 * string once with an array lookup per ASCII character (no regex, no substring). Codes, retired codes
 * included, are prefix-free, so a node with a code is always a leaf. Immutable after construction.
 */
final class CodeTrie {
    /**
     * One step of the walk; {@link #ordinal} is the option's canonical ordinal where a code ends,
     * {@link #retired} the index of a retired code where one ends.
     */
    static final class Node {
        private final Node[] ascii = new Node[128];
        private final Map<Integer, Node> others = new HashMap<>();
        private int ordinal = -1;
        private int retired = -1;

        /** The node after this code point, or null when no code continues with it. */
        Node next(int codePoint) {
            return codePoint < 128 ? ascii[codePoint] : others.get(codePoint);
        }

        /** The canonical ordinal of the code that ends here, or {@code -1}. */
        int ordinal() {
            return ordinal;
        }

        /** The index of the retired code that ends here (see {@link CodeIndex#retiredCode}), or {@code -1}. */
        int retired() {
            return retired;
        }

        /** Whether a code, current or retired, ends here. */
        boolean endsCode() {
            return ordinal >= 0 || retired >= 0;
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

    /**
     * A trie of these codes; {@code codes.get(i)} gets ordinal {@code i}, {@code retired.get(i)} retired
     * index {@code i}. All of them together must be prefix-free.
     */
    CodeTrie(List<String> codes, List<String> retired) {
        for (int ordinal = 0; ordinal < codes.size(); ordinal++) {
            leaf(codes.get(ordinal)).ordinal = ordinal;
        }
        for (int r = 0; r < retired.size(); r++) {
            leaf(retired.get(r)).retired = r;
        }
    }

    private Node leaf(String code) {
        Node node = root;
        for (int i = 0; i < code.length(); ) {
            int cp = code.codePointAt(i);
            node = node.child(cp);
            i += Character.charCount(cp);
        }
        return node;
    }

    Node root() {
        return root;
    }
}
