package org.aigaq.detention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.security.Role;
import org.aigaq.support.BrowserSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A monitor at a browser: plans an urgent visit, requests its approval and records the refusal (the waiting time
 * shows), records an obstruction at the gate on another visit, a finding and a recommendation with the authority's
 * response; every page passes axe-core and is photographed.
 */
class VisitsBrowserTest extends BrowserSession {

    @Autowired ApiTokens tokens;

    @Test
    void aMonitorRecordsARefusedUrgentVisitAnObstructionAFindingAndARecommendationWithItsResponse() throws Exception {
        var monitor = accounts.createAlone(Role.MONITOR);
        String token = tokens.create(monitor.id(), "browser test").value();
        var created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/places")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Temporary detention facility, Taraz", "officialCode": "ИВС-%d", "locationType": "police-station",
                         "region": "Jambyl", "town": "Taraz"}""".formatted(System.nanoTime() % 1_000_000))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String placeId = created.body().replaceFirst("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1");
        LocalDate today = LocalDate.now();

        signInWithCode(monitor);
        page.click("#visits-link");
        assertThat(page.textContent("h1")).isEqualTo("Monitoring visits");
        checkAccessibility();

        // An urgent visit in response to a complaint: planned, approval requested, refused.
        page.click("#plan-visit");
        page.selectOption("#placeId", placeId);
        page.selectOption("#body", "npm");
        page.selectOption("#visitType", "urgent");
        page.fill("#plannedFrom", today.minusDays(14).toString());
        // Checked as typed: an end before the start is named beside the field before anything is sent.
        page.fill("#plannedTo", today.minusDays(20).toString());
        page.locator("#plannedTo").dispatchEvent("change");
        page.waitForSelector("#plan-plannedTo-error:has-text('The date is before " + today.minusDays(14) + ".')");
        page.fill("#plannedTo", "");
        page.fill("#purpose", "Complaint from a relative: beatings during questioning");
        checkAccessibility();
        page.click("#plan button[type=submit]");
        assertThat(page.textContent("#visit-status")).isEqualTo("Planned");
        page.click("#approval summary");
        page.fill("#requestedOn", today.minusDays(14).toString());
        page.fill("#requestedBy", "Regional NPM coordinator");
        page.click("#approval form button[type=submit]");
        assertThat(page.textContent("#visit-status")).isEqualTo("Approval requested");
        assertThat(page.textContent("#waiting-time")).isEqualTo("14 days so far, still waiting");
        page.click("#approval summary");
        // A refusal without its reason comes back with the message beside the field.
        page.check("input[name=decision][value=REFUSED]");
        // A decision dated before the request is named as the date is chosen.
        page.fill("#decidedOn", today.minusDays(20).toString());
        page.locator("#decidedOn").dispatchEvent("change");
        page.waitForSelector("#decision-decidedOn-error:has-text('The date is before " + today.minusDays(14) + ".')");
        checkAccessibility();
        page.fill("#decidedOn", today.minusDays(3).toString());
        page.locator("#decidedOn").dispatchEvent("change");
        page.waitForSelector("#decision-decidedOn-error:not(:has-text('The date is before'))", new com.microsoft.playwright.Page
                .WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.fill("#decidedBy", "Ombudsman's office");
        page.click("#approval form button[type=submit]");
        assertThat(page.textContent("#decision-reason-error")).isEqualTo("This field is required.");
        checkAccessibility();
        page.fill("#reason", "The complaint is being examined by the prosecutor");
        page.click("#approval form button[type=submit]");
        assertThat(page.textContent("#visit-status")).isEqualTo("Refused");
        assertThat(page.textContent("#approval-decision")).contains("Refused");
        assertThat(page.textContent("#waiting-time")).isEqualTo("11 days");
        checkAccessibility();

        // Another visit, turned away at the gate; then a finding and a recommendation with its response.
        page.click("#visits-link");
        page.click("#plan-visit");
        page.selectOption("#placeId", placeId);
        page.selectOption("#body", "public-monitoring-commission");
        page.selectOption("#visitType", "regular");
        page.fill("#plannedFrom", today.minusDays(2).toString());
        page.click("#plan button[type=submit]");
        // The plan is corrected with the same form, filled in: the visit was in fact announced.
        page.click("#edit-visit");
        assertThat(page.inputValue("#plannedFrom")).isEqualTo(today.minusDays(2).toString());
        page.check("input[name=announced]");
        checkAccessibility();
        page.click("#plan button[type=submit]");
        assertThat(page.textContent("dl.facts")).contains("Announced").contains("yes");
        page.click("#obstructions summary");
        page.fill("#occurredOn", today.minusDays(2).toString());
        page.selectOption("#kind", "denied-at-gate");
        page.fill("#description", "The duty officer refused entry for two hours");
        page.click("#obstructions form button[type=submit]");
        assertThat(page.textContent("#obstructions")).contains("Denied entry at the gate").contains("refused entry for two hours");

        page.click("#findings summary");
        page.selectOption("#theme", "conditions");
        page.fill("#finding-text", "Cells without daylight or ventilation");
        page.click("#findings > details form button[type=submit]");
        assertThat(page.textContent("#findings")).contains("Conditions of detention").contains("without daylight");

        page.click("#recommendations summary");
        page.fill("#recommendation-authority", "Police department of Jambyl region");
        page.fill("#recommendation-text", "Install ventilation in every cell");
        page.fill("#recommendation-madeOn", today.minusDays(1).toString());
        page.fill("#recommendation-responseDueOn", today.plusDays(30).toString());
        page.click("#recommendations form button[type=submit]");
        assertThat(page.textContent("#recommendations")).contains("Install ventilation in every cell");
        checkAccessibility();
        page.click("#recommendations li a");
        assertThat(page.textContent("h1")).isEqualTo("Recommendation to Police department of Jambyl region");
        page.click("#responses summary");
        page.fill("#receivedOn", today.toString());
        page.fill("#response-text", "Ventilation will be installed next quarter");
        page.click("#responses form button[type=submit]");
        assertThat(page.textContent("#responses")).contains("Ventilation will be installed next quarter");
        page.selectOption("#status", "PARTLY_IMPLEMENTED");
        page.click("#follow-up > form button[type=submit]");
        assertThat(page.textContent("#follow-up-status")).isEqualTo("Partly implemented");
        checkAccessibility();

        // The report goes on its public page, which anybody reads without signing in.
        page.click("a:text-is('The visit')");
        page.click("#report summary");
        page.fill("#publishedOn", today.toString());
        page.fill("#reference", "https://example.org/reports/taraz");
        page.check("input[name=isPublic]");
        page.click("#report form button[type=submit]");
        page.click("a:text-is('Open the public page')");
        assertThat(page.textContent("h1")).isEqualTo("Report of a monitoring visit to Temporary detention facility, Taraz");
        assertThat(page.textContent("main")).contains("Cells without daylight or ventilation").doesNotContain("Install ventilation");
        checkAccessibility();

        page.navigate(url("/visits/figures"));
        assertThat(page.textContent("#urgent-refused")).contains("100.0");
        // Each table has its chart, drawn by ECharts from the table's own numbers (a canvas), under the strict CSP.
        page.waitForSelector("#urgent-refused figure.chart[data-chart-drawn='1'] canvas");
        assertThat(page.locator("#visit-counts figure.chart[data-chart-drawn] canvas").count()).isEqualTo(1);
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setFullPage(true)
                .setPath(java.nio.file.Path.of("target/screenshots/visit-figures.png")));
        checkAccessibility();
        page.navigate(url("/recommendations?overdue=true"));
        assertThat(page.textContent("main")).contains("No recommendation recorded.");
        checkAccessibility();
        page.click("button[lang=ru]");
        assertThat(page.textContent("h1")).isEqualTo("Просроченные ответы");
        page.navigate(url("/visits"));
        assertThat(page.textContent("main")).contains("Отказано").contains("Temporary detention facility, Taraz");
        checkAccessibility();
        assertThat(consoleErrors).isEmpty();
    }
}
