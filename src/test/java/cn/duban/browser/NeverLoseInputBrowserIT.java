package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.identity.Unit;
import cn.duban.identity.UnitRegistration;
import cn.duban.plantask.PlanTaskProcess;
import cn.duban.support.DubanTest;
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
 * Nothing typed is lost, and what goes wrong is said in Chinese (Chromium, 1440×900, zh-CN): a half-filled form
 * survives switching to another task and an expired session; a malformed phone number is named as such; the date
 * picker speaks Chinese; the dashboard of an expired session goes to the login page and back.
 */
@DubanTest
class NeverLoseInputBrowserIT {

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
    TestUsers users;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aHalfFilledFormSurvivesATaskSwitchAndAnExpiredSession() {
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        Unit unit = registration.register(null, "草稿测试局" + Orders.freshCode("").substring(1), "DEPARTMENT");
        String staff = users.member("drafts-" + unit.id(), unit.id());
        String first = dispatch(unit, "需要填写的详查任务");
        dispatch(unit, "另一项修复任务");
        browser = new Browser("http://localhost:" + port);
        Page page = browser.logInAsPeopleDo(staff, TestUsers.PASSWORD);

        Browser.openFilter(page, "待签收");
        Browser.openTask(page, "签收任务：需要填写的详查任务");
        Browser.button(page, "签收").click();
        page.getByLabel("责任人").fill("李明");
        page.getByLabel("联系电话").fill("电话待定");
        Locator phoneError =
                page.locator(".fjs-form-field-error").filter(new Locator.FilterOptions().setHasText("联系电话"));
        phoneError.first().waitFor();
        assertThat(phoneError.first().innerText())
                .as("what is wrong, and how it should look")
                .contains("“联系电话”格式不正确", "0994-2345678")
                .doesNotContain("必填");
        page.getByLabel("联系电话").fill("0994-2345678");
        Browser.screenshot(page, "daily-02-half-filled");

        Browser.openTask(page, "签收任务：另一项修复任务");
        page.getByLabel("任务名称").first().waitFor();
        // Signed for, the first task now waits in 我的待办.
        Browser.openFilter(page, "我的待办");
        Browser.openTask(page, "签收任务：需要填写的详查任务");
        page.waitForCondition(() -> "李明".equals(page.getByLabel("责任人").inputValue()));
        assertThat(page.getByLabel("联系电话").inputValue()).isEqualTo("0994-2345678");
        assertThat(page.locator(".duban-draft-note").innerText()).contains("已恢复");

        // The session expires (the server forgets it) while the form is open: the submission goes to the login.
        page.context().clearCookies();
        Browser.button(page, "提交").click();
        page.locator("input[type=password]").first().waitFor();
        Browser.screenshot(page, "daily-03-session-expired");
        Browser.fillLogin(page, staff, TestUsers.PASSWORD);
        page.locator("button[type=submit]").first().click();
        page.waitForCondition(() -> page.getByLabel("责任人").count() > 0
                && "李明".equals(page.getByLabel("责任人").inputValue()));
        assertThat(page.getByLabel("联系电话").inputValue()).isEqualTo("0994-2345678");
        Browser.screenshot(page, "daily-04-form-kept-after-login");
        Browser.button(page, "提交").click();
        page.waitForCondition(() -> taskService
                        .createTaskQuery()
                        .processInstanceId(first)
                        .taskDefinitionKey(PlanTaskProcess.CLAIM_TASK)
                        .count()
                == 0);
    }

    @Test
    void theDashboardOfAnExpiredSessionGoesToTheLoginAndBackAndTheDatePickerIsChinese() {
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        String office = users.member("drafts-office", DubanGroups.SUPERVISION_OFFICE);
        String instance = dispatch(
                new Unit(Orders.ECOLOGY.id(), Orders.ECOLOGY.name(), "DEPARTMENT"),
                "等待核验的任务" + Orders.freshCode("").substring(1));
        dispatch(
                new Unit(Orders.ECOLOGY.id(), Orders.ECOLOGY.name(), "DEPARTMENT"),
                "已逾期的任务",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(1));
        Task claim = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        taskService.claim(claim.getId(), users.member("drafts-lead", Orders.ECOLOGY.id()));
        taskService.complete(
                claim.getId(),
                Map.of("claimDecision", "sign", "responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        Task report = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(PlanTaskProcess.REPORT_RESULT)
                .singleResult();
        taskService.complete(report.getId(), Map.of("resultDescription", "已完成", "evidence", "报告.pdf"));
        String title = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(PlanTaskProcess.VERIFY_RESULT)
                .singleResult()
                .getName();
        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        }
        Page page = browser.logInAsPeopleDo(office, TestUsers.PASSWORD);

        Browser.openFilter(page, "待核验");
        Browser.openTask(page, title);
        Browser.button(page, "签收").click();
        // What the decision needs to know stands above the form, with the way to the task's whole history.
        Locator context = page.locator(".duban-context");
        context.waitFor();
        LocalDate deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6);
        assertThat(context.innerText())
                .contains(
                        "原定完成时限",
                        "当前完成时限",
                        deadline.getYear() + "年" + deadline.getMonthValue() + "月" + deadline.getDayOfMonth() + "日",
                        "剩余",
                        "问责等级",
                        "催办次数");
        assertThat(context.getByText("查看任务档案（完整时间线）").getAttribute("href")).startsWith("/duban/task.html?code=");
        assertThat(context.getByText("查看办理进度（配合单位、落实单位报送情况）").getAttribute("href"))
                .startsWith("/duban/progress.html?code=");
        page.getByLabel("限期整改", new Page.GetByLabelOptions().setExact(true)).check();
        page.locator(".fjs-form-field-datetime input").first().click();
        Locator calendar = page.locator(".flatpickr-calendar.open");
        calendar.waitFor();
        assertThat(calendar.locator(".flatpickr-weekday").allInnerTexts().stream()
                        .map(String::strip)
                        .toList())
                .containsExactly("一", "二", "三", "四", "五", "六", "日");
        assertThat(calendar.locator(".flatpickr-monthDropdown-months, .cur-month")
                        .first()
                        .innerText())
                .contains("月");
        Browser.screenshot(page, "daily-05-date-picker-zh");

        page.navigate("http://localhost:" + port + "/duban/dashboard.html");
        page.locator("#status")
                .waitFor(new Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        page.context().clearCookies();
        page.reload();
        page.locator(".duban-login-reason").waitFor();
        assertThat(page.locator(".duban-login-reason").innerText()).contains("登录已过期");
        Browser.screenshot(page, "daily-06-dashboard-session-expired");
        Browser.fillLogin(page, office, TestUsers.PASSWORD);
        page.locator("button[type=submit]").first().click();
        page.waitForURL("**/duban/dashboard.html");
        page.locator("#status")
                .waitFor(new Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        assertThat(page.content()).doesNotContain("尚未登录");

        // On a phone the dashboard reads as a page: nothing wider than the screen but the tables, which scroll.
        page.setViewportSize(390, 844);
        page.locator("button[role=tab]", new Page.LocatorOptions().setHasText("逾期事项"))
                .first()
                .click();
        page.locator("#overdue tbody tr").first().waitFor();
        Browser.screenshot(page, "daily-08-dashboard-on-a-phone");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("no sideways page")
                .isTrue();
        assertThat((Boolean) page.evaluate("Array.from(document.querySelectorAll('#overdue th'))"
                        + ".every(th => th.getBoundingClientRect().height < 40)"))
                .as("headers on one line")
                .isTrue();
    }

    private String dispatch(Unit unit, String title) {
        return dispatch(unit, title, LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6));
    }

    private String dispatch(Unit unit, String title, LocalDate deadline) {
        return dispatcher.dispatch(new TaskDispatchOrder(
                "DRAFT-PLAN",
                "草稿测试计划",
                Orders.freshCode("DRAFT"),
                null,
                title,
                title + "的内容。",
                List.of(unit),
                List.of(),
                List.of(),
                deadline,
                ReportCycle.QUARTERLY));
    }
}
