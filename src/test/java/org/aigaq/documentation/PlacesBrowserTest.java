package org.aigaq.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import org.aigaq.platform.security.Role;
import org.aigaq.support.BrowserSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The registry in the browser: a coordinator finds a colony by its Cyrillic code typed in Latin, reads its page,
 * records its transfer to another ministry and a population figure, publishes it; signed out, anyone reads the
 * public page, which shows the registry data and nothing about cases.
 */
class PlacesBrowserTest extends BrowserSession {

    @Autowired Places places;

    @Test
    void findReadTransferCountPublishAndReadThePublicPage() {
        int n = (int) (System.nanoTime() % 90_000) + 10_000;
        var coordinator = accounts.create(Role.COORDINATOR, true);
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(coordinator));
        long id;
        try {
            id = places.add(new PlaceDraft("Учреждение УК-" + n + "/2", null, "УК-" + n + "/2", "penal-colony",
                    "maximum-security", "penal-system-committee", "pavlodar", "Павлодар", "ул. Промышленная, 1",
                    "52.2873", "76.9674", true)).id();
        } finally {
            SecurityContextHolder.clearContext();
        }

        signInWithCode(coordinator);
        page.click("#places-link");
        page.fill("#q", "uk-" + n + "/2");
        page.click("form.filters button[type=submit]");
        page.waitForSelector("#places a");
        assertThat(page.locator("#places tbody tr").count()).isEqualTo(1);
        assertThat(page.textContent("#places")).contains("UK-" + n + "/2").contains("УК-" + n + "/2");
        checkAccessibility();

        page.click("#places a");
        page.waitForURL(url("/places/" + id));
        assertThat(page.textContent("#registry")).contains("Penal System Committee").contains("Maximum security")
                .contains("Pavlodar Region");
        checkAccessibility();

        page.click("#change-form summary");
        page.selectOption("#change", "TRANSFERRED");
        page.fill("#occurredOn", "2024-09-01");
        page.selectOption("#change-authority", "ministry-of-health");
        page.fill("#change-note", "Transferred by government decree");
        page.click("#change-form button[type=submit]");
        page.waitForSelector("#history table");
        assertThat(page.textContent("#registry")).contains("Ministry of Health").doesNotContain("Penal System Committee");
        assertThat(page.textContent("#history")).contains("Transferred to another authority")
                .contains("Penal System Committee (Ministry of Internal Affairs)").contains("Ministry of Health");

        // A wrong figure is named beside its field, then corrected.
        page.click("#figure summary");
        page.fill("#countedOn", "2024-10-01");
        page.fill("#capacity", "1500");
        page.fill("#population-count", "many");
        page.fill("#source", "Reply of the Penal System Committee");
        page.click("#figure button[type=submit]");
        page.waitForSelector("#figure-population-error:has-text('A whole number')");
        page.fill("#population-count", "1234");
        page.click("#figure button[type=submit]");
        page.waitForSelector("#latest-population");
        assertThat(page.textContent("#latest-population")).contains("1,234").contains("2024-10-01");
        checkAccessibility();

        page.click("#publish");
        page.waitForSelector("a[href='/public/places/" + id + "']");

        var signedIn = page;
        var outsider = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB")).newPage();
        try {
            page = outsider;
            page.navigate(url("/public/places/" + id));
            assertThat(page.textContent("h1")).contains("Учреждение УК-" + n + "/2");
            assertThat(page.textContent("#registry")).contains("Ministry of Health").contains("1,234").contains("1,500")
                    .contains("Inside the NPM mandate").doesNotContain("Reply of the Penal System Committee");
            assertThat(page.locator("nav a[href='/places']").count()).isZero();
            checkAccessibility();
        } finally {
            page = signedIn;
            outsider.context().close();
        }
    }

    @Test
    void aDocumenterImportsPlacesThroughThePagesAndASecondImportAddsNothing() {
        int n = (int) (System.nanoTime() % 90_000) + 10_000;
        byte[] csv = String.join("\n", "Название;Код;Тип;Регион;Ведомство",
                "Колония " + n + ";ЛА-" + n + "/8;Исправительная колония;Алматинская область;КУИС",
                "ИВС " + n + ";;ИВС;г. Алматы;Министерство внутренних дел", "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        signInWithCode(accounts.create(Role.DOCUMENTER, true));
        for (int round = 1; round <= 2; round++) {
            page.navigate(url("/places"));
            page.click("text=Import places");
            checkAccessibility();
            page.setInputFiles("#file", new com.microsoft.playwright.options.FilePayload("places.csv", "text/csv", csv));
            page.click("main button[type=submit]");
            page.waitForSelector("#columns-heading");
            if (round == 1) {
                // Two values match no term by label: the user says what they stand for.
                assertThat(page.locator("select[id^=value-code-]").count()).isEqualTo(6);
                page.locator("tr:has(label:text-is('КУИС')) select").selectOption("penal-system-committee");
                page.locator("tr:has(label:text-is('ИВС')) select").selectOption("temporary-detention-isolator");
                checkAccessibility();
            } else {
                page.locator("tr:has(label:text-is('КУИС')) select").selectOption("penal-system-committee");
                page.locator("tr:has(label:text-is('ИВС')) select").selectOption("temporary-detention-isolator");
            }
            page.click("#dry-run");
            page.waitForSelector("#outcome-summary");
            page.click("#run");
            page.waitForSelector("#outcome-summary");
            assertThat(page.textContent("#outcome-summary")).contains(round == 1 ? "2 places added" : "0 places added");
            if (round == 1) checkAccessibility();
        }
        page.navigate(url("/places?q=la-" + n + "/8"));
        assertThat(page.locator("#places tbody tr").count()).isEqualTo(1);
        assertThat(page.textContent("#places")).contains("LA-" + n + "/8").contains("Penal System Committee");
    }
}
