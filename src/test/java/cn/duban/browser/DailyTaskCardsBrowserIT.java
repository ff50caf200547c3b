package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.identity.Unit;
import cn.duban.identity.UnitRegistration;
import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.supervision.Urging;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a unit sees every morning in Tasklist (Chromium, 1440×900, zh-CN): each card names the plan, the absolute
 * deadline, the working days left or overdue, the level and the urges; the most urgent card comes first and an
 * overdue one is marked.
 */
@DubanTest
class DailyTaskCardsBrowserIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    UnitRegistration registration;

    @Autowired
    IdentityService identityService;

    @Autowired
    Urging urging;

    @Autowired
    SupervisionRecord record;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    TestUsers users;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aUnitSeesOnEachCardWhatMakesItUrgentTheMostUrgentFirst() {
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        Unit unit = registration.register(null, "卡片测试局" + Orders.freshCode("").substring(1), "DEPARTMENT");
        String staff = users.member("cards-" + unit.id(), unit.id());
        LocalDate today = LocalDate.now(BEIJING);
        LocalDate soon = today.plusMonths(2);
        LocalDate past = today.minusMonths(3);
        String onTime = dispatch(unit, "按期推进的修复任务", soon);
        String late = dispatch(unit, "已经逾期的详查任务", past);
        urging.urge(onTime, "请加快进度", "cards-office", Instant.now());
        urging.urge(onTime, "请本周内报送进展", "cards-office", Instant.now());

        browser = new Browser("http://localhost:" + port);
        Page page = browser.logInAsPeopleDo(staff, TestUsers.PASSWORD);
        Browser.openFilter(page, "待签收");
        Locator cards = page.locator(".tasks-list li.task");
        page.waitForCondition(() ->
                cards.count() == 2 && page.locator(".tasks-list .duban-card").count() == 2);
        Browser.screenshot(page, "daily-01-task-cards");

        Locator first = cards.nth(0);
        Locator second = cards.nth(1);
        assertThat(first.locator("h4.task").innerText())
                .as("earliest deadline first")
                .contains("已经逾期的详查任务");
        assertThat(first.getAttribute("class")).contains("duban-overdue");
        assertThat(first.innerText())
                .contains("卡片测试计划", "截止 " + chinese(past), "已逾期 " + calendar.workingDaysBetween(past, today) + " 个工作日");
        EscalationLevel level = record.find(late).orElseThrow().escalationLevel();
        assertThat(level).as("three months late: escalated at dispatch").isNotEqualTo(EscalationLevel.NONE);
        assertThat(first.locator(".duban-card-level").innerText()).isEqualTo(level.chineseName());

        assertThat(second.locator("h4.task").innerText()).contains("按期推进的修复任务");
        assertThat(second.getAttribute("class")).doesNotContain("duban-overdue");
        assertThat(second.innerText())
                .contains(
                        "卡片测试计划",
                        "截止 " + chinese(soon),
                        "剩余 " + calendar.workingDaysBetween(today, soon) + " 个工作日",
                        "已催办 2 次");

        for (Locator card : List.of(first, second)) {
            assertThat(card.innerText())
                    .as("no relative due date, no process name on the card")
                    .doesNotContain("年前", "督办任务");
        }
        assertThat(page.url()).as("sorted by due date").contains("dueDate");
    }

    private String dispatch(Unit unit, String title, LocalDate deadline) {
        String code = Orders.freshCode("CARD");
        dispatcher.dispatch(new TaskDispatchOrder(
                "CARD-PLAN",
                "卡片测试计划",
                code,
                null,
                title,
                title + "的内容。",
                List.of(unit),
                List.of(),
                List.of(),
                deadline,
                ReportCycle.QUARTERLY));
        return code;
    }

    private static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
