package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import cn.duban.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * What a person reads when something is refused: a title and a reason in Chinese, never a Java class name; and a
 * page whose session expired gets a plain 401 (the page then goes to the login) instead of the browser's own
 * password box.
 */
@DubanTest
class ChineseErrorsIT {

    private static final Pattern LATIN_WORDS_ONLY = Pattern.compile("^[\\x00-\\x7F]*$");
    private static final Pattern JAVA_NAME = Pattern.compile("Exception|\\b[a-z]+\\.[a-z]+\\.[A-Za-z]");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    ObjectMapper json;

    @Test
    void aBrowserPageWhoseSessionExpiredGetsNoPasswordBoxAnApiClientStillGetsTheChallenge() throws Exception {
        HttpHeaders page = new HttpHeaders();
        page.add("Sec-Fetch-Mode", "cors");
        page.add("Sec-Fetch-Site", "same-origin");
        ResponseEntity<String> fromPage =
                rest.exchange("/api/dashboard/overview", HttpMethod.GET, new HttpEntity<>(page), String.class);
        assertThat(fromPage.getStatusCode().value()).isEqualTo(401);
        assertThat(fromPage.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        JsonNode problem = json.readTree(fromPage.getBody());
        assertThat(problem.path("title").asText()).isEqualTo("未登录");
        assertThat(problem.path("detail").asText()).contains("登录");

        ResponseEntity<String> fromClient = rest.getForEntity("/api/dashboard/overview", String.class);
        assertThat(fromClient.getStatusCode().value()).isEqualTo(401);
        assertThat(fromClient.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Basic");
    }

    @Test
    void refusalsHaveChineseTitlesAndNoJavaClassNames() {
        String unit = users.member("errors-unit", Orders.FINANCE.id());
        Http.Response forbidden = Http.as(rest, unit).get("/api/dashboard/overview");
        assertThat(forbidden.status()).isEqualTo(403);
        assertChinese(forbidden);

        Http.Response tooMany = Http.as(rest, unit)
                .get("/api/task-cards?ids="
                        + String.join(
                                ",",
                                Collections.nCopies(101, "x").stream()
                                        .map(x -> Orders.freshCode("t"))
                                        .toList()));
        assertThat(tooMany.status()).isEqualTo(400);
        assertChinese(tooMany);
        assertThat(tooMany.json().path("detail").asText()).isEqualTo("一次最多查询100个任务");

        Http.Response missing = Http.as(rest, unit).get("/api/task-cards");
        assertThat(missing.status()).isEqualTo(400);
        assertChinese(missing);

        WebappSession session = WebappSession.login(rest, unit, TestUsers.PASSWORD);
        for (Http.Response refused : new Http.Response[] {
            session.call(
                    HttpMethod.POST,
                    "/camunda/api/engine/engine/default/task/no-such-task/claim",
                    java.util.Map.of("userId", unit),
                    true),
            session.call(HttpMethod.GET, "/camunda/api/engine/engine/default/task/no-such-task", null, false),
            session.call(HttpMethod.GET, "/camunda/api/engine/engine/default/process-instance", null, false),
            session.call(
                    HttpMethod.POST,
                    "/camunda/api/engine/engine/default/task/no-such-task/attachment/create",
                    null,
                    true)
        }) {
            assertThat(refused.status()).as(refused.body()).isBetween(400, 499);
            assertThat(refused.body()).as("no Java class names").doesNotContainPattern(JAVA_NAME);
        }
    }

    private static void assertChinese(Http.Response response) {
        JsonNode body = response.json();
        assertThat(body.path("title").asText()).as(response.body()).isNotBlank().doesNotMatch(LATIN_WORDS_ONLY);
        assertThat(body.path("detail").asText()).as(response.body()).doesNotMatch(LATIN_WORDS_ONLY);
        assertThat(response.body()).doesNotContainPattern(JAVA_NAME);
    }
}
