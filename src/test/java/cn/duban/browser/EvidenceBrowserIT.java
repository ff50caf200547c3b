package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.evidence.EvidenceSamples;
import cn.duban.evidence.EvidenceTask;
import cn.duban.identity.DubanGroups;
import cn.duban.plantask.PlanTaskProcess;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Evidence files in Tasklist (Chromium, 1440×900, zh-CN): the lead unit attaches a PDF under its report's form and
 * submits the report; the supervision office, verifying, sees the file under its form and downloads it.
 */
@DubanTest
class EvidenceBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    EvidenceTask tasks;

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
    void aUnitAttachesAPdfToItsReportAndTheOfficeDownloadsItOnVerification() throws IOException {
        // An administrator exists, else the webapps ask for the first one instead of a login.
        users.member("browser-admin", DubanGroups.CAMUNDA_ADMIN);
        String lead = users.member("evidence-browser-lead", EvidenceTask.LEAD_UNIT);
        String support = users.member("evidence-browser-support", EvidenceTask.SUPPORT_UNIT);
        String office = users.member("evidence-browser-office", DubanGroups.SUPERVISION_OFFICE);
        String title = "耕地土壤详查佐证" + Orders.freshCode("").substring(1);
        String code = tasks.dispatch(title);
        tasks.sign(code, lead);
        tasks.contribute(code, support);
        byte[] pdf = EvidenceSamples.pdf();
        browser = new Browser("http://localhost:" + port);

        Page leadPage = browser.logInAsPeopleDo(lead, TestUsers.PASSWORD);
        Browser.openFilter(leadPage, "我的待办");
        Browser.openTask(leadPage, title);
        Locator panel = leadPage.locator(".duban-evidence");
        panel.locator("input[type=file]").waitFor();
        assertThat(panel.innerText()).contains("佐证材料", "暂无佐证材料", "PDF", "20 MB");
        panel.locator("input[type=file]").setInputFiles(new FilePayload("详查工作报告.pdf", "application/pdf", pdf));
        panel.locator("a.duban-evidence-file", new Locator.LocatorOptions().setHasText("详查工作报告.pdf"))
                .waitFor();
        assertThat(panel.innerText()).contains("州生态环境局", "报送办理结果", "已上传 1 个文件");
        // What is not evidence is refused in Chinese, and nothing is listed for it.
        panel.locator("input[type=file]")
                .setInputFiles(new FilePayload("照片.pdf", "application/pdf", "不是PDF".getBytes()));
        leadPage.waitForCondition(
                () -> panel.locator(".duban-evidence-status").innerText().contains("内容不是PDF文件"));
        assertThat(panel.locator("a.duban-evidence-file").count()).isEqualTo(1);
        leadPage.getByLabel("办理情况").fill("全州农用地土壤污染状况详查已完成，详查数据库已建立。");
        leadPage.getByLabel("佐证材料").fill("详查工作报告.pdf（见下方附件）");
        panel.scrollIntoViewIfNeeded();
        Browser.screenshot(leadPage, "evidence-01-unit-attaches-to-report");
        Browser.button(leadPage, "提交").click();
        leadPage.waitForCondition(() -> taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(code)
                        .taskDefinitionKey(PlanTaskProcess.VERIFY_RESULT)
                        .count()
                == 1);

        Page officePage = browser.logInAsPeopleDo(office, TestUsers.PASSWORD);
        Browser.openFilter(officePage, "待核验");
        Browser.openTask(officePage, title);
        Locator files = officePage.locator(".duban-evidence a.duban-evidence-file");
        files.first().waitFor();
        assertThat(files.allInnerTexts()).containsExactly("详查工作报告.pdf");
        assertThat(officePage.locator(".duban-evidence").innerText()).contains("州生态环境局", "报送办理结果");
        officePage.locator(".duban-evidence").scrollIntoViewIfNeeded();
        Browser.screenshot(officePage, "evidence-02-office-sees-and-downloads-on-verification");
        // The link downloads the file with the office's login, as a click on it does.
        assertThat(files.first().getAttribute("download")).isEqualTo("详查工作报告.pdf");
        APIResponse download = officePage
                .context()
                .request()
                .get("http://localhost:" + port + files.first().getAttribute("href"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.headers().get("content-disposition")).contains("attachment");
        assertThat(download.body()).isEqualTo(pdf);
    }
}
