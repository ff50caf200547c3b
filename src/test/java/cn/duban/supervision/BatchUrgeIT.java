package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** 批量催办: several tasks, one message; each count rises by one, each lead unit hears once; all or none. */
@DubanTest
class BatchUrgeIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    SupervisionRecord record;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void theOfficeUrgesThreeTasksOfTwoUnitsWithOneMessageAndEachUnitGetsOneNotice() {
        String ecologyStaff = users.member("batch-eco", Orders.ECOLOGY.id());
        String financeStaff = users.member("batch-finance", Orders.FINANCE.id());
        Http office = Http.as(rest, users.member("batch-office", DubanGroups.SUPERVISION_OFFICE));
        String first = dispatch(Orders.ECOLOGY);
        String second = dispatch(Orders.ECOLOGY);
        String third = dispatch(Orders.FINANCE);
        int ecologyBefore = urgeNotices(ecologyStaff).size();
        int financeBefore = urgeNotices(financeStaff).size();

        Http.Response urged = office.postJson(
                "/api/plan-tasks/urges", Map.of("taskCodes", List.of(first, second, third), "message", "请于本周五前报送办理结果"));

        assertThat(urged.status()).as(urged.body()).isEqualTo(200);
        for (String code : List.of(first, second, third)) {
            TaskSupervision task = record.find(code).orElseThrow();
            assertThat(task.timesUrged()).isEqualTo(1);
            assertThat(runtimeService.getVariable(task.processInstanceId(), "lastUrge"))
                    .isEqualTo("第1次催办：请于本周五前报送办理结果");
            assertThat(record.events(code)).extracting(SupervisionEvent::reason).containsExactly("催办：请于本周五前报送办理结果");
        }
        List<JsonNode> ecologyNotices = urgeNotices(ecologyStaff);
        assertThat(ecologyNotices).as("one notice for both of its tasks").hasSize(ecologyBefore + 1);
        String body = ecologyNotices.get(0).path("body").asText();
        assertThat(ecologyNotices.get(0).path("subject").asText()).isEqualTo("【督办】督查办催办：2项任务");
        assertThat(body).contains(first, second, "请于本周五前报送办理结果").doesNotContain(third);
        assertThat(urgeNotices(financeStaff)).hasSize(financeBefore + 1);
    }

    @Test
    void anUnknownTaskRefusesTheWholeBatchAndOnlyTheOfficeMayUrge() {
        Http office = Http.as(rest, users.member("batch-office", DubanGroups.SUPERVISION_OFFICE));
        String code = dispatch(Orders.ECOLOGY);

        Http.Response refused = office.postJson(
                "/api/plan-tasks/urges", Map.of("taskCodes", List.of(code, "NO-SUCH-TASK"), "message", "请抓紧办理"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().path("detail").asText()).contains("NO-SUCH-TASK", "未催办任何任务");
        assertThat(record.find(code).orElseThrow().timesUrged()).isZero();
        assertThat(office.postJson("/api/plan-tasks/urges", Map.of("taskCodes", List.of(), "message", "请抓紧办理"))
                        .status())
                .isEqualTo(400);
        assertThat(Http.as(rest, users.member("batch-eco", Orders.ECOLOGY.id()))
                        .postJson("/api/plan-tasks/urges", Map.of("taskCodes", List.of(code), "message", "自己催自己"))
                        .status())
                .isEqualTo(403);
    }

    private String dispatch(cn.duban.identity.Unit lead) {
        String code = Orders.freshCode("BATCH");
        dispatcher.dispatch(Orders.order(code, List.of(lead), List.of()));
        return code;
    }

    private List<JsonNode> urgeNotices(String userId) {
        List<JsonNode> notices = new ArrayList<>();
        Http.as(rest, userId).get("/api/inbox").json().path("messages").forEach(notice -> {
            if (notice.path("subject").asText().startsWith("【督办】督查办催办")) {
                notices.add(notice);
            }
        });
        return notices;
    }
}
