package cn.duban.plantask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.identity.DubanGroups;
import cn.duban.plan.PlanImporter;
import cn.duban.supervision.SupervisionEvent;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import cn.duban.taskform.SubmissionRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 退回 and reassignment by the supervision office; handing a claimed task only to a colleague of the same unit. */
@DubanTest
class PlanTaskReassignmentProcessTest {

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    SupervisionRecord record;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanImporter importer;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Jobs jobs;

    private String code;
    private String instanceId;

    @BeforeEach
    void dispatchToEcology() {
        code = Orders.freshCode("RE");
        instanceId = dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of()));
    }

    @Test
    void aReturnedTaskIsOfferedToTheUnitTheOfficeNames() {
        Task claim = onlyTask();
        assertThatThrownBy(() -> taskService.complete(claim.getId(), Map.of("claimDecision", "return")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("退回理由");
        taskService.complete(claim.getId(), Map.of("claimDecision", "return", "returnToOfficeReason", "地下水监测属州水利局职责"));

        Task reassign = onlyTask();
        assertThat(reassign.getTaskDefinitionKey()).isEqualTo(PlanTaskProcess.REASSIGN_TASK);
        assertThatThrownBy(() -> taskService.complete(reassign.getId(), Map.of("newLeadUnits", "州火星局")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("未知单位“州火星局”");
        taskService.complete(reassign.getId(), Map.of("newLeadUnits", "水利局"));

        Task offered = onlyTask();
        assertThat(offered.getTaskDefinitionKey()).isEqualTo(PlanTaskProcess.CLAIM_TASK);
        assertThat(taskService.getIdentityLinksForTask(offered.getId()))
                .extracting(IdentityLink::getGroupId)
                .containsExactly("water-resources");
        assertThat(runtimeService.getVariable(instanceId, "leadUnitNames")).isEqualTo("州水利局");
        assertThat(jdbc.sql("""
                        select r.unit_id from duban.plan_task_unit r join duban.plan_task t on t.id = r.task_id
                        where t.code = ? and r.role = 'LEAD'""").param(code).query(String.class).list())
                .as("only tasks dispatched from a plan are in the catalog")
                .isEmpty();
        assertThat(record.events(code))
                .extracting(SupervisionEvent::reason)
                .containsExactly("州生态环境局退回：地下水监测属州水利局职责", "改由州水利局牵头");
    }

    @Test
    void aClaimedTaskGoesOnlyToAColleagueOfTheSameUnit() {
        String officer = users.member("handover-ecology-1", Orders.ECOLOGY.id());
        String colleague = users.member("handover-ecology-2", Orders.ECOLOGY.id());
        String outsider = users.member("handover-finance", Orders.FINANCE.id());
        Task claim = onlyTask();
        taskService.claim(claim.getId(), officer);

        taskService.setAssignee(claim.getId(), colleague);
        assertThat(onlyTask().getAssignee()).isEqualTo(colleague);
        assertThatThrownBy(() -> taskService.setAssignee(claim.getId(), outsider))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("只能转交给本单位的同事");
        assertThat(onlyTask().getAssignee()).isEqualTo(colleague);
    }

    @Test
    void theNewLeadLeavesTheSupportListAndTheRecordTheDossierAndTheScoresFollow() {
        String plan = Orders.freshCode("REP");
        String task = plan + "-01";
        importer.importPlan(("""
                code: %s
                title: 改派测试计划
                tasks:
                  - code: %s
                    title: 地下水监测
                    text: 开展地下水环境质量监测。
                    leadUnits: 州生态环境局
                    supportUnits: 州财政局、州农业农村局
                    deadline: 2030-12-31
                """).formatted(plan, task).getBytes(StandardCharsets.UTF_8), "reassign-test");
        String instance = runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(task)
                .singleResult()
                .getId();
        Task claim = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        taskService.complete(claim.getId(), Map.of("claimDecision", "return", "returnToOfficeReason", "属财政局职责"));

        // The office names a support unit of the task as its new lead.
        Task reassign =
                taskService.createTaskQuery().processInstanceId(instance).singleResult();
        taskService.complete(reassign.getId(), Map.of("newLeadUnits", "州财政局"));

        assertThat(runtimeService.getVariables(instance, List.of("leadUnits", "supportUnits", "supportUnitNames")))
                .containsEntry("leadUnits", "finance")
                .containsEntry("supportUnits", "agriculture-rural")
                .containsEntry("supportUnitNames", "州农业农村局");
        assertThat(jdbc.sql("""
                        select r.role || ':' || r.unit_id from duban.plan_task_unit r join duban.plan_task t on t.id = r.task_id
                        where t.code = ? order by r.role, r.unit_id""").param(task).query(String.class).list())
                .as("the plan's catalog: the old lead is no lead, the new one no support unit")
                .containsExactly("LEAD:finance", "SUPPORT:agriculture-rural");
        assertThat(jdbc.sql("""
                        select array_to_string(lead_unit_ids, ',') || '|' || array_to_string(support_unit_ids, ',')
                        from duban.task_supervision where task_code = ?""").param(task).query(String.class).single()).isEqualTo("finance|agriculture-rural");

        Http office = Http.as(rest, users.member("reassign-office", DubanGroups.SUPERVISION_OFFICE));
        JsonNode dossier = office.get("/api/dashboard/tasks/" + task).json();
        assertThat(dossier.path("leadUnits").findValuesAsText("id")).containsExactly("finance");
        assertThat(dossier.path("supportUnits").findValuesAsText("id")).containsExactly("agriculture-rural");
        JsonNode scores = office.get("/api/dashboard/units?plan=" + plan).json();
        assertThat(scores.findParents("unitId").stream()
                        .filter(score -> score.path("tasksLed").asLong() > 0)
                        .map(score -> score.path("unitId").asText()))
                .containsExactly("finance");

        // Signed by the new lead: only the remaining support unit is asked to contribute, not the lead itself.
        Task offered = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        taskService.complete(offered.getId(), Map.of("responsiblePerson", "李强", "contactPhone", "0994-2345678"));
        jobs.executeAll(instance);
        List<Task> contributions = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(PlanTaskProcess.CONTRIBUTE)
                .list();
        assertThat(contributions).hasSize(1);
        assertThat(taskService.getIdentityLinksForTask(contributions.get(0).getId()))
                .extracting(IdentityLink::getGroupId)
                .containsExactly("agriculture-rural");
    }

    private Task onlyTask() {
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    }
}
