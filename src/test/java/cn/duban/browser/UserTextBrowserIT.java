package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.plantask.PlanTaskProcess;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What units write is shown as the text they wrote, never as markup: a support unit and the lead unit put an image
 * tag, an HTML link and a Markdown link into their answers; the lead unit's report form, the supervision office's
 * inspection form in Tasklist and the task's page on the dashboard show those characters, and no image or link.
 */
@DubanTest
class UserTextBrowserIT {

    private static final String CONTRIBUTION = "经费已安排<img src=x onerror=\"window.pwned=1\">，详见"
            + "<a href=\"http://evil.example/contribution\">拨款文件</a>和[点此](http://evil.example/markdown)";
    private static final String RESULT =
            "已完成详查<img src=x onerror=\"window.pwned=1\">，报告见" + "<a href=\"http://evil.example/result\">这里</a>";
    private static final String EVIDENCE = "[点此](http://evil.example/evidence)下载详查报告";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    TestUsers users;

    @Autowired
    Jobs jobs;

    @Test
    void markupWrittenByUnitsIsShownAsTextInTasklistAndOnTheTaskPage() {
        users.member("xss-admin", DubanGroups.CAMUNDA_ADMIN);
        String lead = users.member("xss-ecology", Orders.ECOLOGY.id());
        String support = users.member("xss-finance", Orders.FINANCE.id());
        String office = users.member("xss-office", DubanGroups.SUPERVISION_OFFICE);
        String code = Orders.freshCode("XSS");
        String title = "用户文本测试任务" + code.substring(4);
        String instanceId = dispatcher.dispatch(new TaskDispatchOrder(
                "TEST-PLAN",
                "测试计划",
                code,
                null,
                title,
                "开展全州土壤污染状况详查。",
                List.of(Orders.ECOLOGY),
                List.of(Orders.FINANCE),
                List.of(),
                Orders.DEADLINE,
                ReportCycle.QUARTERLY));
        // The lead unit signs and the support unit answers through the REST API, as any client may.
        complete(
                lead,
                task(instanceId, PlanTaskProcess.CLAIM_TASK),
                Map.of("claimDecision", "sign", "responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        complete(
                support,
                task(instanceId, PlanTaskProcess.CONTRIBUTE),
                Map.of(
                        "contributionDecision",
                        "contribute",
                        "contribution",
                        CONTRIBUTION,
                        "contributionEvidence",
                        EVIDENCE));
        jobs.executeAll(instanceId);

        try (Browser browser = new Browser("http://localhost:" + port)) {
            Page leadPage = browser.logIn(lead, TestUsers.PASSWORD);
            Browser.openFilter(leadPage, "我的待办");
            Browser.openTask(leadPage, "报送办理结果：" + title);
            Locator leadForm = form(leadPage);
            leadForm.getByText("配合单位办理情况").scrollIntoViewIfNeeded();
            Browser.screenshot(leadPage, "user-text-lead-unit-reads-contribution");
            assertNoMarkup(leadPage, leadForm);
            assertThat(fieldValues(leadForm))
                    .as("the support unit's answer as it wrote it")
                    .anyMatch(value -> value.contains(CONTRIBUTION) && value.contains(EVIDENCE));
            leadPage.getByLabel("办理情况").fill(RESULT);
            leadPage.getByLabel("佐证材料").fill(EVIDENCE);
            Browser.button(leadPage, "提交").click();
            leadPage.waitForCondition(() -> taskService
                            .createTaskQuery()
                            .processInstanceId(instanceId)
                            .taskDefinitionKey(PlanTaskProcess.VERIFY_RESULT)
                            .count()
                    == 1);

            Page officePage = browser.logIn(office, TestUsers.PASSWORD);
            Browser.openFilter(officePage, "待核验");
            Browser.openTask(officePage, "督查核验：" + title);
            Browser.button(officePage, "签收").click();
            Locator officeForm = form(officePage);
            officeForm.getByText("核验结论").first().scrollIntoViewIfNeeded();
            Browser.screenshot(officePage, "user-text-office-inspects");
            assertNoMarkup(officePage, officeForm);
            assertThat(fieldValues(officeForm))
                    .as("the lead unit's report as it wrote it")
                    .contains(RESULT, EVIDENCE);

            Page dossier = officePage.context().newPage();
            dossier.navigate("http://localhost:" + port + "/duban/task.html?code=" + code);
            dossier.locator("#task").waitFor();
            Browser.screenshot(dossier, "user-text-task-page");
            assertNoMarkup(dossier, dossier.locator("#task"));
            assertThat(dossier.locator("#contributions").innerText()).contains(CONTRIBUTION);
        }
    }

    private String task(String instanceId, String taskKey) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(taskKey)
                .singleResult();
        return task.getId();
    }

    private void complete(String userId, String taskId, Map<String, Object> values) {
        Http unit = Http.as(rest, userId);
        assertThat(unit.postJson("/engine-rest/task/" + taskId + "/claim", Map.of("userId", userId))
                        .status())
                .isEqualTo(204);
        Http.Response completed = unit.postJson("/engine-rest/task/" + taskId + "/complete", Http.variables(values));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    }

    /** The task's Camunda Form, once rendered. */
    private static Locator form(Page page) {
        Locator form = page.locator(".fjs-container").first();
        form.locator(".fjs-form-field").first().waitFor();
        return form;
    }

    private static List<String> fieldValues(Locator form) {
        Locator fields = form.locator("textarea, input[type=text]");
        return java.util.stream.IntStream.range(0, fields.count())
                .mapToObj(i -> fields.nth(i).inputValue())
                .toList();
    }

    private static void assertNoMarkup(Page page, Locator shown) {
        assertThat(shown.locator("img").count())
                .as("images from what units wrote")
                .isZero();
        assertThat(page.locator("a[href*='evil.example']").count())
                .as("links from what units wrote")
                .isZero();
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
    }
}
