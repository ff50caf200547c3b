package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskProcess.APPROVE_CLOSURE;
import static cn.duban.plantask.PlanTaskProcess.CLAIM_TASK;
import static cn.duban.plantask.PlanTaskProcess.REPORT_RESULT;
import static cn.duban.plantask.PlanTaskProcess.TASK_CLOSED;
import static cn.duban.plantask.PlanTaskProcess.VERIFY_RESULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import cn.duban.taskform.LongText;
import cn.duban.taskform.SubmissionRejectedException;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path through plan-task, on the real engine and database. */
@DubanTest
class PlanTaskProcessTest {

    private static final String LEAD_USER = "lead-officer";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    Jobs jobs;

    @Autowired
    TestUsers users;

    private ProcessInstance instance;

    @BeforeEach
    void dispatchTask() {
        users.member(LEAD_USER, Orders.ECOLOGY.id());
        AbstractAssertions.init(engine);
        String code = Orders.freshCode("PT");
        String id = dispatcher.dispatch(Orders.ecologyLeads(code));
        instance = runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(id)
                .singleResult();
        assertThat(instance.getBusinessKey()).isEqualTo(code);
    }

    @Test
    void leadUnitSignsForTheTaskWhichIsDueAtThePlansDeadline() {
        BpmnAwareTests.assertThat(instance).isWaitingAt(CLAIM_TASK);
        Task claim = task(instance);
        BpmnAwareTests.assertThat(claim).hasCandidateGroup(Orders.ECOLOGY.id()).isNotAssigned();
        assertThat(claim.getDueDate()).isEqualTo(endOfDeadlineDay());
        assertThat(claim.getName()).isEqualTo("签收任务：开展土壤污染状况详查");
    }

    @Test
    void passedInspectionAndApprovedClosureCloseTheTask() {
        signAndReport();
        BpmnAwareTests.assertThat(instance).isWaitingAt(VERIFY_RESULT);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup(DubanGroups.SUPERVISION_OFFICE);

        complete(task(instance), withVariables("inspectionDecision", "pass"));
        BpmnAwareTests.assertThat(instance).isWaitingAt(APPROVE_CLOSURE);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup(DubanGroups.LEADERS);

        complete(task(instance), withVariables("closureDecision", "approve"));
        BpmnAwareTests.assertThat(instance)
                .isEnded()
                .hasPassedInOrder(CLAIM_TASK, REPORT_RESULT, VERIFY_RESULT, APPROVE_CLOSURE, TASK_CLOSED);
    }

    @Test
    void rectificationSendsTheResultBackToTheSameOfficerWithTheFindingsAndANewDeadline() {
        signAndReport();
        complete(
                task(instance),
                withVariables(
                        "inspectionDecision",
                        "rectify",
                        "inspectionOpinion",
                        "缺少详查报告",
                        "rectificationDeadline",
                        "2031-03-31"));

        BpmnAwareTests.assertThat(instance)
                .isWaitingAt(REPORT_RESULT)
                .variables()
                .containsEntry("returnReason", "缺少详查报告")
                .containsEntry("returnedBy", "督查办")
                .containsEntry("returnCount", 1)
                .containsEntry("deadlineText", "2031年3月31日（限期整改）");
        BpmnAwareTests.assertThat(task(instance)).isAssignedTo(LEAD_USER);
        assertThat(task(instance).getDueDate())
                .as("the rectification is due at its new deadline")
                .isEqualTo(Date.from(java.time.LocalDate.of(2031, 3, 31)
                        .atTime(23, 59, 59)
                        .atZone(ZoneId.of("Asia/Shanghai"))
                        .toInstant()));

        complete(task(instance), withVariables("resultDescription", "已补充详查报告", "evidence", "详查报告.pdf"));
        BpmnAwareTests.assertThat(instance).isWaitingAt(VERIFY_RESULT);
        assertThat(runtimeService.getVariable(instance.getId(), "inspectionDecision"))
                .as("each inspection round needs a fresh decision")
                .isNull();
        complete(task(instance), withVariables("inspectionDecision", "pass"));
        complete(task(instance), withVariables("closureDecision", "approve"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_CLOSED);
    }

    @Test
    void leaderReturnSendsTheResultBackToTheLeadUnitWithTheReason() {
        signAndReport();
        complete(task(instance), withVariables("inspectionDecision", "pass"));
        complete(task(instance), withVariables("closureDecision", "return", "closureOpinion", "成效数据不完整"));

        BpmnAwareTests.assertThat(instance)
                .isWaitingAt(REPORT_RESULT)
                .variables()
                .containsEntry("returnReason", "成效数据不完整")
                .containsEntry("returnedBy", "领导");
        complete(task(instance), withVariables("resultDescription", "补充了成效数据", "evidence", "成效统计表.xlsx"));
        complete(task(instance), withVariables("inspectionDecision", "pass"));
        complete(task(instance), withVariables("closureDecision", "approve"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_CLOSED);
    }

    @Test
    void aReturnWithoutAReasonIsRefusedAndTheTaskStaysOpen() {
        signAndReport();
        Task verify = task(instance);
        assertThatThrownBy(() -> taskService.complete(
                        verify.getId(), Map.of("inspectionDecision", "rectify", "rectificationDeadline", "2031-03-31")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("退回时请填写“整改意见”");
        assertThatThrownBy(() -> taskService.complete(
                        verify.getId(),
                        Map.of(
                                "inspectionDecision",
                                "rectify",
                                "inspectionOpinion",
                                "缺少报告",
                                "rectificationDeadline",
                                "2020-01-01")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("整改期限不能早于今天");
        assertThatThrownBy(() -> taskService.complete(
                        verify.getId(), Map.of("inspectionDecision", "rectify", "inspectionOpinion", "缺少报告")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("请填写整改期限");
        BpmnAwareTests.assertThat(instance).isWaitingAt(VERIFY_RESULT);
    }

    @Test
    void anUnknownDecisionIsRefused() {
        signAndReport();
        Task verify = task(instance);
        assertThatThrownBy(() -> taskService.complete(verify.getId(), Map.of("inspectionDecision", "maybe")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("请选择");
        BpmnAwareTests.assertThat(instance).isWaitingAt(VERIFY_RESULT);
    }

    @Test
    void signingWithoutResponsiblePersonOrWithABadPhoneIsRefused() {
        Task claim = task(instance);
        claim(claim, LEAD_USER);
        assertThatThrownBy(() -> taskService.complete(claim.getId(), Map.of("contactPhone", "0994-2345678")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("请填写“责任人”");
        assertThatThrownBy(() -> taskService.complete(
                        claim.getId(), Map.of("responsiblePerson", "张伟", "contactPhone", "call me")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("“联系电话”格式不正确");
        BpmnAwareTests.assertThat(instance).isWaitingAt(CLAIM_TASK);
    }

    @Test
    void withSeveralLeadUnitsTheFirstListedSignsForTheTask() {
        String id = dispatcher.dispatch(
                Orders.order(Orders.freshCode("PT"), List.of(Orders.AGRICULTURE, Orders.ECOLOGY), List.of()));
        Task claim = taskService.createTaskQuery().processInstanceId(id).singleResult();
        List<String> groups = taskService.getIdentityLinksForTask(claim.getId()).stream()
                .map(IdentityLink::getGroupId)
                .toList();
        assertThat(groups)
                .as("the others sign for their own parts once it has (PlanTaskCoLeadProcessTest)")
                .containsExactly(Orders.AGRICULTURE.id());
        assertThat(runtimeService.getVariable(id, "supportUnitNames")).isEqualTo("无");
    }

    @Test
    void aTaskTextLongerThanAStringVariableHoldsIsKeptWhole() {
        String longText = "开展全州土壤污染状况详查。".repeat(400);
        String id = dispatcher.dispatch(new cn.duban.dispatch.TaskDispatchOrder(
                "TEST-PLAN",
                "测试计划",
                Orders.freshCode("LONG"),
                null,
                "长文本任务",
                longText,
                List.of(Orders.ECOLOGY),
                List.of(),
                List.of(),
                Orders.DEADLINE,
                cn.duban.dispatch.ReportCycle.QUARTERLY));
        assertThat(longText.length()).isGreaterThan(LongText.STRING_VARIABLE_LIMIT);
        assertThat(runtimeService.getVariable(id, "taskText")).isEqualTo(longText);
    }

    private void signAndReport() {
        claim(task(instance), LEAD_USER);
        complete(task(instance), withVariables("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        Task contribution = taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(PlanTaskProcess.CONTRIBUTE)
                .singleResult();
        taskService.complete(
                contribution.getId(), Map.of("contributionDecision", "contribute", "contribution", "落实详查经费"));
        jobs.executeAll(instance.getId());
        BpmnAwareTests.assertThat(instance).isWaitingAt(REPORT_RESULT);
        Task report = task(instance);
        BpmnAwareTests.assertThat(report).isAssignedTo(LEAD_USER);
        assertThat(taskService.getIdentityLinksForTask(report.getId()))
                .extracting(IdentityLink::getGroupId)
                .as("colleagues of the unit can still see it")
                .contains(Orders.ECOLOGY.id());
        assertThat(report.getDueDate()).isEqualTo(endOfDeadlineDay());
        complete(report, withVariables("resultDescription", "完成全州土壤污染状况详查", "evidence", "详查方案.pdf"));
    }

    private static Date endOfDeadlineDay() {
        return Date.from(Orders.DEADLINE
                .atTime(23, 59, 59)
                .atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant());
    }
}
