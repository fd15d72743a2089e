package org.aigaq.documentation.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.aigaq.documentation.CaseBatch;
import org.aigaq.documentation.CaseRecords;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.Sharing;
import org.aigaq.documentation.SyntheticCases;
import org.aigaq.platform.accounts.Organisations;
import org.aigaq.platform.accounts.User;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUsers;
import org.aigaq.platform.vocabulary.Term;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads invented cases ({@link SyntheticCases}, wide names) for the benchmark through the import's own path,
 * {@link CaseBatch}: every value checked by the services' rules, identities encrypted and name tokens keyed as
 * People does, search rows computed by {@code refresh_event_search} in the same transaction. Events go in chunks of
 * {@link #CHUNK}, one transaction each, on several threads, so that encryption and token keying on one thread run
 * while the database writes the rows of another. Per event: one act, or two for every other event (1.5 acts), each
 * with its victim and an involvement of a police unit; a named perpetrator in every other event (so two people per
 * event in all); a source and an intervention.
 */
@Service
class SyntheticLoad {

    /** Events per transaction: a few thousand rows per table, a few seconds of work. */
    static final int CHUNK = 2_000;
    /** Linked records of the large case: 100 each of acts, victims, involvements, sources, interventions. */
    static final int LARGE_CASE_PART = 100;
    static final String ORGANISATION = "Benchmark organisation";
    static final String DOCUMENTER = "bench-documenter";
    static final String PARTNER_ORGANISATION = "Benchmark partner organisation";
    static final String PARTNER = "bench-partner";
    static final String VIEWER = "bench-viewer";
    static final String LARGE_CASE_TITLE = "Mass beating of prisoners in a penal colony after a protest";

    /** What a load wrote and how long it took. */
    record Loaded(long events, long people, long acts, Duration load, Duration vacuum) {}

    private final CaseBatch batches;
    private final TransactionTemplate transaction;
    private final Users users;
    private final Organisations organisations;
    private final Vocabularies vocabularies;
    private final JdbcClient jdbc;

    SyntheticLoad(CaseBatch batches, TransactionTemplate transaction, Users users, Organisations organisations,
                  Vocabularies vocabularies, JdbcClient jdbc) {
        this.batches = batches;
        this.transaction = transaction;
        this.users = users;
        this.organisations = organisations;
        this.vocabularies = vocabularies;
        this.jdbc = jdbc;
    }

    /** The benchmark's case worker (a documenter of the benchmark organisation), created the first time. */
    User documenter() {
        return users.findByUsername(DOCUMENTER).orElseGet(() -> {
            long organisation = organisations.all().stream().filter(o -> o.name().equals(ORGANISATION)).findFirst()
                    .orElseGet(() -> organisations.create(ORGANISATION, "BENCH")).id();
            return users.create(DOCUMENTER, "Benchmark documenter", organisation, Set.of(Role.DOCUMENTER),
                    Users.temporaryPassword() + Users.temporaryPassword(), true);
        });
    }

    /**
     * A documenter of another organisation of the coalition, who reads only the cases shared beyond the benchmark's
     * organisation (four in ten), and a viewer of it, who reads only the public ones (one in ten).
     */
    List<User> readersElsewhere() {
        long organisation = organisations.all().stream().filter(o -> o.name().equals(PARTNER_ORGANISATION)).findFirst()
                .orElseGet(() -> organisations.create(PARTNER_ORGANISATION, "BENCHP")).id();
        var partner = users.findByUsername(PARTNER).orElseGet(() -> users.create(PARTNER, "Benchmark partner documenter",
                organisation, Set.of(Role.DOCUMENTER), Users.temporaryPassword() + Users.temporaryPassword(), true));
        var viewer = users.findByUsername(VIEWER).orElseGet(() -> users.create(VIEWER, "Benchmark viewer",
                organisation, Set.of(Role.VIEWER), Users.temporaryPassword() + Users.temporaryPassword(), true));
        return List.of(partner, viewer);
    }

    /** How many events the benchmark organisation has recorded. */
    long events() {
        long organisation = documenter().organisationId();
        return jdbc.sql("SELECT count(*) FROM event WHERE organisation_id = :organisation").param("organisation", organisation)
                .query(Long.class).single();
    }

    /** The benchmark's large case (500 linked records), if loaded. */
    java.util.Optional<Long> largeCase() {
        return jdbc.sql("SELECT id FROM event WHERE organisation_id = :organisation AND title = :title ORDER BY id LIMIT 1")
                .param("organisation", documenter().organisationId()).param("title", LARGE_CASE_TITLE)
                .query(Long.class).optional();
    }

    /** Loads {@code events} events and their records, then the large case, then vacuums and analyses the tables. */
    Loaded load(int events, int threads, Consumer<String> progress) throws Exception {
        User documenter = documenter();
        var principal = SignedInUsers.principalOf(documenter, false);
        List<String> methods = vocabularies.terms("method").stream().filter(t -> t.parentCode() != null).map(Term::code).toList();
        String degree = vocabularies.terms("involvement-degree").getFirst().code();
        List<String> agencies = vocabularies.terms("agency").stream().map(Term::code).toList();
        long started = System.nanoTime();
        var done = new AtomicLong();
        var people = new AtomicLong();
        var acts = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            var chunks = new java.util.ArrayList<Future<?>>();
            for (int from = 0; from < events; from += CHUNK) {
                int first = from;
                int count = Math.min(CHUNK, events - from);
                chunks.add(pool.submit(() -> asUser(principal, () -> {
                    var counts = transaction.execute(status -> chunk(first, count, methods, degree, agencies));
                    people.addAndGet(counts.people());
                    acts.addAndGet(counts.acts());
                    long total = done.addAndGet(count);
                    if (total % 50_000 < CHUNK || total == events) {
                        progress.accept("%,d events loaded in %d s".formatted(total, (System.nanoTime() - started) / 1_000_000_000));
                    }
                })));
            }
            for (Future<?> chunk : chunks) chunk.get();
        } finally {
            pool.shutdown();
        }
        asUser(principal, () -> {
            var counts = transaction.execute(status -> largeCase(methods, degree, agencies));
            people.addAndGet(counts.people());
            acts.addAndGet(counts.acts());
        });
        var load = Duration.ofNanos(System.nanoTime() - started);
        progress.accept("Loaded in %d s; clustering the search rows by date, vacuuming and analysing".formatted(load.toSeconds()));
        long vacuumStarted = System.nanoTime();
        // The search rows in date order, as V27 leaves a migrated database (the newest months of a word then sit on
        // adjacent pages); a load writes them in the order of its chunks.
        jdbc.sql("CLUSTER event_search USING event_search_newest").update();
        // Outside a transaction: statistics for the planner and the visibility map for index-only scans.
        jdbc.sql("VACUUM (ANALYZE) event, act, person, person_name_tokens, involvement, information, intervention, event_search")
                .update();
        return new Loaded(done.get() + 1, people.get(), acts.get(), load, Duration.ofNanos(System.nanoTime() - vacuumStarted));
    }

    private CaseBatch.Counts chunk(int first, int count, List<String> methods, String degree, List<String> agencies) {
        // One generator per chunk, seeded by its position: the same command loads the same cases on any number of threads.
        var synthetic = new SyntheticCases(first, true);
        var batch = batches.start();
        for (int i = first; i < first + count; i++) {
            Sharing sharing = i % 10 == 0 ? Sharing.PUBLIC : i % 3 == 0 ? Sharing.COALITION : Sharing.ORGANISATION;
            EventDraft draft = synthetic.event(sharing);
            long event = batch.addEvent(batch.event(draft));
            Long perpetrator = i % 2 == 1 ? batch.addPerson(batch.person(synthetic.perpetrator())) : null;
            String agency = agencies.get(i % agencies.size());
            for (int a = 0; a < (i % 2 == 0 ? 2 : 1); a++) {
                long victim = batch.addPerson(batch.person(synthetic.person()));
                long act = batch.addAct(event, victim, batch.act(synthetic.act(victim, draft, methods)));
                batch.addInvolvement(act, batch.involvement(new CaseRecords.InvolvementDraft(perpetrator, null, agency,
                        synthetic.unit(), perpetrator == null ? null : "investigator", null, degree, null)));
            }
            batch.addInformation(event, batch.information(synthetic.information(draft.initial().date())));
            batch.addIntervention(event, batch.intervention(synthetic.intervention(draft.initial().date())));
        }
        return batch.finish();
    }

    /** One case with 500 linked records: 100 acts, each with its victim and an involvement; 100 sources; 100 interventions. */
    private CaseBatch.Counts largeCase(List<String> methods, String degree, List<String> agencies) {
        var synthetic = new SyntheticCases(-1, true);
        var batch = batches.start();
        var base = synthetic.event(Sharing.COALITION);
        var draft = new EventDraft(LARGE_CASE_TITLE, base.description(), base.initial(), null, null, "penal-colony",
                base.region(), null, base.violationStatus(), base.monitoringStatus(), base.dateReceived(), Sharing.COALITION);
        long event = batch.addEvent(batch.event(draft));
        for (int i = 0; i < LARGE_CASE_PART; i++) {
            long victim = batch.addPerson(batch.person(synthetic.person()));
            long act = batch.addAct(event, victim, batch.act(synthetic.act(victim, draft, methods)));
            batch.addInvolvement(act, batch.involvement(new CaseRecords.InvolvementDraft(null, null,
                    agencies.get(i % agencies.size()), synthetic.unit(), null, null, degree, null)));
            batch.addInformation(event, batch.information(synthetic.information(draft.initial().date())));
            batch.addIntervention(event, batch.intervention(synthetic.intervention(draft.initial().date())));
        }
        return batch.finish();
    }

    /** Runs {@code work} on this thread as the benchmark's documenter. */
    static void asUser(org.aigaq.platform.security.SignedInUser user, Runnable work) {
        var before = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SignedInUsers.authenticationOf(user));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            // Back to whoever ran before (a measurement as another reader runs inside the documenter's).
            if (before.getAuthentication() == null) SecurityContextHolder.clearContext();
            else SecurityContextHolder.setContext(before);
        }
    }
}
