package org.aigaq.documentation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles a case file for a user who may read the case, with identities only where the user may see them. */
@Service
public class CaseFiles {

    private final Events events;
    private final CaseAccess access;
    private final Acts acts;
    private final CaseRecords records;
    private final People people;

    CaseFiles(Events events, CaseAccess access, Acts acts, CaseRecords records, People people) {
        this.events = events;
        this.access = access;
        this.acts = acts;
        this.records = records;
        this.people = people;
    }

    @Transactional
    public CaseFile of(long eventId) {
        events.get(eventId);
        return assemble(eventId);
    }

    /** The case file without the audited read; for exports, which audit once for all the cases they write. */
    CaseFile assemble(long eventId) {
        Event event = events.find(eventId);
        var rights = access.on(eventId);
        var caseActs = acts.ofEvent(eventId);
        var involvements = records.involvements(eventId);
        var information = records.information(eventId);
        var peopleInEvent = records.peopleIn(eventId);
        var ids = new LinkedHashSet<Long>();
        caseActs.forEach(a -> ids.add(a.victimId()));
        involvements.forEach(i -> { if (i.perpetratorId() != null) ids.add(i.perpetratorId()); });
        information.forEach(i -> { if (i.sourcePersonId() != null) ids.add(i.sourcePersonId()); });
        peopleInEvent.forEach(p -> ids.add(p.personId()));
        var persons = people.inCase(new ArrayList<>(ids), rights);
        return new CaseFile(event, rights, caseActs, CaseFile.byId(persons), involvements, information,
                records.interventions(eventId), peopleInEvent, records.links(eventId));
    }
}
