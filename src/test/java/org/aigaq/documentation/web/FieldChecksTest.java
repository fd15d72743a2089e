package org.aigaq.documentation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.aigaq.documentation.ActDraft;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.ExaminerType;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.MedicalDocumentation;
import org.aigaq.documentation.People;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every documentation form checks a field as the user types with the rules of its save: a good value gets no message,
 * a bad one the message in the user's language, and someone who may not write the case learns nothing (not found).
 */
class FieldChecksTest extends ApplicationTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired Events events;
    @Autowired People people;
    @Autowired Acts acts;
    @Autowired MedicalDocumentation medical;
    @Autowired JdbcTemplate jdbc;

    private MockHttpSession documenter;
    private MockHttpSession analyst;
    private MockHttpSession stranger;
    private long event;
    private long sharedEvent;
    private long victim;
    private long act;
    private long examination;

    @BeforeEach
    void aCaseWithAnActAndAnExamination() {
        var documenterAccount = accounts.create(Role.DOCUMENTER, true);
        documenter = session(documenterAccount);
        analyst = session(accounts.create(Role.ANALYST, false));
        stranger = session(accounts.createElsewhere(Role.DOCUMENTER));
        as(documenterAccount, () -> {
            event = events.record(eventDraft(Sharing.ORGANISATION)).id();
            sharedEvent = events.record(eventDraft(Sharing.COALITION)).id();
            victim = people.record(new PersonDraft(new Identity("Ерлан Тексеруұлы", List.of(), null, null, null), false,
                    null, null, null, List.of(), false, null)).id();
            act = acts.add(event, new ActDraft(victim, "torture", new FuzzyDate(LocalDate.of(2024, 3, 17), DatePrecision.EXACT),
                    null, null, null, null, null, null, List.of(), null, null, 30, null, null, null, List.of(), null, null)).id();
            examination = medical.record(act, new MedicalDocumentation.ExaminationDraft(LocalDate.of(2024, 3, 18), "lawyer",
                    false, null, false, null, null, null, null, null, null, null, null, null, null)).id();
            return null;
        });
    }

    @Test
    void theNewEventFormChecksTheTitleAndTheDates() throws Exception {
        assertThat(check(documenter, "/events/check", "title", "en", "title", "A beating")).isEmpty();
        assertThat(check(documenter, "/events/check", "title", "en", "title", " ")).isEqualTo("This field is required.");
        assertThat(check(documenter, "/events/check", "title", "ru", "title", " ")).isEqualTo("Это поле обязательно.");
        assertThat(check(documenter, "/events/check", "title", "en", "title", "x".repeat(301))).isEqualTo("At most 300 characters.");
        // A message about another field is not this field's.
        assertThat(check(documenter, "/events/check", "endDate", "en", "title", " ", "initialDate", "2024-05-01",
                "endDate", "2024-06-01")).isEmpty();
        assertThat(check(documenter, "/events/check", "endDate", "en", "title", "T", "initialDate", "2024-05-01",
                "endDate", "2024-04-01")).isEqualTo("The end is before the start.");
        assertThat(check(documenter, "/events/check", "endDate", "ru", "title", "T", "initialDate", "2024-05-01",
                "endDate", "2024-04-01")).isEqualTo("Окончание раньше начала.");
        String tomorrow = LocalDate.now().plusDays(1).toString();
        assertThat(check(documenter, "/events/check", "initialDate", "en", "title", "T", "initialDate", tomorrow))
                .isEqualTo("The date is in the future.");
        // What the check refuses, the save refuses too.
        int before = count("event");
        var saved = send(documenter, "/events", "en", "title", "T", "initialDate", tomorrow, "sharing", "ORGANISATION");
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(saved.getContentAsString()).contains("id=\"initialDate-error\"").contains("The date is in the future.");
        assertThat(count("event")).isEqualTo(before);
        assertThat(send(analyst, "/events/check?field=title", "en", "title", " ").getStatus()).isEqualTo(403);
    }

    @Test
    void theEventChangeFormChecksWithTheRulesOfTheChange() throws Exception {
        String path = "/events/" + event + "/check";
        assertThat(check(documenter, path, "title", "en", "title", "A beating", "sharing", "ORGANISATION")).isEmpty();
        assertThat(check(documenter, path, "title", "ru", "title", "", "sharing", "ORGANISATION")).isEqualTo("Это поле обязательно.");
        // Only a coordinator may change who sees the case.
        assertThat(check(documenter, path, "sharing", "en", "title", "T", "sharing", "PUBLIC"))
                .isEqualTo("Only a coordinator of the owning organisation may change the sharing.");
        assertThat(check(documenter, path, "sharing", "ru", "title", "T", "sharing", "PUBLIC"))
                .isEqualTo("Менять доступ может только координатор организации-владельца.");
        assertRefused("/events/" + event + "/check?field=title", "/events/" + sharedEvent + "/check?field=title", "title", "T");
    }

    @Test
    void theActFormChecksTheAge() throws Exception {
        String path = "/acts/" + act + "/check";
        String[] act = {"victimId", String.valueOf(victim), "actType", "torture", "initialDate", "2024-03-17"};
        assertThat(check(documenter, path, "ageAtTime", "en", with(act, "ageAtTime", "31"))).isEmpty();
        assertThat(check(documenter, path, "ageAtTime", "en", with(act, "ageAtTime", "200"))).isEqualTo("The age must be between 0 and 130.");
        assertThat(check(documenter, path, "ageAtTime", "ru", with(act, "ageAtTime", "200"))).isEqualTo("Возраст должен быть от 0 до 130.");
        assertThat(check(documenter, path, "actType", "en", "victimId", String.valueOf(victim), "actType", ""))
                .isEqualTo("This field is required.");
        var saved = send(documenter, "/acts/" + this.act, "en", with(act, "ageAtTime", "200"));
        assertThat(saved.getContentAsString()).contains("id=\"ageAtTime-error\"").contains("The age must be between 0 and 130.");
        assertThat(jdbc.queryForObject("SELECT age_at_time FROM act WHERE id = ?", Integer.class, this.act)).isEqualTo(30);
        assertThat(send(stranger, "/acts/" + this.act + "/check?field=ageAtTime", "en", with(act, "ageAtTime", "200"))
                .getStatus()).isEqualTo(404);
        assertThat(send(analyst, "/acts/" + this.act + "/check?field=ageAtTime", "en", with(act, "ageAtTime", "200"))
                .getStatus()).isEqualTo(403);
        assertThat(send(documenter, "/acts/987654321/check?field=ageAtTime", "en", with(act, "ageAtTime", "200"))
                .getStatus()).isEqualTo(404);
    }

    @Test
    void theNewActFormChecksTheVictimsNameAndTheAct() throws Exception {
        String path = "/events/" + event + "/acts/check";
        assertThat(check(documenter, path, "identity.name", "en", "victimName", "Асель Ахметова", "actType", "torture")).isEmpty();
        // A victim named for the first time is not a missing victim.
        assertThat(check(documenter, path, "victimId", "en", "victimName", "Асель Ахметова", "actType", "torture")).isEmpty();
        assertThat(check(documenter, path, "identity.name", "en", "victimName", "", "actType", "torture"))
                .isEqualTo("This field is required.");
        assertThat(check(documenter, path, "identity.name", "ru", "victimName", "", "actType", "torture"))
                .isEqualTo("Это поле обязательно.");
        assertThat(check(documenter, path, "ageAtTime", "en", "victimName", "A", "actType", "torture", "ageAtTime", "-1"))
                .isEqualTo("The age must be between 0 and 130.");
        assertThat(check(documenter, path, "actType", "ru", "victimName", "A", "actType", "not-a-term"))
                .isEqualTo("Этого термина нет в соответствующем списке.");
        assertRefused(path + "?field=actType", "/events/" + sharedEvent + "/acts/check?field=actType", "actType", "");
    }

    @Test
    void theInvolvementFormChecksTheDegreeAndTheTexts() throws Exception {
        String path = "/acts/" + act + "/involvements/check";
        String degree = jdbc.queryForObject("SELECT code FROM vocabulary_term WHERE list_code = 'involvement-degree' LIMIT 1", String.class);
        assertThat(check(documenter, path, "degree", "en", "degree", degree)).isEmpty();
        assertThat(check(documenter, path, "degree", "en", "degree", "")).isEqualTo("This field is required.");
        assertThat(check(documenter, path, "degree", "ru", "degree", "")).isEqualTo("Это поле обязательно.");
        assertThat(check(documenter, path, "unit", "en", "degree", degree, "unit", "u".repeat(201))).isEqualTo("At most 200 characters.");
        assertThat(check(documenter, path, "unit", "en", "degree", degree, "unit", "2nd division")).isEmpty();
        assertThat(send(stranger, path + "?field=degree", "en", "degree", "").getStatus()).isEqualTo(404);
        assertThat(send(analyst, path + "?field=degree", "en", "degree", "").getStatus()).isEqualTo(403);
    }

    @Test
    void theSourceFormChecksTheSummaryAndTheTerms() throws Exception {
        String path = "/events/" + event + "/information/check";
        assertThat(check(documenter, path, "summary", "en", "summary", "Told by the victim's sister")).isEmpty();
        assertThat(check(documenter, path, "summary", "en", "summary", "s".repeat(20001))).isEqualTo("At most 20,000 characters.");
        assertThat(check(documenter, path, "reliability", "ru", "reliability", "sometimes")).isEqualTo("Этого термина нет в соответствующем списке.");
        assertThat(check(documenter, path, "reliability", "en", "reliability", "sometimes")).isEqualTo("This is not a term of its list.");
        assertRefused(path + "?field=summary", "/events/" + sharedEvent + "/information/check?field=summary", "summary", "x");
    }

    @Test
    void theInterventionFormChecksTheType() throws Exception {
        String path = "/events/" + event + "/interventions/check";
        String type = jdbc.queryForObject("SELECT code FROM vocabulary_term WHERE list_code = 'intervention-type' LIMIT 1", String.class);
        assertThat(check(documenter, path, "interventionType", "en", "interventionType", type)).isEmpty();
        assertThat(check(documenter, path, "interventionType", "en", "interventionType", "")).isEqualTo("This field is required.");
        assertThat(check(documenter, path, "interventionType", "ru", "interventionType", "")).isEqualTo("Это поле обязательно.");
        assertThat(check(documenter, path, "interveningParty", "en", "interventionType", type, "interveningParty", "p".repeat(301)))
                .isEqualTo("At most 300 characters.");
        assertRefused(path + "?field=interventionType", "/events/" + sharedEvent + "/interventions/check?field=interventionType",
                "interventionType", "");
    }

    @Test
    void theNewPersonFormChecksTheNameAndTheRole() throws Exception {
        String path = "/events/" + event + "/people/check";
        assertThat(check(documenter, path, "identity.name", "en", "name", "Гүлнар Куәгерова", "role", "WITNESS")).isEmpty();
        assertThat(check(documenter, path, "role", "en", "name", "Гүлнар Куәгерова", "role", "WITNESS")).isEmpty();
        assertThat(check(documenter, path, "identity.name", "en", "name", "", "role", "WITNESS")).isEqualTo("This field is required.");
        assertThat(check(documenter, path, "role", "ru", "name", "Гүлнар", "role", "")).isEqualTo("Это поле обязательно.");
        assertThat(check(documenter, path, "role", "en", "name", "Гүлнар", "role", "")).isEqualTo("This field is required.");
        // Saving with both wrong shows both messages and records nobody.
        int before = count("person");
        var saved = send(documenter, "/events/" + event + "/people", "en", "name", "", "role", "");
        assertThat(saved.getContentAsString()).contains("id=\"person-identity-name-error\"").contains("id=\"person-role-error\"");
        assertThat(count("person")).isEqualTo(before);
        assertRefused(path + "?field=role", "/events/" + sharedEvent + "/people/check?field=role", "role", "");
    }

    @Test
    void theMedicalFormsCheckTheIstanbulProtocolRules() throws Exception {
        String path = "/acts/" + act + "/medical-examinations/check";
        assertThat(check(documenter, path, "performedOn", "en", "requestedOn", "2024-03-18", "performedOn", "2024-03-20",
                "examinerType", ExaminerType.INDEPENDENT.name())).isEmpty();
        assertThat(check(documenter, path, "performedOn", "en", "requestedOn", "2024-03-18", "performedOn", "2024-03-10",
                "examinerType", "OTHER")).isEqualTo("The examination was performed before it was requested.");
        assertThat(check(documenter, path, "performedOn", "ru", "requestedOn", "2024-03-18", "refused", "true",
                "performedOn", "2024-03-20", "examinerType", "OTHER"))
                .isEqualTo("У освидетельствования, в котором отказано, нет даты проведения.");
        assertThat(check(documenter, path, "examinerType", "en", "performedOn", "2024-03-20")).isEqualTo("This field is required.");
        assertThat(send(stranger, path + "?field=requestedOn", "en", "requestedOn", "").getStatus()).isEqualTo(404);
        assertThat(send(analyst, path + "?field=requestedOn", "en", "requestedOn", "").getStatus()).isEqualTo(403);

        String findings = "/medical-examinations/" + examination + "/findings/check";
        assertThat(check(documenter, findings, "description", "en", "kind", "PHYSICAL", "description", "Bruises", "grade", "TYPICAL"))
                .isEmpty();
        assertThat(check(documenter, findings, "description", "en", "kind", "PHYSICAL", "description", " ")).isEqualTo("This field is required.");
        assertThat(check(documenter, findings, "grade", "ru", "kind", "PHYSICAL", "description", "Bruises")).isEqualTo("Это поле обязательно.");
        assertThat(send(stranger, findings + "?field=grade", "en", "kind", "PHYSICAL").getStatus()).isEqualTo(404);
    }

    @Test
    void thePersonFormChecksTheIdentity() throws Exception {
        String path = "/people/" + victim + "/check";
        assertThat(check(documenter, path, "identity.name", "en", "name", "Ерлан Тексеруұлы")).isEmpty();
        assertThat(check(documenter, path, "identity.name", "en", "name", " ")).isEqualTo("This field is required.");
        assertThat(check(documenter, path, "identity.name", "ru", "name", " ")).isEqualTo("Это поле обязательно.");
        assertThat(check(documenter, path, "groupSize", "en", "name", "A group", "group", "true")).isEqualTo("Give the number of people in the group.");
        assertThat(check(documenter, path, "groupSize", "en", "name", "A group", "group", "true", "groupSize", "12")).isEmpty();
        assertThat(check(documenter, path, "identity.dateOfBirth", "ru", "name", "A", "dateOfBirth", LocalDate.now().plusDays(3).toString()))
                .isEqualTo("Дата в будущем.");
        // The person of another organisation's case is not found, whatever the name given.
        assertThat(send(stranger, path + "?field=identity.name", "en", "name", " ").getStatus()).isEqualTo(404);
        assertThat(send(analyst, path + "?field=identity.name", "en", "name", " ").getStatus()).isEqualTo(403);
    }

    @Test
    void thePlaceFormChecksNameCodeAndType() throws Exception {
        assertThat(check(documenter, "/places/check", "name", "en", "name", "Temporary detention isolator", "locationType",
                "temporary-detention-isolator")).isEmpty();
        assertThat(check(documenter, "/places/check", "name", "en", "name", "")).isEqualTo("This field is required.");
        assertThat(check(documenter, "/places/check", "locationType", "ru", "name", "ИВС", "locationType", "")).isEqualTo("Это поле обязательно.");
        assertThat(check(documenter, "/places/check", "officialCode", "en", "name", "ИВС", "officialCode", "c".repeat(41)))
                .isEqualTo("At most 40 characters.");
        assertThat(send(analyst, "/places/check?field=name", "en", "name", "").getStatus()).isEqualTo(403);
    }

    /** Another organisation is told the case does not exist (an organisation-only and a shared case alike); an analyst may not write. */
    private void assertRefused(String organisationOnly, String shared, String... form) throws Exception {
        assertThat(send(stranger, organisationOnly, "en", form).getStatus()).isEqualTo(404);
        assertThat(send(stranger, shared, "en", form).getStatus()).isEqualTo(404);
        assertThat(send(analyst, organisationOnly, "en", form).getStatus()).isEqualTo(403);
        assertThat(send(stranger, organisationOnly.replaceFirst("/events/\\d+", "/events/987654321"), "en", form).getStatus())
                .isEqualTo(404);
    }

    private String check(MockHttpSession session, String path, String field, String language, String... form) throws Exception {
        var response = send(session, path + "?field=" + field, language, form);
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString().strip();
    }

    private MockHttpServletResponse send(MockHttpSession session, String path, String language, String... form) throws Exception {
        var request = post(path).session(session).with(csrf()).header("Accept-Language", language).header("HX-Request", "true");
        for (int i = 0; i < form.length; i += 2) {
            request.param(form[i], form[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String[] with(String[] form, String... more) {
        var all = new java.util.ArrayList<>(List.of(form));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private static EventDraft eventDraft(Sharing sharing) {
        return new EventDraft("Checked as typed", null, new FuzzyDate(LocalDate.of(2024, 3, 17), DatePrecision.EXACT), null,
                null, null, null, null, null, null, null, sharing);
    }

    private MockHttpSession session(TestAccounts.Account account) {
        var session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(accounts.signedIn(account)));
        return session;
    }

    private <T> T as(TestAccounts.Account account, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(account));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
