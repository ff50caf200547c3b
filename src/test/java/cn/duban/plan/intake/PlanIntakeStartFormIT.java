package cn.duban.plan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The office starts a plan's intake from Tasklist's 计划导入 dialog: the start form, with a plan of real length. */
@DubanTest
class PlanIntakeStartFormIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Test
    void aPlanPastedIntoTheStartFormBecomesADraftToReview() {
        StringBuilder text = new StringBuilder("某州2031年度农村人居环境整治工作方案\n一、重点任务\n");
        for (int i = 1; i <= 90; i++) {
            text.append("（")
                    .append(i)
                    .append("）开展第")
                    .append(i)
                    .append("批村庄生活垃圾治理。建立收运处置体系，落实运行经费，按期完成验收（牵头单位：州住建局）。\n");
        }
        assertThat(text.length()).as("longer than a String variable holds").isGreaterThan(4000);
        Http office = Http.as(rest, users.member("intake-office", DubanGroups.SUPERVISION_OFFICE));

        Http.Response started = office.postJson(
                "/engine-rest/process-definition/key/plan-intake/submit-form",
                Http.variables(Map.of("sourceName", "某州农村人居环境整治工作方案", "sourceText", text.toString())));

        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String draftId = started.json().path("id").asText();
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(draftId)
                        .taskDefinitionKey("UserTask_ReviewDraft")
                        .count())
                .isOne();
        assertThat(runtimeService.getVariable(draftId, "taskCount")).isEqualTo(90);
        assertThat(runtimeService.getVariable(draftId, "sourceText")).isEqualTo(text.toString());
    }
}
