package cn.duban.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 as a client on the wire sends it: the request line exactly as given (no client normalises or re-encodes
 * {@code %2e%2e}, {@code //} or {@code ;jsessionid}), from a chosen loopback address, so the server sees another
 * client address (127.0.0.2, 127.0.0.3, … are all this machine).
 */
final class RawHttp {

    private final int port;
    private final String fromAddress;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private RawHttp(int port, String fromAddress) {
        this.port = port;
        this.fromAddress = fromAddress;
    }

    static RawHttp to(int port) {
        return new RawHttp(port, "127.0.0.1");
    }

    RawHttp from(String loopbackAddress) {
        RawHttp copy = new RawHttp(port, loopbackAddress);
        copy.headers.putAll(headers);
        return copy;
    }

    RawHttp basic(String user, String password) {
        return header(
                "Authorization",
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    RawHttp header(String name, String value) {
        RawHttp copy = from(fromAddress);
        copy.headers.put(name, value);
        return copy;
    }

    Response get(String rawPath) {
        return send("GET", rawPath, null, null);
    }

    Response postJson(String rawPath, String json) {
        return send("POST", rawPath, "application/json", json);
    }

    Response send(String method, String rawPath, String contentType, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method)
                .append(' ')
                .append(rawPath)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(port)
                .append("\r\n")
                .append("Accept: application/json, application/problem+json\r\n")
                .append("Connection: close\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return Response.read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + rawPath + " from " + fromAddress, e);
        }
    }

    /** Status, headers (names in lower case) and the body as text. */
    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        static Response read(InputStream in) throws IOException {
            byte[] all = in.readAllBytes();
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String head = new String(all, 0, end, StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? unchunk(rest) : rest;
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] unchunk(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = indexOf(
                                java.util.Arrays.copyOfRange(chunked, at, chunked.length),
                                "\r\n".getBytes(StandardCharsets.US_ASCII))
                        + at;
                String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
                int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                body.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toByteArray();
        }

        private static int indexOf(byte[] data, byte[] pattern) {
            outer:
            for (int i = 0; i + pattern.length <= data.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            throw new IllegalStateException("malformed HTTP response");
        }
    }
}
