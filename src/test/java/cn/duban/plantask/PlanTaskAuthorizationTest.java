package cn.duban.plantask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** A unit's users see and work only on their unit's tasks, through the engine API and through REST. */
@DubanTest
class PlanTaskAuthorizationTest {

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    TestUsers users;

    @Autowired
    TestRestTemplate rest;

    private String code;
    private Task claimTask;
    private String leadUser;
    private String otherUnitUser;

    @BeforeEach
    void dispatchTaskToEcology() {
        leadUser = users.member("auth-ecology", Orders.ECOLOGY.id());
        otherUnitUser = users.member("auth-finance", Orders.FINANCE.id());
        code = Orders.freshCode("AUTH");
        String id = dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of()));
        claimTask = taskService.createTaskQuery().processInstanceId(id).singleResult();
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void anotherUnitCannotSeeClaimCompleteOrChangeTheTask() {
        identityService.setAuthentication(otherUnitUser, List.of(Orders.FINANCE.id()));

        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(code)
                        .count())
                .isZero();
        assertThatThrownBy(() -> taskService.claim(claimTask.getId(), otherUnitUser))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.complete(
                        claimTask.getId(), Map.of("responsiblePerson", "李四", "contactPhone", "13912345678")))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.setVariable(claimTask.getId(), "taskTitle", "篡改"))
                .isInstanceOf(AuthorizationException.class);

        identityService.clearAuthentication();
        Task unchanged = taskService.createTaskQuery().taskId(claimTask.getId()).singleResult();
        assertThat(unchanged.getAssignee()).isNull();
        assertThat(taskService.getVariable(claimTask.getId(), "taskTitle")).isEqualTo("开展土壤污染状况详查");
    }

    @Test
    void theLeadUnitSeesAndClaimsIt() {
        identityService.setAuthentication(leadUser, List.of(Orders.ECOLOGY.id()));

        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(code)
                        .count())
                .isOne();
        taskService.claim(claimTask.getId(), leadUser);
        assertThat(taskService
                        .createTaskQuery()
                        .taskAssignee(leadUser)
                        .processInstanceBusinessKey(code)
                        .count())
                .isOne();
    }

    @Test
    void overRestAnotherUnitGetsNothingAndIsForbidden() {
        Http other = Http.as(rest, otherUnitUser);
        assertThat(other.get("/engine-rest/task?processInstanceBusinessKey=" + code)
                        .json())
                .isEmpty();
        assertThat(other.postJson("/engine-rest/task/" + claimTask.getId() + "/claim", Map.of("userId", otherUnitUser))
                        .status())
                .isEqualTo(403);
        assertThat(other.postJson(
                                "/engine-rest/task/" + claimTask.getId() + "/complete",
                                Http.variables(Map.of("responsiblePerson", "李四", "contactPhone", "13912345678")))
                        .status())
                .isEqualTo(403);

        Http lead = Http.as(rest, leadUser);
        assertThat(lead.get("/engine-rest/task?processInstanceBusinessKey=" + code)
                        .json())
                .hasSize(1);
    }

    @Test
    void restAndApiRefuseAnonymousCallsAndWrongPasswords() {
        Http.Response anonymous = Http.anonymous(rest).get("/engine-rest/task");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("detail").asText()).contains("未登录");
        assertThat(Http.anonymous(rest).get("/api/plans").status()).isEqualTo(401);
        assertThat(rest.withBasicAuth(leadUser, "wrong")
                        .getForEntity("/engine-rest/task", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }
}
