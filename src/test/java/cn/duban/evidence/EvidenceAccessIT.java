package cn.duban.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import cn.duban.support.WebappSession;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A file one unit attached is refused (403) to a unit that has no part in the task, on every path: Duban's API (with
 * Basic credentials and with the webapps' login), Camunda's engine REST API and the webapps' copy of it, and the
 * engine's Java API. Judged by what the calls return and change: no byte of the file leaks, nothing is deleted or
 * added.
 */
@DubanTest
class EvidenceAccessIT {

    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    EvidenceTask tasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Test
    void anotherUnitIsRefusedTheFileOnEveryPath() {
        String lead = users.member("ev-acc-lead", EvidenceTask.LEAD_UNIT);
        String support = users.member("ev-acc-support", EvidenceTask.SUPPORT_UNIT);
        String other = users.member("ev-acc-other", "finance");
        String code = tasks.dispatch();
        tasks.sign(code, lead);
        String contribution = tasks.open(code, "UserTask_Contribute");
        tasks.upload(support, contribution, "农用地分布图.png", EvidenceSamples.png());
        tasks.contribute(code, support);
        String report = tasks.open(code, "UserTask_ReportResult");
        String pid = tasks.instance(code);
        byte[] pdf = EvidenceSamples.pdf();
        String id =
                tasks.upload(lead, report, "详查报告.pdf", pdf).json().path("id").asText();
        String file = "/api/evidence/" + id;

        List<String[]> calls = List.of(
                // Duban's API
                call("GET", "/api/tasks/" + report + "/evidence"),
                call("GET", "/api/tasks/" + contribution + "/evidence"),
                call("GET", "/api/plan-tasks/" + code + "/evidence"),
                call("GET", file),
                call("DELETE", file),
                // Camunda's engine REST API, by the task and by the instance
                call("GET", "/engine-rest/task/" + report + "/attachment"),
                call("GET", "/engine-rest/task/" + report + "/attachment/" + id),
                call("GET", "/engine-rest/task/" + report + "/attachment/" + id + "/data"),
                call("DELETE", "/engine-rest/task/" + report + "/attachment/" + id),
                call("POST", "/engine-rest/task/" + report + "/attachment/create"),
                call("GET", "/engine-rest/process-instance/" + pid),
                call("GET", "/engine-rest/process-instance/" + pid + "/variables"),
                call("GET", "/engine-rest/history/variable-instance?processInstanceId=" + pid),
                call("GET", "/engine-rest/history/detail?processInstanceId=" + pid));
        List<String> failures = new ArrayList<>();
        Http basic = Http.as(rest, other);
        for (String[] call : calls) {
            Http.Response response = switch (call[0]) {
                case "GET" -> basic.get(call[1]);
                case "DELETE" -> basic.delete(call[1]);
                default -> basic.postJson(call[1], Map.of("attachment-name", "x"));
            };
            check("Basic " + String.join(" ", call), response, failures);
        }
        // The webapps: the same calls within Tasklist's login, on Duban's API and on the webapps' engine API.
        WebappSession session = WebappSession.login(rest, other, TestUsers.PASSWORD);
        for (String[] call : calls) {
            String path = call[1].startsWith("/engine-rest") ? WEBAPP_ENGINE + call[1].substring(12) : call[1];
            Http.Response response = session.call(
                    HttpMethod.valueOf(call[0]),
                    path,
                    "POST".equals(call[0]) ? Map.of("attachment-name", "x") : null,
                    true);
            check("webapp " + call[0] + " " + path, response, failures);
        }
        // Adding to the lead unit's step: refused too.
        check(
                "upload to another unit's step",
                tasks.upload(other, report, "冒充材料.pdf", EvidenceSamples.pdf()),
                failures);
        assertThat(failures).as("calls of another unit that were not refused").isEmpty();

        // Nothing changed: the file is there, whole, for those who may read it; nothing was added.
        ResponseEntity<byte[]> kept = tasks.download(lead, file);
        assertThat(kept.getStatusCode().value()).isEqualTo(200);
        assertThat(kept.getBody()).isEqualTo(pdf);
        assertThat(jdbc.sql("select count(*) from duban.evidence_file where task_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        // The engine's own attachments are closed to persons on its Java API too (the engine guard).
        identityService.setAuthentication(other, List.of("finance"));
        try {
            assertThatThrownBy(() -> taskService.createAttachment(
                            "application/pdf", report, pid, "冒充材料.pdf", "", new ByteArrayInputStream(pdf)))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identityService.clearAuthentication();
        }
        identityService.setAuthentication(lead, List.of(EvidenceTask.LEAD_UNIT));
        try {
            assertThatThrownBy(() -> taskService.createAttachment(
                            "application/pdf", report, pid, "详查报告.pdf", "", new ByteArrayInputStream(pdf)))
                    .as("Camunda's attachments bypass Duban's rules: closed to the task's own unit too")
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(taskService.getTaskAttachments(report)).isEmpty();
    }

    private static String[] call(String method, String path) {
        return new String[] {method, path};
    }

    private static void check(String call, Http.Response response, List<String> failures) {
        String body = response.body() == null ? "" : response.body();
        if (response.status() != 403) {
            failures.add(call + " answered " + response.status() + ": " + abbreviate(body));
        } else if (body.contains("%PDF") || body.contains("详查报告") || body.contains("农用地分布图")) {
            failures.add(call + " leaked the file: " + abbreviate(body));
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
