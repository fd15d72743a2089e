package org.aigaq.documentation.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.aigaq.documentation.ActDraft;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.People;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.documentation.Places;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.aigaq.support.BrowserSession;
import org.junit.jupiter.api.Test;

/**
 * An analyst at a browser opens the open-data page, raises k, reads what it would coarsen and leave out, publishes an
 * edition and finds its downloads; the page passes axe-core and is photographed.
 */
class PublicationBrowserTest extends BrowserSession {

    @Autowired Events events;
    @Autowired People people;
    @Autowired Acts acts;
    @Autowired Places places;

    @Test
    void anAnalystPreviewsWithAHigherKAndPublishes() {
        // Seven victims of public cases in one town and one more alone elsewhere: with k = 7 the lone one is left out.
        var coordinator = accounts.create(Role.COORDINATOR, true);
        String town = "Browsertown" + System.nanoTime();
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(coordinator));
        try {
            long place = places.add("ИВС " + town, null, "police-station", "astana", town).id();
            long lone = places.add("Колония " + town, null, "police-station", "shymkent", "Lone" + town).id();
            for (int i = 0; i < 8; i++) {
                var event = events.record(new EventDraft("Public case " + i, null, new FuzzyDate(LocalDate.of(2022, 9, 3),
                        DatePrecision.EXACT), null, i < 7 ? place : lone, null, null, null, null, null, null, Sharing.PUBLIC));
                long victim = people.record(new PersonDraft(new Identity("Жертва Браузерова " + i, List.of(), null, null,
                        null), false, null, "female", null, List.of(), false, null)).id();
                acts.add(event.id(), new ActDraft(victim, "torture", FuzzyDate.unknown(), null, null, null, null, null, null,
                        List.of(), null, null, 40, null, null, null, List.of(), null, null));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
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
        assertThat(Integer.parseInt(page.textContent("#report-suppressed").strip())).isGreaterThanOrEqualTo(1);
        assertThat(page.textContent("#preview-rows")).doesNotContain("Жертва").doesNotContain("Lone" + town);
        assertThat(page.textContent("#publish")).contains("k = 7");

        page.click("#publish");
        page.waitForSelector("#published");
        assertThat(page.inputValue("#k")).isEqualTo("7");
        assertThat(page.textContent("#published")).contains("published");
        assertThat(page.locator("#edition-list tbody tr").first().textContent()).contains(analyst.username());
        assertThat(page.locator("#edition-list a[href$='/dataset.csv']").count()).isGreaterThan(0);
        checkAccessibility();
        assertThat(consoleErrors).isEmpty();
    }
}
