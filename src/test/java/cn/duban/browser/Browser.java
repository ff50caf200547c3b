package cn.duban.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.HttpCredentials;
import com.microsoft.playwright.options.HttpCredentialsSend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, as the people use Tasklist: one browser, a fresh context (cookies) per
 * person. The browser is never downloaded: {@code DUBAN_CHROMIUM} or {@code /usr/bin/chromium}.
 */
final class Browser implements AutoCloseable {

    private static final double LOGIN_TIMEOUT_MS = 60_000;

    static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final String baseUrl;

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String executable = System.getenv().getOrDefault("DUBAN_CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Paths.get(executable))) {
            throw new IllegalStateException("Chromium not found at " + executable
                    + ": install Debian's chromium (.ci/run does) or set DUBAN_CHROMIUM");
        }
        this.chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(executable))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--accept-lang=en-US")));
    }

    /** Logs {@code userId} in to Tasklist in a fresh context; the page shows the user's filters. */
    Page logIn(String userId, String password) {
        BrowserContext context = chromium.newContext(new NewContextOptions()
                .setViewportSize(1400, 900)
                .setLocale("en-US")
                .setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        try {
            return logIn(page, userId, password);
        } catch (RuntimeException failure) {
            screenshot(page, "login-failed-" + userId);
            throw failure;
        }
    }

    /** Logs {@code userId} in as the people do every morning: Chromium at 1440×900 set to Chinese (zh-CN). */
    Page logInAsPeopleDo(String userId, String password) {
        BrowserContext context = chromium.newContext(new NewContextOptions()
                .setViewportSize(1440, 900)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        try {
            return logIn(page, userId, password);
        } catch (RuntimeException failure) {
            screenshot(page, "login-failed-" + userId);
            throw failure;
        }
    }

    /**
     * A fresh context holding the user's HTTP Basic credentials for {@code origin}, sent with every request to that
     * origin, as a browser does once the user has typed them in.
     */
    BrowserContext withBasicCredentials(String userId, String password, String origin) {
        BrowserContext context = chromium.newContext(new NewContextOptions()
                .setViewportSize(1400, 900)
                .setLocale("en-US")
                .setTimezoneId("Asia/Shanghai")
                .setHttpCredentials(
                        new HttpCredentials(userId, password).setOrigin(origin).setSend(HttpCredentialsSend.ALWAYS)));
        context.setDefaultTimeout(20_000);
        return context;
    }

    private Page logIn(Page page, String userId, String password) {
        page.navigate(baseUrl + "/camunda/app/tasklist/default/");
        fillLogin(page, userId, password);
        page.locator("button[type=submit]").first().click();
        page.locator(".task-filter").first().waitFor(new Locator.WaitForOptions().setTimeout(LOGIN_TIMEOUT_MS));
        return page;
    }

    /**
     * Types a name and password into the webapps' login form on the page. The form may be rendered once more after it
     * appears, so this types again until the values have stuck; Tasklist's scripts can take longer than a step's 20 s
     * to load on a busy machine, so it waits up to a minute.
     */
    static void fillLogin(Page page, String userId, String password) {
        Locator user = page.locator("input[type=text]").first();
        Locator secret = page.locator("input[type=password]").first();
        // The form itself may take longer than a step's 20 s to appear (a fill would give up then, not retry).
        user.waitFor(new Locator.WaitForOptions().setTimeout(LOGIN_TIMEOUT_MS));
        page.waitForCondition(
                () -> {
                    user.fill(userId);
                    secret.fill(password);
                    page.waitForTimeout(300);
                    return userId.equals(user.inputValue()) && password.equals(secret.inputValue());
                },
                new Page.WaitForConditionOptions().setTimeout(LOGIN_TIMEOUT_MS));
    }

    /** An empty page in a fresh context, for pages the test writes itself. */
    Page blankPage() {
        BrowserContext context = chromium.newContext(new NewContextOptions()
                .setViewportSize(1400, 900)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /** The names of the filters the user sees. */
    static java.util.List<String> filterNames(Page page) {
        return page.locator(".task-filter h4.name a").allInnerTexts().stream()
                .map(text -> text.strip().split("\\s+")[0])
                .toList();
    }

    static void openFilter(Page page, String filterName) {
        page.locator(
                        ".task-filter h4.name a",
                        new Page.LocatorOptions()
                                .setHasText(java.util.regex.Pattern.compile("^\\s*" + filterName + "(\\s|$)")))
                .first()
                .click();
    }

    static void openTask(Page page, String taskName) {
        page.locator("h4.task a", new Page.LocatorOptions().setHasText(taskName))
                .first()
                .click();
    }

    static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
