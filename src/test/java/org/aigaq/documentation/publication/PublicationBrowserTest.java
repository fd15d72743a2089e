package org.aigaq.documentation.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.aigaq.platform.security.Role;
import org.aigaq.support.BrowserSession;
import org.junit.jupiter.api.Test;

/**
 * An analyst at a browser opens the open-data page, raises k, reads what it would coarsen and leave out, publishes an
 * edition and finds its downloads; the page passes axe-core and is photographed.
 */
class PublicationBrowserTest extends BrowserSession {

    @Test
    void anAnalystPreviewsWithAHigherKAndPublishes() {
        var analyst = accounts.create(Role.ANALYST, true);
        signInWithCode(analyst);
        page.click("#publication-link");
        page.waitForURL(url("/publication"));
        assertThat(page.inputValue("#k")).isEqualTo("5");
        assertThat(page.textContent("#preview-report caption")).contains("k = 5");
        checkAccessibility();

        page.fill("#k", "7");
        page.click("#k-form button[type=submit]");
        page.waitForURL(url("/publication?k=7"));
        assertThat(page.textContent("#preview-report caption")).contains("k = 7");
        assertThat(page.isVisible("#report-suppressed")).isTrue();
        assertThat(page.textContent("#publish")).contains("k = 7");

        page.click("#publish");
        page.waitForSelector("#published");
        assertThat(page.textContent("#published")).contains("published");
        assertThat(page.locator("#edition-list tbody tr").first().textContent()).contains(analyst.username());
        assertThat(page.locator("#edition-list a[href$='/dataset.csv']").count()).isGreaterThan(0);
        checkAccessibility();
        assertThat(consoleErrors).isEmpty();
    }
}
