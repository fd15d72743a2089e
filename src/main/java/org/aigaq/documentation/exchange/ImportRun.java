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

/**
 * One pass over a file's rows: each row is read as the mapping says, checked with the documentation services' own
 * rules ({@link CaseBatch}), and, in a real run, added to the batch. Rows with the same {@code event_number} (or,
 * without that column, the same title and date) make one event, whose values come from its first row; each row with
 * anything of an act makes one act; within an event, rows naming the same victim share one person. Every problem is
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
    private final Map<String, Long> victims = new HashMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private long problemCount;
    private long rows;
    private int eventCount;
    private int personCount;
    private int actCount;
    private int involvementCount;

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
        return new ImportOutcome(rows, eventCount, personCount, actCount, involvementCount, problemCount, problems);
    }

    /** The cells a row gives to the fields, and what went wrong reading them. */
    private final class Cells {
        final Table.Row row;
        boolean bad;

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
            ImportRun.this.problem(new ImportProblem(row.number(), mapping.columnOf(field), key, List.of(arguments)));
        }

        /** The rule a service found broken, against the column of the field it concerns. */
        void violated(InvalidInput invalid, Map<String, ImportField> fields) {
            for (var violation : invalid.violations()) {
                String field = violation.field();
                ImportField concerned = fields.get(field.contains(".") ? field.substring(0, field.indexOf('.')) : field);
                bad = true;
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
    private static final Map<String, ImportField> PERSON_FIELDS = Map.of("identity", ImportField.VICTIM_NAME);
    private static final Map<String, ImportField> INVOLVEMENT_FIELDS = Map.of("agency", ImportField.PERPETRATOR_AGENCY,
            "unit", ImportField.UNIT, "rankRole", ImportField.RANK_ROLE, "perpetratorName", ImportField.PERPETRATOR_NAME,
            "degree", ImportField.DEGREE);

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
        if (!hasAct(cells)) return;
        act(cells, key, eventId, rowDate);
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

    private boolean hasAct(Cells cells) {
        for (ImportField field : ImportField.values()) {
            if (field.ofAct() && cells.text(field) != null) return true;
        }
        return false;
    }

    private void act(Cells cells, String eventKey, long eventId, FuzzyDate rowDate) {
        boolean eventBad = cells.bad;
        cells.bad = false;
        String name = cells.text(ImportField.VICTIM_NAME);
        CaseBatch.Checked person = null;
        if (name == null) {
            cells.problem(ImportField.VICTIM_NAME, "exchange.problem.victim-required");
        } else if (!victims.containsKey(eventKey + '\u0000' + name)) {
            try {
                person = batch.person(new PersonDraft(new Identity(name, List.of(), null, null, null), false, null, null,
                        null, List.of(), false, null));
            } catch (InvalidInput invalid) {
                cells.violated(invalid, PERSON_FIELDS);
            }
        }

        boolean ownDate = index[ImportField.ACT_DATE.ordinal()] >= 0;
        FuzzyDate date = ownDate ? cells.date(ImportField.ACT_DATE, null) : rowDate;
        var draft = new ActDraft(null, cells.code(ImportField.ACT_TYPE), date, null, null,
                cells.code(ImportField.LOCATION_TYPE), null, null, null, cells.codes(ImportField.METHODS), null, null,
                cells.number(ImportField.AGE_AT_TIME), null, null, null, List.of(), null, null);
        CaseBatch.Checked act = null;
        try {
            act = batch.act(draft);
        } catch (InvalidInput invalid) {
            var fields = Map.of("actType", ImportField.ACT_TYPE, "initialDate", ownDate ? ImportField.ACT_DATE : ImportField.EVENT_DATE,
                    "endDate", ownDate ? ImportField.ACT_DATE : ImportField.EVENT_DATE, "methods", ImportField.METHODS,
                    "locationType", ImportField.LOCATION_TYPE, "ageAtTime", ImportField.AGE_AT_TIME);
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
        if (cells.bad || eventBad || eventId < 0) return;

        String victimKey = eventKey + '\u0000' + name;
        Long victimId = victims.get(victimKey);
        if (victimId == null) {
            personCount++;
            victimId = writing ? batch.addPerson(person) : 0;
            victims.put(victimKey, victimId);
        }
        actCount++;
        involvementCount += involvements.size();
        if (writing) {
            long actId = batch.addAct(eventId, victimId, act);
            involvements.forEach(involvement -> batch.addInvolvement(actId, involvement));
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
