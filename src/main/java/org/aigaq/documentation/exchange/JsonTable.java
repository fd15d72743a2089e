package org.aigaq.documentation.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.FuzzyDate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import org.aigaq.platform.tabular.UploadedFile;
import org.aigaq.platform.tabular.Table;
import org.aigaq.platform.tabular.ImportProblem;

/**
 * A JSON file read one record at a time and laid out as rows, so that it maps like a CSV file. Three shapes are
 * read: an array of flat objects (each property a column; arrays joined with ';'; a term object by its code), and
 * the two shapes {@code CaseExport} writes, {@code {"cases": [...]}} (Aigaq case files) and {@code {"events": [...]}}
 * (HURIDOCS field names), each case giving one row per act with the columns of the CSV export. A case's involvements
 * come back as the list of their agencies with the first one's unit, rank, name and degree.
 */
final class JsonTable implements Table {

    enum Shape { RECORDS, CASES, HURIDOCS }

    static final List<String> CASE_COLUMNS = List.of("event_number", "event_title", "event_description", "event_date",
            "date_precision", "region", "violation_status", "monitoring_status", "sharing", "act_type", "act_date",
            "victim", "methods", "location_type", "age_at_time", "perpetrator_agencies", "unit", "rank_role",
            "perpetrator_name", "degree");
    static final List<String> HURIDOCS_COLUMNS = List.of("event_record_number", "event_title", "event_description",
            "initial_date", "initial_date_type", "geographical_term", "violation_status", "monitoring_status",
            "type_of_act", "act_initial_date", "victim", "method_of_violence", "type_of_location",
            "age_at_time_of_victimisation", "agency", "unit", "rank_role", "degree_of_involvement");

    private final InputStream in;
    private final JsonParser parser;
    private final ObjectReader json;
    private final Shape shape;
    private final List<String> columns;
    private final ArrayDeque<Row> pending = new ArrayDeque<>();
    private long record;
    private boolean ended;

    private JsonTable(UploadedFile file, JsonMapper json, List<String> columns) throws IOException {
        this.in = file.open();
        // Records are read one after the other from one parser: what follows a record is no error.
        this.json = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try {
            this.parser = this.json.createParser(in);
            this.shape = findRecords();
        } catch (JacksonException e) {
            in.close();
            throw malformed(e, 0);
        } catch (Unreadable e) {
            in.close();
            throw e;
        }
        this.columns = switch (shape) {
            case CASES -> CASE_COLUMNS;
            case HURIDOCS -> HURIDOCS_COLUMNS;
            case RECORDS -> columns;
        };
    }

    /** Opens a file whose columns are known (those {@link #columnsOf} found when it was uploaded). */
    static JsonTable open(UploadedFile file, JsonMapper json, List<String> columns) {
        try {
            return new JsonTable(file, json, columns == null ? List.of() : columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns of a file: fixed for the export shapes, every property met in any record for an array of objects. */
    static List<String> columnsOf(UploadedFile file, JsonMapper json) {
        try (var table = open(file, json, List.of())) {
            if (table.shape != Shape.RECORDS) return table.columns;
            var names = new LinkedHashSet<String>();
            try {
                JsonNode node;
                while ((node = table.nextRecord()) != null) {
                    names.addAll(node.propertyNames());
                }
            } catch (Unreadable unreadable) {
                // The records before the break still name the columns; the dry run reports the break with its record.
                if (names.isEmpty()) throw unreadable;
            }
            return List.copyOf(names);
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public Row next() {
        while (pending.isEmpty()) {
            JsonNode node = nextRecord();
            if (node == null) return null;
            switch (shape) {
                case RECORDS -> pending.add(new Row(record, columns.stream().map(c -> nz(text(node.get(c)))).toList()));
                case CASES -> caseRows(node);
                case HURIDOCS -> huridocsRows(node);
            }
        }
        return pending.poll();
    }

    @Override
    public void close() {
        try {
            parser.close();
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves to the array of records: the whole document, or the "cases" or "events" property of an object. */
    private Shape findRecords() {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) return Shape.RECORDS;
        if (token == JsonToken.START_OBJECT) {
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                token = parser.nextToken();
                if (token == JsonToken.START_ARRAY && (name.equals("cases") || name.equals("events"))) {
                    return name.equals("cases") ? Shape.CASES : Shape.HURIDOCS;
                }
                parser.skipChildren();
            }
        }
        throw new Unreadable(new ImportProblem(0, null, "exchange.problem.json-shape", List.of()));
    }

    private JsonNode nextRecord() {
        if (ended) return null;
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                ended = true;
                return null;
            }
            record++;
            if (token != JsonToken.START_OBJECT) {
                throw new Unreadable(new ImportProblem(record, null, "exchange.problem.json-record", List.of()));
            }
            return json.readTree(parser);
        } catch (JacksonException e) {
            throw malformed(e, record + (record == 0 ? 1 : 0));
        }
    }

    private static Unreadable malformed(JacksonException e, long record) {
        var at = e.getLocation();
        return new Unreadable(new ImportProblem(record, null, "exchange.problem.json",
                List.of(at == null ? "?" : String.valueOf(at.getLineNr()), at == null ? "?" : String.valueOf(at.getColumnNr()))));
    }

    private void caseRows(JsonNode file) {
        JsonNode event = file.path("event");
        var eventValues = List.of(nz(text(event.get("recordNumber"))), nz(text(event.get("title"))),
                nz(text(event.get("description"))), nz(text(event.get("initial"))), nz(text(event.path("initial").get("precision"))),
                nz(text(event.get("region"))), nz(text(event.get("violationStatus"))), nz(text(event.get("monitoringStatus"))),
                nz(text(event.get("sharing"))));
        JsonNode acts = file.path("acts");
        if (acts.isEmpty()) {
            pending.add(row(eventValues, List.of()));
            return;
        }
        for (JsonNode act : acts) {
            JsonNode person = file.path("people").path(text(act.get("victimId")));
            String victim = person.path("identity").isObject() ? text(person.path("identity").get("name")) : text(person.get("pseudonym"));
            var involvements = new ArrayList<JsonNode>();
            for (JsonNode involvement : file.path("involvements")) {
                if (Objects.equals(text(involvement.get("actId")), text(act.get("id")))) involvements.add(involvement);
            }
            JsonNode first = involvements.isEmpty() ? null : involvements.getFirst();
            pending.add(row(eventValues, List.of(nz(text(act.get("actType"))), nz(text(act.get("initial"))), nz(victim),
                    nz(text(act.get("methods"))), nz(text(act.get("locationType"))), nz(text(act.get("ageAtTime"))),
                    joined(involvements, "agency"), nz(first == null ? null : text(first.get("unit"))),
                    nz(first == null ? null : text(first.get("rankRole"))),
                    nz(first == null ? null : text(first.get("perpetratorName"))),
                    nz(first == null ? null : text(first.get("degree"))))));
        }
    }

    private void huridocsRows(JsonNode event) {
        var eventValues = List.of(nz(text(event.get("event_record_number"))), nz(text(event.get("event_title"))),
                nz(text(event.get("event_description"))), nz(shown(event.get("initial_date"), event.get("initial_date_type"))),
                nz(text(event.get("initial_date_type"))), nz(text(event.get("geographical_term"))),
                nz(text(event.get("violation_status"))), nz(text(event.get("monitoring_status"))));
        JsonNode acts = event.path("acts");
        if (acts.isEmpty()) {
            pending.add(row(eventValues, List.of()));
            return;
        }
        for (JsonNode act : acts) {
            var involvements = new ArrayList<JsonNode>();
            act.path("involvements").forEach(involvements::add);
            JsonNode first = involvements.isEmpty() ? null : involvements.getFirst();
            pending.add(row(eventValues, List.of(nz(text(act.get("type_of_act"))),
                    nz(shown(act.get("initial_date"), act.get("initial_date_type"))), nz(text(act.get("victim"))),
                    nz(text(act.get("method_of_violence"))), nz(text(act.get("type_of_location"))),
                    nz(text(act.get("age_at_time_of_victimisation"))), joined(involvements, "agency"),
                    nz(first == null ? null : text(first.get("unit"))), nz(first == null ? null : text(first.get("rank_role"))),
                    nz(first == null ? null : text(first.get("degree_of_involvement"))))));
        }
    }

    private Row row(List<String> eventValues, List<String> actValues) {
        var values = new ArrayList<String>(columns.size());
        values.addAll(eventValues);
        values.addAll(actValues);
        while (values.size() < columns.size()) values.add("");
        return new Row(record, values);
    }

    private static String joined(List<JsonNode> involvements, String property) {
        var values = new LinkedHashSet<String>();
        for (JsonNode involvement : involvements) {
            String value = text(involvement.get(property));
            if (value != null && !value.isBlank()) values.add(value);
        }
        return String.join(";", values);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** A value as the text a CSV cell would hold: a term by its code, a date as precisely as it is known, a list joined. */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) return null;
        if (value.isValueNode()) return value.asString();
        if (value.isArray()) {
            var parts = new ArrayList<String>();
            for (JsonNode item : value) {
                String part = text(item);
                if (part != null && !part.isBlank()) parts.add(part);
            }
            return String.join(";", parts);
        }
        if (value.has("code")) return text(value.get("code"));
        if (value.has("date") && value.has("precision")) return shown(value.get("date"), value.get("precision"));
        return null;
    }

    private static String shown(JsonNode date, JsonNode precision) {
        String text = text(date);
        if (text == null || text.isBlank()) return null;
        try {
            var p = precision == null || text(precision) == null ? DatePrecision.EXACT : DatePrecision.valueOf(text(precision));
            return new FuzzyDate(LocalDate.parse(text), p).shown();
        } catch (RuntimeException e) {
            return text;
        }
    }
}
