package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskProcess.REPORT_LOCAL_PROGRESS;
import static cn.duban.plantask.PlanTaskProcess.REPORT_RESULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.support.DubanTest;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import cn.duban.taskform.SubmissionRejectedException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Implementing units (counties, cities, parks) each carry out their own part; the lead unit consolidates. */
@DubanTest
class PlanTaskFanOutProcessTest {

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    LocalReports localReports;

    @Autowired
    Jobs jobs;

    @Autowired
    TestUsers users;

    private String code;
    private String instanceId;

    @BeforeEach
    void dispatchAndSign() {
        code = Orders.freshCode("FAN");
        instanceId = dispatcher.dispatch(Orders.order(
                code, List.of(Orders.ECOLOGY), List.of(), List.of(Orders.CHANGJI_CITY, Orders.QITAI_COUNTY)));
        Task claim = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        taskService.claim(claim.getId(), users.member("lead-officer", Orders.ECOLOGY.id()));
        taskService.complete(claim.getId(), Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
    }

    @Test
    void eachImplementingUnitGetsItsOwnPartDueAtTheDeadline() {
        List<Task> parts = localParts();
        assertThat(parts).hasSize(2);
        assertThat(parts)
                .extracting(this::candidateGroup)
                .containsExactlyInAnyOrder(Orders.CHANGJI_CITY.id(), Orders.QITAI_COUNTY.id());
        assertThat(parts).extracting(Task::getName).containsOnly("报送本地落实情况：开展土壤污染状况详查");
        assertThat(parts)
                .extracting(Task::getDueDate)
                .containsOnly(taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .taskDefinitionKey(REPORT_LOCAL_PROGRESS)
                        .list()
                        .get(0)
                        .getDueDate());
        assertThat(runtimeService.getVariable(instanceId, "deadline"))
                .isEqualTo(parts.get(0).getDueDate());
    }

    @Test
    void theLeadUnitConsolidatesOnceEveryPartIsReported() {
        Task changji = partOf(Orders.CHANGJI_CITY.id());
        Task qitai = partOf(Orders.QITAI_COUNTY.id());
        taskService.complete(changji.getId(), Map.of("localProgress", "完成昌吉市农用地详查布点", "localEvidence", "布点图.pdf"));
        jobs.executeAll(instanceId);
        assertThat(localParts()).as("the lead unit waits for every part").hasSize(1);

        taskService.complete(qitai.getId(), Map.of("localProgress", "奇台县完成采样"));
        jobs.executeAll(instanceId);

        Task report =
                taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(report.getTaskDefinitionKey()).isEqualTo(REPORT_RESULT);
        assertThat(report.getAssignee()).isEqualTo("lead-officer");
        assertThat((String) runtimeService.getVariable(instanceId, "localReportsText"))
                .contains("昌吉市人民政府（", "完成昌吉市农用地详查布点", "布点图.pdf", "奇台县人民政府（", "奇台县完成采样");
        assertThat(localReports.of(code))
                .extracting(LocalReports.LocalReport::unitId)
                .containsExactly(Orders.CHANGJI_CITY.id(), Orders.QITAI_COUNTY.id());
        assertThat(runtimeService.getVariables(instanceId))
                .as("no unit's report leaks into the process scope")
                .doesNotContainKeys("localProgress", "localEvidence");
    }

    @Test
    void aPartWithoutProgressIsRefusedAndNothingIsRecorded() {
        Task changji = partOf(Orders.CHANGJI_CITY.id());
        assertThatThrownBy(() -> taskService.complete(changji.getId(), Map.of("localEvidence", "照片.jpg")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("请填写“落实情况”");
        assertThat(localParts()).hasSize(2);
        assertThat(localReports.of(code)).isEmpty();
    }

    private List<Task> localParts() {
        return taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(REPORT_LOCAL_PROGRESS)
                .list();
    }

    private Task partOf(String unitId) {
        return localParts().stream()
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
