package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.identity.DubanGroups;
import cn.duban.plantask.PlanTaskProcess;
import cn.duban.support.DubanTest;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.microsoft.playwright.Page;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One plan task through Tasklist in headless Chromium, as the people would do it, with a browser set to English:
 * the lead unit signs for it, a support unit contributes, the lead unit reports, the supervision office passes the
 * inspection, a leader approves the closure. A screenshot of each step goes to target/browser-screenshots.
 */
@DubanTest
class TasklistJourneyBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    TestUsers users;

    @Autowired
    Jobs jobs;

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aTaskTravelsThroughTasklistInChinese() {
        // A deployment has its first administrator (DUBAN_ADMIN_USER); without one the webapps show their set-up page.
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        browser = new Browser("http://localhost:" + port);
        String lead = users.member("browser-ecology", Orders.ECOLOGY.id());
        String support = users.member("browser-finance", Orders.FINANCE.id());
        String office = users.member("browser-office", DubanGroups.SUPERVISION_OFFICE);
        String leader = users.member("browser-leader", DubanGroups.LEADERS);
        String title = "浏览器测试任务" + Orders.freshCode("").substring(1);
        String instanceId = dispatcher.dispatch(new cn.duban.dispatch.TaskDispatchOrder(
                "TEST-PLAN",
                "测试计划",
                Orders.freshCode("WEB"),
                null,
                title,
                "制定详查方案，开展全州土壤污染状况详查。",
                List.of(Orders.ECOLOGY),
                List.of(Orders.FINANCE),
                List.of(),
                Orders.DEADLINE,
                cn.duban.dispatch.ReportCycle.QUARTERLY));

        Page leadPage = browser.logIn(lead, TestUsers.PASSWORD);
        assertThat(Browser.filterNames(leadPage)).containsExactly("待签收", "我的待办", "临期", "逾期");
        Browser.openFilter(leadPage, "待签收");
        Browser.openTask(leadPage, "签收任务：" + title);
        Browser.screenshot(leadPage, "01-lead-unit-opens-task");
        Browser.button(leadPage, "签收").click();
        leadPage.getByLabel("责任人").fill("张");
        leadPage.getByLabel("责任人").fill("");
        leadPage.getByText("此项为必填项。").first().waitFor();
        assertThat(leadPage.content())
                .as("form-js's own messages are in Chinese too")
                .doesNotContain("Field is required");
        leadPage.getByLabel("责任人").fill("张伟");
        leadPage.getByLabel("联系电话").fill("0994-2345678");
        Browser.screenshot(leadPage, "02-lead-unit-signs");
        Browser.button(leadPage, "提交").click();
        awaitTask(leadPage, instanceId, PlanTaskProcess.CONTRIBUTE);

        Page supportPage = browser.logIn(support, TestUsers.PASSWORD);
        Browser.openFilter(supportPage, "待签收");
        Browser.openTask(supportPage, "配合办理：" + title);
        Browser.button(supportPage, "签收").click();
        supportPage
                .getByLabel("配合办理", new Page.GetByLabelOptions().setExact(true))
                .check();
        supportPage.getByLabel("配合办理情况").fill("已安排详查经费");
        Browser.screenshot(supportPage, "03-support-unit-contributes");
        Browser.button(supportPage, "提交").click();
        supportPage.waitForCondition(() -> taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .taskDefinitionKey(PlanTaskProcess.CONTRIBUTE)
                        .count()
                == 0);
        jobs.executeAll(instanceId);

        leadPage.reload();
        Browser.openFilter(leadPage, "我的待办");
        Browser.openTask(leadPage, "报送办理结果：" + title);
        leadPage.getByLabel("办理情况").fill("已完成全州土壤污染状况详查");
        leadPage.getByLabel("佐证材料").fill("详查报告.pdf");
        Browser.screenshot(leadPage, "04-lead-unit-reports");
        Browser.button(leadPage, "提交").click();
        awaitTask(leadPage, instanceId, PlanTaskProcess.VERIFY_RESULT);

        Page officePage = browser.logIn(office, TestUsers.PASSWORD);
        Browser.openFilter(officePage, "待核验");
        Browser.openTask(officePage, "督查核验：" + title);
        Browser.button(officePage, "签收").click();
        officePage
                .getByLabel("核验通过", new Page.GetByLabelOptions().setExact(true))
                .check();
        Browser.screenshot(officePage, "05-supervision-office-passes");
        Browser.button(officePage, "提交").click();
        awaitTask(officePage, instanceId, PlanTaskProcess.APPROVE_CLOSURE);

        Page leaderPage = browser.logIn(leader, TestUsers.PASSWORD);
        Browser.openFilter(leaderPage, "待销号审批");
        Browser.openTask(leaderPage, "销号审批：" + title);
        Browser.button(leaderPage, "签收").click();
        leaderPage
                .getByLabel("同意销号", new Page.GetByLabelOptions().setExact(true))
                .check();
        Browser.screenshot(leaderPage, "06-leader-approves-closure");
        Browser.button(leaderPage, "提交").click();
        leaderPage.waitForCondition(() -> historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .finished()
                        .count()
                == 1);

        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getEndActivityId())
                .isEqualTo(PlanTaskProcess.TASK_CLOSED);
    }

    private void awaitTask(Page page, String instanceId, String taskKey) {
        page.waitForCondition(() -> taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .taskDefinitionKey(taskKey)
                        .count()
                > 0);
    }
}
