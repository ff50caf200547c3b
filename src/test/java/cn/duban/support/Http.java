package cn.duban.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP calls as one user (or nobody), with JSON answers as trees. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;

    private Http(TestRestTemplate rest) {
        this.rest = rest;
    }

    public static Http as(TestRestTemplate rest, String userId) {
        return new Http(rest.withBasicAuth(userId, TestUsers.PASSWORD));
    }

    public static Http anonymous(TestRestTemplate rest) {
        return new Http(rest);
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, null, MediaType.APPLICATION_JSON);
    }

    public Response postJson(String path, Object body) {
        return exchange(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON);
    }

    public Response putJson(String path, Object body) {
        return exchange(HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON);
    }

    public Response delete(String path) {
        return exchange(HttpMethod.DELETE, path, null, MediaType.APPLICATION_JSON);
    }

    public Response postYaml(String path, String yaml) {
        return exchange(HttpMethod.POST, path, yaml, MediaType.parseMediaType("application/yaml;charset=UTF-8"));
    }

    private Response exchange(HttpMethod method, String path, Object body, MediaType contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(contentType);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        return new Response(response.getStatusCode().value(), response.getBody());
    }

    /** The camunda REST form of variables: {@code {"name": {"value": …}}}. */
    public static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return Map.of("variables", variables);
    }

    public record Response(int status, String body) {

        public JsonNode json() {
            try {
                return body == null ? JSON.nullNode() : JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
