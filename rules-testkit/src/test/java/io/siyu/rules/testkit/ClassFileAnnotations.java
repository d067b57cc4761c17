package io.siyu.rules.testkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The annotations a class file records on a method, as type descriptors ({@code Lorg/assertj/core/annotation/
 * CheckReturnValue;}), read from the class file itself.
 *
 * <p>Reflection cannot answer this for AssertJ's {@code @CheckReturnValue}: it has CLASS retention (javac and
 * Error Prone read it from class files; the JVM drops it), so {@link Method#getAnnotations()} never lists it. The
 * class file format is in chapter 4 of the JVM specification; this reads just enough of it.
 */
final class ClassFileAnnotations {
    private ClassFileAnnotations() {
    }

    /** The annotation types on {@code method}, visible and invisible, in the class file of its declaring class. */
    static List<String> of(Method method) {
        String key = method.getName() + MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                .toMethodDescriptorString();
        return read(method.getDeclaringClass()).getOrDefault(key, List.of());
    }

    /** Name + descriptor of each method to its annotation types. */
    private static Map<String, List<String>> read(Class<?> type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream stream = type.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException("no class file " + resource);
            }
            DataInputStream in = new DataInputStream(stream);
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalStateException(resource + " is not a class file");
            }
            in.readUnsignedShort(); // minor version
            in.readUnsignedShort(); // major version
            String[] utf8 = constantPool(in);
            in.readUnsignedShort(); // access flags
            in.readUnsignedShort(); // this class
            in.readUnsignedShort(); // super class
            in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
            members(in, utf8); // fields
            return members(in, utf8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pool's UTF-8 entries by index (the other entries are skipped; null there). */
    private static String[] constantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF(); // the class file's modified UTF-8 is what readUTF reads
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // longs and doubles take two entries
                }
                default -> throw new IllegalStateException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        return utf8;
    }

    /** Fields or methods: name + descriptor to annotation types. */
    private static Map<String, List<String>> members(DataInputStream in, String[] utf8) throws IOException {
        Map<String, List<String>> annotations = new HashMap<>();
        int count = in.readUnsignedShort();
        for (int m = 0; m < count; m++) {
            in.readUnsignedShort(); // access flags
            String key = utf8[in.readUnsignedShort()] + utf8[in.readUnsignedShort()];
            List<String> types = new ArrayList<>();
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String name = utf8[in.readUnsignedShort()];
                long length = Integer.toUnsignedLong(in.readInt());
                if (name.equals("RuntimeInvisibleAnnotations") || name.equals("RuntimeVisibleAnnotations")) {
                    int n = in.readUnsignedShort();
                    for (int i = 0; i < n; i++) {
                        types.add(annotation(in, utf8));
                    }
                } else {
                    in.skipNBytes(length);
                }
            }
            annotations.put(key, types);
        }
        return annotations;
    }

    /** Reads one annotation and returns its type. */
    private static String annotation(DataInputStream in, String[] utf8) throws IOException {
        String type = utf8[in.readUnsignedShort()];
        int pairs = in.readUnsignedShort();
        for (int p = 0; p < pairs; p++) {
            in.readUnsignedShort(); // element name
            skipElementValue(in, utf8);
        }
        return type;
    }

    private static void skipElementValue(DataInputStream in, String[] utf8) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> in.skipNBytes(2);
            case 'e' -> in.skipNBytes(4);
            case '@' -> annotation(in, utf8);
            case '[' -> {
                int n = in.readUnsignedShort();
                for (int i = 0; i < n; i++) {
                    skipElementValue(in, utf8);
                }
            }
            default -> throw new IllegalStateException("unknown element value tag " + (char) tag);
        }
    }
}
