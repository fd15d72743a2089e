package org.aigaq.trials;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.TypedText;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Monitored trials: recorded with their defendants, hearings, checklists and court allegations; read (audited) and listed. */
@Service
public class Trials {

    static final String TABLE = "trial";

    /** One line of the list: the trial and its allegation counts. */
    public record Line(long id, String court, String caseNumber, String judge, String charges, int defendants,
                       int hearings, AllegationCounts figures, Sharing sharing) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TrialAccess access;
    private final People people;
    private final Events events;
    private final org.aigaq.documentation.PersonSearch personSearch;

    Trials(JdbcClient jdbc, AuditTrail audit, TrialAccess access, People people, Events events,
           org.aigaq.documentation.PersonSearch personSearch) {
        this.personSearch = personSearch;
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.people = people;
        this.events = events;
    }

    @Transactional
    public Trial record(TrialDraft draft) {
        TrialAccess.requireRecorder();
        var values = check(draft, null);
        var user = CurrentUser.require();
        long id = jdbc.sql("""
                INSERT INTO trial (organisation_id, sharing, court, case_number, judge, charges, language, linked_event_id, created_by)
                VALUES (:organisation, :sharing, :court, :caseNumber, :judge, :charges, :language, :linkedEventId, :user)
                RETURNING id
                """).params(values).param("organisation", user.organisationId()).param("user", user.id())
                .query(Long.class).single();
        for (Long person : draft.defendants()) {
            jdbc.sql("INSERT INTO trial_defendant (trial_id, person_id) VALUES (:trial, :person)")
                    .param("trial", id).param("person", person).update();
        }
        audit.record("trial.recorded", TABLE, id, Map.of("court", values.get("court"), "caseNumber", values.get("caseNumber"),
                "defendants", String.valueOf(draft.defendants())));
        return get(id);
    }

    @Transactional
    public Trial addHearing(long trialId, HearingDraft draft) {
        access.requireWrite(trialId);
        var notes = checkHearing(trialId, null, draft);
        long id = jdbc.sql("""
                INSERT INTO trial_hearing (trial_id, hearing_date, observers, public_admitted, press_admitted, recording_banned,
                    seats_filled, interpreter, note, created_by)
                VALUES (:trial, :date, :observers, :publicAdmitted, :pressAdmitted, :recordingBanned, :seatsFilled,
                    :interpreter, :note, :user)
                RETURNING id
                """).params(hearingValues(draft, notes)).param("trial", trialId)
                .param("user", CurrentUser.require().id()).query(Long.class).single();
        writeChecks(id, draft, notes);
        audit.record("trial.hearing-recorded", TABLE, trialId, Map.of("hearing", String.valueOf(id), "date", String.valueOf(draft.date())));
        return get(trialId);
    }

    /**
     * Corrects a hearing and its checklist (the answers given replace the earlier ones); audited with the values before
     * and after (free texts only as changed or not: the audit trail is read by administrators).
     */
    @Transactional
    public Trial changeHearing(long trialId, long hearingId, HearingDraft draft) {
        access.requireWrite(trialId);
        var before = hearings(trialId).stream().filter(h -> h.id() == hearingId).findFirst()
                .orElseThrow(() -> new NoSuchRecord("trial_hearing", hearingId));
        var notes = checkHearing(trialId, hearingId, draft);
        jdbc.sql("""
                UPDATE trial_hearing SET hearing_date = :date, observers = :observers, public_admitted = :publicAdmitted,
                    press_admitted = :pressAdmitted, recording_banned = :recordingBanned, seats_filled = :seatsFilled,
                    interpreter = :interpreter, note = :note, updated_at = now()
                WHERE id = :hearing""").params(hearingValues(draft, notes)).param("hearing", hearingId).update();
        jdbc.sql("DELETE FROM trial_hearing_check WHERE hearing_id = :hearing").param("hearing", hearingId).update();
        writeChecks(hearingId, draft, notes);
        touch(trialId);
        var after = hearings(trialId).stream().filter(h -> h.id() == hearingId).findFirst().orElseThrow();
        audit.record("trial.hearing-changed", TABLE, trialId, Map.of("hearing", String.valueOf(hearingId),
                "before", described(before), "after", described(after), "textsChanged", textsChanged(
                        List.of(String.valueOf(before.observers()), String.valueOf(before.note()), checkNotes(before)),
                        List.of(String.valueOf(after.observers()), String.valueOf(after.note()), checkNotes(after)))));
        return get(trialId);
    }

    /** Every rule of a hearing, each naming its field; the checklist notes as stored, in the order of the checks. */
    private List<String> checkHearing(long trialId, Long hearingId, HearingDraft draft) {
        var rules = new BrokenRules();
        rules.rule(() -> {
            if (draft.date() == null) throw new InvalidInput("date", "detention.date.required");
            if (draft.date().isAfter(LocalDate.now())) throw new InvalidInput("date", "documentation.date.future");
            boolean taken = jdbc.sql("""
                    SELECT EXISTS (SELECT 1 FROM trial_hearing WHERE trial_id = :trial AND hearing_date = :date
                        AND id IS DISTINCT FROM :hearing)""")
                    .param("trial", trialId).param("date", draft.date()).param("hearing", hearingId).query(Boolean.class).single();
            if (taken) throw new InvalidInput("date", "trials.hearing.duplicate");
        });
        rules.rule(() -> TypedText.optional(draft.observers(), 1000, "observers"));
        rules.rule(() -> TypedText.optional(draft.note(), 5000, "note"));
        var seen = new java.util.HashSet<FairTrialItem>();
        var notes = new ArrayList<String>();
        for (int i = 0; i < draft.checks().size(); i++) {
            var check = draft.checks().get(i);
            String at = "checks/" + i;
            notes.add(rules.value(() -> {
                if (check.item() == null) throw new InvalidInput(at + "/item", "validation.required");
                if (check.answer() == null) throw new InvalidInput(at + "/answer", "validation.required");
                if (!seen.add(check.item())) throw new InvalidInput(at + "/item", "trials.check.twice");
                return TypedText.optional(check.note(), 2000, at + "/note");
            }));
        }
        rules.throwIfAny();
        return notes;
    }

    private static Map<String, Object> hearingValues(HearingDraft draft, List<String> notes) {
        var values = new HashMap<String, Object>();
        values.put("date", draft.date());
        values.put("observers", TypedText.optional(draft.observers(), 1000, "observers"));
        values.put("publicAdmitted", draft.publicAdmitted());
        values.put("pressAdmitted", draft.pressAdmitted());
        values.put("recordingBanned", draft.recordingBanned());
        values.put("seatsFilled", draft.seatsFilled());
        values.put("interpreter", draft.interpreter().name());
        values.put("note", TypedText.optional(draft.note(), 5000, "note"));
        return values;
    }

    private void writeChecks(long hearingId, HearingDraft draft, List<String> notes) {
        for (int i = 0; i < draft.checks().size(); i++) {
            var check = draft.checks().get(i);
            jdbc.sql("INSERT INTO trial_hearing_check (hearing_id, item, answer, note) VALUES (:hearing, :item, :answer, :note)")
                    .param("hearing", hearingId).param("item", check.item().name()).param("answer", check.answer().name())
                    .param("note", notes.get(i)).update();
        }
    }

    private static Map<String, String> described(Hearing h) {
        var d = new java.util.TreeMap<String, String>();
        d.put("date", String.valueOf(h.date()));
        d.put("publicAdmitted", String.valueOf(h.publicAdmitted()));
        d.put("pressAdmitted", String.valueOf(h.pressAdmitted()));
        d.put("recordingBanned", String.valueOf(h.recordingBanned()));
        d.put("seatsFilled", String.valueOf(h.seatsFilled()));
        d.put("interpreter", h.interpreter().name());
        d.put("checks", String.join(" ", h.checks().stream().map(c -> c.item() + "=" + c.answer()).toList()));
        return d;
    }

    private static String checkNotes(Hearing h) {
        return String.join("|", h.checks().stream().map(c -> c.item() + ":" + c.note()).toList());
    }

    private static boolean textsChanged(List<String> before, List<String> after) {
        return !before.equals(after);
    }

    @Transactional
    public Trial addAllegation(long trialId, AllegationDraft draft) {
        access.requireWrite(trialId);
        var values = checkAllegation(trialId, draft);
        long id = jdbc.sql("""
                INSERT INTO trial_allegation (trial_id, hearing_id, raised_by, defendant_id, form, against, recorded, examined,
                    investigation_ordered, evidence, note, created_by)
                VALUES (:trial, :hearing, :raisedBy, :defendant, :form, :against, :recorded, :examined, :investigation,
                    :evidence, :note, :user)
                RETURNING id
                """).params(values).param("trial", trialId).param("user", CurrentUser.require().id()).query(Long.class).single();
        audit.record("trial.allegation-recorded", TABLE, trialId, Map.of("allegation", String.valueOf(id),
                "raisedBy", draft.raisedBy().name(), "recorded", String.valueOf(draft.recorded())));
        return get(trialId);
    }

    /** Corrects an allegation raised in court; audited with the values before and after (free texts as changed or not). */
    @Transactional
    public Trial changeAllegation(long trialId, long allegationId, AllegationDraft draft) {
        access.requireWrite(trialId);
        var before = allegations(trialId).stream().filter(a -> a.id() == allegationId).findFirst()
                .orElseThrow(() -> new NoSuchRecord("trial_allegation", allegationId));
        var values = checkAllegation(trialId, draft);
        jdbc.sql("""
                UPDATE trial_allegation SET hearing_id = :hearing, raised_by = :raisedBy, defendant_id = :defendant, form = :form,
                    against = :against, recorded = :recorded, examined = :examined, investigation_ordered = :investigation,
                    evidence = :evidence, note = :note, updated_at = now()
                WHERE id = :allegation""").params(values).param("allegation", allegationId).update();
        touch(trialId);
        var after = allegations(trialId).stream().filter(a -> a.id() == allegationId).findFirst().orElseThrow();
        audit.record("trial.allegation-changed", TABLE, trialId, Map.of("allegation", String.valueOf(allegationId),
                "before", described(before), "after", described(after), "textsChanged", textsChanged(
                        List.of(String.valueOf(before.against()), String.valueOf(before.note())),
                        List.of(String.valueOf(after.against()), String.valueOf(after.note())))));
        return get(trialId);
    }

    private static Map<String, String> described(CourtAllegation a) {
        var d = new java.util.TreeMap<String, String>();
        d.put("hearingId", String.valueOf(a.hearingId()));
        d.put("raisedBy", a.raisedBy().name());
        d.put("defendantId", String.valueOf(a.defendantId()));
        d.put("form", a.form().name());
        d.put("recorded", String.valueOf(a.recorded()));
        d.put("examined", String.valueOf(a.examined()));
        d.put("investigationOrdered", String.valueOf(a.investigationOrdered()));
        d.put("evidence", a.evidence().name());
        return d;
    }

    private Map<String, Object> checkAllegation(long trialId, AllegationDraft draft) {
        var rules = new BrokenRules();
        rules.rule(() -> {
            if (draft.hearingId() == null) return;
            boolean ours = jdbc.sql("SELECT EXISTS (SELECT 1 FROM trial_hearing WHERE id = :id AND trial_id = :trial)")
                    .param("id", draft.hearingId()).param("trial", trialId).query(Boolean.class).single();
            if (!ours) throw new InvalidInput("hearingId", "trials.hearing.unknown");
        });
        rules.rule(() -> {
            if (draft.raisedBy() == null) throw new InvalidInput("raisedBy", "validation.required");
            if (draft.raisedBy() == CourtAllegation.RaisedBy.WITNESS && draft.defendantId() != null) {
                throw new InvalidInput("defendantId", "trials.allegation.witness-not-defendant");
            }
            if (draft.raisedBy() == CourtAllegation.RaisedBy.DEFENDANT) {
                if (draft.defendantId() == null) throw new InvalidInput("defendantId", "validation.required");
                boolean ours = jdbc.sql("SELECT EXISTS (SELECT 1 FROM trial_defendant WHERE id = :id AND trial_id = :trial)")
                        .param("id", draft.defendantId()).param("trial", trialId).query(Boolean.class).single();
                if (!ours) throw new InvalidInput("defendantId", "trials.defendant.unknown");
            }
        });
        rules.rule(() -> {
            if (draft.form() == null) throw new InvalidInput("form", "validation.required");
        });
        rules.rule(() -> {
            // A court cannot send for investigation or examine what it did not take note of.
            if ((draft.examined() || draft.investigationOrdered()) && !draft.recorded()) {
                throw new InvalidInput("recorded", "trials.allegation.not-recorded");
            }
        });
        String against = rules.value(() -> TypedText.optional(draft.against(), 1000, "against"));
        String note = rules.value(() -> TypedText.optional(draft.note(), 5000, "note"));
        rules.throwIfAny();
        var values = new HashMap<String, Object>();
        values.put("hearing", draft.hearingId());
        values.put("raisedBy", draft.raisedBy().name());
        values.put("defendant", draft.defendantId());
        values.put("form", draft.form().name());
        values.put("against", against);
        values.put("recorded", draft.recorded());
        values.put("examined", draft.examined());
        values.put("investigation", draft.investigationOrdered());
        values.put("evidence", draft.evidence().name());
        values.put("note", note);
        return values;
    }

    private void touch(long trialId) {
        jdbc.sql("UPDATE trial SET updated_at = now() WHERE id = :id").param("id", trialId).update();
    }

    @Transactional
    public Trial setVerdict(long trialId, long defendantId, VerdictDraft draft) {
        access.requireWrite(trialId);
        boolean ours = jdbc.sql("SELECT EXISTS (SELECT 1 FROM trial_defendant WHERE id = :id AND trial_id = :trial)")
                .param("id", defendantId).param("trial", trialId).query(Boolean.class).single();
        if (!ours) throw new NoSuchRecord("trial_defendant", defendantId);
        var rules = new BrokenRules();
        rules.rule(() -> {
            if (draft.verdict() == null) throw new InvalidInput("verdict", "validation.required");
        });
        String sentence = rules.value(() -> {
            String s = TypedText.optional(draft.sentence(), 1000, "sentence");
            if (s != null && draft.verdict() != Trial.Verdict.CONVICTED) throw new InvalidInput("sentence", "trials.sentence.not-convicted");
            return s;
        });
        String appeal = rules.value(() -> TypedText.optional(draft.appeal(), 2000, "appeal"));
        rules.throwIfAny();
        jdbc.sql("UPDATE trial_defendant SET verdict = :verdict, sentence = :sentence, appeal = :appeal WHERE id = :id")
                .param("verdict", draft.verdict().name()).param("sentence", sentence).param("appeal", appeal)
                .param("id", defendantId).update();
        jdbc.sql("UPDATE trial SET updated_at = now() WHERE id = :id").param("id", trialId).update();
        audit.record("trial.verdict-recorded", TABLE, trialId, Map.of("defendant", String.valueOf(defendantId),
                "verdict", draft.verdict().name()));
        return get(trialId);
    }

    /** The trial as the current user may see it; 404 (audited) when the user may not. */
    @Transactional
    public Trial get(long id) {
        var rights = access.requireRead(id);
        var hearings = hearings(id);
        var allegations = allegations(id);
        boolean open = !rights.anonymised();
        var defendants = jdbc.sql("SELECT * FROM trial_defendant WHERE trial_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> {
                    long person = rs.getLong("person_id");
                    var shown = open ? people.shownIn(person, rights.identities()) : null;
                    return new Trial.Defendant(rs.getLong("id"), open ? person : null, shown == null ? "—" : shown.pseudonym(),
                            shown == null || !rights.identities() ? null : shown.shownName(),
                            Trial.Verdict.valueOf(rs.getString("verdict")), rs.getString("sentence"), rs.getString("appeal"));
                }).list();
        var trial = jdbc.sql("SELECT * FROM trial WHERE id = :id").param("id", id)
                .query((rs, n) -> new Trial(rs.getLong("id"), rs.getLong("organisation_id"), Sharing.valueOf(rs.getString("sharing")),
                        rs.getString("court"), rs.getString("case_number"), rs.getString("judge"), rs.getString("charges"),
                        rs.getString("language"), open ? rs.getObject("linked_event_id", Long.class) : null, defendants,
                        hearings, allegations, counts(allegations), rights.write())).single();
        audit.recordRead(TABLE, id);
        return trial;
    }

    /** Where a trial stands by its defendants' verdicts: a verdict still pending, all decided, or appealed. */
    public enum Status { ONGOING, DECIDED, APPEALED }

    /**
     * Which trials to list; each part optional: the court (part of its name), the status, a year with a hearing, an
     * article named in the charges, a defendant's name (found by the person search, case workers only).
     */
    public record Filter(String court, Status status, Integer year, String article, String defendant) {
        public static final Filter NONE = new Filter(null, null, null, null, null);
    }

    /** The trials the user may read, newest first, each with its allegation counts. */
    public List<Line> list() {
        return list(Filter.NONE);
    }

    /** The trials the user may read that match the filter, newest first, each with its allegation counts. */
    public List<Line> list(Filter filter) {
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(TrialAccess.visible("t"));
        if (filter.court() != null && !filter.court().isBlank()) {
            where.append(" AND t.court ILIKE :court");
            params.put("court", "%" + filter.court().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.status() != null) {
            where.append(switch (filter.status()) {
                case ONGOING -> " AND EXISTS (SELECT 1 FROM trial_defendant d WHERE d.trial_id = t.id AND d.verdict = 'PENDING')";
                case DECIDED -> " AND NOT EXISTS (SELECT 1 FROM trial_defendant d WHERE d.trial_id = t.id AND d.verdict = 'PENDING')";
                case APPEALED -> " AND EXISTS (SELECT 1 FROM trial_defendant d WHERE d.trial_id = t.id AND d.appeal IS NOT NULL)";
            });
        }
        if (filter.year() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM trial_hearing h WHERE h.trial_id = t.id AND h.hearing_date >= :from AND h.hearing_date < :to)");
            params.put("from", LocalDate.of(filter.year(), 1, 1));
            params.put("to", LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.article() != null && !filter.article().isBlank()) {
            // the article as a whole word of the charges: "146" finds "art. 146(2)", not "1460"
            where.append(" AND t.charges ~* :article");
            params.put("article", "(^|[^0-9])" + filter.article().strip().replaceAll("([^0-9A-Za-z])", "\\\\$1") + "($|[^0-9])");
        }
        if (filter.defendant() != null && !filter.defendant().isBlank()) {
            var found = personSearch.find(filter.defendant(), org.aigaq.documentation.PersonSearch.MOST_RESULTS).stream()
                    .map(f -> f.person().id()).toList();
            if (found.isEmpty()) return List.of();
            where.append(" AND EXISTS (SELECT 1 FROM trial_defendant d WHERE d.trial_id = t.id AND d.person_id IN (:people))");
            params.put("people", found);
        }
        return TrialAccess.bind(jdbc.sql("""
                SELECT t.id, t.court, t.case_number, t.judge, t.charges, t.sharing,
                    (SELECT count(*) FROM trial_defendant d WHERE d.trial_id = t.id) AS defendants,
                    (SELECT count(*) FROM trial_hearing h WHERE h.trial_id = t.id) AS hearings,
                    count(a.id) AS raised, count(a.id) FILTER (WHERE a.recorded) AS recorded,
                    count(a.id) FILTER (WHERE a.examined) AS examined,
                    count(a.id) FILTER (WHERE a.investigation_ordered) AS investigated,
                    count(a.id) FILTER (WHERE a.evidence = 'ADMITTED') AS admitted
                FROM trial t LEFT JOIN trial_allegation a ON a.trial_id = t.id
                WHERE %s
                GROUP BY t.id ORDER BY t.id DESC LIMIT 500
                """.formatted(where)).params(params)).query((rs, n) -> new Line(rs.getLong("id"), rs.getString("court"),
                        rs.getString("case_number"), rs.getString("judge"), rs.getString("charges"), rs.getInt("defendants"),
                        rs.getInt("hearings"), counts(rs), Sharing.valueOf(rs.getString("sharing")))).list();
    }

    /** The allegations raised in court across every trial the user may read. */
    public AllegationCounts figures() {
        return TrialAccess.bind(jdbc.sql("""
                SELECT count(a.id) AS raised, count(a.id) FILTER (WHERE a.recorded) AS recorded,
                    count(a.id) FILTER (WHERE a.examined) AS examined,
                    count(a.id) FILTER (WHERE a.investigation_ordered) AS investigated,
                    count(a.id) FILTER (WHERE a.evidence = 'ADMITTED') AS admitted
                FROM trial t JOIN trial_allegation a ON a.trial_id = t.id
                WHERE %s
                """.formatted(TrialAccess.visible("t")))).query((rs, n) -> counts(rs)).single();
    }

    /** How often observers found one checklist item respected, not respected or could not observe it, over hearings. */
    public record ChecklistTally(FairTrialItem item, long respected, long notRespected, long notObserved) {
        public long answered() {
            return respected + notRespected + notObserved;
        }
    }

    /** The fair-trial checklist tallied over the hearings of every trial the user may read, item by item in order. */
    public List<ChecklistTally> checklist() {
        var counts = new java.util.EnumMap<FairTrialItem, long[]>(FairTrialItem.class);
        for (var item : FairTrialItem.values()) counts.put(item, new long[Hearing.Answer.values().length]);
        TrialAccess.bind(jdbc.sql("""
                SELECT c.item, c.answer, count(*) AS n FROM trial_hearing_check c JOIN trial_hearing h ON h.id = c.hearing_id
                JOIN trial t ON t.id = h.trial_id WHERE %s GROUP BY c.item, c.answer
                """.formatted(TrialAccess.visible("t")))).query(rs -> {
            counts.get(FairTrialItem.valueOf(rs.getString("item")))[Hearing.Answer.valueOf(rs.getString("answer")).ordinal()] = rs.getLong("n");
        });
        var tallies = new ArrayList<ChecklistTally>();
        counts.forEach((item, c) -> tallies.add(new ChecklistTally(item, c[Hearing.Answer.RESPECTED.ordinal()],
                c[Hearing.Answer.NOT_RESPECTED.ordinal()], c[Hearing.Answer.NOT_OBSERVED.ordinal()])));
        return tallies;
    }

    /** What is wrong with a trial draft, by the rules of {@link #record}; empty when it would be accepted. */
    public List<InvalidInput.Violation> problems(TrialDraft draft) {
        return BrokenRules.of(() -> check(draft, null));
    }

    private Map<String, Object> check(TrialDraft draft, Long id) {
        var rules = new BrokenRules();
        var values = new HashMap<String, Object>();
        values.put("sharing", draft.sharing().name());
        rules.rule(() -> TrialAccess.requireSharingRight(draft.sharing()));
        values.put("court", rules.value(() -> TypedText.required(draft.court(), 300, "court")));
        values.put("caseNumber", rules.value(() -> TypedText.required(draft.caseNumber(), 100, "caseNumber")));
        values.put("judge", rules.value(() -> TypedText.optional(draft.judge(), 300, "judge")));
        values.put("charges", rules.value(() -> TypedText.optional(draft.charges(), 2000, "charges")));
        values.put("language", rules.value(() -> TypedText.optional(draft.language(), 100, "language")));
        values.put("linkedEventId", draft.linkedEventId());
        rules.rule(() -> {
            if (draft.linkedEventId() != null && events.readable(List.of(draft.linkedEventId())).isEmpty()) {
                throw new InvalidInput("linkedEventId", "detention.death.event-unknown");
            }
        });
        rules.rule(() -> {
            if (draft.defendants().isEmpty()) throw new InvalidInput("defendants", "trials.defendant.required");
        });
        for (int i = 0; i < draft.defendants().size(); i++) {
            Long person = draft.defendants().get(i);
            String at = "defendants/" + i;
            rules.rule(() -> {
                if (person == null) throw new InvalidInput(at, "validation.required");
                people.requireOwn(person, at);
                if (draft.defendants().indexOf(person) != draft.defendants().lastIndexOf(person)) {
                    throw new InvalidInput(at, "trials.defendant.twice");
                }
            });
        }
        rules.rule(() -> {
            if (values.get("court") == null || values.get("caseNumber") == null) return;
            boolean taken = jdbc.sql("""
                    SELECT EXISTS (SELECT 1 FROM trial WHERE organisation_id = :organisation AND court = :court
                        AND case_number = :caseNumber AND id IS DISTINCT FROM :id)
                    """).param("organisation", CurrentUser.require().organisationId()).param("court", values.get("court"))
                    .param("caseNumber", values.get("caseNumber")).param("id", id).query(Boolean.class).single();
            if (taken) throw new InvalidInput("caseNumber", "trials.case-number.duplicate");
        });
        rules.throwIfAny();
        return values;
    }

    private List<CourtAllegation> allegations(long trialId) {
        return jdbc.sql("SELECT * FROM trial_allegation WHERE trial_id = :id ORDER BY id").param("id", trialId)
                .query((rs, n) -> new CourtAllegation(rs.getLong("id"), rs.getObject("hearing_id", Long.class),
                        CourtAllegation.RaisedBy.valueOf(rs.getString("raised_by")), rs.getObject("defendant_id", Long.class),
                        CourtAllegation.Form.valueOf(rs.getString("form")), rs.getString("against"), rs.getBoolean("recorded"),
                        rs.getBoolean("examined"), rs.getBoolean("investigation_ordered"),
                        CourtAllegation.Evidence.valueOf(rs.getString("evidence")), rs.getString("note"))).list();
    }

    private List<Hearing> hearings(long trialId) {
        var checks = new LinkedHashMap<Long, List<Hearing.Check>>();
        jdbc.sql("""
                SELECT c.* FROM trial_hearing_check c JOIN trial_hearing h ON h.id = c.hearing_id WHERE h.trial_id = :trial
                """).param("trial", trialId).query(rs -> {
            checks.computeIfAbsent(rs.getLong("hearing_id"), k -> new ArrayList<>()).add(new Hearing.Check(
                    FairTrialItem.valueOf(rs.getString("item")), Hearing.Answer.valueOf(rs.getString("answer")), rs.getString("note")));
        });
        checks.values().forEach(list -> list.sort(java.util.Comparator.comparing(Hearing.Check::item)));
        return jdbc.sql("SELECT * FROM trial_hearing WHERE trial_id = :trial ORDER BY hearing_date").param("trial", trialId)
                .query((rs, n) -> new Hearing(rs.getLong("id"), rs.getObject("hearing_date", LocalDate.class),
                        rs.getString("observers"), rs.getBoolean("public_admitted"), rs.getBoolean("press_admitted"),
                        rs.getBoolean("recording_banned"), rs.getBoolean("seats_filled"),
                        Hearing.Interpreter.valueOf(rs.getString("interpreter")), rs.getString("note"),
                        checks.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    private static AllegationCounts counts(List<CourtAllegation> allegations) {
        return new AllegationCounts(allegations.size(), allegations.stream().filter(CourtAllegation::recorded).count(),
                allegations.stream().filter(CourtAllegation::examined).count(),
                allegations.stream().filter(CourtAllegation::investigationOrdered).count(),
                allegations.stream().filter(a -> a.evidence() == CourtAllegation.Evidence.ADMITTED).count());
    }

    private static AllegationCounts counts(ResultSet rs) throws SQLException {
        return new AllegationCounts(rs.getLong("raised"), rs.getLong("recorded"), rs.getLong("examined"),
                rs.getLong("investigated"), rs.getLong("admitted"));
    }

}
