package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.identity.Unit;
import cn.duban.identity.UnitRegistration;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A unit's notices in Tasklist (Chromium, 1440×900, zh-CN): the header shows how many are unread, the list links
 * each notice to its task, and opening one marks it read. The e-mail of the same notice links to the task at the
 * public address.
 */
@DubanTest
class NotificationCentreBrowserIT {

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
    JdbcClient jdbc;

    @Autowired
    TestUsers users;

    @Value("${duban.public-url}")
    String publicUrl;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aUnitSeesItsUnreadNoticesInTasklistAndOpensTheTaskFromOne() {
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        Unit unit = registration.register(null, "通知测试局" + Orders.freshCode("").substring(1), "DEPARTMENT");
        String staff = users.member("inbox-" + unit.id(), unit.id());
        String instance = dispatcher.dispatch(new TaskDispatchOrder(
                "INBOX-PLAN",
                "通知测试计划",
                Orders.freshCode("INBOX"),
                null,
                "收到通知的任务",
                "收到通知的任务内容。",
                List.of(unit),
                List.of(),
                List.of(),
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3),
                ReportCycle.QUARTERLY));
        Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        long unread = unread(staff);
        assertThat(unread).as("the new task was announced").isPositive();
        assertThat(jdbc.sql("select body from duban.notification where recipient = ? and channel = 'EMAIL'")
                        .param(staff)
                        .query(String.class)
                        .list())
                .anySatisfy(body ->
                        assertThat(body).contains(publicUrl + "/camunda/app/tasklist/default/#/?task=" + task.getId()));

        browser = new Browser("http://localhost:" + port);
        Page page = browser.logInAsPeopleDo(staff, TestUsers.PASSWORD);
        Locator badge = page.locator(".duban-inbox .duban-inbox-badge");
        page.waitForCondition(() -> badge.isVisible()
                && String.valueOf(unread).equals(badge.innerText().strip()));
        page.locator(".duban-inbox-toggle").click();
        Locator notice = page.locator(".duban-inbox-message.unread", new Page.LocatorOptions().setHasText("收到通知的任务"));
        notice.first().waitFor();
        Browser.screenshot(page, "daily-07-notices");
        notice.first().locator(".duban-inbox-open").click();
        page.waitForCondition(() -> page.url().contains("task=" + task.getId()));
        page.getByLabel("任务名称").first().waitFor();
        page.waitForCondition(() -> unread(staff) == unread - 1);
        page.waitForCondition(() -> unread == 1
                ? !badge.isVisible()
                : String.valueOf(unread - 1).equals(badge.innerText().strip()));
    }

    private long unread(String user) {
        return jdbc.sql("select count(*) from duban.notification where recipient = ? and channel = 'INBOX' "
                        + "and read_at is null")
                .param(user)
                .query(Long.class)
                .single();
    }
}
