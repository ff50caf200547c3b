package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.accountability.AccountabilityCases;
import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.taskform.SubmissionRejectedException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Inspection finds falsified data: the task goes back for rectification and an accountability case opens; the case
 * is drafted, decided by a leader, and (when referred) closed by the discipline inspection commission.
 */
@DubanTest
class AccountabilityProcessTest {

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    SupervisionRecord record;

    @Autowired
    AccountabilityCases cases;

    @Autowired
    Jobs jobs;

    private String code;
    private String taskInstance;

    @BeforeEach
    void inspectionFindsFalsifiedData() {
        code = Orders.freshCode("ACC");
        taskInstance = dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of()));
        complete(taskInstance, Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        jobs.executeAll(taskInstance);
        complete(taskInstance, Map.of("resultDescription", "全部完成", "evidence", "详查报告.pdf"));
        complete(
                taskInstance,
                Map.of(
                        "inspectionDecision",
                        "falsified",
                        "inspectionOpinion",
                        "采样数据与实测不符",
                        "rectificationDeadline",
                        "2031-06-30"));
    }

    @Test
    void theTaskGoesBackForRectificationAndACaseOpensLinkedToIt() {
        Task report =
                taskService.createTaskQuery().processInstanceId(taskInstance).singleResult();
        assertThat(report.getTaskDefinitionKey()).isEqualTo("UserTask_ReportResult");
        assertThat(record.find(code).orElseThrow().state()).isEqualTo(SupervisionState.RECTIFYING);
        assertThat(record.events(code))
                .extracting(SupervisionEvent::kind)
                .containsExactly(
                        SupervisionEvent.Kind.RECTIFICATION_ORDERED,
                        SupervisionEvent.Kind.FALSIFICATION_FOUND,
                        SupervisionEvent.Kind.ACCOUNTABILITY_OPENED);

        AccountabilityCases.AccountabilityCase opened = cases.of(code).get(0);
        assertThat(opened.trigger()).isEqualTo(AccountabilityCases.Trigger.FALSIFICATION);
        Task draft = taskService
                .createTaskQuery()
                .processInstanceId(opened.processInstanceId())
                .singleResult();
        assertThat(draft.getName()).isEqualTo("起草问责意见：开展土壤污染状况详查");
        assertThat(groups(draft)).containsExactly(DubanGroups.SUPERVISION_OFFICE);
        assertThat(runtimeService.getVariable(opened.processInstanceId(), "triggerReason"))
                .isEqualTo("督查核验发现数据不实：采样数据与实测不符");
    }

    @Test
    void aLeaderDecidesAnAdmonitoryTalkAndTheCaseClosesOnTheTasksRecord() {
        String caseInstance = cases.of(code).get(0).processInstanceId();
        complete(caseInstance, Map.of("finding", "州生态环境局报送的采样数据与实测不符，建议约谈分管负责人"));
        Task decision =
                taskService.createTaskQuery().processInstanceId(caseInstance).singleResult();
        assertThat(groups(decision)).containsExactly(DubanGroups.LEADERS);

        assertThatThrownBy(() ->
                        taskService.complete(decision.getId(), Map.of("accountabilityDecision", "ADMONITORY_TALK")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("决定理由");
        taskService.complete(
                decision.getId(),
                Map.of("accountabilityDecision", "ADMONITORY_TALK", "decisionReason", "首次发现，约谈分管负责人"));

        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(caseInstance)
                        .singleResult()
                        .getEndActivityId())
                .isEqualTo("EndEvent_CaseClosed");
        AccountabilityCases.AccountabilityCase closed = cases.of(code).get(0);
        assertThat(closed.decision()).isEqualTo("ADMONITORY_TALK");
        assertThat(closed.closed()).isTrue();
        assertThat(record.events(code)).extracting(SupervisionEvent::reason).contains("问责决定：约谈。首次发现，约谈分管负责人");
    }

    @Test
    void aReferralWaitsForTheDisciplineInspectionCommissionsOutcome() {
        String caseInstance = cases.of(code).get(0).processInstanceId();
        complete(caseInstance, Map.of("finding", "伪造土壤详查数据"));
        complete(caseInstance, Map.of("accountabilityDecision", "REFER", "decisionReason", "情节严重"));

        Task outcome =
                taskService.createTaskQuery().processInstanceId(caseInstance).singleResult();
        assertThat(groups(outcome)).containsExactly("discipline-inspection");
        assertThat(cases.of(code).get(0).closed()).isFalse();
        complete(caseInstance, Map.of("referralOutcome", "给予相关责任人政务警告处分（昌纪发〔2031〕3号）"));

        AccountabilityCases.AccountabilityCase closed = cases.of(code).get(0);
        assertThat(closed.outcome()).isEqualTo("给予相关责任人政务警告处分（昌纪发〔2031〕3号）");
        assertThat(closed.closed()).isTrue();
    }

    private void complete(String instanceId, Map<String, Object> variables) {
        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getId(),
                variables);
    }

    private List<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(id -> id != null)
                .toList();
    }
}
