package org.aigaq.documentation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.encryption.SearchTokenKey;
import org.aigaq.platform.names.NameForm;
import org.aigaq.platform.names.NameSimilarity;
import org.aigaq.platform.names.NameTokens;
import org.aigaq.platform.names.SamePerson;
import org.aigaq.platform.names.SearchToken;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding a person by name whatever the spelling, on encrypted identities. The query's search tokens are keyed as
 * the stored ones are (in the user's organisation, and in the organisations of the people of the cases given to the
 * user); the people holding them are read from the index among those whose identities the user may see (case
 * workers: their organisation's people and the people of the cases given to them), and those sharing the most, rare
 * tokens weighing more, are decrypted and ranked again by {@link NameSimilarity}. The tokens are read in stages, each
 * only when the earlier ones did not give enough: pairs of parts, then single parts and initials, then typo variants
 * (one letter left out). A name search shows identities, so
 * it is for case workers only; analysts and viewers, who see pseudonyms, cannot search by name. Each search is
 * audited with the people it showed, never with the name searched.
 */
@Service
public class PersonSearch {

    /** Postings read per token at most: a very common token (a frequent surname) cannot flood the candidates. */
    static final int POSTINGS_PER_TOKEN = 500;
    /** People per token beyond which GIN samples (four times the cap, so that the cap is still reached). */
    static final int GIN_SAMPLE = 4 * POSTINGS_PER_TOKEN;
    /** Fewer for a typo variant: it only has to bring a misspelt name into the candidates, not rank the rest. */
    static final int POSTINGS_PER_TYPO = 100;
    /** Candidates decrypted and compared, at most. */
    static final int CANDIDATES = 100;
    /** Candidates decrypted first (or twice the results asked for); the rest only when these hold too few close names. */
    static final int FIRST_DECRYPTED = 40;
    /** A candidate this alike is a close name: enough of them, and the typo variants are not read. */
    static final double CLOSE = 0.9;
    /** The similarity of the same name (up to script and transliteration): nothing ranks above it. */
    static final double SAME = 1.0 - 1e-9;
    /** Below this similarity, a candidate is not shown. */
    static final double LEAST_SIMILARITY = 0.6;
    public static final int MOST_RESULTS = 100;

    /** A case a found person is in, as the user may see it. */
    public record CaseOfPerson(long eventId, String recordNumber, String title) {}

    /** A person found, how alike the best of their names is to the query (0 to 1), why, and their cases. */
    public record Found(Person person, double similarity, List<SamePerson.Reason> reasons, List<CaseOfPerson> cases) {}

    private final JdbcClient jdbc;
    private final SearchTokenKey key;
    private final People people;
    private final AuditTrail audit;

    PersonSearch(JdbcClient jdbc, SearchTokenKey key, People people, AuditTrail audit) {
        this.jdbc = jdbc;
        this.key = key;
        this.people = people;
        this.audit = audit;
    }

    /** The people most like the name {@code query}, best first, at most {@code limit}. */
    @Transactional
    public List<Found> find(String query, int limit) {
        var user = CurrentUser.require();
        if (user.roles().stream().noneMatch(CaseAccess.CASE_WORKERS::contains)) {
            throw new AccessDeniedException("only case workers search people by name");
        }
        String text = Texts.required(query, 300, "q");
        NameForm asked = NameForm.of(text);
        if (asked.isEmpty()) {
            throw new InvalidInput("q", "documentation.people.search.no-letters");
        }
        int size = Math.clamp(limit, 1, MOST_RESULTS);
        var plain = NameTokens.of(asked);
        // A GIN index is read whole before any LIMIT: a given name shared by 150,000 of 2,000,000 people cost 70 ms
        // a token. Beyond this many people per token, GIN returns a sample instead, as arbitrary as the first 500 of
        // the cap below and found much faster; rare tokens (the ones that identify a person) are read whole.
        jdbc.sql("SET LOCAL gin_fuzzy_search_limit = " + GIN_SAMPLE).update();
        // The people of the cases given to the user, recorded by other organisations: their tokens are keyed in
        // their organisation, so the query is keyed there too, and only those people are looked at.
        var given = new LinkedHashMap<Long, Long>();
        jdbc.sql("""
                SELECT DISTINCT p.id, p.organisation_id FROM person p WHERE p.organisation_id <> :organisation AND p.id IN (
                    SELECT a.victim_id FROM case_access ca JOIN act a ON a.event_id = ca.event_id WHERE ca.user_id = :user
                    UNION SELECT ep.person_id FROM case_access ca JOIN event_person ep ON ep.event_id = ca.event_id
                    WHERE ca.user_id = :user
                    UNION SELECT i.perpetrator_id FROM case_access ca JOIN act a ON a.event_id = ca.event_id
                          JOIN involvement i ON i.act_id = a.id WHERE ca.user_id = :user)
                """).param("organisation", user.organisationId()).param("user", user.id())
                .query(rs -> {
                    given.put(rs.getLong(1), rs.getLong(2));
                });
        // First without the typo variants (most of the tokens, and the slowest to read); only when that does not
        // give enough close names are they read too.
        var exact = plain.stream().filter(t -> t.kind() != SearchToken.Kind.TYPO).toList();
        // A common full name first by its pairs of parts alone (one token, not one per part): when they give enough
        // people of exactly that name, no other spelling can rank above them, and the parts' postings (the most
        // frequent tokens: a common surname, a common given name) are not read.
        var pairs = plain.stream().filter(t -> t.kind() == SearchToken.Kind.TWO_PARTS).toList();
        // Each stage reads only the tokens the earlier ones did not, and decrypts only people not decrypted yet.
        var reading = new Reading(asked, user.organisationId(), given);
        List<Found> found = pairs.isEmpty() ? List.of() : reading.rank(pairs, size);
        if (found.stream().filter(f -> f.similarity() >= SAME).count() < size) {
            found = reading.rank(exact.isEmpty() ? plain : exact, size);
        }
        if (!exact.isEmpty() && found.stream().filter(f -> f.similarity() >= CLOSE).count() < size) {
            found = reading.rank(plain, size);
        }
        var shown = found.subList(0, Math.min(size, found.size()));
        var cases = casesOf(shown.stream().map(f -> f.person().id()).toList());
        var results = shown.stream().map(f -> new Found(f.person(), f.similarity(), f.reasons(),
                cases.getOrDefault(f.person().id(), List.of()))).toList();
        audit.record("people.searched", "person", null, Map.of("results", results.size(),
                "people", results.stream().map(f -> f.person().id()).toList()));
        return results;
    }

    /** A person holding one keyed token, as the index gave it, with the weight of the token's kind. */
    private record Posting(long token, double weight, long person) {}

    /**
     * One search's reading of the index and of identities, kept across its stages: the postings of every token read so
     * far, and every candidate decrypted so far with how alike they are to the query (null when not alike enough).
     */
    private final class Reading {
        private final NameForm asked;
        private final long organisation;
        private final Map<Long, Long> given;
        private final Set<Long> tokensRead = new HashSet<>();
        private final Set<Posting> postings = new LinkedHashSet<>();
        private final Map<Long, Found> compared = new HashMap<>();

        Reading(NameForm asked, long organisation, Map<Long, Long> given) {
            this.asked = asked;
            this.organisation = organisation;
            this.given = given;
        }

        /** The candidates for {@code plain} and every token read before, decrypted and ranked by similarity, best first. */
        List<Found> rank(Collection<SearchToken> plain, int size) {
            var own = unread(keyed(plain, organisation));
            var elsewhere = new LinkedHashMap<Long, Double>();
            given.values().stream().distinct().forEach(other -> elsewhere.putAll(unread(keyed(plain, other))));
            if (!own.isEmpty() || !elsewhere.isEmpty()) {
                postings.addAll(postings(own, elsewhere, List.copyOf(given.keySet())));
                tokensRead.addAll(own.keySet());
                tokensRead.addAll(elsewhere.keySet());
            }
            var candidates = candidates(postings);
            // Best token overlap first: when the first batch already holds enough close names, the rest (whose tokens
            // share less with the query) are not decrypted (decrypting and comparing them was half of a search's time).
            var ids = List.copyOf(candidates.keySet());
            int first = Math.min(ids.size(), Math.max(FIRST_DECRYPTED, 2 * size));
            compare(ids.subList(0, first));
            if (first < ids.size() && close(ids.subList(0, first)) < size) {
                compare(ids.subList(first, ids.size()));
            }
            var found = new ArrayList<Found>();
            ids.stream().map(compared::get).filter(java.util.Objects::nonNull).forEach(found::add);
            found.sort(Comparator.comparingDouble(Found::similarity).reversed()
                    .thenComparing(f -> -candidates.get(f.person().id()))
                    .thenComparing(f -> f.person().id()));
            return found;
        }

        private Map<Long, Double> unread(Map<Long, Double> keyed) {
            var unread = new LinkedHashMap<>(keyed);
            unread.keySet().removeAll(tokensRead);
            return unread;
        }

        private long close(List<Long> ids) {
            return ids.stream().map(compared::get).filter(f -> f != null && f.similarity() >= CLOSE).count();
        }

        /** Decrypts the people {@code ids} not decrypted yet and notes how alike they are to the query. */
        private void compare(List<Long> ids) {
            var missing = ids.stream().filter(id -> !compared.containsKey(id)).toList();
            if (missing.isEmpty()) return;
            var rows = jdbc.sql("SELECT * FROM person WHERE id IN (:ids)").param("ids", missing)
                    .query((rs, n) -> people.row(rs, true)).list();
            missing.forEach(id -> compared.put(id, null));
            for (Person person : rows) {
                var forms = new ArrayList<NameForm>();
                forms.add(NameForm.of(person.identity().name()));
                person.identity().otherNames().forEach(n -> forms.add(NameForm.of(n)));
                var alignment = NameSimilarity.best(List.of(asked), forms);
                if (alignment.score() >= LEAST_SIMILARITY) {
                    compared.put(person.id(), new Found(person, alignment.score(), SamePerson.reasons(alignment), List.of()));
                }
            }
        }
    }

    /** The query's tokens keyed in an organisation, each with the weight of its strongest kind. */
    private Map<Long, Double> keyed(java.util.Collection<SearchToken> plain, long organisation) {
        var tokens = new LinkedHashMap<Long, Double>();
        for (SearchToken token : plain) {
            tokens.merge(key.token(organisation, token.text()), token.kind().weight(), Math::max);
        }
        return tokens;
    }

    /**
     * The people holding the query's tokens. Reachable: the organisation's people (the tokens are keyed by
     * organisation, so the index finds only them; at most a cap per token) and the people of the cases given to the
     * user ({@code given}, matched with the tokens keyed in their organisations).
     */
    private List<Posting> postings(Map<Long, Double> own, Map<Long, Double> elsewhere, List<Long> given) {
        return jdbc.sql("""
                WITH q AS (
                    SELECT *, CASE WHEN weight < :typoWeight THEN :typoCap ELSE :cap END AS cap
                    FROM unnest(CAST(:tokens AS bigint[]), CAST(:weights AS float8[])) AS q (token, weight)
                ),
                g AS (
                    SELECT * FROM unnest(CAST(:givenTokens AS bigint[]), CAST(:givenWeights AS float8[])) AS g (token, weight)
                )
                SELECT q.token, q.weight, x.person_id
                FROM q CROSS JOIN LATERAL (
                    SELECT n.person_id FROM person_name_tokens n WHERE n.tokens @> ARRAY[q.token] LIMIT q.cap) x
                UNION
                SELECT g.token, g.weight, n.person_id
                FROM person_name_tokens n CROSS JOIN LATERAL unnest(n.tokens) AS t (token) JOIN g ON g.token = t.token
                WHERE n.person_id = ANY (CAST(:given AS bigint[]))
                """).param("tokens", own.keySet().toArray(Long[]::new))
                .param("weights", own.values().toArray(Double[]::new))
                .param("givenTokens", elsewhere.keySet().toArray(Long[]::new))
                .param("givenWeights", elsewhere.values().toArray(Double[]::new))
                .param("given", given.toArray(Long[]::new)).param("cap", POSTINGS_PER_TOKEN)
                .param("typoCap", POSTINGS_PER_TYPO).param("typoWeight", SearchToken.Kind.TYPO.weight() + 0.01)
                .query((rs, n) -> new Posting(rs.getLong(1), rs.getDouble(2), rs.getLong(3))).list();
    }

    /**
     * The best {@link #CANDIDATES} people of the postings by weighted overlap: each token they hold counts its kind's
     * weight times ln(1 + cap / how many of the postings have it), so rare tokens weigh more; ties by id.
     */
    private static Map<Long, Double> candidates(Collection<Posting> postings) {
        var df = new HashMap<Long, Long>();
        postings.forEach(p -> df.merge(p.token(), 1L, Long::sum));
        var scores = new HashMap<Long, Double>();
        postings.forEach(p -> scores.merge(p.person(),
                p.weight() * Math.log(1 + (double) POSTINGS_PER_TOKEN / df.get(p.token())), Double::sum));
        var best = new LinkedHashMap<Long, Double>();
        scores.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(CANDIDATES).forEach(e -> best.put(e.getKey(), e.getValue()));
        return best;
    }

    /** The cases each person is in that the user may read, newest first. */
    private Map<Long, List<CaseOfPerson>> casesOf(List<Long> personIds) {
        var cases = new HashMap<Long, List<CaseOfPerson>>();
        if (personIds.isEmpty()) return cases;
        CaseAccess.bind(jdbc.sql("""
                SELECT DISTINCT x.person_id, e.id, e.record_number, e.title
                FROM (SELECT victim_id AS person_id, event_id FROM act WHERE victim_id IN (:people)
                      UNION SELECT person_id, event_id FROM event_person WHERE person_id IN (:people)
                      UNION SELECT i.perpetrator_id, a.event_id FROM involvement i JOIN act a ON a.id = i.act_id
                            WHERE i.perpetrator_id IN (:people)) x
                JOIN event e ON e.id = x.event_id
                WHERE """ + CaseAccess.visibleEvents("e") + " ORDER BY e.id DESC"))
                .param("people", personIds)
                .query(rs -> {
                    cases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new CaseOfPerson(rs.getLong(2), rs.getString(3), rs.getString(4)));
                });
        return cases;
    }
}
