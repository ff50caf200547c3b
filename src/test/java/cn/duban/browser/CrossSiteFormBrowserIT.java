package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cross-site request forgery with HTTP Basic credentials, in Chromium: the supervision office's browser holds its
 * credentials for Duban (localhost) and opens a page of another site (127.0.0.1, another port) that posts a plan to
 * /api/plans twice, as a text/plain form and as a no-cors fetch. Neither may import anything.
 */
@DubanTest
class CrossSiteFormBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anotherSitesPageCannotImportAPlanWithTheOfficesBasicCredentials() throws IOException {
        String office = users.member("browser-csrf-office", DubanGroups.SUPERVISION_OFFICE);
        String app = "http://localhost:" + port;
        String formCode = Orders.freshCode("CSRF-FORM");
        String fetchCode = Orders.freshCode("CSRF-FETCH");
        HttpServer otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = forgingPage(app, formCode, fetchCode).getBytes(StandardCharsets.UTF_8);
        otherSite.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        otherSite.start();
        try (Browser browser = new Browser(app)) {
            BrowserContext context = browser.withBasicCredentials(office, TestUsers.PASSWORD, app);
            List<String> answers = new CopyOnWriteArrayList<>();
            context.onResponse(response -> {
                if (response.url().startsWith(app + "/api/plans")) {
                    answers.add(response.request().resourceType() + " " + response.status());
                }
            });
            Page tab = context.newPage();
            // The office has used Duban's API in this browser: its credentials are at hand for Duban's origin.
            assertThat(tab.navigate(app + "/api/me").status()).isEqualTo(200);

            tab.navigate("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/");
            tab.waitForCondition(() -> answers.stream().anyMatch(answer -> answer.startsWith("fetch"))
                    && answers.stream().anyMatch(answer -> answer.startsWith("document")));
            tab.waitForLoadState();
            Browser.screenshot(tab, "csrf-form-refused");

            assertThat(answers)
                    .as("the answers to the fetch and the form")
                    .containsExactlyInAnyOrder("fetch 403", "document 403");
            assertThat(tab.content()).contains("其他网站");
        } finally {
            otherSite.stop(0);
        }
        assertThat(jdbc.sql("select count(*) from duban.plan where code in (?, ?)")
                        .params(formCode, fetchCode)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** A page that posts a plan file as text/plain, first with fetch (no-cors), then as a form that submits itself. */
    private static String forgingPage(String app, String formCode, String fetchCode) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>领取补贴</title></head><body>
                <form id="forged" method="post" enctype="text/plain" action="%1$s/api/plans">
                  <input type="hidden" id="plan">
                </form>
                <script>
                  const plan = document.getElementById('plan');
                  // text/plain sends "name=value": the plan in the name, the "=" behind a YAML comment.
                  plan.name = %2$s + '#';
                  plan.value = '';
                  fetch('%1$s/api/plans', { method: 'POST', mode: 'no-cors', credentials: 'include',
                      headers: { 'Content-Type': 'text/plain' }, body: %3$s })
                    .catch(function () {})
                    .finally(function () { document.getElementById('forged').submit(); });
                </script>
                </body></html>
                """.formatted(app, json.writeValueAsString(plan(formCode)), json.writeValueAsString(plan(fetchCode)));
    }

    private static String plan(String code) {
        return """
                code: %s
                title: 伪造的计划
                tasks:
                  - code: %s-01
                    title: 伪造的任务
                    text: 另一个网站的页面替督查办导入的任务。
                    leadUnits: 州生态环境局
                    deadline: 2030-12-31
                """.formatted(code, code);
    }
}
