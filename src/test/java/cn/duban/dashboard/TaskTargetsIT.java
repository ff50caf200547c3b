package cn.duban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.plantask.PlanTaskProcess;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The task page of a task with two lead units and a quantified target: the office sees the target from the plan, the
 * co-lead's part, and what the consolidating lead reported on the target.
 */
@DubanTest
class TaskTargetsIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Autowired
    TestUsers users;

    @Autowired
    Jobs jobs;

    @Test
    void theTaskPageShowsTheTargetsTheCoLeadsPartsAndWhatWasReportedOnTheTargets() {
        String office = users.member("targets-office", DubanGroups.SUPERVISION_OFFICE);
        String agriculture = users.member("targets-agriculture", Orders.AGRICULTURE.id());
        String ecology = users.member("targets-ecology", Orders.ECOLOGY.id());
        String plan = "TGT-" + UUID.randomUUID().toString().substring(0, 8);
        String code = plan + "-01";
        Http.Response imported = Http.as(rest, office).postYaml("/api/plans", """
                code: %s
                title: 昌吉州2030年秸秆综合利用工作方案
                deadline: 2030-12-31
                tasks:
                  - code: %s
                    title: 推进秸秆综合利用
                    text: 完善秸秆收储运体系，秸秆综合利用率达到90%%以上。
                    leadUnits: 州农业农村局、州生态环境局
                    targets:
                      - {phrase: 秸秆综合利用率达到90%%以上, value: 90, unit: "%%", qualifier: 以上}
                """.formatted(plan, code));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String instance = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(code)
                .singleResult()
                .getProcessInstanceId();

        JsonNode page =
                Http.as(rest, office).get("/api/dashboard/tasks/" + code).json();
        assertThat(page.path("targets").get(0).path("phrase").asText()).isEqualTo("秸秆综合利用率达到90%以上");
        assertThat(page.path("targetResults").isNull()).isTrue();

        complete(
                instance,
                PlanTaskProcess.CLAIM_TASK,
                agriculture,
                Map.of("responsiblePerson", "王芳", "contactPhone", "0994-2211000"));
        complete(
                instance,
                PlanTaskProcess.CLAIM_CO_LEAD_PART,
                ecology,
                Map.of("coLeadResponsiblePerson", "张伟", "coLeadContactPhone", "0994-2345678"));
        complete(instance, PlanTaskProcess.REPORT_CO_LEAD_PART, ecology, Map.of("coLeadPart", "秸秆禁烧巡查全覆盖"));
        complete(
                instance,
                PlanTaskProcess.REPORT_RESULT,
                agriculture,
                Map.of("resultDescription", "秸秆收储运体系已建成", "evidence", "验收报告", "targetResults", "秸秆综合利用率：达到91.5%"));

        page = Http.as(rest, office).get("/api/dashboard/tasks/" + code).json();
        assertThat(page.path("targetResults").asText()).isEqualTo("秸秆综合利用率：达到91.5%");
        assertThat(page.path("coLeadParts").get(0).path("unitName").asText()).isEqualTo("州生态环境局");
        assertThat(page.path("coLeadParts").get(0).path("progress").asText()).isEqualTo("秸秆禁烧巡查全覆盖");
        assertThat(page.path("timeline").toString()).contains("州生态环境局报送牵头部分");
    }

    private void complete(String instance, String step, String user, Map<String, Object> values) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(step)
                .singleResult();
        assertThat(task).as(step).isNotNull();
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), values);
        jobs.executeAll(instance);
    }
}
