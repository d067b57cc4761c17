package io.siyu.rules.sample;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.SavedEncoding;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads a request body that must be JSON text, before anything reads it as JSON: a JSON content type (or none), at
 * most {@code maxBytes} bytes (413 past them, without reading more than one byte past the limit), not empty, and
 * strict UTF-8 (a body in GBK or UTF-16 decoded leniently would be decided as garbled text). Each refusal is a
 * {@link Problem} in the client's language. Stateless and thread-safe.
 */
final class JsonBody {
    /** The name of the request body in diagnostics. */
    static final String BODY = "body";

    private JsonBody() {
    }

    /**
     * The body's text.
     *
     * @param request  the request
     * @param maxBytes the most bytes a body may have
     * @param error    the kind of a problem with the body ({@code "bad-customer"}, {@code "bad-event"})
     * @param locale   the client's language
     * @return the body, decoded as UTF-8, without a UTF-8 byte-order mark
     * @throws Problem     415 for a content type that is not JSON, 413 over {@code maxBytes}, 400 ({@code error}) for
     *                     an empty body or one that is not UTF-8 (naming the line and column of the first bad byte)
     * @throws IOException when the body cannot be read from the connection
     */
    static String read(HttpServletRequest request, long maxBytes, String error, Locale locale) throws IOException {
        checkContentType(request.getContentType(), locale);
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes, locale);
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            // One byte past the limit tells a body over it from one exactly at it; a chunked body has no length.
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes, locale);
        }
        int from = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text = decode(bytes, from, error, locale);
        if (text.isBlank()) {
            throw new Problem(HttpStatus.BAD_REQUEST, error, SampleMessages.format(locale, "body.empty"),
                    List.of(Diagnostic.error(BODY, 1, 1, "body.empty", SampleMessages.format(locale, "body.empty"))));
        }
        return text;
    }

    /** JSON ({@code application/json}, {@code application/*+json}) or no content type at all. */
    private static void checkContentType(String contentType, Locale locale) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        boolean json;
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            json = MediaType.APPLICATION_JSON.includes(type) || "application".equals(type.getType())
                    && type.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException unreadable) {
            json = false;
        }
        if (!json) {
            // Only the media type goes into the message: it is a header, not the customer's data.
            String shown = contentType.length() > 80 ? contentType.substring(0, 80) + "…" : contentType;
            throw new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-json",
                    SampleMessages.format(locale, "body.not-json", shown), List.of());
        }
    }

    private static Problem tooLarge(long maxBytes, Locale locale) {
        return new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
                SampleMessages.format(locale, "body.too-large", maxBytes), List.of());
    }

    /** Strict UTF-8; on the first bad byte, a 400 naming its line and column and what the body seems to be. */
    private static String decode(byte[] bytes, int from, String error, Locale locale) {
        if (SavedEncoding.isUtf16(bytes, from, bytes.length)) {
            throw notUtf8(SavedEncoding.UTF_16, 1, 1, error, locale);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(bytes.length - from);
        CoderResult result = utf8.decode(ByteBuffer.wrap(bytes, from, bytes.length - from), chars, true);
        if (!result.isError()) {
            result = utf8.flush(chars);
        }
        if (result.isError()) {
            // chars holds the text before the first bad byte: its line and column are the bad byte's.
            int end = chars.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < end; i++) {
                if (chars.get(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw notUtf8(SavedEncoding.guess(bytes, from, bytes.length), line, end - lineStart + 1, error, locale);
        }
        return chars.flip().toString();
    }

    private static Problem notUtf8(SavedEncoding encoding, int line, int column, String error, Locale locale) {
        String key = switch (encoding) {
            case GB18030 -> "body.not-utf8.gbk";
            case UTF_16 -> "body.not-utf8.utf16";
            case OTHER -> "body.not-utf8";
        };
        String message = SampleMessages.format(locale, key, line, column);
        return new Problem(HttpStatus.BAD_REQUEST, error, message,
                List.of(Diagnostic.error(BODY, line, column, "body.not-utf8", message)));
    }
}
