package cn.duban.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Posts JSON to a robot or gateway and reads its answer. WeCom and DingTalk answer 200 even when they refuse
 * ({@code {"errcode":310000,…}}), so a non-zero {@code errcode} fails like a bad status: the outbox tries again.
 */
@Component
class Webhooks {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper json;

    Webhooks(ObjectMapper json) {
        this.json = json;
    }

    String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void post(String url, String jsonBody) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response =
                Client.HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + " from " + redacted(url));
        }
        String body = response.body();
        if (body != null && body.strip().startsWith("{")) {
            JsonNode answer = json.readTree(body);
            if (answer.has("errcode") && answer.path("errcode").asInt() != 0) {
                throw new IOException("errcode " + answer.path("errcode").asText() + " ("
                        + answer.path("errmsg").asText() + ") from " + redacted(url));
            }
        }
    }

    /**
     * The HTTP client, made when the first notice goes out: building it sets up TLS (a few hundred classes and the
     * default SSL context), which a node that sends nothing, or not yet, need not pay for at start-up.
     */
    private static final class Client {
        static final HttpClient HTTP =
                HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** The URL without its query, which holds the robot's key or token. */
    static String redacted(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }
}
