package org.aigaq.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.aigaq.platform.security.Role;
import org.aigaq.support.BrowserSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A documenter corrects, from the case page, an alleged perpetrator's involvement, a source, an intervention, a medical
 * examination and a finding; each form shows what was recorded, says what is wrong as the user types, and keeps what it
 * does not show; a witness recorded in the wrong case is taken out of it. Someone of another organisation who knows the address is told the record does not exist.
 */
class CorrectionsBrowserTest extends BrowserSession {

    @Autowired Events events;
    @Autowired People people;
    @Autowired Acts acts;
    @Autowired CaseRecords records;
    @Autowired MedicalDocumentation medical;

    @Test
    void aDocumenterCorrectsEveryRecordOfACaseFromItsPage() {
        var documenter = accounts.create(Role.DOCUMENTER, true);
        long event;
        long source;
        long examination;
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(documenter));
        try {
            event = events.record(new EventDraft("Beating in a temporary detention facility", null,
                    new FuzzyDate(LocalDate.of(2024, 3, 17), DatePrecision.EXACT), null, null, null, null, null, null, null,
                    null, Sharing.ORGANISATION)).id();
            long victim = people.record(new PersonDraft(new Identity("Ерлан Исправленов", List.of(), null, null, null), false,
                    null, null, null, List.of(), false, null)).id();
            long act = acts.add(event, new ActDraft(victim, "torture", FuzzyDate.unknown(), null, null, null, null, null,
                    null, List.of(), null, null, null, null, null, null, List.of(), null, null)).id();
            records.addInvolvement(act, new CaseRecords.InvolvementDraft(null, null, null, "Criminal police", "captain",
                    null, "carried-out", "still-in-post"));
            long witness = people.record(new PersonDraft(new Identity("Айгүл Қателесова", List.of(), null, null, null),
                    false, null, null, null, List.of(), false, null)).id();
            records.addPerson(event, witness, CaseRecords.PersonRole.WITNESS, "recorded in the wrong case");
            source = records.addInformation(event, new CaseRecords.InformationDraft(null, null, null, null,
                    LocalDate.of(2024, 3, 19), "Told by the victim's brother")).id();
            records.addIntervention(event, new CaseRecords.InterventionDraft("complaint-filed", "Lawyer",
                    new FuzzyDate(LocalDate.of(2024, 3, 20), DatePrecision.EXACT), "Prosecutor's office",
                    "Inquiry opened", "None yet", null, "HIGH"));
            examination = medical.record(act, new MedicalDocumentation.ExaminationDraft(LocalDate.of(2024, 3, 18), "lawyer",
                    false, null, false, null, null, null, null, null, null, null, null, null, null)).id();
            medical.addFinding(examination, new MedicalDocumentation.FindingDraft(
                    org.aigaq.documentation.MedicalExamination.Kind.PHYSICAL, "back", "Bruises", IstanbulGrade.CONSISTENT));
        } finally {
            SecurityContextHolder.clearContext();
        }
        signInWithCode(documenter);
        consoleErrors.clear();
        String caseUrl = url("/events/" + event);
        page.navigate(caseUrl);

        // The involvement: rank corrected, the status chosen through the API before is kept.
        page.click("#acts li >> a.correct");
        assertThat(page.textContent("h1")).isEqualTo("Correct the alleged perpetrator's involvement");
        assertThat(page.inputValue("#rankRole")).isEqualTo("captain");
        checkAccessibility();
        page.fill("#rankRole", "major");
        page.click("main button[type=submit]");
        page.waitForURL(Pattern.compile(".*/events/" + event + "(#.*)?$"));
        assertThat(page.textContent("#acts")).contains("major").doesNotContain("captain");

        // The source: an empty summary is fine, a too long one is said as it is typed; the date is kept.
        page.click("#information >> a.correct");
        assertThat(page.inputValue("#dateReceived")).isEqualTo("2024-03-19");
        page.fill("#summary", "Told by the victim's brother, then confirmed by the victim");
        page.click("main button[type=submit]");
        page.waitForURL(Pattern.compile(".*/events/" + event + "(#.*)?$"));
        assertThat(page.textContent("#information")).contains("then confirmed by the victim");

        // The intervention: the priority and response recorded before are shown and kept.
        page.click("#interventions >> a.correct");
        assertThat(page.inputValue("#priority")).isEqualTo("HIGH");
        assertThat(page.inputValue("#response")).isEqualTo("Inquiry opened");
        assertThat(page.inputValue("#impact")).isEqualTo("None yet");
        page.fill("#response", "Inquiry opened, then refused on 2024-04-02");
        page.click("main button[type=submit]");
        page.waitForURL(Pattern.compile(".*/events/" + event + "(#.*)?$"));
        assertThat(page.textContent("#interventions")).contains("refused on 2024-04-02");

        // The examination: a performance date before the request is refused as it is typed; saved once right.
        page.click("#examination-" + examination + " >> a.correct >> nth=0");
        assertThat(page.textContent("h1")).isEqualTo("Correct the medical examination");
        page.fill("#performedOn", "2024-03-10");
        page.waitForFunction("() => document.querySelector('#performedOn-error').textContent.trim() !== ''");
        assertThat(page.textContent("#performedOn-error")).isEqualTo("The examination was performed before it was requested.");
        checkAccessibility();
        page.fill("#performedOn", "2024-03-28");
        page.selectOption("#examinerType", "OFFICIAL_FORENSIC");
        page.fill("#interpretation", "Injuries about ten days old, consistent with the account");
        page.click("main button[type=submit]");
        page.waitForURL(Pattern.compile(".*/events/" + event + "(#.*)?$"));
        assertThat(page.textContent("#examination-" + examination)).contains("Injuries about ten days old")
                .contains("official forensic service");

        // The finding: graded again.
        page.click("#examination-" + examination + " tbody >> a.correct");
        page.selectOption("#grade", "HIGHLY_CONSISTENT");
        page.click("main button[type=submit]");
        page.waitForURL(Pattern.compile(".*/events/" + event + "(#.*)?$"));
        assertThat(page.textContent("#examination-" + examination + " tbody")).contains("highly consistent with");

        // A witness recorded in the wrong case is taken out of it.
        assertThat(page.textContent("#people")).contains("Айгүл Қателесова");
        page.click("#people >> text=Remove from the case");
        page.waitForURL(Pattern.compile(".*/events/" + event + "(#.*)?$"));
        assertThat(page.textContent("#people")).doesNotContain("Айгүл Қателесова");
        checkAccessibility();
        assertThat(consoleErrors).isEmpty();

        // Someone of another organisation who knows the address is told there is no such record.
        var stranger = accounts.createElsewhere(Role.DOCUMENTER);
        page.context().clearCookies();
        signInWithCode(stranger);
        assertThat(page.navigate(url("/information/" + source + "/edit")).status()).isEqualTo(404);
        assertThat(page.textContent("main")).doesNotContain("confirmed by the victim");
        assertThat(page.navigate(url("/medical-examinations/" + examination + "/edit")).status()).isEqualTo(404);
    }
}
