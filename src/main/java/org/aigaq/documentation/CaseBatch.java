package org.aigaq.documentation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many cases recorded at once, in the caller's transaction, for imports. Every value goes through the very checks
 * of {@link Events}, {@link People}, {@link Acts} and {@link CaseRecords} (involvements, sources, interventions);
 * places of detention are looked up in the registry once per code or name; identities are encrypted as People does
 * (bound to {@code person.identity:<id>}), their names' search tokens written with them ({@link PersonNameIndex}),
 * and numbers come from {@link RecordNumbers}. Rows are written a thousand at
 * a time with one statement per table, and nothing is audited per record: the import audits itself once.
 */
@Service
public class CaseBatch {

    /** Rows kept before they are written; small enough to keep memory flat, large enough to make statements few. */
    static final int FLUSH_AT = 1000;

    /** A record whose values passed the checks, ready to be added to a batch. */
    public static final class Checked {
        private final Map<String, Object> values;
        private final Identity identity;

        private Checked(Map<String, Object> values, Identity identity) {
            this.values = values;
            this.identity = identity;
        }
    }

    /** How many records a batch wrote. */
    public record Counts(int events, int people, int acts, int involvements, int information, int interventions) {}

    private final JdbcClient jdbc;
    private final Events events;
    private final People people;
    private final Acts acts;
    private final Terms terms;
    private final RecordNumbers numbers;
    private final JsonMapper json;
    private final PersonNameIndex names;
    private final ApplicationEventPublisher changes;

    CaseBatch(JdbcClient jdbc, Events events, People people, Acts acts, Terms terms, RecordNumbers numbers, JsonMapper json,
              PersonNameIndex names, ApplicationEventPublisher changes) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.events = events;
        this.people = people;
        this.acts = acts;
        this.terms = terms;
        this.numbers = numbers;
        this.json = json;
        this.names = names;
    }

    /** A batch for the current user, who must be a case worker; everything it writes belongs to the user's organisation. */
    public Batch start() {
        var user = CurrentUser.require();
        if (user.roles().stream().noneMatch(CaseAccess.CASE_WORKERS::contains)) {
            throw new AccessDeniedException("not a case worker");
        }
        return new Batch(user);
    }

    /** One import's records: check each, add the good ones, then {@link #finish()} inside the same transaction. */
    public final class Batch {

        private final SignedInUser user;
        private final Terms remembering = terms.remembering();
        private final List<Map<String, Object>> eventRows = new ArrayList<>();
        private final List<Map<String, Object>> personRows = new ArrayList<>();
        private final List<Map<String, Object>> actRows = new ArrayList<>();
        private final List<Map<String, Object>> involvementRows = new ArrayList<>();
        private final List<Map<String, Object>> informationRows = new ArrayList<>();
        private final List<Map<String, Object>> interventionRows = new ArrayList<>();
        /** Places found in the registry, by official code and by name, and the ids found, so acts need not ask again. */
        private final Map<String, List<Long>> placesByCode = new java.util.HashMap<>();
        private final Map<String, List<Long>> placesByName = new java.util.HashMap<>();
        private final java.util.Set<Long> placesFound = new java.util.HashSet<>();
        private final PersonNameIndex.Rows nameTokens = new PersonNameIndex.Rows();
        private final IdBlock eventIds = new IdBlock("event");
        private final IdBlock personIds = new IdBlock("person");
        private final IdBlock actIds = new IdBlock("act");
        /** Every event of the batch, whose search rows are computed once all its rows are written. */
        private final List<Long> addedEvents = new ArrayList<>();
        private int eventCount;
        private int personCount;
        private int actCount;
        private int involvementCount;
        private int informationCount;
        private int interventionCount;

        private Batch(SignedInUser user) {
            this.user = user;
        }

        /** Checks an event as {@link Events#record} does. @throws org.aigaq.platform.InvalidInput naming the field */
        public Checked event(EventDraft draft) {
            return new Checked(events.check(draft, remembering), null);
        }

        /** Checks a person as {@link People#record} does. */
        public Checked person(PersonDraft draft) {
            return new Checked(People.attributes(draft, remembering), People.checkIdentity(draft));
        }

        /** Checks an act as {@link Acts#add} does, but for its victim, who is added with it. */
        public Checked act(ActDraft draft) {
            if (draft.placeId() != null && placesFound.contains(draft.placeId())) {
                return new Checked(acts.valuesOfKnownPlace(draft, remembering), null);
            }
            return new Checked(acts.values(draft, remembering), null);
        }

        /** The registered places whose official code, in either form and however typed, is this one (normally one; none when unknown). */
        public List<Long> placesWithCode(String code) {
            // Either form of the code, however typed (AK-159/5, АК-159/5, ак 159/5), by the registry's code keys.
            String key = CodeForms.key(code);
            return placesByCode.computeIfAbsent(key == null ? code.strip() : key, k -> found(jdbc.sql("""
                    SELECT id FROM place WHERE code_key = :key OR code_key_cyrillic = :key ORDER BY id
                    """).param("key", k).query(Long.class).list()));
        }

        /** The registered places with exactly this name, case and spacing aside. */
        public List<Long> placesNamed(String name) {
            String key = name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
            return placesByName.computeIfAbsent(key, k -> found(jdbc.sql("""
                    SELECT id FROM place WHERE lower(regexp_replace(btrim(name), '\\s+', ' ', 'g')) = :name ORDER BY id
                    """).param("name", k).query(Long.class).list()));
        }

        private List<Long> found(List<Long> ids) {
            placesFound.addAll(ids);
            return ids;
        }

        /** Checks a source of information as {@link CaseRecords#addInformation} does (without a source person). */
        public Checked information(CaseRecords.InformationDraft draft) {
            return new Checked(CaseRecords.informationValues(draft, remembering), null);
        }

        /** Checks an intervention as {@link CaseRecords#addIntervention} does. */
        public Checked intervention(CaseRecords.InterventionDraft draft) {
            return new Checked(CaseRecords.interventionValues(draft, remembering), null);
        }

        /** Checks an involvement as {@link CaseRecords#addInvolvement} does. */
        public Checked involvement(CaseRecords.InvolvementDraft draft) {
            return new Checked(CaseRecords.involvementValues(draft, remembering), null);
        }

        /** Adds a checked event owned by the user's organisation; returns its id (the row is written later). */
        public long addEvent(Checked event) {
            requireTransaction();
            long id = eventIds.next();
            var row = new java.util.HashMap<>(event.values);
            row.put("id", id);
            row.put("organisationId", user.organisationId());
            row.put("createdBy", user.id());
            eventRows.add(row);
            addedEvents.add(id);
            eventCount++;
            flushWhenFull();
            return id;
        }

        public long addPerson(Checked person) {
            requireTransaction();
            long id = personIds.next();
            var row = new java.util.HashMap<>(person.values);
            row.put("id", id);
            row.put("organisationId", user.organisationId());
            row.put("identity", people.encrypt(person.identity, id));
            personRows.add(row);
            names.collect(nameTokens, id, user.organisationId(), person.identity);
            personCount++;
            flushWhenFull();
            return id;
        }

        /** Adds a checked act of an event and victim added to this batch. */
        public long addAct(long eventId, long victimId, Checked act) {
            requireTransaction();
            long id = actIds.next();
            var row = new java.util.HashMap<>(act.values);
            row.put("id", id);
            row.put("eventId", eventId);
            row.put("victimId", victimId);
            actRows.add(row);
            actCount++;
            flushWhenFull();
            return id;
        }

        public void addInvolvement(long actId, Checked involvement) {
            requireTransaction();
            var row = new java.util.HashMap<>(involvement.values);
            row.put("actId", actId);
            involvementRows.add(row);
            involvementCount++;
            flushWhenFull();
        }

        /** Adds a checked source of information to an event added to this batch. */
        public void addInformation(long eventId, Checked information) {
            requireTransaction();
            var row = new java.util.HashMap<>(information.values);
            row.put("eventId", eventId);
            informationRows.add(row);
            informationCount++;
            flushWhenFull();
        }

        /** Adds a checked intervention to an event added to this batch. */
        public void addIntervention(long eventId, Checked intervention) {
            requireTransaction();
            var row = new java.util.HashMap<>(intervention.values);
            row.put("eventId", eventId);
            interventionRows.add(row);
            interventionCount++;
            flushWhenFull();
        }

        /** Writes what is still waiting; returns what the batch wrote in all. */
        public Counts finish() {
            flush();
            for (int from = 0; from < addedEvents.size(); from += FLUSH_AT) {
                changes.publishEvent(new CasesChanged(addedEvents.subList(from, Math.min(addedEvents.size(), from + FLUSH_AT))));
            }
            return new Counts(eventCount, personCount, actCount, involvementCount, informationCount, interventionCount);
        }

        private void flushWhenFull() {
            if (eventRows.size() + personRows.size() + actRows.size() + involvementRows.size() + informationRows.size()
                    + interventionRows.size() >= FLUSH_AT) {
                flush();
            }
        }

        /** Parents before children, so that every reference already exists when a row arrives. */
        private void flush() {
            if (!eventRows.isEmpty()) {
                var assigned = numbers.reserveSeparately("E", eventRows.size());
                for (int i = 0; i < eventRows.size(); i++) eventRows.get(i).put("number", assigned.get(i));
                insert("event", EVENT, eventRows);
            }
            if (!personRows.isEmpty()) {
                var assigned = numbers.reserveSeparately("P", personRows.size());
                for (int i = 0; i < personRows.size(); i++) personRows.get(i).put("pseudonym", assigned.get(i));
                insert("person", PERSON, personRows);
                names.write(nameTokens);
            }
            insert("act", ACT, actRows);
            insert("involvement", INVOLVEMENT, involvementRows);
            insert("information", INFORMATION, informationRows);
            insert("intervention", INTERVENTION, interventionRows);
        }
    }

    /** A database column, the key of its value in a checked record, and its SQL type. */
    private record Column(String name, String key, String type) {}

    private static final List<Column> EVENT = List.of(new Column("id", "id", "bigint"),
            new Column("record_number", "number", "text"), new Column("organisation_id", "organisationId", "bigint"),
            new Column("sharing", "sharing", "text"), new Column("title", "title", "text"),
            new Column("description", "description", "text"), new Column("initial_date", "initialDate", "date"),
            new Column("initial_precision", "initialPrecision", "text"), new Column("final_date", "finalDate", "date"),
            new Column("final_precision", "finalPrecision", "text"), new Column("place_id", "placeId", "bigint"),
            new Column("location_type", "locationType", "text"), new Column("region", "region", "text"),
            new Column("location_description", "locationDescription", "text"),
            new Column("violation_status", "violationStatus", "text"),
            new Column("monitoring_status", "monitoringStatus", "text"),
            new Column("date_received", "dateReceived", "date"), new Column("created_by", "createdBy", "bigint"));

    private static final List<Column> PERSON = List.of(new Column("id", "id", "bigint"),
            new Column("pseudonym", "pseudonym", "text"), new Column("organisation_id", "organisationId", "bigint"),
            new Column("identity", "identity", "bytea"), new Column("is_group", "group", "boolean"),
            new Column("group_size", "groupSize", "integer"), new Column("sex", "sex", "text"),
            new Column("citizenship", "citizenship", "text"), new Column("characteristics", "characteristics", "text[]"),
            new Column("deceased", "deceased", "boolean"), new Column("date_of_death", "dateOfDeath", "date"));

    private static final List<Column> ACT = List.of(new Column("id", "id", "bigint"),
            new Column("event_id", "eventId", "bigint"), new Column("victim_id", "victimId", "bigint"),
            new Column("act_type", "actType", "text"), new Column("initial_date", "initialDate", "date"),
            new Column("initial_precision", "initialPrecision", "text"), new Column("final_date", "finalDate", "date"),
            new Column("final_precision", "finalPrecision", "text"), new Column("place_id", "placeId", "bigint"),
            new Column("location_type", "locationType", "text"), new Column("region", "region", "text"),
            new Column("location_description", "locationDescription", "text"),
            new Column("stated_reason", "statedReason", "text"), new Column("methods", "methods", "text[]"),
            new Column("physical_consequences", "physicalConsequences", "text"),
            new Column("psychological_consequences", "psychologicalConsequences", "text"),
            new Column("age_at_time", "ageAtTime", "integer"), new Column("status_at_end", "statusAtEnd", "text"),
            new Column("statements_signed", "statementsSigned", "text"),
            new Column("medical_attention", "medicalAttention", "text"),
            new Column("torture_intent", "tortureIntent", "text[]"), new Column("detention_type", "detentionType", "text"),
            new Column("legal_counsel", "legalCounsel", "text"));

    private static final List<Column> INVOLVEMENT = List.of(new Column("act_id", "actId", "bigint"),
            new Column("perpetrator_id", "perpetratorId", "bigint"),
            new Column("perpetrator_type", "perpetratorType", "text"), new Column("agency", "agency", "text"),
            new Column("unit", "unit", "text"), new Column("rank_role", "rankRole", "text"),
            new Column("perpetrator_name", "perpetratorName", "text"), new Column("degree", "degree", "text"),
            new Column("latest_status", "latestStatus", "text"));

    private static final List<Column> INFORMATION = List.of(new Column("event_id", "eventId", "bigint"),
            new Column("source_person_id", "source", "bigint"), new Column("connection", "connection", "text"),
            new Column("source_type", "type", "text"), new Column("reliability", "reliability", "text"),
            new Column("date_received", "received", "date"), new Column("summary", "summary", "text"));

    private static final List<Column> INTERVENTION = List.of(new Column("event_id", "eventId", "bigint"),
            new Column("intervention_type", "type", "text"), new Column("intervening_party", "party", "text"),
            new Column("date", "date", "date"), new Column("date_precision", "precision", "text"),
            new Column("parties_requested", "requested", "text"), new Column("response", "response", "text"),
            new Column("impact", "impact", "text"), new Column("status", "status", "text"),
            new Column("priority", "priority", "text"));

    /**
     * One statement for all the waiting rows of a table: each column travels as an array and {@code unnest} turns
     * the arrays back into rows. Lists (methods, characteristics) travel as JSON text, since SQL arrays of arrays
     * must be rectangular.
     */
    private void insert(String table, List<Column> columns, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) return;
        var names = new StringBuilder();
        var selected = new StringBuilder();
        var arrays = new StringBuilder();
        var params = new java.util.LinkedHashMap<String, Object>();
        for (Column column : columns) {
            String separator = names.isEmpty() ? "" : ", ";
            names.append(separator).append(column.name());
            boolean list = column.type().equals("text[]");
            selected.append(separator).append(list
                    ? "ARRAY(SELECT jsonb_array_elements_text(CAST(u." + column.name() + " AS jsonb)))"
                    : "u." + column.name());
            arrays.append(separator).append("CAST(:").append(column.name()).append(" AS ")
                    .append(list ? "text" : column.type()).append("[])");
            params.put(column.name(), array(column, rows));
        }
        String overriding = columns.getFirst().name().equals("id") ? " OVERRIDING SYSTEM VALUE" : "";
        jdbc.sql("INSERT INTO " + table + " (" + names + ")" + overriding + " SELECT " + selected + " FROM unnest("
                + arrays + ") AS u (" + names + ")").params(params).update();
        rows.clear();
    }

    private Object array(Column column, List<Map<String, Object>> rows) {
        int size = rows.size();
        return switch (column.type()) {
            case "bigint" -> rows.stream().map(r -> r.get(column.key()) == null ? null : ((Number) r.get(column.key())).longValue())
                    .toArray(Long[]::new);
            case "integer" -> rows.stream().map(r -> (Integer) r.get(column.key())).toArray(Integer[]::new);
            case "boolean" -> rows.stream().map(r -> (Boolean) r.get(column.key())).toArray(Boolean[]::new);
            case "bytea" -> rows.stream().map(r -> (byte[]) r.get(column.key())).toArray(byte[][]::new);
            case "date" -> rows.stream().map(r -> r.get(column.key()) == null ? null : ((LocalDate) r.get(column.key())).toString())
                    .toArray(String[]::new);
            case "text[]" -> rows.stream().map(r -> json.writeValueAsString(r.get(column.key()) == null
                    ? new String[0] : r.get(column.key()))).toArray(String[]::new);
            default -> {
                var values = new String[size];
                for (int i = 0; i < size; i++) {
                    Object value = rows.get(i).get(column.key());
                    values[i] = value == null ? null : value.toString();
                }
                yield values;
            }
        };
    }

    /** Ids taken from the table's own sequence a block at a time, so that children can name their parents at once. */
    private final class IdBlock {
        private final String table;
        private final java.util.ArrayDeque<Long> free = new java.util.ArrayDeque<>();

        IdBlock(String table) {
            this.table = table;
        }

        long next() {
            if (free.isEmpty()) {
                free.addAll(jdbc.sql("SELECT nextval(pg_get_serial_sequence('" + table + "', 'id')) FROM generate_series(1, :n)")
                        .param("n", FLUSH_AT).query(Long.class).list());
            }
            return free.poll();
        }
    }

    private static void requireTransaction() {
        // All or nothing is the point: writing outside a transaction would leave half an import behind.
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a batch writes only inside a transaction");
        }
    }
}
