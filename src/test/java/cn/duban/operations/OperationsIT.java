package cn.duban.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Health for load balancers and administrators, supervision metrics for Prometheus, history kept ten years. */
@DubanTest
class OperationsIT {

    private static final String TASK = "OPS-METRICS-01";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SupervisionMetrics metrics;

    @Autowired
    ProcessEngineConfiguration engineConfiguration;

    @Autowired
    RepositoryService repositoryService;

    @AfterEach
    void removeTheRowsOfTheMetricsTest() {
        jdbc.sql("delete from duban.task_supervision where task_code = ?")
                .param(TASK)
                .update();
        jdbc.sql("delete from duban.supervision_event where task_code = ?")
                .param(TASK)
                .update();
        jdbc.sql("delete from duban.notification where event_key = ?")
                .param("ops:" + TASK)
                .update();
    }

    @Test
    void aLoadBalancerSeesUpWithoutDetails() {
        Http.Response health = Http.anonymous(rest).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components"))
                .as("no details for anonymous callers")
                .isFalse();
    }

    @Test
    void anAdministratorSeesTheEngineTheDatabaseAndTheJobBacklog() {
        JsonNode health = Http.as(rest, users.member("ops-admin", DubanGroups.CAMUNDA_ADMIN))
                .get("/actuator/health")
                .json();

        JsonNode components = health.path("components");
        assertThat(components.path("engine").path("status").asText()).isEqualTo("UP");
        assertThat(components
                        .path("engine")
                        .path("details")
                        .path("planTaskVersions")
                        .asLong())
                .isPositive();
        assertThat(components.path("database").path("status").asText()).isEqualTo("UP");
        assertThat(components
                        .path("database")
                        .path("details")
                        .path("schemaVersion")
                        .asText())
                .isNotEqualTo("none");
        assertThat(components.path("jobExecutor").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("jobExecutor").path("details").has("backlog"))
                .isTrue();
        assertThat(components
                        .path("jobExecutor")
                        .path("details")
                        .path("executorOnThisNode")
                        .asText())
                .as("the tests run jobs themselves")
                .isEqualTo("disabled");
        assertThat(components.has("mail"))
                .as("a mail server that is down is no reason to stop serving")
                .isFalse();
    }

    @Test
    void prometheusScrapesWithTheMonitoringGroupAndNobodyElse() {
        String monitor = users.member("ops-monitor", DubanGroups.MONITORING);

        assertThat(scrape(monitor).getStatusCode().value()).isEqualTo(200);
        assertThat(Http.as(rest, monitor).get("/actuator/health").json().has("components"))
                .isTrue();
        assertThat(Http.anonymous(rest).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Http.as(rest, users.member("ops-unit", "finance"))
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(403);
        assertThat(Http.as(rest, monitor).get("/engine-rest/process-instance").status())
                .as("the group reads no process data")
                .isEqualTo(403);
        assertThat(Http.as(rest, users.member("ops-admin", DubanGroups.CAMUNDA_ADMIN))
                        .get("/actuator/env")
                        .status())
                .as("only health and prometheus are exposed")
                .isEqualTo(404);
    }

    @Test
    void theMetricsCountTasksByStateOverdueEscalationsAndFailedNotifications() {
        jdbc.sql("""
                insert into duban.task_supervision (task_code, process_instance_id, state, deadline, escalation_level)
                values (?, 'ops-instance', 'OVERDUE', date '2020-01-01', 'WARNING')""").param(TASK).update();
        jdbc.sql("""
                insert into duban.supervision_event (task_code, kind, level, reason, happened_at)
                values (?, 'ESCALATED', 'WARNING', '逾期5个工作日', now())""").param(TASK).update();
        jdbc.sql("""
                insert into duban.notification (event_key, recipient, channel, address, subject, body, attempts,
                                                last_error)
                values (?, 'ops-unit', 'EMAIL', 'ops@duban.test', '逾期', '逾期', 10, 'connection refused')""").param("ops:" + TASK).update();
        metrics.forget();

        String scrape =
                scrape(users.member("ops-monitor", DubanGroups.MONITORING)).getBody();

        assertThat(value(scrape, "duban_tasks\\{state=\"OVERDUE\"}"))
                .isEqualTo(count("select count(*) from duban.task_supervision where state = 'OVERDUE'"))
                .isPositive();
        assertThat(value(scrape, "duban_tasks_overdue")).isEqualTo(value(scrape, "duban_tasks\\{state=\"OVERDUE\"}"));
        assertThat(value(scrape, "duban_tasks\\{state=\"CLOSED\"}"))
                .isEqualTo(count("select count(*) from duban.task_supervision where state = 'CLOSED'"));
        assertThat(value(scrape, "duban_tasks_escalation\\{level=\"WARNING\"}"))
                .isEqualTo(
                        count(
                                "select count(*) from duban.task_supervision where state <> 'CLOSED' and escalation_level = 'WARNING'"))
                .isPositive();
        assertThat(value(scrape, "duban_escalations_total\\{level=\"WARNING\"}"))
                .isEqualTo(count(
                        "select count(*) from duban.supervision_event where kind = 'ESCALATED' and level = 'WARNING'"));
        assertThat(value(scrape, "duban_notifications_failed\\{channel=\"EMAIL\"}"))
                .isEqualTo(
                        count(
                                "select count(*) from duban.notification where channel = 'EMAIL' and sent_at is null and attempts >= 10"))
                .isPositive();
        assertThat(scrape)
                .contains(
                        "duban_notifications_retrying{channel=\"EMAIL\"}",
                        "duban_jobs_backlog ",
                        "duban_jobs_backlog_oldest_seconds ",
                        "duban_jobs_failed ");
    }

    @Test
    void historyIsKeptTenYearsAndCleanedUpAtNight() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engineConfiguration;

        assertThat(configuration.getHistoryTimeToLive()).isEqualTo("3650");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        // Every record of the supervision is kept ten years; the daily sweep's own runs (每日督办检查: which batches ran
        // when) are operations, kept half a year, while each task's steps stay in its record.
        assertThat(repositoryService.createProcessDefinitionQuery().list())
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
                        .isEqualTo(definition.getKey().equals("daily-supervision") ? 180 : 3650));
        assertThat(repositoryService.createDecisionDefinitionQuery().list())
                .allSatisfy(definition ->
                        assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650));
    }

    private ResponseEntity<String> scrape(String user) {
        return rest.withBasicAuth(user, TestUsers.PASSWORD).getForEntity("/actuator/prometheus", String.class);
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + "(?:\\{[^}]*})? ([0-9.eE+-]+)$")
                .matcher(scrape);
        assertThat(matcher.find()).as("series " + series + " in\n" + scrape).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private double count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
