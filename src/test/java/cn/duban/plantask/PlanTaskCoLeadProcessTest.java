package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskProcess.CLAIM_CO_LEAD_PART;
import static cn.duban.plantask.PlanTaskProcess.CLAIM_TASK;
import static cn.duban.plantask.PlanTaskProcess.REPORT_CO_LEAD_PART;
import static cn.duban.plantask.PlanTaskProcess.REPORT_RESULT;
import static cn.duban.plantask.PlanTaskProcess.VERIFY_RESULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.supervision.SupervisionEvent;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.support.DubanTest;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task with several lead units (州生态环境局、州农业农村局、州财政局牵头): the first signs and consolidates, each
 * co-lead signs for and reports its own part, the office verifies the first lead's result.
 */
@DubanTest
class PlanTaskCoLeadProcessTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @Autowired
    SupervisionRecord supervisionRecord;

    @Autowired
    CoLeadParts coLeadParts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Jobs jobs;

    @Autowired
    TestUsers users;

    private String code;
    private String instanceId;
    private String ecologyUser;
    private String agricultureUser;
    private String financeUser;

    @BeforeEach
    void dispatchToThreeLeads() {
        ecologyUser = users.member("colead-ecology", Orders.ECOLOGY.id());
        agricultureUser = users.member("colead-agriculture", Orders.AGRICULTURE.id());
        financeUser = users.member("colead-finance", Orders.FINANCE.id());
        code = Orders.freshCode("COLEAD");
        instanceId = dispatcher.dispatch(
                Orders.order(code, List.of(Orders.ECOLOGY, Orders.AGRICULTURE, Orders.FINANCE), List.of()));
    }

    @AfterEach
    void logOutAndResetClock() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void twoCoLeadsSignAndReportTheirPartsTheFirstConsolidatesAndTheOfficeVerifiesIt() {
        Task claim = only(CLAIM_TASK);
        assertThat(candidates(claim)).as("the first lead signs for the task").containsExactly(Orders.ECOLOGY.id());
        signAsFirstLead();

        assertThat(tasks(CLAIM_CO_LEAD_PART))
                .extracting(this::candidate)
                .containsExactlyInAnyOrder(Orders.AGRICULTURE.id(), Orders.FINANCE.id());
        as(agricultureUser, Orders.AGRICULTURE.id());
        signPart(agricultureUser, "王芳", "0994-2211000");
        reportPart(agricultureUser, "已完成全州农用地土壤详查点位布设1260个");
        as(financeUser, Orders.FINANCE.id());
        signPart(financeUser, "赵强", "13899887766");
        reportPart(financeUser, "已拨付详查经费120万元");
        identityService.clearAuthentication();
        jobs.executeAll(instanceId);

        Task report = only(REPORT_RESULT);
        assertThat(report.getAssignee())
                .as("the first lead's signer consolidates")
                .isEqualTo(ecologyUser);
        assertThat(candidates(report)).containsExactly(Orders.ECOLOGY.id());
        assertThat((String) taskService.getVariable(report.getId(), "coLeadPartsText"))
                .contains("州农业农村局（", "责任人王芳", "点位布设1260个", "州财政局（", "责任人赵强", "经费120万元");
        assertThat(coLeadParts.of(code))
                .extracting(CoLeadParts.CoLeadPart::unitId, CoLeadParts.CoLeadPart::contactPhone)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Orders.AGRICULTURE.id(), "0994-2211000"),
                        org.assertj.core.groups.Tuple.tuple(Orders.FINANCE.id(), "13899887766"));
        assertThat(runtimeService.getVariables(instanceId))
                .as("a part's fields stay in that part")
                .doesNotContainKeys("coLeadPart", "coLeadResponsiblePerson");

        as(ecologyUser, Orders.ECOLOGY.id());
        taskService.complete(
                report.getId(), Map.of("resultDescription", "三家牵头单位均已完成，详查报告已印发", "evidence", "州环发〔2030〕12号"));
        identityService.clearAuthentication();
        Task verify = only(VERIFY_RESULT);
        taskService.complete(verify.getId(), Map.of("inspectionDecision", "pass"));
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getTaskDefinitionKey())
                .isEqualTo(PlanTaskProcess.APPROVE_CLOSURE);
        assertThat(jdbc.sql("select array_to_string(lead_unit_ids, ',') from duban.supervised_task where task_code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .as("the supervision record names every lead")
                .isEqualTo(Orders.ECOLOGY.id() + "," + Orders.AGRICULTURE.id() + "," + Orders.FINANCE.id());
    }

    @Test
    void aCoLeadCannotCompleteTheFirstLeadsTasksNorWriteTheirFields() {
        Task claim = only(CLAIM_TASK);
        as(agricultureUser, Orders.AGRICULTURE.id());
        assertThat(taskService.createTaskQuery().processInstanceId(instanceId).count())
                .as("before the first lead signs, a co-lead has nothing to do")
                .isZero();
        assertThatThrownBy(() -> taskService.complete(
                        claim.getId(), Map.of("responsiblePerson", "王芳", "contactPhone", "0994-2211000")))
                .isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();
        assertThat(taskService.createTaskQuery().taskId(claim.getId()).singleResult())
                .isNotNull();
        assertThat(runtimeService.getVariables(instanceId)).doesNotContainKeys("responsiblePerson");

        signAsFirstLead();
        as(agricultureUser, Orders.AGRICULTURE.id());
        Task ownClaim = own(CLAIM_CO_LEAD_PART, agricultureUser);
        assertThatThrownBy(() -> taskService.complete(
                        ownClaim.getId(),
                        Map.of(
                                "coLeadResponsiblePerson",
                                "王芳",
                                "coLeadContactPhone",
                                "0994-2211000",
                                "resultDescription",
                                "牵头单位的办理情况由我单位填写")))
                .as("a co-lead's form has no field for the first lead's result")
                .isInstanceOf(ProcessEngineException.class);
        identityService.clearAuthentication();
        assertThat(taskService.createTaskQuery().taskId(ownClaim.getId()).singleResult())
                .isNotNull();
        assertThat(runtimeService.getVariables(instanceId)).doesNotContainKeys("resultDescription");

        as(agricultureUser, Orders.AGRICULTURE.id());
        signPart(agricultureUser, "王芳", "0994-2211000");
        reportPart(agricultureUser, "已完成点位布设");
        as(financeUser, Orders.FINANCE.id());
        signPart(financeUser, "赵强", "13899887766");
        reportPart(financeUser, "已拨付经费");
        identityService.clearAuthentication();
        jobs.executeAll(instanceId);

        Task report = only(REPORT_RESULT);
        as(agricultureUser, Orders.AGRICULTURE.id());
        assertThatThrownBy(() -> taskService.complete(report.getId(), Map.of("resultDescription", "代为报送")))
                .isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();
        assertThat(only(REPORT_RESULT).getId()).isEqualTo(report.getId());
        assertThat(runtimeService.getVariables(instanceId)).doesNotContainKeys("resultDescription");
    }

    @Test
    void aCoLeadLateWithItsPartIsRecordedByName() {
        signAsFirstLead();
        as(agricultureUser, Orders.AGRICULTURE.id());
        signPart(agricultureUser, "王芳", "0994-2211000");
        reportPart(agricultureUser, "已完成点位布设");
        as(financeUser, Orders.FINANCE.id());
        signPart(financeUser, "赵强", "13899887766");
        identityService.clearAuthentication();

        // The parts are due 5 working days before Tuesday 31 December 2030: Tuesday 24 December.
        ClockUtil.setCurrentTime(Date.from(
                LocalDate.of(2030, 12, 25).atTime(9, 0).atZone(BEIJING).toInstant()));
        jobs.executeAll(instanceId);

        assertThat(supervisionRecord.events(code))
                .filteredOn(event -> event.kind() == SupervisionEvent.Kind.PROGRESS_REPORT_MISSED)
                .extracting(SupervisionEvent::reason)
                .containsExactly("州财政局未按期报送牵头部分，请抓紧报送");
        assertThat(tasks(REPORT_CO_LEAD_PART))
                .as("the late part is still owed")
                .extracting(this::candidate)
                .containsExactly(Orders.FINANCE.id());
    }

    private void signAsFirstLead() {
        Task claim = only(CLAIM_TASK);
        as(ecologyUser, Orders.ECOLOGY.id());
        taskService.claim(claim.getId(), ecologyUser);
        taskService.complete(claim.getId(), Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        identityService.clearAuthentication();
    }

    private void signPart(String user, String person, String phone) {
        Task part = own(CLAIM_CO_LEAD_PART, user);
        taskService.complete(part.getId(), Map.of("coLeadResponsiblePerson", person, "coLeadContactPhone", phone));
    }

    private void reportPart(String user, String progress) {
        Task part = own(REPORT_CO_LEAD_PART, user);
        taskService.complete(part.getId(), Map.of("coLeadPart", progress));
    }

    /** The task of this kind the user's unit sees, claimed by the user. */
    private Task own(String key, String user) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(key)
                .singleResult();
        taskService.claim(task.getId(), user);
        return task;
    }

    private void as(String user, String unit) {
        identityService.setAuthentication(user, List.of(unit));
    }

    private Task only(String key) {
        return taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(key)
                .singleResult();
    }

    private List<Task> tasks(String key) {
        return taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(key)
                .list();
    }

    private List<String> candidates(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(group -> group != null)
                .toList();
    }

    private String candidate(Task task) {
        return candidates(task).get(0);
    }
}
