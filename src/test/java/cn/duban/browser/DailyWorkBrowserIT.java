package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.accountability.AccountabilityCases;
import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.identity.Unit;
import cn.duban.identity.UnitRegistration;
import cn.duban.plantask.PlanTaskProcess;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.support.DubanTest;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15's items 4, 8, 9 and 10 as the people see them (Chromium, 1440×900, zh-CN): the office names a unit's staff
 * and everybody sees the names; the lead unit sees which support units have contributed, with their texts, and its
 * 已办 rows open the task; the dossier of a closed task keeps its overdue days, every step's content and says who
 * still decides its accountability case; the office urges several overdue tasks at once, also on a phone.
 */
@DubanTest
class DailyWorkBrowserIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    UnitRegistration registration;

    @Autowired
    TaskService taskService;

    @Autowired
    SupervisionRecord record;

    @Autowired
    AccountabilityCases cases;

    @Autowired
    TestUsers users;

    @Autowired
    Jobs jobs;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private Browser browser() {
        if (browser == null) {
            users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
            browser = new Browser("http://localhost:" + port);
        }
        return browser;
    }

    @Test
    void peopleAppearByNameTheLeadUnitSeesWhoContributedAndTheClosedTasksDossierIsComplete() {
        String suffix = Orders.freshCode("").substring(1);
        Unit lead = registration.register(null, "人员测试局" + suffix, "DEPARTMENT");
        Unit support = registration.register(null, "配合测试局" + suffix, "DEPARTMENT");
        String officer = users.member("daily-lead-" + lead.id(), lead.id());
        String helper = users.member("daily-support-" + support.id(), support.id());
        String office = users.member("daily-office", DubanGroups.SUPERVISION_OFFICE);
        String leader = users.member("daily-leader", DubanGroups.LEADERS);

        // 8: the login page and the office's page of a unit's staff
        Page login = browser().blankPage();
        login.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
        login.locator("input[type=password]").first().waitFor();
        login.waitForCondition(() -> login.title().contains("督办系统"));
        assertThat(login.locator("body").innerText()).doesNotContain("Camunda");
        Browser.screenshot(login, "daily-09-login");

        Page officePage = browser().logInAsPeopleDo(office, TestUsers.PASSWORD);
        assertThat(officePage.title()).contains("督办系统");
        officePage.navigate("http://localhost:" + port + "/duban/staff.html");
        officePage.locator("#unit").selectOption(lead.id());
        name(officePage, officer, "王建国", "土壤科科长", "13912345678");
        officePage.locator("#unit").selectOption(support.id());
        name(officePage, helper, "赵敏", "经建科科长", "13812345678");
        Browser.screenshot(officePage, "daily-10-staff-by-name");

        LocalDate deadline = LocalDate.now(BEIJING).minusMonths(2);
        String code = Orders.freshCode("DAILY");
        String instanceId = dispatcher.dispatch(new TaskDispatchOrder(
                "DAILY-PLAN",
                "日常办理测试计划",
                code,
                null,
                "受污染耕地安全利用",
                "落实受污染耕地安全利用措施，完成年度安全利用任务。",
                List.of(lead),
                List.of(support),
                List.of(),
                deadline,
                ReportCycle.QUARTERLY));
        complete(
                instanceId,
                PlanTaskProcess.CLAIM_TASK,
                officer,
                Map.of("responsiblePerson", "王建国", "contactPhone", "13912345678"));

        // 4: the lead unit's progress view, before and after the support unit's contribution
        Page leadPage = browser().logInAsPeopleDo(officer, TestUsers.PASSWORD);
        assertThat(leadPage.locator("body").innerText())
                .as("the header names the person")
                .contains("王建国");
        leadPage.navigate("http://localhost:" + port + "/duban/progress.html?code=" + code);
        Locator supportRow = leadPage.locator("#supports tbody tr").first();
        supportRow.waitFor();
        assertThat(supportRow.innerText()).contains(support.name(), "尚未报送");
        complete(
                instanceId,
                "UserTask_Contribute",
                helper,
                Map.of(
                        "contributionDecision",
                        "contribute",
                        "contribution",
                        "已落实安全利用技术指导12次",
                        "contributionEvidence",
                        "技术指导记录"));
        leadPage.reload();
        supportRow.waitFor();
        assertThat(supportRow.innerText())
                .contains(support.name(), "已报送", "已落实安全利用技术指导12次", "技术指导记录", "赵敏（" + support.name() + "）");
        assertThat(leadPage.locator("#support-count").innerText()).contains("已报送 1 / 1");
        assertThat(leadPage.locator("#steps").innerText()).contains("报送办理结果", "王建国（" + lead.name() + "）");
        Browser.screenshot(leadPage, "daily-11-lead-unit-progress");

        // 4: 已办 says where the task stands and opens it
        leadPage.navigate("http://localhost:" + port + "/duban/done.html");
        Locator doneRow = leadPage.locator("#done tbody tr", new Page.LocatorOptions().setHasText("签收任务"));
        doneRow.first().waitFor();
        assertThat(doneRow.first().innerText()).contains("报送办理结果");
        Browser.screenshot(leadPage, "daily-12-done-tasks");
        doneRow.first().locator("a").click();
        leadPage.waitForURL("**/duban/progress.html?code=" + code);
        leadPage.locator("#title").getByText("受污染耕地安全利用").waitFor();

        // the rest of the way to closure: the lead unit reports, the office verifies, a leader approves
        complete(
                instanceId,
                PlanTaskProcess.REPORT_RESULT,
                officer,
                Map.of("resultDescription", "完成受污染耕地安全利用2.3万亩", "evidence", "验收报告"));
        complete(instanceId, "UserTask_VerifyResult", office, Map.of("inspectionDecision", "pass"));
        complete(
                instanceId,
                "UserTask_ApproveClosure",
                leader,
                Map.of("closureDecision", "approve", "closureOpinion", "同意销号"));
        int overdue = record.find(code).orElseThrow().workingDaysOverdue();
        assertThat(overdue).as("reported two months late").isPositive();
        assertThat(cases.of(code))
                .as("two months late: a case was opened at dispatch")
                .isNotEmpty();

        // 9: the dossier of the closed task
        officePage.navigate("http://localhost:" + port + "/duban/task.html?code=" + code);
        Locator timeline = officePage.locator("#timeline");
        timeline.locator("li").first().waitFor();
        assertThat(officePage.locator("#facts").innerText()).contains("已销号");
        assertThat(officePage.locator("#facts dt:text-is('逾期工作日') + dd").innerText())
                .as("a closed task keeps its overdue days")
                .isEqualTo(String.valueOf(overdue));
        String steps = timeline.innerText();
        assertThat(steps)
                .contains(
                        "王建国（" + lead.name() + "）",
                        "赵敏（" + support.name() + "）",
                        "已落实安全利用技术指导12次",
                        "办理情况：完成受污染耕地安全利用2.3万亩",
                        "核验结论：核验通过",
                        "同意销号")
                .doesNotContain(officer, helper);
        assertThat(timeline.locator("li", new Locator.LocatorOptions().setHasText("已落实安全利用技术指导12次"))
                        .count())
                .as("each contribution once")
                .isEqualTo(1);
        assertThat(officePage.locator("#cases").innerText()).contains("待督查办决定（任务已销号，问责不因销号而终止）");
        Browser.screenshot(officePage, "daily-13-closed-task-dossier");
    }

    @Test
    void theOfficeUrgesSeveralOverdueTasksWithOneMessageAlsoOnAPhone() {
        String plan = Orders.freshCode("BATCHWEB");
        LocalDate today = LocalDate.now(BEIJING);
        String first = dispatch(plan, "A", "逾期的详查任务", Orders.AGRICULTURE, today.minusDays(10));
        String second = dispatch(plan, "B", "逾期的修复任务", Orders.ECOLOGY, today.minusDays(12));
        String office = users.member("daily-office", DubanGroups.SUPERVISION_OFFICE);

        Page page = browser().logInAsPeopleDo(office, TestUsers.PASSWORD);
        page.navigate("http://localhost:" + port + "/duban/dashboard.html");
        page.locator("#plan").selectOption(plan);
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB, new Page.GetByRoleOptions().setName("逾期事项"))
                .click();
        Locator rowA = page.locator("#overdue tr[data-code='" + first + "']");
        Locator rowB = page.locator("#overdue tr[data-code='" + second + "']");
        rowA.waitFor();
        rowB.waitFor();
        assertThat(page.locator("#batch-urge").isDisabled()).isTrue();
        rowA.locator("td.select input").check();
        rowB.locator("td.select input").check();
        assertThat(page.locator("#batch-urge").innerText()).isEqualTo("批量催办（已选 2 项）");
        page.locator("#batch-urge").click();
        assertThat(page.locator("#urge-task").innerText()).contains("批量催办 2 项任务", "逾期的详查任务", "逾期的修复任务");
        page.locator("#urge-message").fill("请于三个工作日内报送办理结果");
        Browser.screenshot(page, "daily-14-batch-urge");
        page.locator("#urge-send").click();
        page.locator("#toast").getByText("已催办 2 项任务").waitFor();
        page.waitForCondition(() -> "1".equals(rowA.locator("td.urges").innerText())
                && "1".equals(rowB.locator("td.urges").innerText()));
        assertThat(record.find(first).orElseThrow().timesUrged()).isEqualTo(1);
        assertThat(record.find(second).orElseThrow().timesUrged()).isEqualTo(1);

        // The overdue list on a phone: the page is no wider than the screen, the table scrolls inside it.
        page.setViewportSize(390, 844);
        // Laid out again for the narrow screen (it can take a moment on a busy machine): no wider than the screen.
        page.waitForCondition(() -> ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue() <= 390);
        assertThat(rowA.locator("td").nth(1).boundingBox().width)
                .as("a task title is not one character per line")
                .isGreaterThan(60);
        Browser.screenshot(page, "daily-15-overdue-on-a-phone");
    }

    private void name(Page page, String userId, String name, String position, String phone) {
        Locator row = page.locator("#staff tr[data-user='" + userId + "']");
        row.waitFor();
        row.getByLabel("姓名").fill(name);
        row.getByLabel("职务").fill(position);
        row.getByLabel("联系电话").fill(phone);
        row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存"))
                .click();
        page.locator("#saved").getByText("已保存：" + name).waitFor();
    }

    private void complete(String instanceId, String step, String user, Map<String, Object> values) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(step)
                .singleResult();
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        taskService.complete(task.getId(), values);
        jobs.executeAll(instanceId);
    }

    private String dispatch(String plan, String suffix, String title, Unit lead, LocalDate deadline) {
        String code = plan + "-" + suffix;
        dispatcher.dispatch(new TaskDispatchOrder(
                plan,
                "批量催办浏览器测试计划",
                code,
                null,
                title,
                title + "。",
                List.of(lead),
                List.of(),
                List.of(),
                deadline,
                ReportCycle.QUARTERLY));
        return code;
    }
}
