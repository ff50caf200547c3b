package cn.duban.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The path a request names, read the way the servlets behind it may read it: percent-escapes decoded (also when
 * encoded twice), {@code ;parameters} dropped, empty and {@code .} segments removed, {@code ..} applied, no trailing
 * slash. Decisions about security (is this a login, is this a password oracle) are taken on this form, so that
 * {@code /%61pi/me}, {@code /api/me/} and {@code /api/me} are one and the same address.
 */
final class RequestPaths {

    private static final int MAX_DECODING_ROUNDS = 3;

    private RequestPaths() {}

    /** The request's path within the application, normalised. */
    public static String normalised(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return normalise(uri.startsWith(context) ? uri.substring(context.length()) : uri);
    }

    /**
     * Camunda's {@code identity/verify} checks any user's password and answers whether it is right, outside of every
     * login (and so of the login throttle): under {@code /engine-rest}, its engine-named alias
     * {@code /engine-rest/engine/{name}/…} and the webapps' copy {@code /camunda/api/engine/engine/{name}/…}.
     * Nothing in Duban needs it; this matches each of them in any spelling.
     */
    public static RequestMatcher passwordOracles() {
        return request -> normalised(request).toLowerCase(Locale.ROOT).endsWith("/identity/verify");
    }

    static String normalise(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String raw : rawPath.split("/")) {
            int parameters = raw.indexOf(';');
            String segment = decode(parameters < 0 ? raw : raw.substring(0, parameters));
            for (String part : segment.split("/")) {
                if (part.equals("..")) {
                    segments.pollLast();
                } else if (!part.isEmpty() && !part.equals(".")) {
                    segments.addLast(part);
                }
            }
        }
        return "/" + String.join("/", segments);
    }

    /** Percent-escapes decoded until none is left (or a few rounds); a malformed escape stays as it is. */
    private static String decode(String segment) {
        String decoded = segment;
        for (int round = 0; round < MAX_DECODING_ROUNDS && decoded.indexOf('%') >= 0; round++) {
            String next = decodeOnce(decoded);
            if (next.equals(decoded)) {
                break;
            }
            decoded = next;
        }
        return decoded;
    }

    private static String decodeOnce(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            int high = i + 2 < raw.length && raw[i] == '%' ? Character.digit(raw[i + 1], 16) : -1;
            int low = high < 0 ? -1 : Character.digit(raw[i + 2], 16);
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
