package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A page of another site cannot make a browser that holds a user's HTTP Basic credentials change anything through
 * /api, /engine-rest or the actuator: by its Origin or Sec-Fetch-Site header, or, for a browser that sends neither,
 * by the form content types such a page can send without a header a form cannot set. Clients that are not browsers
 * (curl, other systems) keep working as before.
 */
@DubanTest
class CrossSiteRequestIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @LocalServerPort
    int port;

    private String office;

    @BeforeEach
    void anOfficeUser() {
        office = users.member("cross-site-office", DubanGroups.SUPERVISION_OFFICE);
    }

    @Test
    void aPlanPostedFromAnotherSitesPageIsRefusedAndNothingIsImported() throws Exception {
        String code = Orders.freshCode("CSRF");
        ResponseEntity<String> fromOrigin =
                post("/api/plans", TEXT, plan(code), Map.of("Origin", "http://evil.example"));
        ResponseEntity<String> fromFetchSite =
                post("/api/plans", TEXT, plan(code), Map.of("Sec-Fetch-Site", "cross-site"));
        ResponseEntity<String> fromSandbox = post("/api/plans", TEXT, plan(code), Map.of("Origin", "null"));
        ResponseEntity<String> sameSite = post(
                "/api/plans",
                YAML,
                plan(code),
                Map.of("Origin", "http://intranet.localhost:" + port, "Sec-Fetch-Site", "same-site"));

        for (ResponseEntity<String> response : List.of(fromOrigin, fromFetchSite, fromSandbox, sameSite)) {
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
            assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(JSON.readTree(response.getBody()).path("detail").asText())
                    .contains("其他网站");
        }
        assertThat(plansImported(code)).isZero();
    }

    @Test
    void aFormContentTypeWithoutAHeaderFormsCannotSendIsRefused() throws Exception {
        // An old browser that sends no Origin: only the content type tells a form's post from a program's.
        String code = Orders.freshCode("CSRF");
        ResponseEntity<String> text = post("/api/plans", TEXT, plan(code), Map.of());
        ResponseEntity<String> upload = upload(code, Map.of());
        ResponseEntity<String> urlEncoded =
                post("/api/plan-drafts", MediaType.APPLICATION_FORM_URLENCODED, "code=" + code, Map.of());

        for (ResponseEntity<String> response : List.of(text, upload, urlEncoded)) {
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
            assertThat(JSON.readTree(response.getBody()).path("detail").asText())
                    .contains("X-Requested-With");
        }
        assertThat(plansImported(code)).isZero();
        assertThat(jdbc.sql("select count(*) from act_hi_procinst where business_key_ = ?")
                        .param(code + "-01")
                        .query(Long.class)
                        .single())
                .isZero();
        // Without credentials there is nothing to forge: the caller is asked to log in, as before.
        assertThat(rest.exchange(
                                "/api/plans",
                                HttpMethod.POST,
                                new HttpEntity<>(plan(code), textHeaders()),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void programsKeepWorkingWithAJsonOrYamlBodyOrWithTheHeader() {
        String yamlCode = Orders.freshCode("CURL");
        assertThat(post("/api/plans", YAML, plan(yamlCode), Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        String textCode = Orders.freshCode("CURL");
        assertThat(post("/api/plans", TEXT, plan(textCode), Map.of("X-Requested-With", "curl"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        String uploadCode = Orders.freshCode("CURL");
        assertThat(upload(uploadCode, Map.of("X-Duban-Request", "1"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        assertThat(plansImported(yamlCode) + plansImported(textCode) + plansImported(uploadCode))
                .isEqualTo(3);
    }

    @Test
    void aPageOfDubanItselfMayPostEvenAForm() {
        String sameOrigin = Orders.freshCode("PAGE");
        assertThat(post(
                                "/api/plans",
                                TEXT,
                                plan(sameOrigin),
                                Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        String typedAddress = Orders.freshCode("PAGE");
        assertThat(post("/api/plans", YAML, plan(typedAddress), Map.of("Sec-Fetch-Site", "none"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(plansImported(sameOrigin) + plansImported(typedAddress)).isEqualTo(2);
    }

    @Test
    void everyStateChangingMethodOnEveryApiIsGuardedButReadsAreNot() {
        String code = Orders.freshCode("CSRF");
        String instanceId = dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of()));
        String taskId = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .singleResult()
                .getId();
        Map<String, String> evil = Map.of("Origin", "http://evil.example");
        String admin = users.member("cross-site-admin", DubanGroups.CAMUNDA_ADMIN);

        assertThat(exchange(
                                office,
                                HttpMethod.POST,
                                "/api/plan-tasks/" + code + "/urges",
                                MediaType.APPLICATION_JSON,
                                "{\"message\":\"伪造的催办\"}",
                                evil)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(exchange(
                                admin,
                                HttpMethod.POST,
                                "/engine-rest/task/" + taskId + "/claim",
                                MediaType.APPLICATION_JSON,
                                "{\"userId\":\"" + admin + "\"}",
                                evil)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(exchange(admin, HttpMethod.DELETE, "/engine-rest/process-instance/" + instanceId, null, null, evil)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(exchange(admin, HttpMethod.PUT, "/api/calendar/2031", MediaType.APPLICATION_JSON, "[]", evil)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(exchange(admin, HttpMethod.POST, "/actuator/health", MediaType.APPLICATION_JSON, "{}", evil)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .isNull();
        assertThat(jdbc.sql("select times_urged from duban.task_supervision where task_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();

        // A read changes nothing; without CORS the other site's page cannot see the answer anyway.
        assertThat(exchange(office, HttpMethod.GET, "/api/plans", null, null, evil)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void forwardedHeadersDoNotMakeAnotherOriginOursUnlessTheForwardHeadersStrategyIsOn() {
        String code = Orders.freshCode("CSRF");
        ResponseEntity<String> response = post(
                "/api/plans",
                YAML,
                plan(code),
                Map.of(
                        "Origin",
                        "https://duban.example.gov.cn",
                        "X-Forwarded-Host",
                        "duban.example.gov.cn",
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Port",
                        "443"));

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(plansImported(code)).isZero();
    }

    private long plansImported(String code) {
        return jdbc.sql("select count(*) from duban.plan where code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    private ResponseEntity<String> post(String path, MediaType type, String body, Map<String, String> headers) {
        return exchange(office, HttpMethod.POST, path, type, body, headers);
    }

    private ResponseEntity<String> exchange(
            String userId, HttpMethod method, String path, MediaType type, Object body, Map<String, String> extra) {
        HttpHeaders headers = new HttpHeaders();
        if (type != null) {
            headers.setContentType(type);
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        extra.forEach(headers::add);
        Object payload = body instanceof String text && type != null && !type.includes(MediaType.MULTIPART_FORM_DATA)
                ? text.getBytes(StandardCharsets.UTF_8)
                : body;
        return rest.withBasicAuth(userId, TestUsers.PASSWORD)
                .exchange(path, method, new HttpEntity<>(payload, headers), String.class);
    }

    private static HttpHeaders textHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(TEXT);
        return headers;
    }

    private ResponseEntity<String> upload(String code, Map<String, String> headers) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(plan(code).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "plan.yaml";
            }
        });
        return exchange(office, HttpMethod.POST, "/api/plans", MediaType.MULTIPART_FORM_DATA, form, headers);
    }

    private static String plan(String code) {
        return """
                code: %s
                title: 跨站请求测试计划
                tasks:
                  - code: %s-01
                    title: 跨站请求测试任务
                    text: 本任务用于检验跨站请求。
                    leadUnits: 州生态环境局
                    deadline: 2030-12-31
                """.formatted(code, code);
    }
}
