package cn.duban.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local HTTP server that records every request (method, path with query, body) and answers each path with the
 * answers queued for it, then with {@code 200 {"errcode":0,"errmsg":"ok"}} as the robots and gateways do.
 */
public final class RecordingServer implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String method, String path, String query, String body) {}

    private record Answer(int status, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();

    private RecordingServer(HttpServer server) {
        this.server = server;
    }

    public static RecordingServer start(int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        RecordingServer recording = new RecordingServer(http);
        http.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            synchronized (recording.requests) {
                recording.requests.add(new Request(
                        exchange.getRequestMethod(),
                        path,
                        exchange.getRequestURI().getRawQuery(),
                        body));
            }
            Deque<Answer> queued = recording.answers.get(path);
            Answer answer = queued == null || queued.isEmpty()
                    ? new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}")
                    : queued.poll();
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
        return recording;
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    /** The next request to {@code path} gets this answer. */
    public RecordingServer answerNext(String path, int status, String body) {
        answers.computeIfAbsent(path, p -> new ArrayDeque<>()).add(new Answer(status, body));
        return this;
    }

    public List<Request> requests(String path) {
        synchronized (requests) {
            return requests.stream()
                    .filter(request -> request.path().equals(path))
                    .toList();
        }
    }

    public void clear() {
        synchronized (requests) {
            requests.clear();
        }
        answers.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
