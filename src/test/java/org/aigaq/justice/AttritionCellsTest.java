package org.aigaq.justice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.aigaq.documentation.PersonMerges;
import org.aigaq.justice.bench.StepRows;
import org.aigaq.justice.bench.SyntheticPipelines;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pre-aggregated cells of the funnel (V26) against the scan of the summaries: varied pipelines of two
 * organisations, regions, agencies, sharings, UN decisions and a case given to a reader one by one; the same figures
 * from both for many filters and readers; and cells still equal to the summaries after a step, a withdrawal, a case
 * left with no step, an episode, a documentation change, a person merge, a summary repaired by hand and four writers
 * at once.
 */
class AttritionCellsTest extends ApplicationTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;
    @Autowired AttritionSummaries summaries;
    @Autowired AttritionFunnel funnel;
    @Autowired PersonMerges merges;
    @Autowired JdbcTemplate jdbc;
    @Autowired NamedParameterJdbcTemplate named;
    @Autowired org.springframework.transaction.support.TransactionTemplate transaction;

    private final HttpClient http = HttpClient.newHttpClient();
    private static final String[] REGIONS = {"Almaty", "Astana", "Shymkent"};
    private static final String[] AGENCIES = {"police", "national-security-committee", null};
    private static final String[] SHARINGS = {"ORGANISATION", "ORGANISATION", "COALITION", "PUBLIC"};

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void cellsGiveTheScansFiguresAndStayExact() throws Exception {
        var coordinator = accounts.createAlone(Role.COORDINATOR);
        String mine = tokens.create(coordinator.id(), "test").value();
        long organisation = coordinator.user().organisationId();
        var other = accounts.createElsewhere(Role.COORDINATOR);
        String theirs = tokens.create(other.id(), "test").value();
        var analyst = accounts.createIn(other.user().organisationId(), Role.ANALYST);
        var viewer = accounts.create(Role.VIEWER, false);
        var colleague = accounts.createIn(organisation, Role.COORDINATOR);
        LocalDate today = LocalDate.now();

        var ids = new ArrayList<Long>();
        var victims = new ArrayList<Long>();
        var acts = new ArrayList<Long>();
        for (int i = 0; i < 36; i++) {
            String token = i % 5 == 2 ? theirs : mine;
            long[] made = allegation(token, "Case " + i, REGIONS[i % 3], SHARINGS[i % 4], AGENCIES[(i / 3) % 3]);
            ids.add(made[0]);
            victims.add(made[1]);
            acts.add(made[2]);
        }
        long user = coordinator.id();
        var random = new Random(5);
        var written = new ArrayList<Long>();
        var myWritten = new ArrayList<Long>();
        for (long id : ids) {
            LocalDate incident = LocalDate.of(2018 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28));
            List<StepDraft> pipeline = new ArrayList<>();
            // more than the coalition's shape of mostly refusals, so that every milestone and loss is met
            for (long seed = id * 31; pipeline.size() < 3 + (int) (id % 5) && seed < id * 31 + 40; seed++) {
                pipeline = SyntheticPipelines.of(new Random(seed), incident, today);
            }
            if (pipeline.isEmpty()) continue;
            write(id, user, pipeline, organisation);
            written.add(id);
            if (ids.indexOf(id) % 5 != 2) myWritten.add(id);
        }
        // UN decisions: one whose deadline has passed, one whose deadline is in two years
        unDecision(ids.get(1), user, LocalDate.of(2022, 3, 1), LocalDate.of(2022, 9, 1));
        unDecision(ids.get(2), user, today.minusDays(10), today.plusYears(2));
        summaries.refresh(ids);
        // a case of the other organisation, shared with it alone, given to this coordinator one by one
        long given = ids.get(12);
        assertThat(written).contains(given);
        jdbc.update("INSERT INTO case_access (event_id, user_id, granted_by) VALUES (?, ?, ?)", given, coordinator.id(), other.id());

        assertExact();
        var filters = filters(organisation, today);
        for (var reader : List.of(coordinator, colleague, analyst, viewer)) {
            sameFigures(reader, filters);
        }
        // the case given one by one is counted for its reader, and not for a colleague of hers
        var theirCases = new FunnelFilter(null, null, null, null, null, null, other.user().organisationId(), today);
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(colleague));
        long seenByColleague = funnel.funnel(theirCases).complaints();
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(coordinator));
        assertThat(funnel.funnel(FunnelFilter.all(today)).complaints()).isGreaterThan(20);
        // the data meets every part of the funnel: courts, several reasons, UN deadlines passed or not yet
        var later = funnel.funnel(FunnelFilter.all(today.plusYears(3)));
        assertThat(later.steps().get(Milestone.COURT.ordinal()).cases()).isPositive();
        assertThat(later.losses().stream().map(AttritionFunnel.Loss::reason).distinct().count()).isGreaterThan(2);
        assertThat(later.times().getFirst().cases()).isPositive();
        assertThat(later.flags().stream().filter(f -> f.rule().equals("UnDecisionNotImplemented")).findFirst().orElseThrow().cases())
                .isGreaterThan(funnel.funnel(FunnelFilter.all(today)).flags().stream()
                        .filter(f -> f.rule().equals("UnDecisionNotImplemented")).findFirst().orElseThrow().cases());
        assertThat(funnel.funnel(theirCases).complaints()).isEqualTo(seenByColleague + 1);
        // the rare combinations fall back to the scan
        assertThat(funnel.answeredByCells(new FunnelFilter(null, null, "Almaty", "police", null, null, null, today))).isFalse();
        LocalDate latest = jdbc.queryForObject("SELECT latest FROM justice_attrition_horizon", LocalDate.class);
        assertThat(funnel.asOfCovered(FunnelFilter.all(latest))).isTrue();
        assertThat(funnel.asOfCovered(FunnelFilter.all(latest.minusDays(1)))).isFalse();
        assertThat(funnel.asOfCovered(FunnelFilter.all(today.plusYears(3)))).isTrue();

        // a step recorded through the API
        long fresh = ids.get(0);
        jdbc.update("DELETE FROM justice_step WHERE event_id = ?", fresh);
        jdbc.update("DELETE FROM justice_case WHERE event_id = ?", fresh);
        summaries.refresh(List.of(fresh));
        assertExact();
        call("POST", "/api/v1/events/" + fresh + "/justice/steps", mine, "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"2023-02-01\", \"filedBy\": \"victim\"}", 201);
        call("POST", "/api/v1/events/" + fresh + "/justice/steps", mine, "{\"stepType\": \"CASE_OPENED\", \"occurredOn\": \"2023-02-11\", \"bodyKind\": \"prosecutor\", \"article\": \"362\"}", 201);
        call("POST", "/api/v1/events/" + fresh + "/justice/steps", mine, "{\"stepType\": \"SENT_TO_COURT\", \"occurredOn\": \"2023-05-11\", \"article\": \"362\"}", 201);
        assertExact();
        sameFigures(coordinator, filters);

        // the last step withdrawn, then all of them: the case leaves the summaries
        var steps = json.readTree(call("GET", "/api/v1/events/" + fresh + "/justice", mine, null, 200)).get("steps");
        for (int i = steps.size() - 1; i >= 0; i--) {
            call("POST", "/api/v1/events/" + fresh + "/justice/steps/" + steps.get(i).get("id").asLong() + "/withdrawal", mine,
                    "{\"reason\": \"Entered on the wrong case\"}", 200);
            assertExact();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM justice_attrition WHERE event_id = ?", Long.class, fresh)).isZero();
        sameFigures(coordinator, filters);

        // an episode with a late lawyer
        long detained = myWritten.get(4);
        var episode = json.readTree(call("POST", "/api/v1/events/" + detained + "/detention-episodes", mine,
                "{\"actId\": " + acts.get(ids.indexOf(detained)) + "}", 201));
        long episodeId = episode.get("episode").get("id").asLong();
        call("POST", "/api/v1/detention-episodes/" + episodeId + "/moments", mine, "{\"kind\": \"APPREHENDED\", \"localTime\": \"2021-02-27T09:30\"}", 201);
        call("POST", "/api/v1/detention-episodes/" + episodeId + "/moments", mine,
                "{\"kind\": \"LAWYER_CONTACT\", \"localTime\": \"2021-03-01T15:30\", \"lawyerKind\": \"chosen\", \"lawyerPresent\": true}", 201);
        assertExact();

        // documentation: the perpetrators of a case recorded as police officers (its agency tags change)
        involvement(mine, acts.get(ids.indexOf(myWritten.get(6))), "police");
        assertExact();
        sameFigures(coordinator, filters);

        // two victims merged into one person
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(coordinator));
        merges.merge(victims.get(8), victims.get(9));
        SecurityContextHolder.clearContext();
        assertExact();

        // summaries repaired by hand (a lost one, a wrong one) and recomputed at start
        jdbc.update("DELETE FROM justice_attrition WHERE event_id = ?", myWritten.get(10));
        jdbc.update("UPDATE justice_attrition SET version = version + 1, complaint_on = NULL, flags = 3 WHERE event_id = ?", myWritten.get(11));
        assertExact();
        assertThat(summaries.catchUp()).isGreaterThanOrEqualTo(2);
        assertExact();
        for (var reader : List.of(coordinator, colleague, analyst, viewer)) {
            sameFigures(reader, filters);
        }

        // writers at once, of both organisations, on cases that share cells: none lost, none deadlocked
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var done = new ArrayList<java.util.concurrent.Future<?>>();
            for (int w = 0; w < 4; w++) {
                final int writer = w;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 8; round++) {
                        long id = written.get((writer * 8 + round) % written.size());
                        long also = written.get((writer + round) % written.size());
                        transaction.executeWithoutResult(status -> {
                            jdbc.update("""
                                    INSERT INTO justice_step (event_id, step_type, occurred_on, target, recorded_by)
                                    VALUES (?, 'REPRISAL', ?, 'complainant', ?)""", id, LocalDate.of(2024, 1, 1 + writer), user);
                            summaries.refresh(List.of(id, also));
                        });
                    }
                    return null;
                }));
            }
            for (var f : done) f.get(2, java.util.concurrent.TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertExact();
        sameFigures(coordinator, filters);
    }

    private List<FunnelFilter> filters(long organisation, LocalDate today) {
        var filters = new ArrayList<FunnelFilter>();
        filters.add(FunnelFilter.all(today));
        filters.add(FunnelFilter.all(today.plusYears(3)));
        filters.add(new FunnelFilter(2019, 2021, null, null, null, null, null, today));
        filters.add(new FunnelFilter(2022, null, null, null, null, null, null, today));
        filters.add(new FunnelFilter(null, 2020, null, null, null, null, null, today));
        for (String region : REGIONS) filters.add(new FunnelFilter(null, null, region, null, null, null, null, today));
        filters.add(new FunnelFilter(null, null, null, "police", null, null, null, today));
        filters.add(new FunnelFilter(2020, 2023, null, "national-security-committee", null, null, null, today.plusYears(3)));
        filters.add(new FunnelFilter(null, null, null, null, null, "2014:146", null, today));
        filters.add(new FunnelFilter(null, null, null, null, null, "2014:362", organisation, today));
        filters.add(new FunnelFilter(null, null, null, null, null, null, organisation, today));
        filters.add(new FunnelFilter(2021, 2024, "Almaty", null, null, null, organisation, today));
        filters.add(new FunnelFilter(null, null, "Nowhere", null, null, null, null, today));
        // earlier days: the cells with the cases changed since counted as they stood
        LocalDate latest = jdbc.queryForObject("SELECT latest FROM justice_attrition_horizon", LocalDate.class);
        for (LocalDate day : List.of(latest.minusDays(1), today.minusYears(1), LocalDate.of(2021, 6, 30), LocalDate.of(2019, 3, 1))) {
            filters.add(FunnelFilter.all(day));
            filters.add(new FunnelFilter(2019, 2022, null, null, null, null, null, day));
            filters.add(new FunnelFilter(null, null, "Astana", null, null, null, null, day));
            filters.add(new FunnelFilter(null, null, null, null, null, "2014:146", organisation, day));
        }
        return filters;
    }

    /** The funnel and the breakdowns from the cells are those of the scan, for this reader and every filter. */
    private void sameFigures(TestAccounts.Account reader, List<FunnelFilter> filters) {
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(reader));
        try {
            for (FunnelFilter filter : filters) {
                assertThat(funnel.answeredByCells(filter)).as(filter.toString()).isTrue();
                assertThat(funnel.funnel(filter)).as(reader.username() + " " + filter).isEqualTo(funnel.scanned(filter));
                if (filter.region() == null && filter.agency() == null && filter.article() == null) {
                    for (var by : AttritionFunnel.GroupBy.values()) {
                        assertThat(funnel.breakdown(filter, by)).as(by + " " + filter).isEqualTo(funnel.scannedBreakdown(filter, by));
                    }
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The cells and the days hold exactly the counts of the summaries and their tags, recomputed here. */
    private void assertExact() {
        String rows = """
                SELECT g.tag, a.organisation_id, a.sharing, extract(year FROM a.complaint_on)::int AS year, a.complaint_on, a.inquiry_on,
                       a.case_opened_on, a.court_on, a.convicted_on, a.compensated_on, a.ended_by, a.ended_on, a.flags, a.un_due, a.violations
                FROM justice_attrition a
                CROSS JOIN LATERAL (SELECT '' AS tag UNION ALL SELECT t.tag FROM justice_attrition_tag t WHERE t.event_id = a.event_id) g
                WHERE a.complaint_on IS NOT NULL""";
        var expected = jdbc.queryForList("""
                SELECT tag, organisation_id, sharing, year,
                       CASE WHEN convicted_on IS NOT NULL THEN 4 WHEN court_on IS NOT NULL THEN 3 WHEN case_opened_on IS NOT NULL THEN 2
                            WHEN inquiry_on IS NOT NULL THEN 1 ELSE 0 END AS furthest,
                       coalesce(CASE WHEN ended_on IS NOT NULL THEN ended_by END, 'PENDING') AS reason, compensated_on IS NOT NULL AS compensated,
                       flags, coalesce(un_due, 'infinity') AS un_due, violations, count(*) AS cases
                FROM (%s) r GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10""".formatted(rows));
        var cells = jdbc.queryForList("""
                SELECT tag, organisation_id, sharing, year::int AS year, furthest::int AS furthest, reason, compensated, flags, un_due,
                       violations, cases FROM justice_attrition_cell WHERE cases <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10""");
        assertThat(normalised(cells)).isEqualTo(normalised(expected));
        var expectedDays = jdbc.queryForList("""
                SELECT tag, organisation_id, sharing, year, p.pair, p.days, count(*) AS cases
                FROM (%s) r CROSS JOIN LATERAL (VALUES (0, inquiry_on - complaint_on), (1, case_opened_on - inquiry_on),
                    (2, court_on - case_opened_on), (3, convicted_on - court_on)) p (pair, days)
                WHERE r.inquiry_on IS NOT NULL AND p.days IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6""".formatted(rows));
        var days = jdbc.queryForList("""
                SELECT tag, organisation_id, sharing, year::int AS year, pair::int AS pair, days, cases FROM justice_attrition_days
                WHERE cases <> 0 ORDER BY 1, 2, 3, 4, 5, 6""");
        assertThat(normalised(days)).isEqualTo(normalised(expectedDays));
        assertThat(expectedDays).isNotEmpty();
        LocalDate latest = jdbc.queryForObject("SELECT latest FROM justice_attrition_horizon", LocalDate.class);
        LocalDate max = jdbc.queryForObject("""
                SELECT max(greatest(complaint_on, inquiry_on, case_opened_on, court_on, convicted_on, compensated_on, ended_on))
                FROM justice_attrition""", LocalDate.class);
        assertThat(latest).isAfterOrEqualTo(max);
    }

    private static List<String> normalised(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.values().stream().map(String::valueOf).toList().toString()).toList();
    }

    private void write(long id, long user, List<StepDraft> pipeline, long organisation) {
        var progress = Pipeline.replay(pipeline);
        jdbc.update("""
                INSERT INTO justice_case (event_id, organisation_id, record_number, jurisdiction, stage, stage_since)
                SELECT id, organisation_id, record_number, 'KZ', ?, ? FROM event WHERE id = ?""",
                progress.stage().name(), progress.since(), id);
        for (StepDraft s : pipeline) {
            named.update(StepRows.INSERT, StepRows.of(id, s, user));
        }
    }

    private void unDecision(long id, long user, LocalDate decided, LocalDate deadline) {
        jdbc.update("""
                INSERT INTO justice_step (event_id, step_type, occurred_on, committee, communication_number, decision_date,
                    violations_found, deadline, recorded_by)
                VALUES (?, 'UN_COMMUNICATION', ?, 'CAT', ?, ?, 'Articles 1, 2 and 12', ?, ?)""",
                id, decided, "CAT/" + id, decided, deadline, user);
    }

    /** An allegation with a victim's act of torture, in a region, shared so, its perpetrators of an agency or none. */
    private long[] allegation(String token, String title, String region, String sharing, String agency) throws Exception {
        long id = json.readTree(call("POST", "/api/v1/events", token, """
                {"title": "%s", "sharing": "%s", "region": "%s", "initial": {"date": "2020-05-30", "precision": "EXACT"}}"""
                .formatted(title, sharing, region), 201)).get("id").asLong();
        long victim = json.readTree(call("POST", "/api/v1/people", token, "{\"identity\": {\"name\": \"Асхат Нұрланұлы\"}}", 201)).get("id").asLong();
        long act = json.readTree(call("POST", "/api/v1/events/" + id + "/acts", token, """
                {"victimId": %d, "actType": "torture", "initial": {"date": "2020-05-30", "precision": "EXACT"}}""".formatted(victim), 201))
                .get("id").asLong();
        if (agency != null) involvement(token, act, agency);
        return new long[] {id, victim, act};
    }

    private void involvement(String token, long act, String agency) throws Exception {
        String path = "/api/v1/acts/" + act + "/involvements";
        var response = send("POST", path, token, "{\"degree\": \"carried-out\", \"agency\": \"" + agency + "\"}");
        if (response.statusCode() != 201) call("POST", path, token, "{\"agency\": \"" + agency + "\"}", 201);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "en")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token);
        if (body != null) builder.header("Content-Type", "application/json");
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String call(String method, String path, String token, String body, int status) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "en")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token);
        if (body != null) builder.header("Content-Type", "application/json");
        var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + " " + body + " → " + response.body()).isEqualTo(status);
        return response.body();
    }
}
