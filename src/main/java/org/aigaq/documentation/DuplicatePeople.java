package org.aigaq.documentation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.encryption.SearchTokenKey;
import org.aigaq.platform.names.SamePerson;
import org.aigaq.platform.names.SearchToken;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes people of the user's organisation that are probably the same person. Candidate pairs come from the keyed
 * name tokens in SQL (people sharing rare tokens, a bounded number per person); only those are decrypted and decided
 * by {@link SamePerson} on every name form and the date of birth; the places of detention and the cases the two
 * share, or that are linked, are added to the reasons and the score. Pairs marked as different people and retired
 * (merged) records are never proposed. Proposals show identities: for case workers of the owning organisation only,
 * audited with the people shown. People of other organisations (in cases given to the user) are never proposed:
 * their records are not the organisation's to merge.
 */
@Service
public class DuplicatePeople {

    /** A token shared by more people than this says nothing of one person: it is left out of a person's candidates. */
    static final int POSTINGS_PER_TOKEN = 200;
    /** Candidates of one person decrypted and decided, at most. */
    static final int CANDIDATES = 50;
    /** For the review queue, a token counts when at most this many of the organisation's people have it. */
    static final int RARE = 50;
    /** For the review queue, a person's partners decided at most: those sharing the most of its rare tokens. */
    static final int PER_PERSON = 5;
    /** For the review queue, the pairs decided at each reading, at most (those sharing the most rare tokens). */
    static final int WINDOW = 5000;
    public static final int MOST_PER_PAGE = 100;

    /** One page of the review queue, best first; {@code more} when further pages have proposals. */
    public record Page(List<DuplicateProposal> proposals, int page, int size, int total, boolean more) {}

    private final JdbcClient jdbc;
    private final SearchTokenKey key;
    private final People people;
    private final AuditTrail audit;

    DuplicatePeople(JdbcClient jdbc, SearchTokenKey key, People people, AuditTrail audit) {
        this.jdbc = jdbc;
        this.key = key;
        this.people = people;
        this.audit = audit;
    }

    /** The people probably the same as the person {@code personId}, best first. */
    @Transactional
    public List<DuplicateProposal> of(long personId) {
        var user = requireCaseWorker();
        Person person = ownPerson(personId, user);
        if (isRetired(personId)) return List.of();
        var tokens = new LinkedHashMap<Long, Double>();
        for (SearchToken token : PersonNameIndex.plainTokens(person.identity())) {
            tokens.merge(key.token(user.organisationId(), token.text()), token.kind().weight(), Math::max);
        }
        var candidates = new ArrayList<Long>();
        jdbc.sql("""
                WITH q AS (
                    SELECT * FROM unnest(CAST(:tokens AS bigint[]), CAST(:weights AS float8[])) AS q (token, weight)
                ),
                postings AS (
                    SELECT q.token, q.weight, x.person_id FROM q CROSS JOIN LATERAL (
                        SELECT n.person_id FROM person_name_tokens n WHERE n.tokens @> ARRAY[q.token] LIMIT :cap + 1) x
                ),
                counted AS (
                    SELECT person_id, weight, count(*) OVER (PARTITION BY token) AS df FROM postings
                )
                SELECT c.person_id, sum(c.weight * ln(1 + CAST(:cap AS float8) / c.df)) AS score
                FROM counted c JOIN person p ON p.id = c.person_id
                WHERE c.df <= :cap AND c.person_id <> :person AND p.organisation_id = :organisation
                  AND p.merged_into IS NULL
                  AND NOT EXISTS (SELECT 1 FROM person_pair_different d WHERE d.undone_at IS NULL
                                  AND d.first_id = least(:person, c.person_id) AND d.second_id = greatest(:person, c.person_id))
                GROUP BY c.person_id ORDER BY score DESC, c.person_id LIMIT :candidates
                """).param("tokens", tokens.keySet().toArray(Long[]::new))
                .param("weights", tokens.values().toArray(Double[]::new))
                .param("cap", POSTINGS_PER_TOKEN).param("person", personId).param("organisation", user.organisationId())
                .param("candidates", CANDIDATES)
                .query(rs -> {
                    candidates.add(rs.getLong(1));
                });
        var others = load(candidates);
        var pairs = new ArrayList<Person[]>();
        for (long id : candidates) {
            Person other = others.get(id);
            if (other != null) pairs.add(new Person[] {person, other});
        }
        var proposals = decide(pairs);
        audit.record("people.duplicates-proposed", "person", personId, Map.of("people",
                proposals.stream().map(p -> p.second().id()).toList()));
        return proposals;
    }

    /**
     * The organisation's review queue: the best-scored pairs, {@code size} a page. Candidate pairs are read in SQL
     * from the tokens that few of the organisation's people share ({@link #RARE}); each person keeps its
     * {@link #PER_PERSON} partners sharing the most of them (so that a large family does not fill the queue), and at
     * most {@link #WINDOW} such pairs are decrypted and decided at each reading.
     */
    @Transactional
    public Page queue(int page, int size) {
        var user = requireCaseWorker();
        int pageSize = Math.clamp(size, 1, MOST_PER_PAGE);
        int pageNumber = Math.max(page, 0);
        var candidates = new ArrayList<long[]>();
        jdbc.sql("""
                WITH t AS (
                    SELECT n.person_id, u.token
                    FROM person p JOIN person_name_tokens n ON n.person_id = p.id
                    CROSS JOIN LATERAL unnest(n.tokens) AS u (token)
                    WHERE p.organisation_id = :organisation AND p.merged_into IS NULL
                ),
                rare AS (
                    SELECT token, count(*) AS df FROM t GROUP BY token HAVING count(*) BETWEEN 2 AND :rare
                ),
                pairs AS (
                    SELECT a.person_id AS first_id, b.person_id AS second_id, sum(ln(1 + CAST(:rare AS float8) / r.df)) AS weight
                    FROM rare r JOIN t a ON a.token = r.token JOIN t b ON b.token = r.token AND a.person_id < b.person_id
                    GROUP BY a.person_id, b.person_id
                ),
                ranked AS (
                    SELECT first_id, second_id, weight,
                           row_number() OVER (PARTITION BY first_id ORDER BY weight DESC, second_id) AS first_rank,
                           row_number() OVER (PARTITION BY second_id ORDER BY weight DESC, first_id) AS second_rank
                    FROM pairs
                    WHERE NOT EXISTS (SELECT 1 FROM person_pair_different d WHERE d.undone_at IS NULL
                                      AND d.first_id = pairs.first_id AND d.second_id = pairs.second_id)
                )
                SELECT first_id, second_id FROM ranked WHERE first_rank <= :perPerson OR second_rank <= :perPerson
                ORDER BY weight DESC, first_id, second_id LIMIT :window
                """).param("organisation", user.organisationId()).param("rare", RARE).param("window", WINDOW)
                .param("perPerson", PER_PERSON)
                .query(rs -> {
                    candidates.add(new long[] {rs.getLong(1), rs.getLong(2)});
                });
        var ids = new HashSet<Long>();
        candidates.forEach(c -> {
            ids.add(c[0]);
            ids.add(c[1]);
        });
        var found = load(ids);
        var pairs = new ArrayList<Person[]>();
        for (long[] c : candidates) {
            if (found.containsKey(c[0]) && found.containsKey(c[1])) pairs.add(new Person[] {found.get(c[0]), found.get(c[1])});
        }
        var proposals = decide(pairs);
        int from = Math.min(pageNumber * pageSize, proposals.size());
        int to = Math.min(from + pageSize, proposals.size());
        var shown = List.copyOf(proposals.subList(from, to));
        if (!shown.isEmpty()) {
            var people = new ArrayList<Long>();
            shown.forEach(p -> {
                people.add(p.first().id());
                people.add(p.second().id());
            });
            audit.record("people.duplicates-proposed", "person", null, Map.of("people", people));
        }
        return new Page(shown, pageNumber, pageSize, proposals.size(), to < proposals.size());
    }

    /** Two people side by side: the proposal (made even when Aigaq would not propose it), and each one's cases. */
    public record Comparison(DuplicateProposal proposal, boolean proposed, List<PersonSearch.CaseOfPerson> firstCases,
                             List<PersonSearch.CaseOfPerson> secondCases) {}

    /** Two people of the user's organisation compared side by side; any other person is not found. */
    @Transactional
    public Comparison compare(long firstId, long secondId) {
        var user = requireCaseWorker();
        if (firstId == secondId) {
            throw new org.aigaq.platform.InvalidInput("second", "documentation.duplicates.different.same-person");
        }
        Person first = ownPerson(firstId, user);
        Person second = ownPerson(secondId, user);
        var pairs = new ArrayList<Person[]>();
        pairs.add(new Person[] {first, second});
        var proposal = enrich(pairs, true).getFirst();
        var facts = facts(Set.of(firstId, secondId));
        boolean proposed = SamePerson.decide(description(first), description(second)).probablySame();
        audit.record("people.duplicates-compared", "person", firstId, Map.of("people", List.of(firstId, secondId)));
        return new Comparison(proposal, proposed,
                List.copyOf(facts.getOrDefault(firstId, Facts.NONE).cases().values()),
                List.copyOf(facts.getOrDefault(secondId, Facts.NONE).cases().values()));
    }

    /** Each pair decided; those probably one person, with what they share, best first. */
    private List<DuplicateProposal> decide(List<Person[]> pairs) {
        var proposals = new ArrayList<>(enrich(pairs, false));
        proposals.sort(Comparator.comparingDouble(DuplicateProposal::score).reversed()
                .thenComparing(Comparator.comparingDouble(DuplicateProposal::nameSimilarity).reversed())
                .thenComparing(p -> p.first().id()).thenComparing(p -> p.second().id()));
        return proposals;
    }

    private static SamePerson.Description description(Person person) {
        var names = new ArrayList<String>();
        names.add(person.identity().name());
        names.addAll(person.identity().otherNames());
        return new SamePerson.Description(names, person.identity().dateOfBirth());
    }

    /** Each pair decided; those proposed (or every one, to compare) with the places, cases and links of their people. */
    private List<DuplicateProposal> enrich(List<Person[]> pairs, boolean evenIfDifferent) {
        // Decided first, so that the places and cases are read only for the people of pairs that are proposed.
        var decided = new ArrayList<Person[]>();
        var decisions = new ArrayList<SamePerson.Decision>();
        for (Person[] pair : pairs) {
            var decision = SamePerson.decide(description(pair[0]), description(pair[1]));
            if (decision.probablySame() || evenIfDifferent) {
                decided.add(pair);
                decisions.add(decision);
            }
        }
        var ids = new HashSet<Long>();
        decided.forEach(p -> {
            ids.add(p[0].id());
            ids.add(p[1].id());
        });
        var facts = facts(ids);
        var proposals = new ArrayList<DuplicateProposal>();
        for (int i = 0; i < decided.size(); i++) {
            Person[] pair = decided.get(i);
            var decision = decisions.get(i);
            Facts a = facts.getOrDefault(pair[0].id(), Facts.NONE);
            Facts b = facts.getOrDefault(pair[1].id(), Facts.NONE);
            var reasons = new ArrayList<DuplicateProposal.Reason>();
            decision.reasons().forEach(r -> reasons.add(new DuplicateProposal.Reason("names.reason." + r.code(), r.against(), "")));
            var birth = birthDates(pair[0].identity().dateOfBirth(), pair[1].identity().dateOfBirth());
            double score = decision.nameSimilarity();
            switch (birth) {
                case SAME -> score += 0.05;
                case WITHIN_A_YEAR -> {
                    score -= 0.05;
                    reasons.add(new DuplicateProposal.Reason("documentation.duplicates.reason.birth-dates-near", true, ""));
                }
                case UNKNOWN -> reasons.add(new DuplicateProposal.Reason("documentation.duplicates.reason.birth-date-unknown", false, ""));
                case YEARS_APART -> score -= 0.2;
            }
            var places = new ArrayList<DuplicateProposal.SharedPlace>();
            a.places().forEach((id, name) -> {
                if (b.places().containsKey(id)) places.add(new DuplicateProposal.SharedPlace(id, name));
            });
            var shared = new ArrayList<PersonSearch.CaseOfPerson>();
            a.cases().forEach((id, c) -> {
                if (b.cases().containsKey(id)) shared.add(c);
            });
            var linked = new ArrayList<PersonSearch.CaseOfPerson>();
            for (var c : b.cases().values()) {
                if (a.cases().containsKey(c.eventId())) continue;
                boolean link = a.cases().keySet().stream().anyMatch(e -> a.links().contains(List.of(e, c.eventId())));
                if (link) linked.add(c);
            }
            if (!places.isEmpty()) {
                score += 0.02;
                reasons.add(new DuplicateProposal.Reason("documentation.duplicates.reason.same-place", false,
                        String.join(", ", places.stream().map(DuplicateProposal.SharedPlace::name).toList())));
            }
            if (!shared.isEmpty()) {
                score += 0.03;
                reasons.add(new DuplicateProposal.Reason("documentation.duplicates.reason.same-case", false,
                        String.join(", ", shared.stream().map(PersonSearch.CaseOfPerson::recordNumber).toList())));
            }
            if (!linked.isEmpty()) {
                score += 0.02;
                reasons.add(new DuplicateProposal.Reason("documentation.duplicates.reason.linked-cases", false,
                        String.join(", ", linked.stream().map(PersonSearch.CaseOfPerson::recordNumber).toList())));
            }
            proposals.add(new DuplicateProposal(pair[0], pair[1], Math.clamp(score, 0, 1), decision.nameSimilarity(), birth,
                    places, shared, linked, List.copyOf(reasons)));
        }
        return proposals;
    }

    static DuplicateProposal.BirthDates birthDates(LocalDate first, LocalDate second) {
        if (first == null || second == null) return DuplicateProposal.BirthDates.UNKNOWN;
        if (first.equals(second)) return DuplicateProposal.BirthDates.SAME;
        return Math.abs(ChronoUnit.DAYS.between(first, second)) > 366 ? DuplicateProposal.BirthDates.YEARS_APART
                : DuplicateProposal.BirthDates.WITHIN_A_YEAR;
    }

    /** What the records of one person show: the cases the user may read, the places of detention, and case links. */
    private record Facts(Map<Long, PersonSearch.CaseOfPerson> cases, Map<Long, String> places, Set<List<Long>> links) {
        static final Facts NONE = new Facts(Map.of(), Map.of(), Set.of());
    }

    private Map<Long, Facts> facts(Set<Long> personIds) {
        var facts = new HashMap<Long, Facts>();
        if (personIds.isEmpty()) return facts;
        var events = new HashSet<Long>();
        CaseAccess.bind(jdbc.sql("""
                SELECT x.person_id, e.id, e.record_number, e.title, pl.id AS place_id, pl.name AS place_name
                FROM (SELECT victim_id AS person_id, event_id, place_id FROM act WHERE victim_id IN (:people)
                      UNION SELECT person_id, event_id, NULL FROM event_person WHERE person_id IN (:people)
                      UNION SELECT i.perpetrator_id, a.event_id, NULL FROM involvement i JOIN act a ON a.id = i.act_id
                            WHERE i.perpetrator_id IN (:people)
                      UNION SELECT source_person_id, event_id, NULL FROM information WHERE source_person_id IN (:people)) x
                JOIN event e ON e.id = x.event_id
                LEFT JOIN place pl ON pl.id = coalesce(x.place_id, e.place_id)
                WHERE """ + CaseAccess.visibleEvents("e") + " ORDER BY e.id"))
                .param("people", personIds)
                .query(rs -> {
                    var f = facts.computeIfAbsent(rs.getLong(1), k -> new Facts(new TreeMap<>(), new TreeMap<>(), new HashSet<>()));
                    long event = rs.getLong(2);
                    events.add(event);
                    f.cases().put(event, new PersonSearch.CaseOfPerson(event, rs.getString(3), rs.getString(4)));
                    long place = rs.getLong(5);
                    if (!rs.wasNull()) f.places().put(place, rs.getString(6));
                });
        if (!events.isEmpty()) {
            var links = new HashSet<List<Long>>();
            jdbc.sql("SELECT from_event_id, to_event_id FROM event_link WHERE from_event_id IN (:events) OR to_event_id IN (:events)")
                    .param("events", events)
                    .query(rs -> {
                        links.add(List.of(rs.getLong(1), rs.getLong(2)));
                        links.add(List.of(rs.getLong(2), rs.getLong(1)));
                    });
            facts.values().forEach(f -> f.links().addAll(links));
        }
        return facts;
    }

    /** People by id, with their identities (the caller has checked they are the organisation's). */
    private Map<Long, Person> load(java.util.Collection<Long> ids) {
        var found = new HashMap<Long, Person>();
        if (ids.isEmpty()) return found;
        jdbc.sql("SELECT * FROM person WHERE id IN (:ids)").param("ids", ids)
                .query((rs, n) -> people.row(rs, true)).list().forEach(p -> found.put(p.id(), p));
        return found;
    }

    /** A person of the user's organisation with its identity; any other is not found. */
    private Person ownPerson(long id, SignedInUser user) {
        return jdbc.sql("SELECT * FROM person WHERE id = :id AND organisation_id = :organisation")
                .param("id", id).param("organisation", user.organisationId())
                .query((rs, n) -> people.row(rs, true)).optional().orElseThrow(() -> new NoSuchRecord("person", id));
    }

    private boolean isRetired(long id) {
        return jdbc.sql("SELECT merged_into IS NOT NULL FROM person WHERE id = :id").param("id", id).query(Boolean.class).single();
    }

    private static SignedInUser requireCaseWorker() {
        var user = CurrentUser.require();
        if (user.roles().stream().noneMatch(CaseAccess.CASE_WORKERS::contains)) {
            throw new AccessDeniedException("only case workers review duplicates");
        }
        return user;
    }
}
