package org.aigaq.justice.bench;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.aigaq.documentation.bench.BenchmarkPart;
import org.aigaq.justice.AttritionFunnel;
import org.aigaq.justice.AttritionSummaries;
import org.aigaq.justice.FunnelFilter;
import org.aigaq.justice.Pipeline;
import org.aigaq.justice.StepDraft;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The funnel's part of {@code bench}: a justice pipeline for every synthetic event (and a detention episode for one
 * in five), written in bulk and summarised by {@link AttritionSummaries} as any recorded step is; then the funnel with
 * its losses, times, flags and safeguard counts, and the first page of the cases behind a figure, under five filters.
 */
@Component
@Profile("bench")
class FunnelBenchmark implements BenchmarkPart {

    private static final int CHUNK = 5_000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final TransactionTemplate transaction;
    private final AttritionSummaries summaries;
    private final AttritionFunnel funnel;

    FunnelBenchmark(JdbcClient jdbc, NamedParameterJdbcTemplate batches, TransactionTemplate transaction,
                    AttritionSummaries summaries, AttritionFunnel funnel) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transaction = transaction;
        this.summaries = summaries;
        this.funnel = funnel;
    }

    @Override
    public String name() {
        return "funnel";
    }

    @Override
    public void prepare(long organisationId, Consumer<String> say) {
        long missing = jdbc.sql("""
                SELECT count(*) FROM event e WHERE e.organisation_id = :o AND NOT EXISTS (SELECT 1 FROM justice_case j WHERE j.event_id = e.id)""")
                .param("o", organisationId).query(Long.class).single();
        if (missing == 0) {
            long started = System.nanoTime();
            long redone = summaries.catchUp();
            if (redone > 0) {
                jdbc.sql("VACUUM (ANALYZE) justice_attrition, justice_attrition_tag, justice_attrition_cell, justice_attrition_days").update();
                say.accept("Recomputed %,d summaries of an earlier version in %d s".formatted(redone, (System.nanoTime() - started) / 1_000_000_000));
            }
            say.accept("Justice pipelines already loaded: measuring only");
            return;
        }
        say.accept("Loading justice pipelines for %,d events".formatted(missing));
        long started = System.nanoTime();
        long user = CurrentUser.require().id();
        LocalDate today = LocalDate.now();
        long after = 0;
        long done = 0;
        long steps = 0;
        while (true) {
            final long from = after;
            var events = jdbc.sql("""
                    SELECT e.id, e.record_number, e.initial_date FROM event e
                    WHERE e.organisation_id = :o AND e.id > :after AND NOT EXISTS (SELECT 1 FROM justice_case j WHERE j.event_id = e.id)
                    ORDER BY e.id LIMIT :limit""").param("o", organisationId).param("after", from).param("limit", CHUNK)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)}).list();
            if (events.isEmpty()) break;
            steps += transaction.execute(status -> write(organisationId, user, events, today));
            after = (Long) events.getLast()[0];
            done += events.size();
            if (done % 100_000 < CHUNK) say.accept("  %,d pipelines, %,d steps, %d s".formatted(done, steps, (System.nanoTime() - started) / 1_000_000_000));
        }
        jdbc.sql("""
                VACUUM (ANALYZE) justice_case, justice_step, detention_episode, detention_moment, justice_attrition, justice_attrition_tag,
                    justice_attrition_cell, justice_attrition_days""").update();
        say.accept("Loaded %,d pipelines with %,d steps in %d s".formatted(done, steps, (System.nanoTime() - started) / 1_000_000_000));
    }

    private long write(long organisationId, long user, List<Object[]> events, LocalDate today) {
        var cases = new ArrayList<MapSqlParameterSource>();
        var steps = new ArrayList<MapSqlParameterSource>();
        var detained = new ArrayList<Long>();
        var ids = new ArrayList<Long>();
        for (Object[] e : events) {
            long id = (Long) e[0];
            LocalDate incident = e[2] == null ? today.minusYears(2) : (LocalDate) e[2];
            var random = new Random(id);
            List<StepDraft> pipeline = SyntheticPipelines.of(random, incident, today);
            if (pipeline.isEmpty()) continue;
            Pipeline.Progress progress;
            try {
                progress = Pipeline.replay(pipeline);
            } catch (InvalidInput impossible) {
                continue; // the generator is meant never to make one; such a pipeline would not be accepted either
            }
            ids.add(id);
            cases.add(new MapSqlParameterSource().addValue("e", id).addValue("o", organisationId).addValue("n", (String) e[1])
                    .addValue("stage", progress.stage().name()).addValue("since", progress.since(), Types.DATE));
            for (StepDraft s : pipeline) {
                steps.add(StepRows.of(id, s, user));
            }
            if (random.nextInt(5) == 0) detained.add(id);
        }
        batches.batchUpdate("""
                INSERT INTO justice_case (event_id, organisation_id, record_number, jurisdiction, stage, stage_since)
                VALUES (:e, :o, :n, 'KZ', :stage, :since)""", cases.toArray(MapSqlParameterSource[]::new));
        batches.batchUpdate(StepRows.INSERT,
                steps.toArray(MapSqlParameterSource[]::new));
        if (!detained.isEmpty()) {
            // apprehended the day before the incident's date at 10:00 Almaty time; the lawyer 2 to 61 hours later,
            // the judge 20 to 99 hours later, each drawn from the event's id so that a reload is the same
            jdbc.sql("""
                    WITH episodes AS (
                        INSERT INTO detention_episode (event_id, jurisdiction, recorded_by)
                        SELECT id, 'KZ', :by FROM unnest(CAST(:ids AS bigint[])) id RETURNING id, event_id)
                    INSERT INTO detention_moment (episode_id, kind, at, zone, recorded_by)
                    SELECT ep.id, m.kind, (coalesce(e.initial_date, current_date) - 1 + time '10:00') AT TIME ZONE 'Asia/Almaty'
                               + make_interval(hours => m.hours), 'Asia/Almaty', :by
                    FROM episodes ep JOIN event e ON e.id = ep.event_id
                    CROSS JOIN LATERAL (VALUES ('APPREHENDED', 0), ('LAWYER_CONTACT', 2 + (ep.event_id % 60)::int),
                                               ('JUDICIAL_REVIEW', 20 + (ep.event_id % 80)::int)) m (kind, hours)""")
                    .param("ids", detained.toArray(Long[]::new)).param("by", user).update();
        }
        summaries.refresh(ids);
        return steps.size();
    }

    private Long step(long eventId, LocalDate on, long user, boolean cells) {
        return transaction.execute(status -> {
            if (!cells) jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("""
                    INSERT INTO justice_step (event_id, step_type, occurred_on, target, recorded_by)
                    VALUES (:e, 'REPRISAL', :on, 'complainant', :by)""").param("e", eventId).param("on", on).param("by", user).update();
            summaries.refresh(List.of(eventId));
            status.setRollbackOnly();
            return eventId;
        });
    }

    @Override
    public List<Measurement> measurements() {
        LocalDate today = LocalDate.now();
        var filters = List.of(FunnelFilter.all(today),
                new FunnelFilter(2022, 2024, null, null, null, null, null, today),
                new FunnelFilter(null, null, "Almaty", null, null, null, null, today),
                new FunnelFilter(null, null, null, "police", null, null, null, today),
                new FunnelFilter(null, null, null, null, null, "2014:146", null, today.minusYears(1)));
        // what the cells cost a write: a step (a reprisal, which flags the case) recorded and its summary recomputed, rolled
        // back; the same with the triggers that keep the cells off (session_replication_role also skips foreign keys)
        var cases = jdbc.sql("""
                SELECT event_id, complaint_on FROM justice_attrition WHERE complaint_on IS NOT NULL ORDER BY event_id LIMIT 20 OFFSET 1000""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, LocalDate.class)}).list();
        long user = CurrentUser.require().id();
        return List.of(
                new Measurement("funnel: steps, losses, days, flags, safeguards", filters.stream()
                        .<Supplier<?>>map(f -> () -> funnel.funnel(f)).toList()),
                // the same apart: the four as of today (the cells alone), the article as of a year ago (cells corrected)
                new Measurement("funnel: the 4 filters as of today", filters.subList(0, 4).stream()
                        .<Supplier<?>>map(f -> () -> funnel.funnel(f)).toList()),
                new Measurement("funnel: article 2014:146 as of a year ago", List.<Supplier<?>>of(() -> funnel.funnel(filters.get(4)))),
                new Measurement("funnel: one step written, with the cells", cases.stream()
                        .<Supplier<?>>map(c -> () -> step((Long) c[0], (LocalDate) c[1], user, true)).toList()),
                new Measurement("funnel: one step written, cells' triggers off", cases.stream()
                        .<Supplier<?>>map(c -> () -> step((Long) c[0], (LocalDate) c[1], user, false)).toList()),
                new Measurement("funnel: cases behind a figure, page 1", filters.stream()
                        .<Supplier<?>>map(f -> () -> funnel.cases(f, new AttritionFunnel.Selection(org.aigaq.justice.Milestone.COURT,
                                null, null, null, null, null, null), null, 50)).toList()));
    }
}
