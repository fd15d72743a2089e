package org.aigaq.documentation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.aigaq.documentation.Act;
import org.aigaq.documentation.ActDraft;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.CaseFile;
import org.aigaq.documentation.CaseFiles;
import org.aigaq.documentation.CaseRecords;
import org.aigaq.documentation.Event;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.Information;
import org.aigaq.documentation.Intervention;
import org.aigaq.documentation.Involvement;
import org.aigaq.documentation.MedicalDocumentation;
import org.aigaq.documentation.MedicalExamination;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Person;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.aigaq.platform.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Documentation over the API: events and everything recorded on them, and people (places: {@link PlacesApi}). Every route goes through
 * the same services, and so the same access rules, as the pages.
 */
@RestController
@RequestMapping("/api/v1")
class DocumentationApi {

    /** Who may record and change cases. */
    private static final String WORKERS = "COORDINATOR, DOCUMENTER, LAWYER, MONITOR";

    record SharingChange(Sharing sharing) {}
    record AccessGrant(String username) {}
    record PersonInEvent(Long personId, CaseRecords.PersonRole role, String note) {}
    record Link(Long toEventId, String relationship, String note) {}

    private final Events events;
    private final CaseFiles caseFiles;
    private final Acts acts;
    private final CaseRecords records;
    private final People people;
    private final org.aigaq.documentation.PersonMerges merges;
    private final MedicalDocumentation medical;

    DocumentationApi(Events events, CaseFiles caseFiles, Acts acts, CaseRecords records, People people,
                     MedicalDocumentation medical, org.aigaq.documentation.PersonMerges merges) {
        this.medical = medical;
        this.merges = merges;
        this.events = events;
        this.caseFiles = caseFiles;
        this.acts = acts;
        this.records = records;
        this.people = people;
    }

    @Tag(name = "Events")
    @Operation(summary = "The events the caller may see, newest first; pass nextAfter as after for the next page")
    @SignedIn
    @GetMapping("/events")
    Events.Page events(@RequestParam(required = false) String text, @RequestParam(required = false) String violationStatus,
                       @RequestParam(required = false) String monitoringStatus, @RequestParam(required = false) Long organisationId,
                       @RequestParam(required = false) Long after, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return events.list(new Events.Filter(text, violationStatus, monitoringStatus, organisationId), after, size);
    }

    @Tag(name = "Events")
    @Operation(summary = "Record an event for the caller's organisation (" + WORKERS + ")")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events")
    ResponseEntity<Event> record(@RequestBody EventDraft draft) {
        Event event = events.record(draft);
        return ResponseEntity.created(URI.create("/api/v1/events/" + event.id())).body(event);
    }

    @Tag(name = "Events")
    @Operation(summary = "The whole case: event, acts, people (pseudonymised where the caller may not see identities), sources, interventions, links")
    @SignedIn
    @GetMapping("/events/{id}")
    CaseFile caseFile(@PathVariable long id) {
        return caseFiles.of(id);
    }

    @Tag(name = "Events")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/events/{id}")
    Event change(@PathVariable long id, @RequestBody EventDraft draft) {
        return events.change(id, draft);
    }

    @Tag(name = "Events")
    @Operation(summary = "Change how far a case is shared (the owning organisation's coordinators)")
    @Allowed(Role.COORDINATOR)
    @PutMapping("/events/{id}/sharing")
    ResponseEntity<Void> share(@PathVariable long id, @RequestBody SharingChange change) {
        if (change.sharing() == null) throw new InvalidInput("sharing", "validation.required");
        events.share(id, change.sharing());
        return ResponseEntity.noContent().build();
    }

    @Tag(name = "Events")
    @Operation(summary = "Give a user (for example a lawyer of another organisation) access to this case")
    @Allowed(Role.COORDINATOR)
    @PostMapping("/events/{id}/access")
    ResponseEntity<Void> grant(@PathVariable long id, @RequestBody AccessGrant grant) {
        events.grant(id, grant.username());
        return ResponseEntity.noContent().build();
    }

    @Tag(name = "Events")
    @Allowed(Role.COORDINATOR)
    @DeleteMapping("/events/{id}/access/{userId}")
    ResponseEntity<Void> revoke(@PathVariable long id, @PathVariable long userId) {
        events.revoke(id, userId);
        return ResponseEntity.noContent().build();
    }

    @Tag(name = "Acts")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/acts")
    ResponseEntity<Act> addAct(@PathVariable long id, @RequestBody ActDraft draft) {
        Act act = acts.add(id, draft);
        return ResponseEntity.created(URI.create("/api/v1/acts/" + act.id())).body(act);
    }

    @Tag(name = "Acts")
    @SignedIn
    @GetMapping("/acts/{id}")
    Act act(@PathVariable long id) {
        return acts.get(id);
    }

    @Tag(name = "Acts")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/acts/{id}")
    Act changeAct(@PathVariable long id, @RequestBody ActDraft draft) {
        return acts.change(id, draft);
    }

    @Tag(name = "Acts")
    @Operation(summary = "Record an alleged perpetrator's involvement in an act")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/acts/{id}/involvements")
    ResponseEntity<Involvement> addInvolvement(@PathVariable long id, @RequestBody CaseRecords.InvolvementDraft draft) {
        return ResponseEntity.status(201).body(records.addInvolvement(id, draft));
    }

    @Tag(name = "Events")
    @Operation(summary = "Record a source of information on the event")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/information")
    ResponseEntity<Information> addInformation(@PathVariable long id, @RequestBody CaseRecords.InformationDraft draft) {
        return ResponseEntity.status(201).body(records.addInformation(id, draft));
    }

    @Tag(name = "Events")
    @Operation(summary = "Record an intervention (complaint, lawyer assigned, urgent appeal…)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/interventions")
    ResponseEntity<Intervention> addIntervention(@PathVariable long id, @RequestBody CaseRecords.InterventionDraft draft) {
        return ResponseEntity.status(201).body(records.addIntervention(id, draft));
    }

    @Tag(name = "Events")
    @Operation(summary = "Add a witness, relative, lawyer or source to the event")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/people")
    ResponseEntity<Void> addPerson(@PathVariable long id, @RequestBody PersonInEvent person) {
        if (person.personId() == null) throw new InvalidInput("personId", "validation.required");
        records.addPerson(id, person.personId(), person.role(), person.note());
        return ResponseEntity.noContent().build();
    }

    @Tag(name = "Events")
    @Operation(summary = "Link the event to another (chain of events)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/links")
    ResponseEntity<Void> link(@PathVariable long id, @RequestBody Link link) {
        if (link.toEventId() == null) throw new InvalidInput("toEventId", "validation.required");
        records.link(id, link.toEventId(), link.relationship(), link.note());
        return ResponseEntity.noContent().build();
    }

    @Tag(name = "People")
    @Operation(summary = "Record a person; the identity is stored encrypted and a pseudonym is returned")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/people")
    ResponseEntity<Person> recordPerson(@RequestBody PersonDraft draft) {
        Person person = people.record(draft);
        return ResponseEntity.created(URI.create("/api/v1/people/" + person.id())).body(person);
    }

    @Tag(name = "People")
    @Operation(summary = "The people of the caller's organisation, newest first; pass nextAfter as after for the next page")
    @SignedIn
    @GetMapping("/people")
    People.Page people(@RequestParam(required = false) Long after,
                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return people.page(after, size);
    }

    @Tag(name = "Acts")
    @Operation(summary = "Change an alleged perpetrator's involvement")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/involvements/{id}")
    Involvement changeInvolvement(@PathVariable long id, @RequestBody CaseRecords.InvolvementDraft draft) {
        return records.changeInvolvement(id, draft);
    }

    @Tag(name = "Events")
    @Operation(summary = "Change a source of information")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/information/{id}")
    Information changeInformation(@PathVariable long id, @RequestBody CaseRecords.InformationDraft draft) {
        return records.changeInformation(id, draft);
    }

    @Tag(name = "Events")
    @Operation(summary = "Change an intervention")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/interventions/{id}")
    Intervention changeIntervention(@PathVariable long id, @RequestBody CaseRecords.InterventionDraft draft) {
        return records.changeIntervention(id, draft);
    }

    @Tag(name = "Events")
    @Operation(summary = "Take a person out of the case in one role; the person's record stays")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @DeleteMapping("/events/{id}/people/{personId}")
    ResponseEntity<Void> removePerson(@PathVariable long id, @PathVariable long personId,
                                      @RequestParam CaseRecords.PersonRole role) {
        records.removePerson(id, personId, role);
        return ResponseEntity.noContent().build();
    }

    @Tag(name = "Events")
    @Operation(summary = "Remove a link this event makes to another")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @DeleteMapping("/events/{id}/links/{toEventId}")
    ResponseEntity<Void> unlink(@PathVariable long id, @PathVariable long toEventId, @RequestParam String relationship) {
        records.unlink(id, toEventId, relationship);
        return ResponseEntity.noContent().build();
    }

    @Tag(name = "People")
    @Operation(summary = "A person; identity is null when the caller may not see it",
            description = "A record merged into another answers 302 with the kept record's address (while the merge stands).")
    @SignedIn
    @GetMapping("/people/{id}")
    ResponseEntity<Person> person(@PathVariable long id) {
        var kept = merges.mergedInto(id);
        if (kept.isPresent()) {
            return ResponseEntity.status(302).location(URI.create("/api/v1/people/" + kept.get())).build();
        }
        return ResponseEntity.ok(people.get(id));
    }

    @Tag(name = "People")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/people/{id}")
    Person changePerson(@PathVariable long id, @RequestBody PersonDraft draft) {
        return people.change(id, draft);
    }

    @Tag(name = "Medical documentation")
    @Operation(summary = "Record a medical examination for an act (Istanbul Protocol); needs access to identities")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/acts/{id}/medical-examinations")
    ResponseEntity<MedicalExamination> recordExamination(@PathVariable long id,
                                                         @RequestBody MedicalDocumentation.ExaminationDraft draft) {
        return ResponseEntity.status(201).body(medical.record(id, draft));
    }

    @Tag(name = "Medical documentation")
    @Operation(summary = "Add a finding to an examination, graded on the Istanbul Protocol's scale")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/medical-examinations/{id}/findings")
    ResponseEntity<MedicalExamination> addFinding(@PathVariable long id, @RequestBody MedicalDocumentation.FindingDraft draft) {
        return ResponseEntity.status(201).body(medical.addFinding(id, draft));
    }

    @Tag(name = "Medical documentation")
    @Operation(summary = "Correct a medical examination (its findings stay); needs access to identities")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/medical-examinations/{id}")
    MedicalExamination changeExamination(@PathVariable long id, @RequestBody MedicalDocumentation.ExaminationDraft draft) {
        return medical.changeExamination(id, draft);
    }

    @Tag(name = "Medical documentation")
    @Operation(summary = "Correct a finding; answers its examination with every finding")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/medical-findings/{id}")
    MedicalExamination changeFinding(@PathVariable long id, @RequestBody MedicalDocumentation.FindingDraft draft) {
        return medical.changeFinding(id, draft);
    }

    @Tag(name = "Medical documentation")
    @Operation(summary = "The medical examinations of a case, for users who may see its identities")
    @SignedIn
    @GetMapping("/events/{id}/medical-examinations")
    List<MedicalExamination> examinations(@PathVariable long id) {
        return medical.ofEvent(id);
    }
}
