package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskProcess.CONTRIBUTE;
import static cn.duban.plantask.PlanTaskProcess.REPORT_RESULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.support.DubanTest;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import cn.duban.taskform.SubmissionRejectedException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Support units each contribute, or decline with a reason, in parallel; the lead unit consolidates. */
@DubanTest
class PlanTaskSupportProcessTest {

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @Autowired
    Contributions contributions;

    @Autowired
    Jobs jobs;

    @Autowired
    TestUsers users;

    private String code;
    private String instanceId;

    @BeforeEach
    void dispatchAndSign() {
        code = Orders.freshCode("SUP");
        instanceId = dispatcher.dispatch(Orders.order(
                code,
                List.of(Orders.ECOLOGY),
                List.of(Orders.FINANCE, Orders.AGRICULTURE),
                List.of(Orders.QITAI_COUNTY)));
        Task claim = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        taskService.claim(claim.getId(), users.member("lead-officer", Orders.ECOLOGY.id()));
        taskService.complete(claim.getId(), Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void eachSupportUnitGetsItsOwnTaskWhileTheCountiesWorkOnTheirParts() {
        List<Task> tasks =
                taskService.createTaskQuery().processInstanceId(instanceId).list();
        assertThat(tasks)
                .extracting(Task::getTaskDefinitionKey)
                .containsExactlyInAnyOrder(CONTRIBUTE, CONTRIBUTE, PlanTaskProcess.REPORT_LOCAL_PROGRESS);
        assertThat(contributionTasks())
                .extracting(this::candidateGroup)
                .containsExactlyInAnyOrder(Orders.FINANCE.id(), Orders.AGRICULTURE.id());
        assertThat(contributionTasks())
                .extracting(Task::getDueDate)
                .as("5 working days before Tuesday 31 December 2030: Tuesday 24 December")
                .containsOnly(Date.from(LocalDate.of(2030, 12, 24)
                        .atTime(23, 59, 59)
                        .atZone(ZoneId.of("Asia/Shanghai"))
                        .toInstant()));

        identityService.setAuthentication("finance-staff", List.of(Orders.FINANCE.id()));
        assertThat(taskService.createTaskQuery().processInstanceId(instanceId).list())
                .as("a support unit sees only its own contribution")
                .extracting(this::candidateGroup)
                .containsExactly(Orders.FINANCE.id());
    }

    @Test
    void theLeadUnitSeesEveryContributionAndEveryRefusalWithItsReason() {
        taskService.complete(
                contributionOf(Orders.FINANCE.id()).getId(),
                Map.of(
                        "contributionDecision",
                        "contribute",
                        "contribution",
                        "已安排详查经费120万元",
                        "contributionEvidence",
                        "州财政局拨款文件"));
        taskService.complete(
                contributionOf(Orders.AGRICULTURE.id()).getId(),
                Map.of("contributionDecision", "decline", "declineReason", "农用地详查已由州生态环境局统一组织"));
        Task county = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(PlanTaskProcess.REPORT_LOCAL_PROGRESS)
                .singleResult();
        taskService.complete(county.getId(), Map.of("localProgress", "奇台县完成采样"));
        jobs.executeAll(instanceId);

        Task report =
                taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(report.getTaskDefinitionKey()).isEqualTo(REPORT_RESULT);
        assertThat((String) runtimeService.getVariable(instanceId, "contributionsText"))
                .contains("州财政局（", "已安排详查经费120万元", "州财政局拨款文件", "州农业农村局（", "不予配合，理由：农用地详查已由州生态环境局统一组织");
        assertThat(contributions.of(code))
                .extracting(Contributions.Contribution::declined)
                .containsExactlyInAnyOrder(false, true);
        assertThat(runtimeService.getVariables(instanceId)).doesNotContainKeys("contribution", "declineReason");
    }

    @Test
    void anAnswerWithoutItsTextIsRefusedAndNothingIsRecorded() {
        Task finance = contributionOf(Orders.FINANCE.id());
        assertThatThrownBy(() -> taskService.complete(finance.getId(), Map.of("contributionDecision", "decline")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("不予配合的理由");
        assertThatThrownBy(() -> taskService.complete(finance.getId(), Map.of("contribution", "已配合")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("配合办理");
        assertThat(contributions.of(code)).isEmpty();
        assertThat(contributionTasks()).hasSize(2);
    }

    private List<Task> contributionTasks() {
        return taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(CONTRIBUTE)
                .list();
    }

    private Task contributionOf(String unitId) {
        return contributionTasks().stream()
                .filter(task -> unitId.equals(candidateGroup(task)))
                .findFirst()
                .orElseThrow();
    }

    private String candidateGroup(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(id -> id != null)
                .findFirst()
                .orElse(null);
    }
}
