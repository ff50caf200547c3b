package cn.duban.plantask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.supervision.SupervisionEvent;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import cn.duban.taskform.SubmissionRejectedException;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/** 退回 and reassignment by the supervision office; handing a claimed task only to a colleague of the same unit. */
@DubanTest
class PlanTaskReassignmentProcessTest {

    @Autowired PlanTaskDispatcher dispatcher;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired SupervisionRecord record;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

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
                .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("退回理由");
        taskService.complete(claim.getId(), Map.of("claimDecision", "return",
                "returnToOfficeReason", "地下水监测属州水利局职责"));

        Task reassign = onlyTask();
        assertThat(reassign.getTaskDefinitionKey()).isEqualTo(PlanTaskProcess.REASSIGN_TASK);
        assertThatThrownBy(() -> taskService.complete(reassign.getId(), Map.of("newLeadUnits", "州火星局")))
                .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("未知单位“州火星局”");
        taskService.complete(reassign.getId(), Map.of("newLeadUnits", "水利局"));

        Task offered = onlyTask();
        assertThat(offered.getTaskDefinitionKey()).isEqualTo(PlanTaskProcess.CLAIM_TASK);
        assertThat(taskService.getIdentityLinksForTask(offered.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("water-resources");
        assertThat(runtimeService.getVariable(instanceId, "leadUnitNames")).isEqualTo("州水利局");
        assertThat(jdbc.sql("""
                        select r.unit_id from duban.plan_task_unit r join duban.plan_task t on t.id = r.task_id
                        where t.code = ? and r.role = 'LEAD'""").param(code).query(String.class).list())
                .as("only tasks dispatched from a plan are in the catalog").isEmpty();
        assertThat(record.events(code)).extracting(SupervisionEvent::reason)
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
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("只能转交给本单位的同事");
        assertThat(onlyTask().getAssignee()).isEqualTo(colleague);
    }

    private Task onlyTask() {
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    }
}
