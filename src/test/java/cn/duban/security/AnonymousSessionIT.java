package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.TestUsers;
import cn.duban.support.WebappSession;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions live in PostgreSQL (duban.spring_session), shared by every node: only a login may store one. Visitors
 * who are not logged in (a load balancer's probe, a crawler, someone opening the login page, a wrong password, an
 * API call without credentials) leave no row behind, however many requests they make.
 */
@DubanTest
class AnonymousSessionIT {

    private static final List<String> PAGES = List.of(
            "/",
            "/favicon.ico",
            "/no-such-page",
            "/error",
            "/camunda-welcome",
            "/duban/dashboard.html",
            "/duban/task.html?code=CJ-1",
            "/duban/review.html",
            "/duban/done.html",
            "/duban/api.js",
            "/webjars/echarts/5.5.0/echarts.min.js",
            "/camunda/app/tasklist/default/",
            "/camunda/app/cockpit/default/",
            "/camunda/app/admin/default/",
            "/camunda/app/welcome/default/",
            "/camunda/app/tasklist/scripts/config.js",
            "/camunda/api/admin/auth/user/default",
            "/camunda/api/engine/engine/default/task",
            "/camunda/api/engine/engine/default/user/admin/profile",
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
            "/api/me",
            "/api/plans",
            "/api/dashboard/overview",
            "/api/my/done-tasks",
            "/engine-rest/task",
            "/engine-rest/engine",
            "/actuator/health",
            "/actuator/prometheus",
            "/swagger-ui.html",
            "/v3/api-docs",
            "/swagger-ui/index.html",
            "/duban/public.html?plan=CJ-1",
            "/duban/public.js",
            "/public/plans/CJ-1",
            "/public/plans/no-such-plan");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void requestsWithoutALoginStoreNoSession() {
        String user = users.member("session-office", DubanGroups.SUPERVISION_OFFICE);
        long before = sessions();

        for (int round = 0; round < 3; round++) {
            for (String page : PAGES) {
                rest.getForEntity(page, String.class);
            }
            post("/api/plans", MediaType.parseMediaType("application/yaml"), "code: X");
            post("/engine-rest/task/no-such-task/claim", MediaType.APPLICATION_JSON, "{\"userId\":\"x\"}");
            post("/camunda/api/engine/engine/default/task/no-such-task/claim", MediaType.APPLICATION_JSON, "{}");
            post("/duban/dashboard.html", MediaType.APPLICATION_FORM_URLENCODED, "x=1");
            post("/public/plans/CJ-1", MediaType.APPLICATION_JSON, "{}");
            post("/logout", MediaType.APPLICATION_FORM_URLENCODED, "");
            assertThat(WebappSession.attempt(rest, user, "wrong-password")
                            .getStatusCode()
                            .value())
                    .isEqualTo(401);
        }

        assertThat(sessions())
                .as("sessions stored by %d requests without a login", 3 * (PAGES.size() + 7))
                .isEqualTo(before);
    }

    @Test
    void aLoginStoresExactlyOneSessionThatWorks() {
        String user = users.member("session-leader", DubanGroups.LEADERS);
        long before = sessions();

        WebappSession session = WebappSession.login(rest, user, TestUsers.PASSWORD);

        assertThat(sessions()).isEqualTo(before + 1);
        assertThat(session.call(HttpMethod.GET, "/api/me", null, false).status())
                .isEqualTo(200);
        assertThat(session.call(
                                HttpMethod.GET,
                                "/camunda/api/engine/engine/default/user/" + user + "/profile",
                                null,
                                false)
                        .status())
                .isEqualTo(200);
        assertThat(sessions()).as("the same session, used again").isEqualTo(before + 1);
    }

    private ResponseEntity<String> post(String path, MediaType type, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private long sessions() {
        return jdbc.sql("select count(*) from duban.spring_session")
                .query(Long.class)
                .single();
    }
}
