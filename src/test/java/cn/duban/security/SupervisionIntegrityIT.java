package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import cn.duban.support.WebappSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/**
 * The supervised cannot edit the record: each attack an ordinary unit account made through Camunda's generic API,
 * tried on every path (engine REST, the webapps' copy of it, the Java API as the unit), and judged by what it
 * changed. What the units may do (claim, fill in their form) still works.
 */
@DubanTest
class SupervisionIntegrityIT {

    private static final String ENGINE = "/engine-rest";
    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @Autowired
    FilterService filterService;

    @Autowired
    Jobs jobs;

    private String lead;
    private String support;
    private String county;
    private String stranger;
    private String instanceId;
    private Date deadline;
    private boolean binding;

    @BeforeEach
    void dispatch() {
        lead = users.member("integrity-lead", Orders.ECOLOGY.id());
        support = users.member("integrity-support", Orders.AGRICULTURE.id());
        county = users.member("integrity-county", Orders.QITAI_COUNTY.id());
        stranger = users.member("integrity-stranger", Orders.FINANCE.id());
        users.member("integrity-office", DubanGroups.SUPERVISION_OFFICE);
        instanceId = dispatcher.dispatch(Orders.order(
                Orders.freshCode("INT"),
                List.of(Orders.ECOLOGY),
                List.of(Orders.AGRICULTURE),
                List.of(Orders.QITAI_COUNTY)));
        deadline = (Date) runtimeService.getVariable(instanceId, "deadline");
        binding = (Boolean) runtimeService.getVariable(instanceId, "binding");
    }

    @Test
    void aLeadUnitCannotRewriteItsDeadlineNorResetItsRecordOnAnyPath() {
        String claim = claimedBy(lead);
        Map<String, Object> farDeadline = Map.of("value", "2099-12-31T00:00:00.000+0800", "type", "Date");
        Map<String, Object> resetRecord = Map.of(
                "modifications",
                Map.of(
                        "timesUrged", Map.of("value", 0, "type", "Integer"),
                        "binding", Map.of("value", !binding, "type", "Boolean"),
                        "deadline", farDeadline));
        WebappSession session = WebappSession.login(rest, lead, TestUsers.PASSWORD);
        for (String base : List.of(ENGINE, WEBAPP_ENGINE)) {
            assertThat(as(session, base, lead, PUT, base + "/task/" + claim + "/variables/deadline", farDeadline)
                            .status())
                    .as(base + " PUT deadline")
                    .isEqualTo(403);
            assertThat(as(session, base, lead, POST, base + "/task/" + claim + "/variables", resetRecord)
                            .status())
                    .as(base + " POST modifications")
                    .isEqualTo(403);
            assertThat(as(session, base, lead, PUT, base + "/task/" + claim + "/localVariables/deadline", farDeadline)
                            .status())
                    .as(base + " PUT local deadline")
                    .isEqualTo(403);
        }
        asUser(
                lead,
                () -> assertThatThrownBy(() -> taskService.setVariable(claim, "deadline", new Date()))
                        .isInstanceOf(AuthorizationException.class));
        assertRecordUntouched();
    }

    @Test
    void completingATaskWritesOnlyItsFormsFieldsOnEveryPath() {
        String claim = claimedBy(lead);
        Map<String, Object> signedAndMoved = Http.variables(Map.of(
                "responsiblePerson",
                "张伟",
                "contactPhone",
                "0994-2345678",
                "deadline",
                "2099-12-31",
                "leadUnits",
                "finance"));
        WebappSession session = WebappSession.login(rest, lead, TestUsers.PASSWORD);
        for (String base : List.of(ENGINE, WEBAPP_ENGINE)) {
            for (String action : List.of("/complete", "/submit-form")) {
                Http.Response refused = as(session, base, lead, POST, base + "/task/" + claim + action, signedAndMoved);
                assertThat(refused.status()).as(base + action).isEqualTo(400);
                assertThat(refused.body()).contains("任务表单中没有").doesNotContain("Exception:");
            }
        }
        asUser(
                lead,
                () -> assertThatThrownBy(() -> taskService.complete(
                                claim,
                                Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678", "timesUrged", 0)))
                        .hasMessageContaining("timesUrged"));
        assertThat(taskService.createTaskQuery().taskId(claim).count())
                .as("the claim task is still open")
                .isOne();
        assertRecordUntouched();

        Http.Response signed = Http.as(rest, lead)
                .postJson(
                        ENGINE + "/task/" + claim + "/complete",
                        Http.variables(Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678")));
        assertThat(signed.status()).as("the form's own fields are accepted").isEqualTo(204);
        assertThat(runtimeService.getVariable(instanceId, "responsiblePerson")).isEqualTo("张伟");
    }

    @Test
    void aSupportUnitCannotTakeOverNorPreFillTheLeadUnitsResult() {
        signAsLead();
        Task contribution = openTask("UserTask_Contribute");
        taskService.claim(contribution.getId(), support);
        Map<String, Object> takeOver = Http.variables(Map.of(
                "contributionDecision",
                "contribute",
                "contribution",
                "提供经费",
                "leadUnits",
                Orders.AGRICULTURE.id(),
                "leadOperator",
                support,
                "resultDescription",
                "已全部完成",
                "evidence",
                "无"));
        assertThat(Http.as(rest, support)
                        .postJson(ENGINE + "/task/" + contribution.getId() + "/complete", takeOver)
                        .status())
                .isEqualTo(400);
        assertThat(Http.as(rest, support)
                        .putJson(
                                ENGINE + "/task/" + contribution.getId() + "/variables/leadUnits",
                                Map.of("value", Orders.AGRICULTURE.id(), "type", "String"))
                        .status())
                .isEqualTo(403);
        assertThat(runtimeService.getVariable(instanceId, "leadUnits")).isEqualTo(Orders.ECOLOGY.id());
        assertThat(runtimeService.getVariable(instanceId, "leadOperator")).isEqualTo(lead);
        assertThat(runtimeService.getVariable(instanceId, "resultDescription")).isNull();
    }

    @Test
    void aCountyCannotMoveTheDeadlineFromItsLocalPart() {
        signAsLead();
        Task local = openTask("UserTask_ReportLocalProgress");
        taskService.claim(local.getId(), county);
        assertThat(Http.as(rest, county)
                        .putJson(
                                ENGINE + "/task/" + local.getId() + "/variables/deadline",
                                Map.of("value", "2099-12-31T00:00:00.000+0800", "type", "Date"))
                        .status())
                .isEqualTo(403);
        assertThat(Http.as(rest, county)
                        .postJson(
                                ENGINE + "/task/" + local.getId() + "/complete",
                                Http.variables(Map.of(
                                        "localProgress", "已落实", "localEvidence", "报告", "deadline", "2099-12-31")))
                        .status())
                .isEqualTo(400);
        assertThat(Http.as(rest, county)
                        .putJson(
                                ENGINE + "/task/" + local.getId(),
                                Map.of("name", "已办结", "due", "2099-12-31T00:00:00.000+0800"))
                        .status())
                .isEqualTo(403);
        assertThat(taskService
                        .createTaskQuery()
                        .taskId(local.getId())
                        .singleResult()
                        .getDueDate())
                .isEqualTo(local.getDueDate());
        assertRecordUntouched();
    }

    @Test
    void aUnitCannotHandItsTaskToAnotherUnitNorEditOrDeleteIt() {
        String claim = claimedBy(lead);
        Task before = taskService.createTaskQuery().taskId(claim).singleResult();
        Http unit = Http.as(rest, lead);
        assertThat(unit.postJson(
                                ENGINE + "/task/" + claim + "/identity-links",
                                Map.of("groupId", Orders.FINANCE.id(), "type", "candidate"))
                        .status())
                .isEqualTo(403);
        assertThat(unit.postJson(
                                ENGINE + "/task/" + claim + "/identity-links",
                                Map.of("userId", stranger, "type", "candidate"))
                        .status())
                .isEqualTo(403);
        assertThat(unit.postJson(
                                ENGINE + "/task/" + claim + "/identity-links/delete",
                                Map.of("groupId", Orders.ECOLOGY.id(), "type", "candidate"))
                        .status())
                .isEqualTo(403);
        assertThat(unit.putJson(
                                ENGINE + "/task/" + claim,
                                Map.of("name", "改名", "owner", stranger, "due", "2099-12-31T00:00:00.000+0800"))
                        .status())
                .isEqualTo(403);
        assertThat(unit.postJson(ENGINE + "/task/" + claim + "/delegate", Map.of("userId", stranger))
                        .status())
                .isEqualTo(403);
        assertThat(unit.postJson(ENGINE + "/task/" + claim + "/bpmnError", Map.of("errorCode", "done"))
                        .status())
                .isEqualTo(403);
        assertThat(unit.postJson(ENGINE + "/task/" + claim + "/bpmnEscalation", Map.of("escalationCode", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(unit.delete(ENGINE + "/task/" + claim).status()).isIn(403, 400);
        asUser(
                lead,
                () -> assertThatThrownBy(() -> taskService.addCandidateGroup(claim, Orders.FINANCE.id()))
                        .isInstanceOf(AuthorizationException.class));

        Task after = taskService.createTaskQuery().taskId(claim).singleResult();
        assertThat(after).as("the task still exists").isNotNull();
        assertThat(after.getName()).isEqualTo(before.getName());
        assertThat(after.getOwner()).isNull();
        assertThat(after.getDueDate()).isEqualTo(before.getDueDate());
        assertThat(taskService.getIdentityLinksForTask(claim))
                .extracting(IdentityLink::getGroupId)
                .containsOnly(Orders.ECOLOGY.id(), null);
        assertThat(Http.as(rest, stranger)
                        .get(ENGINE + "/task?processInstanceId=" + instanceId)
                        .json())
                .as("the other unit sees nothing")
                .isEmpty();
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .count())
                .isOne();
    }

    @Test
    void aProcessStartedFromTasklistTakesOnlyItsStartFormsFields() {
        long drafts = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("plan-intake")
                .count();
        Http.Response refused = Http.as(rest, "integrity-office")
                .postJson(
                        ENGINE + "/process-definition/key/plan-intake/submit-form",
                        Http.variables(Map.of("draftTasks", "[]", "planCode", "FORGED")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey("plan-intake")
                        .count())
                .as("no draft was started")
                .isEqualTo(drafts);
    }

    @Test
    void noObjectOfAPersonsMakingIsStoredOrInstantiated() {
        String claim = claimedBy(lead);
        Map<String, Object> url = Map.of(
                "type",
                "Object",
                "value",
                "\"http://evil.example/\"",
                "valueInfo",
                Map.of("objectTypeName", "java.net.URL", "serializationDataFormat", "application/json"));
        Map<String, Object> runtime = Map.of(
                "type",
                "Object",
                "value",
                "{}",
                "valueInfo",
                Map.of("objectTypeName", "java.lang.Runtime", "serializationDataFormat", "application/json"));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("responsiblePerson", url);
        variables.put("contactPhone", runtime);
        assertThat(Http.as(rest, lead)
                        .postJson(ENGINE + "/task/" + claim + "/complete", Map.of("variables", variables))
                        .status())
                .isEqualTo(400);
        assertThat(Http.as(rest, lead)
                        .putJson(ENGINE + "/task/" + claim + "/variables/claimNote", url)
                        .status())
                .isEqualTo(403);
        assertThat(taskService.getVariables(claim))
                .doesNotContainKeys("responsiblePerson", "contactPhone", "claimNote");
        assertThat(Http.as(rest, "integrity-office")
                        .get(ENGINE + "/process-instance/" + instanceId + "/variables")
                        .status())
                .as("the office still reads the instance")
                .isEqualTo(200);
    }

    @Test
    void noExpressionAPersonSendsIsEvaluated() throws Exception {
        Path marker = Files.createTempDirectory("duban-el").resolve("evaluated");
        String evil = "${''.getClass().forName('java.io.File').getConstructor(''.getClass()).newInstance('" + marker
                + "').createNewFile()}";
        Http unit = Http.as(rest, lead);
        WebappSession session = WebappSession.login(rest, lead, TestUsers.PASSWORD);
        Map<String, Object> orQuery = Map.of("orQueries", List.of(Map.of("assigneeExpression", evil)));
        Map<String, Object> benignOrQuery =
                Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}")));
        for (String base : List.of(ENGINE, WEBAPP_ENGINE)) {
            assertThat(as(session, base, lead, POST, base + "/task/count", orQuery)
                            .status())
                    .isEqualTo(400);
            assertThat(as(session, base, lead, POST, base + "/task", orQuery).status())
                    .isEqualTo(400);
            assertThat(as(session, base, lead, POST, base + "/task/count", benignOrQuery)
                            .status())
                    .isEqualTo(400);
            assertThat(as(session, base, lead, POST, base + "/task/count", Map.of("assigneeExpression", evil))
                            .status())
                    .isEqualTo(400);
        }
        assertThat(unit.get(ENGINE + "/task?candidateGroupsExpression="
                                + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(400);
        Filter unclaimed = filterService.createFilterQuery().filterName("待签收").singleResult();
        assertThat(unit.postJson(ENGINE + "/filter/" + unclaimed.getId() + "/list", orQuery)
                        .status())
                .isEqualTo(400);
        assertThat(unit.postJson(ENGINE + "/filter/" + unclaimed.getId() + "/count", Map.of("dueDateExpression", evil))
                        .status())
                .isEqualTo(400);
        assertThat(unit.postJson(ENGINE + "/filter/" + unclaimed.getId() + "/list", Map.of())
                        .status())
                .as("the stored filter itself still runs")
                .isEqualTo(200);
        assertThat(unit.postJson(
                                ENGINE + "/filter/create",
                                Map.of(
                                        "resourceType",
                                        "Task",
                                        "name",
                                        "我的",
                                        "query",
                                        Map.of("assigneeExpression", evil)))
                        .status())
                .isEqualTo(403);
        asUser(
                lead,
                () -> assertThatThrownBy(() -> taskService
                                .createTaskQuery()
                                .or()
                                .taskAssigneeExpression(evil)
                                .endOr()
                                .count())
                        .isInstanceOf(BadUserRequestException.class));
        assertThat(marker).as("the expression was never evaluated").doesNotExist();
    }

    // ---- helpers ----

    private Http.Response as(
            WebappSession session, String base, String user, HttpMethod method, String path, Object body) {
        if (base.equals(WEBAPP_ENGINE)) {
            return session.call(method, path, body, true);
        }
        return switch (method.name()) {
            case "PUT" -> Http.as(rest, user).putJson(path, body);
            case "DELETE" -> Http.as(rest, user).delete(path);
            default -> Http.as(rest, user).postJson(path, body);
        };
    }

    private String claimedBy(String user) {
        Task claim = openTask("UserTask_ClaimTask");
        assertThat(Http.as(rest, user)
                        .postJson(ENGINE + "/task/" + claim.getId() + "/claim", Map.of("userId", user))
                        .status())
                .as("a unit claims its own task")
                .isEqualTo(204);
        return claim.getId();
    }

    private void signAsLead() {
        String claim = claimedBy(lead);
        assertThat(Http.as(rest, lead)
                        .postJson(
                                ENGINE + "/task/" + claim + "/complete",
                                Http.variables(Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678")))
                        .status())
                .isEqualTo(204);
        jobs.executeAll(instanceId);
    }

    private Task openTask(String definitionKey) {
        return taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(definitionKey)
                .list()
                .get(0);
    }

    private void assertRecordUntouched() {
        Map<String, Object> record = runtimeService.getVariables(instanceId);
        assertThat(record.get("deadline")).as("deadline").isEqualTo(deadline);
        assertThat(record.get("leadUnits")).isEqualTo(Orders.ECOLOGY.id());
        assertThat(record.get("binding")).as("binding (约束性) as dispatched").isEqualTo(binding);
        assertThat(record).doesNotContainKey("timesUrged");
    }

    private void asUser(String user, Runnable work) {
        identityService.setAuthentication(
                user,
                identityService.createGroupQuery().groupMember(user).list().stream()
                        .map(org.camunda.bpm.engine.identity.Group::getId)
                        .toList());
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
