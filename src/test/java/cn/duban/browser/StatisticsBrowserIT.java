package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.supervision.Urging;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervision office opens 督办统计 for this quarter and one plan, exports it, then downloads a task's 督办通知单
 * from its page. Screenshots (the page, and the notice as printed) go to target/browser-screenshots.
 */
@DubanTest
class StatisticsBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    Urging urging;

    @Autowired
    TestUsers users;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOfficeOpensTheQuartersStatisticsExportsThemAndDownloadsADispatchNotice() throws Exception {
        // An administrator exists, so the webapps skip their first-run set-up page.
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        String office = users.member("stats-office", DubanGroups.SUPERVISION_OFFICE);
        String plan = Orders.freshCode("WEBSTAT");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String first = dispatch(plan, "01", "开展受污染耕地安全利用", Orders.AGRICULTURE, today.plusMonths(6));
        dispatch(plan, "02", "建设土壤环境监测网络", Orders.ECOLOGY, today.plusYears(1));
        urging.urge(first, "请于本月底前报送阶段性进展", office, Instant.now());

        browser = new Browser("http://localhost:" + port);
        Page page = browser.logIn(office, TestUsers.PASSWORD);
        page.navigate("http://localhost:" + port + "/duban/statistics.html");
        try {
            page.locator("#kind").selectOption("quarter");
            page.locator("#plan").selectOption(plan);
            page.waitForCondition(() -> "2".equals(figure(page, "dispatched")) && "1".equals(figure(page, "urges")));
        } catch (RuntimeException failure) {
            Browser.screenshot(page, "statistics-failed");
            throw failure;
        }
        int quarter = (today.getMonthValue() - 1) / 3;
        assertThat(page.locator("#period").innerText())
                .startsWith(today.getYear() + "年第" + "一二三四".charAt(quarter) + "季度");
        page.locator("#chart-trend svg").first().waitFor();
        Locator taskRow = page.locator("#tasks tr", new Page.LocatorOptions().setHasText(first));
        assertThat(taskRow.innerText()).contains("黄灯", "已被催办");
        Browser.screenshot(page, "11-statistics-quarter");

        Download export = page.waitForDownload(() -> page.locator("#export").click());
        assertThat(export.suggestedFilename()).isEqualTo("督办统计-" + today.getYear() + "-Q" + (quarter + 1) + ".xlsx");
        try (InputStream in = Files.newInputStream(export.path());
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheet("汇总").getRow(3).getCell(0).getStringCellValue())
                    .isEqualTo("下达任务");
            assertThat(workbook.getSheet("汇总").getRow(3).getCell(1).getNumericCellValue())
                    .isEqualTo(2);
        }

        taskRow.locator("a").first().click();
        page.waitForURL("**/duban/task.html?code=*");
        Locator notice = page.locator("#documents a", new Page.LocatorOptions().setHasText("督办通知单"));
        notice.waitFor();
        Download download = page.waitForDownload(notice::click);
        assertThat(download.suggestedFilename())
                .startsWith("督办通知单-" + first + "-督办〔" + today.getYear() + "〕")
                .endsWith("号.docx");
        StringBuilder printed = new StringBuilder("<html><body><div id=\"notice\" style=\"width:640px;padding:40px\">");
        try (InputStream in = Files.newInputStream(download.path());
                XWPFDocument document = new XWPFDocument(in)) {
            assertThat(document.getParagraphs().get(0).getText()).isEqualTo("督办通知单");
            assertThat(document.getParagraphs().get(1).getText()).matches("督办〔\\d{4}〕\\d+号");
            XWPFTableRow leadRow = document.getTables().get(0).getRows().get(3);
            assertThat(leadRow.getCell(1).getText()).isEqualTo("州农业农村局");
            printed.append("<h1 style=\"text-align:center\">")
                    .append(document.getParagraphs().get(0).getText())
                    .append("</h1><p style=\"text-align:center\">")
                    .append(document.getParagraphs().get(1).getText())
                    .append("</p><table border=\"1\" cellpadding=\"6\" style=\"border-collapse:collapse;width:100%\">");
            for (XWPFTableRow row : document.getTables().get(0).getRows()) {
                printed.append("<tr><th style=\"width:25%\">")
                        .append(row.getCell(0).getText())
                        .append("</th><td>")
                        .append(row.getCell(1).getText())
                        .append("</td></tr>");
            }
            printed.append("</table>");
            List<XWPFParagraph> rest =
                    document.getParagraphs().subList(2, document.getParagraphs().size());
            for (XWPFParagraph paragraph : rest) {
                printed.append("<p style=\"text-align:")
                        .append(paragraph.getAlignment().name().toLowerCase().replace("both", "left"))
                        .append("\">")
                        .append(paragraph.getText())
                        .append("</p>");
            }
        }
        Page print = browser.blankPage();
        print.setContent(printed.append("</div></body></html>").toString());
        print.locator("#notice")
                .screenshot(
                        new Locator.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("12-dispatch-notice.png")));
    }

    private String dispatch(String plan, String suffix, String title, cn.duban.identity.Unit lead, LocalDate deadline) {
        String code = plan + "-" + suffix;
        dispatcher.dispatch(new TaskDispatchOrder(
                plan,
                "统计浏览器测试计划",
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

    private static String figure(Page page, String name) {
        Locator card = page.locator(".card[data-figure='" + name + "'] strong");
        return card.count() == 0 ? null : card.innerText();
    }
}
