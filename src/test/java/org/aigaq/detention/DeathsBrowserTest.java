package org.aigaq.detention;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import java.util.regex.Pattern;
import org.aigaq.documentation.ActDraft;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.People;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.documentation.Places;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.security.Role;
import org.aigaq.support.BrowserSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A documenter at a browser records a death in custody with the family's account and an independent autopsy, links it
 * to the earlier allegation of the same person the page proposes, reads it back in Russian, records a group protest,
 * and reads the figures; every page passes axe-core and is photographed.
 */
class DeathsBrowserTest extends BrowserSession {

    @Autowired Events events;
    @Autowired People people;
    @Autowired Acts acts;
    @Autowired Places places;
    @Autowired DeathsInCustody deaths;
    @Autowired SelfHarmIncidents selfHarm;
    @Autowired org.aigaq.platform.audit.AuditSearch audit;

    @Test
    void aDocumenterRecordsADeathLinksItToAnEarlierAllegationAndReadsItInRussian() {
        var documenter = accounts.create(Role.DOCUMENTER, true);
        long person;
        long place;
        long allegation;
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(documenter));
        try {
            place = places.add("Penal colony UK-161/2 of Pavlodar " + System.nanoTime() % 100000, "UK-161/2", "penal-colony",
                    "Pavlodar", "Pavlodar").id();
            person = people.record(new PersonDraft(new Identity("Талғат Серікбаев", List.of(), null, null, null), false,
                    null, null, null, List.of(), false, null)).id();
            allegation = events.record(new EventDraft("Beaten in the quarantine unit", null,
                    new FuzzyDate(java.time.LocalDate.of(2023, 1, 20), null), null, place, null, null, null, null, null, null,
                    Sharing.ORGANISATION)).id();
            acts.add(allegation, new ActDraft(person, "torture", FuzzyDate.unknown(), null, null, null, null, null, null,
                    List.of(), null, null, null, null, null, null, List.of(), null, null));
        } finally {
            SecurityContextHolder.clearContext();
        }
        signInWithCode(documenter);
        page.click("#deaths-link");
        page.waitForURL(url("/deaths"));
        checkAccessibility();
        page.click("#record-death");
        checkAccessibility();
        page.selectOption("#personId", String.valueOf(person));
        page.selectOption("#placeId", String.valueOf(place));
        page.fill("#date", "2023-03-14");
        page.selectOption("#officialCause", "suicide");
        page.selectOption("#manner", "suicide");
        page.fill("#officialAccount", "Found hanged in a disciplinary cell.");
        page.selectOption("#allegedCause", "violence-by-staff");
        page.fill("#familyAccount", "Bruises on the face and wrists; he had told his mother he was beaten.");
        page.selectOption("#autopsy", "independent");
        page.fill("#autopsyFindings", "Two broken ribs, not consistent with hanging.");
        page.selectOption("#familyInformed", "yes");
        page.fill("#familyInformedOn", "2023-03-16");
        page.selectOption("#bodyReturned", "yes");
        page.fill("#bodyReturnedOn", "2023-03-18");
        page.selectOption("#investigationOutcome", "refused-to-open-case");
        page.click("#save-death");
        page.waitForURL(Pattern.compile(".*/deaths/\\d+$"));
        assertThat(page.textContent("#death-person")).isEqualTo("Талғат Серікбаев");
        assertThat(page.textContent("#death-family-account")).contains("he was beaten");
        assertThat(page.textContent("#death-autopsy")).isEqualTo("Independent autopsy");
        // The earlier allegation of the same person is proposed; the documenter links it.
        assertThat(page.textContent("#proposed-links")).contains("Beaten in the quarantine unit");
        checkAccessibility();
        page.check("#propose-" + allegation);
        page.click("#proposed-links button[type=submit]");
        page.waitForSelector("#linked-events a");
        assertThat(page.textContent("#linked-events")).contains("Beaten in the quarantine unit");
        assertThat(page.locator("#proposed-links").count()).isZero();

        // Read back in Russian.
        page.click("form.languages button[value=ru]");
        page.waitForSelector("html[lang=ru]");
        assertThat(page.textContent("h1")).startsWith("Смерть под стражей");
        assertThat(page.textContent("#death-official-cause")).isEqualTo("Самоубийство");
        assertThat(page.textContent("#death-autopsy")).isEqualTo("Независимое вскрытие");
        assertThat(page.textContent("main")).contains("Прежние жалобы и заявления").contains("Семья извещена");
        checkAccessibility();

        // A mistake is named beside its field, in Russian: as the user chooses, then on saving.
        page.navigate(url("/deaths/new"));
        page.fill("#date", "2999-01-01");
        page.locator("#date").dispatchEvent("change");
        page.waitForFunction("document.querySelector('#death-date-error').textContent.includes('Дата в будущем')");
        page.fill("#date", "");
        page.click("#save-death");
        assertThat(page.textContent("#death-placeId-error")).isEqualTo("Это поле обязательно.");
        assertThat(page.textContent("#death-date-error")).isEqualTo("Укажите дату, хотя бы год.");
        checkAccessibility();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aDocumenterRecordsAGroupProtestAndReadsTheFigures() {
        var documenter = accounts.createAlone(Role.DOCUMENTER);
        long place;
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(documenter));
        try {
            place = places.add("SIZO of Karaganda " + System.nanoTime() % 100000, null, "pre-trial-detention-centre",
                    "Karaganda", "Karaganda").id();
            // A death at a place without a population figure: counted, left out of the rates.
            deaths.record(new DeathDraft(null, place, new FuzzyDate(java.time.LocalDate.of(2024, 3, 1), org.aigaq.documentation.DatePrecision.EXACT),
                    "suicide", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, Sharing.ORGANISATION));
        } finally {
            SecurityContextHolder.clearContext();
        }
        signInWithCode(documenter);
        page.navigate(url("/self-harm"));
        page.click("#selfHarm summary");
        page.selectOption("#sh-placeId", String.valueOf(place));
        page.fill("#sh-date", "2024-02-10");
        page.selectOption("#kind", "cutting");
        page.check("#groupProtest");
        page.fill("#people", "1");
        page.fill("#reason", "Against beatings in the quarantine unit");
        page.click("#save-self-harm");
        // One person is not a group: the form says so beside the number.
        assertThat(page.textContent("#selfHarm-people-error")).contains("from 2 to");
        checkAccessibility();
        page.fill("#people", "14");
        page.click("#save-self-harm");
        page.waitForURL(url("/self-harm"));
        assertThat(page.textContent("#incidents")).contains("Group protest: 14").contains("Against beatings");
        checkAccessibility();

        page.navigate(url("/deaths/figures?ours=true"));
        assertThat(page.textContent("main")).contains("Self-harm incidents by kind and year");
        var people = page.locator("#self-harm-people-by-kind-table");
        assertThat(people.textContent()).contains("Cutting").contains("14");
        // Charts of deaths by cause, by facility type, by year, rates, and self-harm by kind and year, drawn by ECharts.
        page.waitForSelector("figure.chart[data-chart-table='self-harm-by-kind-table'][data-chart-drawn='1'] canvas");
        for (String table : java.util.List.of("deaths-by-cause-table", "deaths-by-facility-type-table", "rates-by-year-table",
                "rates-by-type-table", "self-harm-by-kind-table")) {
            assertThat(page.locator("figure.chart[data-chart-table='" + table + "'][data-chart-drawn] canvas").count())
                    .as(table).isEqualTo(1);
        }
        assertThat(page.textContent("#rates-left-out")).contains("1 place(s), 1 death(s)");
        assertThat(page.textContent("#rates-method")).contains("nearest earlier");
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setFullPage(true)
                .setPath(java.nio.file.Path.of("target/screenshots/custody-figures.png")));
        checkAccessibility();
        // The CSV has the rates' rows: the death is counted, none of it is in the rate.
        String csv = page.request().get(url("/deaths/figures.csv?ours=true")).text();
        assertThat(csv).startsWith("figure,key,year,count,deaths_in_rate,population,places_in_rate,places_left_out,per_10000")
                .contains("deaths-by-cause,suicide,2024,1").contains("deaths-per-10000-by-year,all,2024,1,0,");
        people.locator("tbody a").first().click();
        page.waitForURL(Pattern.compile(".*/self-harm\\?.*kind=cutting.*"));
        assertThat(page.textContent("#incidents")).contains("Group protest: 14");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aDocumenterCorrectsASelfHarmIncidentFromAFormFilledInWithEveryFieldAndAnotherOrganisationCannot() {
        var documenter = accounts.createAlone(Role.DOCUMENTER);
        long place;
        long id;
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(documenter));
        try {
            place = places.add("Colony of Pavlodar " + System.nanoTime() % 100000, null, "penal-colony", "Pavlodar", "Pavlodar").id();
            id = selfHarm.record(new SelfHarmDraft(place, null, new FuzzyDate(java.time.LocalDate.of(2024, 5, 3),
                    org.aigaq.documentation.DatePrecision.EXACT), "cutting", false, null, "Refused medical care",
                    "Placed in a punishment cell", Sharing.ORGANISATION)).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
        signInWithCode(documenter);
        page.navigate(url("/self-harm"));
        page.click("#edit-S-" + id);
        page.waitForURL(url("/self-harm/" + id + "/edit"));
        // Every field as recorded.
        assertThat(page.inputValue("#sh-placeId")).isEqualTo(String.valueOf(place));
        assertThat(page.inputValue("#sh-date")).isEqualTo("2024-05-03");
        assertThat(page.inputValue("#sh-precision")).isEqualTo("EXACT");
        assertThat(page.inputValue("#kind")).isEqualTo("cutting");
        assertThat(page.isChecked("#groupProtest")).isFalse();
        assertThat(page.inputValue("#people")).isEqualTo("1");
        assertThat(page.inputValue("#reason")).isEqualTo("Refused medical care");
        assertThat(page.inputValue("#response")).isEqualTo("Placed in a punishment cell");
        assertThat(page.inputValue("#sh-sharing")).isEqualTo("ORGANISATION");
        checkAccessibility();
        // It was a group protest: one person is not a group, said as the number is typed.
        page.check("#groupProtest");
        page.fill("#people", "1");
        page.waitForSelector("#selfHarm-people-error:has-text('from 2 to')");
        page.fill("#people", "9");
        // An empty message has no height: wait for it in the page, not on screen.
        page.waitForSelector("#selfHarm-people-error:not(:has-text('from 2 to'))", new com.microsoft.playwright.Page
                .WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.fill("#reason", "Refused medical care for weeks");
        page.click("#save-self-harm");
        page.waitForURL(url("/self-harm"));
        assertThat(page.textContent("#incidents")).contains("Group protest: 9").contains("Refused medical care for weeks");
        assertThat(consoleErrors).isEmpty();
        // The change is audited.
        assertThat(audit.search(new org.aigaq.platform.audit.AuditSearch.Filter(null, "self-harm.changed", "self_harm_incident",
                String.valueOf(id), null, null), null, 5).entries()).hasSize(1);

        // Another organisation's documenter is told it does not exist, on the page and on the save.
        page.context().clearCookies();
        signInWithCode(accounts.createElsewhere(Role.DOCUMENTER));
        assertThat(page.navigate(url("/self-harm/" + id + "/edit")).status()).isEqualTo(404);
        assertThat(page.textContent("main")).doesNotContain("Refused medical care");
    }

    @Test
    void aDocumenterImportsAMessySpreadsheetAndSeesEachProblemByRowAndColumn() throws Exception {
        var documenter = accounts.createAlone(Role.DOCUMENTER);
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(documenter));
        try {
            if (places.find("ZK-901/7", 5).isEmpty()) {
                places.add("Colony ZK-901/7", "ZK-901/7", "penal-colony", null, null);
                places.add("Следственный изолятор ДТ-7", null, "pre-trial-detention-centre", null, null);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        signInWithCode(documenter);
        page.navigate(url("/deaths/imports/new"));
        checkAccessibility();
        var file = java.nio.file.Path.of(getClass().getResource("/detention/deaths-messy.csv").toURI());
        page.setInputFiles("#file", file);
        page.click("#upload");
        page.waitForURL(Pattern.compile(".*/deaths/imports/\\d+$"));
        assertThat(page.inputValue("#column-officialCause")).isEqualTo("Причина");
        // The spellings of the cause are proposed their term; the autopsy's are left to the user.
        assertThat(page.textContent("main")).contains("tuberkulez").contains("туберкулёз");
        checkAccessibility();
        page.click("#dry-run");
        page.waitForSelector("#import-problems");
        assertThat(page.textContent("#import-problems")).contains("Дата смерти").contains("The date is missing.")
                .contains("Choose the term that “официальное” stands for in the mapping.");
        checkAccessibility();
        page.click("#run");
        page.waitForSelector("#import-problems");
        assertThat(page.textContent("#import-status")).contains("nothing recorded");
        assertThat(consoleErrors).isEmpty();
    }
}
