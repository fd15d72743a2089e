package org.aigaq.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person at a browser: Debian's Chromium driven by Playwright against the running application, a new page per test,
 * with the failed requests and console errors it saw, sign-in steps, and an axe-core check that also takes a screenshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserSession extends ApplicationTest {

    @LocalServerPort protected int port;
    @Autowired protected TestAccounts accounts;

    private Playwright playwright;
    protected Browser browser;
    protected Page page;
    protected final List<String> consoleErrors = new ArrayList<>();
    private String axe;

    @BeforeAll
    void launch() throws IOException {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void newPage() {
        page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB")).newPage();
        consoleErrors.clear();
        page.onResponse(response -> {
            if (response.status() >= 400) {
                consoleErrors.add(response.status() + " " + response.request().method() + " " + response.url());
            }
        });
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) consoleErrors.add(message.text());
        });
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }

    @AfterAll
    void close() {
        browser.close();
        playwright.close();
    }

    /** Fills the password step only; the caller answers what comes next. */
    protected void signIn(String username) {
        page.navigate(url("/sign-in"));
        page.fill("#username", username);
        page.fill("#password", TestAccounts.PASSWORD);
        page.click("main button[type=submit]");
    }

    /** Signs in with the password and the next second-factor code, and waits for the home page. */
    protected void signInWithCode(TestAccounts.Account account) {
        signIn(account.username());
        page.fill("#code", accounts.nextCodeFor(account.secret()));
        page.click("main button[type=submit]");
        page.waitForURL(url("/"));
    }

    /** Runs axe-core in the page (evaluated by the browser, so the page's CSP is untouched) and fails on serious or critical violations. */
    protected void checkAccessibility() {
        // A screenshot of every page checked, for people to look at (target/screenshots).
        String name = page.url().replaceFirst("https?://[^/]+/", "").replaceAll("[^a-zA-Z0-9]+", "-");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target/screenshots", (name.isEmpty() ? "home" : name) + "-" + page.getAttribute("html", "lang") + ".png")));
        page.evaluate(axe);
        Object result = page.evaluate("""
                async () => {
                  const results = await axe.run(document, { resultTypes: ['violations'] });
                  return results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.id + ': ' + v.help + ' [' + v.nodes.map(n => n.target.join(' ')).join(', ') + ']');
                }
                """);
        assertThat((List<?>) result).as("accessibility of " + page.url()).isEmpty();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
