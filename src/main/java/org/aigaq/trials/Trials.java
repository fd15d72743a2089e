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

    Trials(JdbcClient jdbc, AuditTrail audit, TrialAccess access, People people, Events events) {
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
        var rules = new BrokenRules();
        rules.rule(() -> {
            if (draft.date() == null) throw new InvalidInput("date", "detention.date.required");
            if (draft.date().isAfter(LocalDate.now())) throw new InvalidInput("date", "documentation.date.future");
            boolean taken = jdbc.sql("SELECT EXISTS (SELECT 1 FROM trial_hearing WHERE trial_id = :trial AND hearing_date = :date)")
                    .param("trial", trialId).param("date", draft.date()).query(Boolean.class).single();
            if (taken) throw new InvalidInput("date", "trials.hearing.duplicate");
        });
        String observers = rules.value(() -> TypedText.optional(draft.observers(), 1000, "observers"));
        String note = rules.value(() -> TypedText.optional(draft.note(), 5000, "note"));
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
        long id = jdbc.sql("""
                INSERT INTO trial_hearing (trial_id, hearing_date, observers, public_admitted, press_admitted, recording_banned,
                    seats_filled, interpreter, note, created_by)
                VALUES (:trial, :date, :observers, :publicAdmitted, :pressAdmitted, :recordingBanned, :seatsFilled,
                    :interpreter, :note, :user)
                RETURNING id
                """).param("trial", trialId).param("date", draft.date()).param("observers", observers)
                .param("publicAdmitted", draft.publicAdmitted()).param("pressAdmitted", draft.pressAdmitted())
                .param("recordingBanned", draft.recordingBanned()).param("seatsFilled", draft.seatsFilled())
                .param("interpreter", draft.interpreter().name()).param("note", note)
                .param("user", CurrentUser.require().id()).query(Long.class).single();
        for (int i = 0; i < draft.checks().size(); i++) {
            var check = draft.checks().get(i);
            jdbc.sql("INSERT INTO trial_hearing_check (hearing_id, item, answer, note) VALUES (:hearing, :item, :answer, :note)")
                    .param("hearing", id).param("item", check.item().name()).param("answer", check.answer().name())
                    .param("note", notes.get(i)).update();
        }
        audit.record("trial.hearing-recorded", TABLE, trialId, Map.of("hearing", String.valueOf(id), "date", String.valueOf(draft.date())));
        return get(trialId);
    }

    @Transactional
    public Trial addAllegation(long trialId, AllegationDraft draft) {
        access.requireWrite(trialId);
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
        long id = jdbc.sql("""
                INSERT INTO trial_allegation (trial_id, hearing_id, raised_by, defendant_id, form, against, recorded, examined,
                    investigation_ordered, evidence, note, created_by)
                VALUES (:trial, :hearing, :raisedBy, :defendant, :form, :against, :recorded, :examined, :investigation,
                    :evidence, :note, :user)
                RETURNING id
                """).param("trial", trialId).param("hearing", draft.hearingId()).param("raisedBy", draft.raisedBy().name())
                .param("defendant", draft.defendantId()).param("form", draft.form().name()).param("against", against)
                .param("recorded", draft.recorded()).param("examined", draft.examined())
                .param("investigation", draft.investigationOrdered()).param("evidence", draft.evidence().name())
                .param("note", note).param("user", CurrentUser.require().id()).query(Long.class).single();
        audit.record("trial.allegation-recorded", TABLE, trialId, Map.of("allegation", String.valueOf(id),
                "raisedBy", draft.raisedBy().name(), "recorded", String.valueOf(draft.recorded())));
        return get(trialId);
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
        var allegations = jdbc.sql("SELECT * FROM trial_allegation WHERE trial_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> new CourtAllegation(rs.getLong("id"), rs.getObject("hearing_id", Long.class),
                        CourtAllegation.RaisedBy.valueOf(rs.getString("raised_by")), rs.getObject("defendant_id", Long.class),
                        CourtAllegation.Form.valueOf(rs.getString("form")), rs.getString("against"), rs.getBoolean("recorded"),
                        rs.getBoolean("examined"), rs.getBoolean("investigation_ordered"),
                        CourtAllegation.Evidence.valueOf(rs.getString("evidence")), rs.getString("note"))).list();
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

    /** The trials the user may read, newest first, each with its allegation counts. */
    public List<Line> list() {
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
                """.formatted(TrialAccess.visible("t")))).query((rs, n) -> new Line(rs.getLong("id"), rs.getString("court"),
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
