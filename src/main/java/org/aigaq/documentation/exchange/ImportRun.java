package org.aigaq.documentation.exchange;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aigaq.documentation.ActDraft;
import org.aigaq.documentation.CaseBatch;
import org.aigaq.documentation.CaseRecords;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.tabular.Table;
import org.aigaq.platform.tabular.ImportProblem;

/**
 * One pass over a file's rows: each row is read as the mapping says, checked with the documentation services' own
 * rules ({@link CaseBatch}), and, in a real run, added to the batch. Rows with the same {@code event_number} (or,
 * without that column, the same title and date) make one event, whose values come from its first row; each row with
 * anything of an act makes one act. Rows with the same victim key are one person across the whole file (recorded
 * from the key's first row); without a key, rows of one event naming the same victim share one person. A row with a
 * source or an intervention adds it to its event, once however many rows of the event repeat it. Every problem is
 * counted; the first {@link CaseImports#PROBLEMS_KEPT} are kept. Once a problem is found nothing more is written,
 * but the reading goes on, so that every bad row is reported at once.
 */
final class ImportRun {

    /** The degree of involvement given when a row names a perpetrator but not the degree. */
    static final String UNKNOWN_DEGREE = "unknown";

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern DOTTED_MONTH = Pattern.compile("(\\d{1,2})\\.(\\d{4})");

    private final List<String> columns;
    private final ImportMapping mapping;
    private final int[] index = new int[ImportField.values().length];
    private final ValueMatcher matcher;
    private final CaseBatch.Batch batch;
    private final TextEncoding encoding;
    private final boolean checkEncoding;
    private boolean writing;
    /** Each event seen, by its key: its id, 0 when not written (dry run), -1 when it has problems. */
    private final Map<String, Long> events = new HashMap<>();
    /** Each victim seen, by its key (the row's victim key, else the event and the name). */
    private final Map<String, Victim> victims = new HashMap<>();
    /** The sources and interventions of each event, by a digest of their values: rows repeating one add it once. */
    private final java.util.Set<String> eventRecords = new java.util.HashSet<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private long problemCount;
    private long rows;
    private int eventCount;
    private int personCount;
    private int actCount;
    private int involvementCount;
    private int informationCount;
    private int interventionCount;

    ImportRun(ImportJob job, List<String> columns, ValueMatcher matcher, CaseBatch.Batch batch, boolean write) {
        this.columns = columns;
        this.mapping = job.mapping();
        this.matcher = matcher;
        this.batch = batch;
        this.writing = write;
        this.encoding = job.encoding();
        this.checkEncoding = job.format() == ImportFormat.CSV;
        java.util.Arrays.fill(index, -1);
        mapping.columns().forEach((column, field) -> {
            int at = columns.indexOf(column);
            if (field != null && at >= 0) index[field.ordinal()] = at;
        });
    }

    long problemCount() {
        return problemCount;
    }

    void problem(ImportProblem problem) {
        problemCount++;
        writing = false;
        if (problems.size() < CaseImports.PROBLEMS_KEPT) problems.add(problem);
    }

    ImportOutcome outcome() {
        return new ImportOutcome(rows, eventCount, personCount, actCount, involvementCount, informationCount,
                interventionCount, problemCount, problems);
    }

    /** A victim met in a row: the first row, whether the person's values were good, and the id once written. */
    private static final class Victim {
        /** The name given with a victim key, to compare with the key's later rows; null without a key. */
        final String name;
        final long firstRow;
        final boolean valid;
        boolean counted;
        long id;

        Victim(String name, long firstRow, boolean valid) {
            this.name = name;
            this.firstRow = firstRow;
            this.valid = valid;
        }
    }

    /** The cells a row gives to the fields, and what went wrong reading them. */
    private final class Cells {
        final Table.Row row;
        boolean bad;
        /** Fields of this row already reported, so that a service's "required" does not repeat "not mapped". */
        final java.util.Set<ImportField> reported = java.util.EnumSet.noneOf(ImportField.class);

        Cells(Table.Row row) {
            this.row = row;
        }

        String text(ImportField field) {
            int at = index[field.ordinal()];
            if (at < 0 || at >= row.values().size()) return null;
            String value = row.values().get(at).strip();
            return value.isEmpty() ? null : value;
        }

        void problem(ImportField field, String key, Object... arguments) {
            bad = true;
            reported.add(field);
            ImportRun.this.problem(new ImportProblem(row.number(), mapping.columnOf(field), key, List.of(arguments)));
        }

        /** The rule a service found broken, against the column of the field it concerns. */
        void violated(InvalidInput invalid, Map<String, ImportField> fields) {
            for (var violation : invalid.violations()) {
                String field = violation.field();
                ImportField concerned = fields.containsKey(field) ? fields.get(field)
                        : fields.get(field.contains(".") ? field.substring(0, field.indexOf('.')) : field);
                bad = true;
                if (concerned != null && !reported.add(concerned)) continue;
                ImportRun.this.problem(new ImportProblem(row.number(), concerned == null ? null : mapping.columnOf(concerned),
                        violation.messageKey(), List.of(violation.arguments())));
            }
        }

        /** The code the value stands for: as mapped, else as proposed; blank is null; otherwise a problem. */
        String code(ImportField field, String value) {
            if (value == null) return null;
            var chosen = mapping.values().getOrDefault(field, Map.of());
            String code = chosen.containsKey(value) ? chosen.get(value) : matcher.match(field, value);
            if (code == null) {
                problem(field, "exchange.problem.unmapped", value);
                return null;
            }
            return code.isBlank() ? null : code;
        }

        String code(ImportField field) {
            return code(field, text(field));
        }

        List<String> codes(ImportField field) {
            String value = text(field);
            var codes = new ArrayList<String>();
            if (value == null) return codes;
            for (String part : value.split(";")) {
                String code = code(field, part.strip().isEmpty() ? null : part.strip());
                if (code != null && !codes.contains(code)) codes.add(code);
            }
            return codes;
        }

        FuzzyDate date(ImportField field, DatePrecision precision) {
            String value = text(field);
            if (value == null) return precision == null ? FuzzyDate.unknown() : new FuzzyDate(null, DatePrecision.UNKNOWN);
            FuzzyDate date = parseDate(value);
            if (date == null) {
                problem(field, "exchange.problem.date", value);
                return FuzzyDate.unknown();
            }
            return precision == null ? date : new FuzzyDate(date.date(), precision);
        }

        /**
         * A calendar day (a date of birth, the day a source was received): a date with its day, not a month or a
         * year alone, which the record could not tell from the first of the month. {@code key} is the reason given.
         */
        LocalDate day(ImportField field, String key, boolean withValue) {
            String value = text(field);
            if (value == null) return null;
            FuzzyDate date = parseDate(value);
            if (date == null || date.precision() != DatePrecision.EXACT) {
                if (withValue) problem(field, key, value); else problem(field, key);
                return null;
            }
            return date.date();
        }

        /** Free texts separated by ';' (other names). */
        List<String> texts(ImportField field) {
            String value = text(field);
            if (value == null) return List.of();
            return java.util.Arrays.stream(value.split(";")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        }

        Integer number(ImportField field) {
            String value = text(field);
            if (value == null) return null;
            try {
                return Integer.valueOf(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
            } catch (NumberFormatException e) {
                problem(field, "exchange.problem.number", value);
                return null;
            }
        }
    }

    private static final Map<String, ImportField> EVENT_FIELDS = Map.of("title", ImportField.EVENT_TITLE,
            "description", ImportField.EVENT_DESCRIPTION, "initialDate", ImportField.EVENT_DATE,
            "endDate", ImportField.EVENT_DATE, "region", ImportField.REGION,
            "violationStatus", ImportField.VIOLATION_STATUS, "monitoringStatus", ImportField.MONITORING_STATUS,
            "sharing", ImportField.SHARING);
    private static final Map<String, ImportField> PERSON_FIELDS = Map.of("identity", ImportField.VICTIM_NAME,
            "identity.otherNames", ImportField.OTHER_NAMES, "identity.dateOfBirth", ImportField.DATE_OF_BIRTH,
            "sex", ImportField.SEX, "citizenship", ImportField.CITIZENSHIP);
    private static final Map<String, ImportField> INVOLVEMENT_FIELDS = Map.of("agency", ImportField.PERPETRATOR_AGENCY,
            "unit", ImportField.UNIT, "rankRole", ImportField.RANK_ROLE, "perpetratorName", ImportField.PERPETRATOR_NAME,
            "degree", ImportField.DEGREE);
    private static final Map<String, ImportField> INFORMATION_FIELDS = Map.of("sourceType", ImportField.SOURCE_TYPE,
            "reliability", ImportField.RELIABILITY, "summary", ImportField.SOURCE_SUMMARY);
    private static final Map<String, ImportField> INTERVENTION_FIELDS = Map.of(
            "interventionType", ImportField.INTERVENTION_TYPE, "interveningParty", ImportField.INTERVENING_PARTY,
            "status", ImportField.INTERVENTION_STATUS);

    /** Reads, checks and (in a run without problems so far) adds one row. */
    void row(Table.Row row) {
        rows++;
        var cells = new Cells(row);
        int size = row.values().size();
        boolean extraBlank = size > columns.size() && row.values().subList(columns.size(), size).stream().allMatch(String::isBlank);
        if (size != columns.size() && !extraBlank) {
            problem(new ImportProblem(row.number(), null, "exchange.problem.value-count", List.of(size, columns.size())));
            return;
        }
        if (checkEncoding && !readable(cells)) return;

        FuzzyDate rowDate = cells.date(ImportField.EVENT_DATE, precision(cells));
        String number = cells.text(ImportField.EVENT_NUMBER);
        String key = number != null ? "#" + number
                : "T" + cells.text(ImportField.EVENT_TITLE) + '\u0000' + cells.text(ImportField.EVENT_DATE);
        Long eventId = events.get(key);
        if (eventId == null) {
            eventId = event(cells, rowDate);
            events.put(key, eventId);
        } else {
            // The event comes from its first row, but every row's values are still checked against the lists.
            cells.code(ImportField.VIOLATION_STATUS);
            cells.code(ImportField.MONITORING_STATUS);
            cells.code(ImportField.SHARING);
        }
        boolean eventBad = cells.bad || eventId < 0;
        if (has(cells, ImportField.Part.INFORMATION)) information(cells, key, eventId, eventBad);
        if (has(cells, ImportField.Part.INTERVENTION)) intervention(cells, key, eventId, eventBad);
        if (has(cells, ImportField.Part.ACT)) act(cells, key, eventId, rowDate, eventBad);
    }

    private DatePrecision precision(Cells cells) {
        String code = cells.code(ImportField.DATE_PRECISION);
        return code == null ? null : DatePrecision.valueOf(code);
    }

    private long event(Cells cells, FuzzyDate date) {
        String sharing = cells.code(ImportField.SHARING);
        var draft = new EventDraft(cells.text(ImportField.EVENT_TITLE), cells.text(ImportField.EVENT_DESCRIPTION), date, null,
                null, null, cells.text(ImportField.REGION), null, cells.code(ImportField.VIOLATION_STATUS),
                cells.code(ImportField.MONITORING_STATUS), null, sharing == null ? Sharing.ORGANISATION : Sharing.valueOf(sharing));
        CaseBatch.Checked checked = null;
        try {
            checked = batch.event(draft);
        } catch (InvalidInput invalid) {
            cells.violated(invalid, EVENT_FIELDS);
        }
        if (cells.bad) return -1;
        eventCount++;
        return writing ? batch.addEvent(checked) : 0;
    }

    /** Whether the row has a value in any field of the part. */
    private boolean has(Cells cells, ImportField.Part part) {
        for (ImportField field : ImportField.values()) {
            if (field.part() == part && cells.text(field) != null) return true;
        }
        return false;
    }

    /** A source of information of the row's event; rows repeating the same source add it once. */
    private void information(Cells cells, String eventKey, long eventId, boolean eventBad) {
        cells.bad = false;
        String type = cells.code(ImportField.SOURCE_TYPE);
        String reliability = cells.code(ImportField.RELIABILITY);
        LocalDate received = cells.day(ImportField.DATE_RECEIVED, "exchange.problem.day", true);
        String summary = cells.text(ImportField.SOURCE_SUMMARY);
        CaseBatch.Checked checked = null;
        try {
            checked = batch.information(new CaseRecords.InformationDraft(null, null, type, reliability, received, summary));
        } catch (InvalidInput invalid) {
            cells.violated(invalid, INFORMATION_FIELDS);
        }
        if (cells.bad || eventBad || !eventRecords.add(digest("I", eventKey, type, reliability, received, summary))) return;
        informationCount++;
        if (writing) batch.addInformation(eventId, checked);
    }

    /** An intervention of the row's event; rows repeating the same intervention add it once. */
    private void intervention(Cells cells, String eventKey, long eventId, boolean eventBad) {
        cells.bad = false;
        String type = cells.code(ImportField.INTERVENTION_TYPE);
        FuzzyDate date = cells.date(ImportField.INTERVENTION_DATE, null);
        String party = cells.text(ImportField.INTERVENING_PARTY);
        String status = cells.code(ImportField.INTERVENTION_STATUS);
        CaseBatch.Checked checked = null;
        try {
            checked = batch.intervention(new CaseRecords.InterventionDraft(type, party, date, null, null, null, status, null));
        } catch (InvalidInput invalid) {
            cells.violated(invalid, INTERVENTION_FIELDS);
        }
        if (cells.bad || eventBad
                || !eventRecords.add(digest("V", eventKey, type, date.date(), date.precision(), party, status))) return;
        interventionCount++;
        if (writing) batch.addIntervention(eventId, checked);
    }

    private void act(Cells cells, String eventKey, long eventId, FuzzyDate rowDate, boolean eventBad) {
        cells.bad = false;
        String name = cells.text(ImportField.VICTIM_NAME);
        String personKey = cells.text(ImportField.VICTIM_KEY);
        // With a victim key the key is the person across the whole file; without, the name within the event.
        String victimKey = personKey != null ? "K" + personKey : name == null ? null : "E" + eventKey + '\u0000' + name;
        Victim victim = victimKey == null ? null : victims.get(victimKey);
        List<String> otherNames = cells.texts(ImportField.OTHER_NAMES);
        String sex = cells.code(ImportField.SEX);
        // A date of birth is an identity: the reason does not repeat it, since problems are kept in clear.
        LocalDate born = cells.day(ImportField.DATE_OF_BIRTH, "exchange.problem.date-of-birth", false);
        String citizenship = cells.text(ImportField.CITIZENSHIP);
        CaseBatch.Checked person = null;
        if (victim == null) {
            if (name == null) {
                cells.problem(ImportField.VICTIM_NAME, "exchange.problem.victim-required");
            } else {
                try {
                    person = batch.person(new PersonDraft(new Identity(name, otherNames, null, null, born), false, null, sex,
                            citizenship, List.of(), false, null));
                } catch (InvalidInput invalid) {
                    cells.violated(invalid, PERSON_FIELDS);
                }
            }
            if (victimKey != null) {
                victim = new Victim(personKey == null ? null : name, cells.row.number(), person != null);
                victims.put(victimKey, victim);
            }
        } else if (personKey != null && name != null && victim.name != null && !name.equals(victim.name)) {
            // The name itself is not repeated in the reason: problems are kept in clear.
            cells.problem(ImportField.VICTIM_NAME, "exchange.problem.victim-key-name", personKey, victim.firstRow);
        }

        boolean ownDate = index[ImportField.ACT_DATE.ordinal()] >= 0;
        FuzzyDate date = ownDate ? cells.date(ImportField.ACT_DATE, null) : rowDate;
        Long placeId = place(cells);
        var draft = new ActDraft(null, cells.code(ImportField.ACT_TYPE), date, null, placeId,
                cells.code(ImportField.LOCATION_TYPE), null, null, null, cells.codes(ImportField.METHODS), null, null,
                cells.number(ImportField.AGE_AT_TIME), null, null, null, List.of(), null, null);
        CaseBatch.Checked act = null;
        try {
            act = batch.act(draft);
        } catch (InvalidInput invalid) {
            var fields = Map.of("actType", ImportField.ACT_TYPE, "initialDate", ownDate ? ImportField.ACT_DATE : ImportField.EVENT_DATE,
                    "endDate", ownDate ? ImportField.ACT_DATE : ImportField.EVENT_DATE, "methods", ImportField.METHODS,
                    "locationType", ImportField.LOCATION_TYPE, "ageAtTime", ImportField.AGE_AT_TIME,
                    "placeId", index[ImportField.PLACE_CODE.ordinal()] >= 0 ? ImportField.PLACE_CODE : ImportField.PLACE_NAME);
            cells.violated(invalid, fields);
        }

        var involvements = new ArrayList<CaseBatch.Checked>();
        String unit = cells.text(ImportField.UNIT);
        String rank = cells.text(ImportField.RANK_ROLE);
        String perpetrator = cells.text(ImportField.PERPETRATOR_NAME);
        String degree = cells.code(ImportField.DEGREE);
        List<String> agencies = cells.codes(ImportField.PERPETRATOR_AGENCY);
        if (!agencies.isEmpty() || unit != null || rank != null || perpetrator != null || degree != null) {
            var each = agencies.isEmpty() ? java.util.Collections.<String>singletonList(null) : agencies;
            for (String agency : each) {
                try {
                    involvements.add(batch.involvement(new CaseRecords.InvolvementDraft(null, null, agency, unit, rank,
                            perpetrator, degree == null ? UNKNOWN_DEGREE : degree, null)));
                } catch (InvalidInput invalid) {
                    cells.violated(invalid, INVOLVEMENT_FIELDS);
                    break;
                }
            }
        }
        // A victim whose own values are bad was reported at its first row; its other rows add nothing either.
        if (cells.bad || eventBad || victim == null || !victim.valid) return;

        if (!victim.counted) {
            // Only the victim's first row has its checked values; a later first good row is possible only in a dry
            // run, since a problem in the first row stops all writing.
            victim.counted = true;
            personCount++;
            if (writing) victim.id = batch.addPerson(person);
        }
        actCount++;
        involvementCount += involvements.size();
        if (writing) {
            long actId = batch.addAct(eventId, victim.id, act);
            involvements.forEach(involvement -> batch.addInvolvement(actId, involvement));
        }
    }

    /**
     * The registered place of detention the row names, by its official code or its exact name (case and spacing
     * aside); with both, they must name the same place. An unknown or ambiguous one is a problem of its column.
     */
    private Long place(Cells cells) {
        String code = cells.text(ImportField.PLACE_CODE);
        String name = cells.text(ImportField.PLACE_NAME);
        Long byCode = null;
        if (code != null) {
            var ids = batch.placesWithCode(code);
            if (ids.size() != 1) {
                cells.problem(ImportField.PLACE_CODE,
                        ids.isEmpty() ? "exchange.problem.place-code" : "exchange.problem.place-code-several", code);
                return null;
            }
            byCode = ids.getFirst();
        }
        if (name == null) return byCode;
        var ids = batch.placesNamed(name);
        if (byCode != null) {
            if (!ids.contains(byCode)) cells.problem(ImportField.PLACE_NAME, "exchange.problem.place-other", name, code);
            return byCode;
        }
        if (ids.size() != 1) {
            cells.problem(ImportField.PLACE_NAME,
                    ids.isEmpty() ? "exchange.problem.place-name" : "exchange.problem.place-name-several", name);
            return null;
        }
        return ids.getFirst();
    }

    /** A short fixed-size key for values that may be long (a source's summary), so that memory stays small. */
    private static String digest(Object... values) {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Object value : values) {
                sha.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(sha.digest(), 18));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the mapped values of a row read as text in the chosen encoding: no replacement character (bytes the
     * encoding does not have) and, for the single-byte encodings, no text that is really UTF-8 read byte by byte
     * ("Ð•Ñ€Ð¶Ð°Ð½", "Р•СЂР¶Р°РЅ"), which shows the file was UTF-8 after all.
     */
    private boolean readable(Cells cells) {
        boolean readable = true;
        for (ImportField field : ImportField.values()) {
            String value = cells.text(field);
            if (value == null) continue;
            if (value.indexOf('\uFFFD') >= 0) {
                cells.problem(field, "exchange.problem.encoding", encoding.displayName());
                readable = false;
            } else if (encoding != TextEncoding.UTF_8 && utf8Misread(value)) {
                cells.problem(field, "exchange.problem.mojibake", encoding.displayName());
                readable = false;
            }
        }
        return readable;
    }

    private boolean utf8Misread(String value) {
        if (value.chars().allMatch(c -> c < 0x80)) return false;
        byte[] bytes = value.getBytes(encoding.charset());
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * A date as files write it, with the precision its form implies: 2024-03-17 or 17.03.2024 (exact), 2024-03 or
     * 03.2024 (month), 2024 (year), a leading '~' for an estimate; a time after the date is ignored. Null when the
     * text is none of these.
     */
    static FuzzyDate parseDate(String text) {
        String value = text.strip();
        boolean estimated = value.startsWith("~");
        if (estimated) value = value.substring(1).strip();
        if (value.length() > 10 && value.charAt(4) == '-' && (value.charAt(10) == 'T' || value.charAt(10) == ' ')) {
            value = value.substring(0, 10);
        }
        try {
            FuzzyDate date;
            if (YEAR.matcher(value).matches()) {
                date = new FuzzyDate(LocalDate.of(Integer.parseInt(value), 1, 1), DatePrecision.YEAR);
            } else if (MONTH.matcher(value).matches()) {
                var m = MONTH.matcher(value);
                m.matches();
                date = new FuzzyDate(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1), DatePrecision.MONTH);
            } else if (DOTTED.matcher(value).matches()) {
                var m = DOTTED.matcher(value);
                m.matches();
                date = new FuzzyDate(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1))), DatePrecision.EXACT);
            } else if (DOTTED_MONTH.matcher(value).matches()) {
                var m = DOTTED_MONTH.matcher(value);
                m.matches();
                date = new FuzzyDate(LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), 1), DatePrecision.MONTH);
            } else {
                date = new FuzzyDate(LocalDate.parse(value), DatePrecision.EXACT);
            }
            return estimated ? new FuzzyDate(date.date(), DatePrecision.ESTIMATED) : date;
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
