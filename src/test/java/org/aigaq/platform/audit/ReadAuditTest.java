package org.aigaq.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.People;
import org.aigaq.documentation.PersonDraft;
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

/** One opening of a sensitive record is one "read" entry, however many parts of the page read it; each opening counts. */
class ReadAuditTest extends ApplicationTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired Events events;
    @Autowired People people;
    @Autowired AuditSearch audit;

    @Test
    void openingACasePageTwiceWritesTwoReadEntriesOfTheCase() throws Exception {
        var documenter = accounts.create(Role.DOCUMENTER, true);
        long event;
        long person;
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(documenter));
        try {
            event = events.record(new EventDraft("Beating in a temporary detention facility", null,
                    new FuzzyDate(LocalDate.of(2025, 5, 2), DatePrecision.EXACT), null, null, null, null, null, null, null,
                    null, Sharing.ORGANISATION)).id();
            person = people.record(new PersonDraft(new Identity("Асхат Тексерілген", List.of(), null, null, null), false,
                    null, null, null, List.of(), false, null)).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
        var session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(accounts.signedIn(documenter)));

        // Recording may have read the records back: count from here.
        int caseReads = reads("event", event);
        int personReads = reads("person", person);
        mvc.perform(get("/events/" + event).session(session)).andExpect(status().isOk());
        assertThat(reads("event", event)).isEqualTo(caseReads + 1);
        mvc.perform(get("/events/" + event + "/justice").session(session)).andExpect(status().isOk());
        assertThat(reads("event", event)).isEqualTo(caseReads + 2);
        mvc.perform(get("/events/" + event).session(session)).andExpect(status().isOk());
        assertThat(reads("event", event)).isEqualTo(caseReads + 3);

        mvc.perform(get("/people/" + person).session(session)).andExpect(status().isOk());
        assertThat(reads("person", person)).isEqualTo(personReads + 1);
    }

    private int reads(String type, long id) {
        return audit.search(new AuditSearch.Filter(null, "read", type, String.valueOf(id), null, null), null, 50).entries().size();
    }
}
