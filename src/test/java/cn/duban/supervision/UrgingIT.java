package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** 催办 by REST: only the supervision office urges; every urge is counted, recorded and shown to the unit. */
@DubanTest
class UrgingIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    SupervisionRecord record;

    private Http office;
    private String code;
    private String instanceId;

    @BeforeEach
    void dispatchATask() {
        office = Http.as(rest, users.member("urge-office", DubanGroups.SUPERVISION_OFFICE));
        code = Orders.freshCode("URGE");
        instanceId = dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of()));
    }

    @Test
    void theOfficeUrgesTwiceAndTheUnitSeesTheLatestUrgeWithItsCount() {
        assertThat(office.postJson(urges(), Map.of("message", "请尽快签收")).status())
                .isEqualTo(200);
        Http.Response second = office.postJson(urges(), Map.of("message", "请于本周内报送进展"));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("timesUrged").asInt()).isEqualTo(2);
        assertThat(runtimeService.getVariable(instanceId, "timesUrged")).isEqualTo(2);
        String claimTask = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .singleResult()
                .getId();
        assertThat(taskService.getVariable(claimTask, "lastUrge")).isEqualTo("第2次催办：请于本周内报送进展");
        assertThat(record.events(code))
                .extracting(SupervisionEvent::kind, SupervisionEvent::reason, SupervisionEvent::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SupervisionEvent.Kind.URGED, "催办：请尽快签收", "urge-office"),
                        org.assertj.core.groups.Tuple.tuple(
                                SupervisionEvent.Kind.URGED, "催办：请于本周内报送进展", "urge-office"));
    }

    @Test
    void onlyTheSupervisionOfficeUrgesAndOnlyOpenTasksWithAMessage() {
        Http unit = Http.as(rest, users.member("urge-ecology", Orders.ECOLOGY.id()));
        assertThat(unit.postJson(urges(), Map.of("message", "自己催自己")).status()).isEqualTo(403);
        assertThat(office.postJson(urges(), Map.of("message", " ")).status()).isEqualTo(400);
        assertThat(office.postJson("/api/plan-tasks/NO-SUCH-TASK/urges", Map.of("message", "催办"))
                        .status())
                .isEqualTo(404);
        assertThat(record.find(code).orElseThrow().timesUrged()).isZero();
        assertThat(record.events(code)).isEmpty();
    }

    private String urges() {
        return "/api/plan-tasks/" + code + "/urges";
    }
}
