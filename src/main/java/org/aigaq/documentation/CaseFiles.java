package org.aigaq.documentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
        return assemble(List.of(events.find(eventId))).getFirst();
    }

    /**
     * The case files of several events already read, without the audited read: each part (acts, involvements,
     * people…) is read for all of them in one query, so that an export of many cases costs a few queries a page.
     */
    List<CaseFile> assemble(List<Event> page) {
        var ids = page.stream().map(Event::id).toList();
        var rights = access.on(page);
        var caseActs = acts.ofEvents(ids);
        var involvements = records.involvements(ids);
        var information = records.information(ids);
        var peopleInEvents = records.peopleIn(ids);
        var interventions = records.interventions(ids);
        var links = records.links(ids);
        var peopleIds = new HashMap<Long, Set<Long>>();
        for (long id : ids) {
            var people = new LinkedHashSet<Long>();
            caseActs.getOrDefault(id, List.of()).forEach(a -> people.add(a.victimId()));
            involvements.getOrDefault(id, List.of()).forEach(i -> { if (i.perpetratorId() != null) people.add(i.perpetratorId()); });
            information.getOrDefault(id, List.of()).forEach(i -> { if (i.sourcePersonId() != null) people.add(i.sourcePersonId()); });
            peopleInEvents.getOrDefault(id, List.of()).forEach(p -> people.add(p.personId()));
            peopleIds.put(id, people);
        }
        var persons = people.inCases(peopleIds, rights);
        var files = new ArrayList<CaseFile>();
        for (Event event : page) {
            long id = event.id();
            files.add(new CaseFile(event, rights.get(id), caseActs.getOrDefault(id, List.of()),
                    CaseFile.byId(persons.getOrDefault(id, List.of())), involvements.getOrDefault(id, List.of()),
                    information.getOrDefault(id, List.of()), interventions.getOrDefault(id, List.of()),
                    peopleInEvents.getOrDefault(id, List.of()), links.getOrDefault(id, List.of())));
        }
        return files;
    }
}
