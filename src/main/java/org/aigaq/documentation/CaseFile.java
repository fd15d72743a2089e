package org.aigaq.documentation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The whole story of a case on one page: the event, its acts, the people (pseudonymised where needed) and the rest. */
public record CaseFile(Event event, CaseAccess.Rights rights, List<Act> acts, Map<Long, Person> people,
                       List<Involvement> involvements, List<Information> information, List<Intervention> interventions,
                       List<CaseRecords.EventPerson> peopleInEvent, List<CaseRecords.EventLink> links) {

    public Person person(Long id) {
        return id == null ? null : people.get(id);
    }

    public List<Involvement> involvementsOf(long actId) {
        return involvements.stream().filter(i -> i.actId() == actId).toList();
    }

    static Map<Long, Person> byId(List<Person> people) {
        return people.stream().collect(Collectors.toMap(Person::id, Function.identity()));
    }
}
