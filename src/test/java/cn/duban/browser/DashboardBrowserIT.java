package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.supervision.SupervisionState;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervision office on its dashboard in headless Chromium: it sees an overdue task, urges it, and downloads the
 * ledger. Screenshots go to target/browser-screenshots.
 */
@DubanTest
class DashboardBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    SupervisionRecord record;

    @Autowired
    TestUsers users;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theSupervisionOfficeSeesAnOverdueTaskUrgesItAndDownloadsTheLedger() throws Exception {
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        String office = users.member("dashboard-office", DubanGroups.SUPERVISION_OFFICE);
        String plan = Orders.freshCode("WEBDASH");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String late = dispatch(plan, "LATE", "逾期未完成的详查任务", Orders.AGRICULTURE, today.minusDays(10));
        dispatch(plan, "ONTIME", "按计划推进的修复任务", Orders.ECOLOGY, today.plusYears(1));
        assertThat(record.find(late).orElseThrow().state()).isEqualTo(SupervisionState.OVERDUE);

        browser = new Browser("http://localhost:" + port);
        Page page = browser.logIn(office, TestUsers.PASSWORD);
        page.getByText("督办看板", new Page.GetByTextOptions().setExact(true)).click();
        page.waitForURL("**/duban/dashboard.html");
        try {
            page.locator("#plan").selectOption(plan);
            page.waitForCondition(() -> "1".equals(card(page, "OVERDUE")) && "2".equals(card(page, "TOTAL")));
        } catch (RuntimeException failure) {
            Browser.screenshot(page, "dashboard-failed");
            throw failure;
        }
        page.locator("#chart-states svg").first().waitFor();
        Browser.screenshot(page, "07-dashboard-overview");

        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB, new Page.GetByRoleOptions().setName("逾期事项"))
                .click();
        Locator row = page.locator("#overdue tr[data-code='" + late + "']");
        row.waitFor();
        assertThat(row.innerText()).contains("逾期未完成的详查任务", "州农业农村局");
        assertThat(row.locator("td.urges").innerText()).isEqualTo("0");

        row.locator("button.urge").click();
        page.locator("#urge-message").fill("请于三个工作日内报送办理结果");
        Browser.screenshot(page, "08-dashboard-urge");
        page.locator("#urge-send").click();
        page.locator("#toast").getByText("已催办").waitFor();
        page.waitForCondition(() -> "1".equals(row.locator("td.urges").innerText()));
        assertThat(record.find(late).orElseThrow().timesUrged()).isEqualTo(1);
        Browser.screenshot(page, "09-dashboard-overdue-list");

        Download download = page.waitForDownload(() -> page.locator("#ledger").click());
        assertThat(download.suggestedFilename()).startsWith("督办台账-").endsWith(".xlsx");
        try (InputStream in = Files.newInputStream(download.path());
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet ledger = workbook.getSheet("督办台账");
            List<String> codes = new java.util.ArrayList<>();
            for (int index = 2; index <= ledger.getLastRowNum(); index++) {
                Row taskRow = ledger.getRow(index);
                codes.add(new DataFormatter().formatCellValue(taskRow.getCell(2)));
                if (late.equals(codes.get(codes.size() - 1))) {
                    assertThat(new DataFormatter().formatCellValue(taskRow.getCell(14)))
                            .as("urges")
                            .isEqualTo("1");
                }
            }
            assertThat(codes).containsExactlyInAnyOrder(late, plan + "-ONTIME");
        }

        page.locator("#overdue a", new Page.LocatorOptions().setHasText("逾期未完成的详查任务"))
                .click();
        page.locator(".timeline li", new Page.LocatorOptions().setHasText("催办"))
                .first()
                .waitFor();
        Browser.screenshot(page, "10-task-timeline");
    }

    private String dispatch(String plan, String suffix, String title, cn.duban.identity.Unit lead, LocalDate deadline) {
        String code = plan + "-" + suffix;
        dispatcher.dispatch(new TaskDispatchOrder(
                plan,
                "看板浏览器测试计划",
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

    private static String card(Page page, String state) {
        Locator card = page.locator(".card[data-state='" + state + "'] strong");
        return card.count() == 0 ? null : card.innerText();
    }
}
