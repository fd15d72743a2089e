package org.aigaq.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;

/** The home page shows each user the cards of the capabilities their roles use, with only records they may see. */
class HomeCardsTest extends ApplicationTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired Events events;

    @Test
    void aDocumenterSeesTheNewestCasesOfTheOrganisationAndWhatWaitsInJusticeAndMonitoring() throws Exception {
        var documenter = accounts.createAlone(Role.DOCUMENTER);
        String number = recordCase(documenter, "Beating at the district police department of Taraz");
        String home = home(documenter, "en");
        assertThat(home).contains("id=\"home-cases\"").contains(number)
                .contains("Beating at the district police department of Taraz").contains("Record a case")
                .contains("id=\"home-justice\"").contains("No case is overdue.")
                .contains("id=\"home-monitoring\"").contains("No request for a visit waits for an answer.")
                .doesNotContain("Plan a visit");
        assertThat(home(documenter, "ru")).contains("Новые дела").contains("Записать дело").contains("Пропущенные сроки");
        assertThat(home(documenter, "kk")).contains("Жаңа істер").contains("Істі жазу").contains("Өткен мерзімдер");
    }

    @Test
    void nobodyElseSeesTheCaseAndEachRoleSeesOnlyItsCards() throws Exception {
        var documenter = accounts.createAlone(Role.DOCUMENTER);
        String number = recordCase(documenter, "Threats against a complainant's family in Shymkent");

        var viewerElsewhere = accounts.create(Role.VIEWER, false);
        assertThat(home(viewerElsewhere, "en")).contains("id=\"home-cases\"").doesNotContain(number)
                .doesNotContain("Threats against a complainant").doesNotContain("Record a case")
                .doesNotContain("id=\"home-justice\"").doesNotContain("id=\"home-monitoring\"");

        var analyst = accounts.create(Role.ANALYST, false);
        assertThat(home(analyst, "en")).contains("id=\"home-cases\"").contains("id=\"home-monitoring\"")
                .doesNotContain("id=\"home-justice\"").doesNotContain("Record a case").doesNotContain(number);

        var monitor = accounts.create(Role.MONITOR, true);
        assertThat(home(monitor, "en")).contains("Plan a visit").contains("id=\"home-justice\"");

        var administrator = accounts.create(Role.ADMINISTRATOR, true);
        assertThat(home(administrator, "en")).doesNotContain("id=\"home-cases\"").doesNotContain("id=\"home-justice\"")
                .doesNotContain("id=\"home-monitoring\"").contains("Administration");
    }

    private String recordCase(TestAccounts.Account account, String title) {
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(account));
        try {
            return events.record(new EventDraft(title, null, new FuzzyDate(LocalDate.of(2026, 3, 17), DatePrecision.EXACT),
                    null, null, null, null, null, null, null, null, Sharing.ORGANISATION)).recordNumber();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String home(TestAccounts.Account account, String language) throws Exception {
        var session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(accounts.signedIn(account)));
        return mvc.perform(get("/").session(session).header("Accept-Language", language))
                .andReturn().getResponse().getContentAsString();
    }
}
