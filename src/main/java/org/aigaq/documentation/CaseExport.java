package org.aigaq.documentation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the cases a user may see as CSV (one row per act), JSON (whole case files) or HURIDOCS-structured JSON, a
 * page of cases at a time so that a large export never sits whole in memory. Identities appear only where the user
 * may see them; otherwise the pseudonym stands in. The export is audited once, with what it contained.
 */
@Service
public class CaseExport {

    /** The formats a user can export to. */
    public enum Format { CSV, JSON, HURIDOCS }

    /** Cases read at a time: each part of a page of cases is read in one query. */
    private static final int PAGE = 500;

    private final Events events;
    private final CaseFiles caseFiles;
    private final Vocabularies vocabularies;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Places places;

    CaseExport(Events events, CaseFiles caseFiles, Vocabularies vocabularies, AuditTrail audit, JsonMapper json,
               Places places) {
        this.events = events;
        this.caseFiles = caseFiles;
        this.vocabularies = vocabularies;
        this.audit = audit;
        this.json = json;
        this.places = places;
    }

    /** One snapshot for the whole export: cases recorded meanwhile are not half in it. */
    @Transactional(isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public void write(Format format, Events.Filter filter, OutputStream out) throws IOException {
        int count = switch (format) {
            case CSV -> writeCsv(filter, out);
            case JSON, HURIDOCS -> writeJson(format, filter, out);
        };
        audit.record("export", "event", null, Map.of("format", format.name(), "cases", count));
    }

    /**
     * The CSV columns, named as the import recognises them so that an export imports back. The first fifteen are those
     * of earlier exports, in the same order; the rest follow.
     */
    private static final String[] CSV_COLUMNS = {"event_number", "event_title", "event_date", "date_precision", "region",
            "violation_status", "monitoring_status", "organisation", "sharing", "act_type", "victim", "methods",
            "location_type", "age_at_time", "perpetrator_agencies", "victim_key", "other_names", "sex", "date_of_birth",
            "citizenship", "place_code", "place", "unit", "rank_role", "degree", "source_type", "reliability",
            "date_received", "source_summary", "intervention_type", "intervention_date", "intervening_party",
            "intervention_status"};

    /**
     * One row per act; a case's sources and interventions are laid beside its acts, row by row, with rows of the event
     * alone for those left over, so that each is written once and an import records each once.
     */
    private int writeCsv(Events.Filter filter, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // A byte-order mark so that spreadsheets open the Cyrillic text as UTF-8.
        writer.write('\uFEFF');
        var csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get());
        var places = new java.util.HashMap<Long, Place>();
        int count = forEachCase(filter, file -> {
            Event e = file.event();
            int rows = Math.max(1, Math.max(file.acts().size(), Math.max(file.information().size(), file.interventions().size())));
            for (int i = 0; i < rows; i++) {
                Act a = i < file.acts().size() ? file.acts().get(i) : null;
                Information source = i < file.information().size() ? file.information().get(i) : null;
                Intervention intervention = i < file.interventions().size() ? file.interventions().get(i) : null;
                var row = new ArrayList<Object>(CSV_COLUMNS.length);
                row.addAll(java.util.Arrays.asList(e.recordNumber(), e.title(),
                        a == null ? e.initial().shown() : a.initial().shown(),
                        a == null ? e.initial().precision() : a.initial().precision(), e.region(), e.violationStatus(),
                        e.monitoringStatus(), e.organisationName(), e.sharing()));
                if (a == null) {
                    row.addAll(java.util.Collections.nCopies(6, ""));
                    row.addAll(java.util.Collections.nCopies(10, ""));
                } else {
                    Person victim = file.person(a.victimId());
                    var involvements = file.involvementsOf(a.id());
                    var agencies = involvements.stream().map(Involvement::agency).filter(x -> x != null).distinct().toList();
                    Involvement first = involvements.isEmpty() ? null : involvements.getFirst();
                    Identity identity = victim.identity();
                    Place place = a.placeId() == null ? null : places.computeIfAbsent(a.placeId(), this.places::get);
                    row.addAll(java.util.Arrays.asList(a.actType(), victim.shownName(), String.join(";", a.methods()),
                            a.locationType(), a.ageAtTime() == null ? "" : a.ageAtTime(), String.join(";", agencies),
                            victim.pseudonym(), identity == null ? "" : String.join(";", identity.otherNames()),
                            victim.sex(), identity == null ? null : identity.dateOfBirth(), victim.citizenship(),
                            place == null ? null : place.officialCode(), place == null ? null : place.name(),
                            first == null ? null : first.unit(), first == null ? null : first.rankRole(),
                            first == null ? null : first.degree()));
                }
                row.addAll(java.util.Arrays.asList(source == null ? null : source.sourceType(),
                        source == null ? null : source.reliability(), source == null ? null : source.dateReceived(),
                        source == null ? null : source.summary()));
                row.addAll(java.util.Arrays.asList(intervention == null ? null : intervention.interventionType(),
                        intervention == null || intervention.date() == null ? null : intervention.date().date(),
                        intervention == null ? null : intervention.interveningParty(),
                        intervention == null ? null : intervention.status()));
                csv.printRecord(row);
            }
        });
        csv.flush();
        return count;
    }

    private int writeJson(Format format, Events.Filter filter, OutputStream out) throws IOException {
        JsonGenerator generator = json.createGenerator(out);
        generator.writeStartObject();
        generator.writeStringProperty("format", format == Format.HURIDOCS ? "HURIDOCS Events Standard Formats (Aigaq)" : "Aigaq case files");
        generator.writeName(format == Format.HURIDOCS ? "events" : "cases");
        generator.writeStartArray();
        int count = forEachCase(filter, file -> json.writeValue(generator, format == Format.HURIDOCS ? huridocs(file) : file));
        generator.writeEndArray();
        generator.writeEndObject();
        generator.flush();
        return count;
    }

    /** A case in the field names of the HURIDOCS Events Standard Formats, with HURIDOCS term codes where known. */
    private Map<String, Object> huridocs(CaseFile file) {
        Event e = file.event();
        var event = new LinkedHashMap<String, Object>();
        event.put("event_record_number", e.recordNumber());
        event.put("event_title", e.title());
        event.put("initial_date", e.initial().date());
        event.put("initial_date_type", e.initial().precision());
        event.put("final_date", e.end() == null ? null : e.end().date());
        event.put("geographical_term", e.region());
        event.put("violation_status", term("violation-status", e.violationStatus()));
        event.put("monitoring_status", term("monitoring-status", e.monitoringStatus()));
        event.put("event_description", e.description());
        var acts = new ArrayList<Map<String, Object>>();
        for (Act a : file.acts()) {
            var act = new LinkedHashMap<String, Object>();
            act.put("victim", file.person(a.victimId()).shownName());
            act.put("type_of_act", term("act-type", a.actType()));
            act.put("initial_date", a.initial().date());
            act.put("initial_date_type", a.initial().precision());
            act.put("type_of_location", term("location-type", a.locationType()));
            act.put("method_of_violence", a.methods().stream().map(m -> term("method", m)).toList());
            act.put("age_at_time_of_victimisation", a.ageAtTime());
            act.put("involvements", file.involvementsOf(a.id()).stream().map(i -> {
                var involvement = new LinkedHashMap<String, Object>();
                involvement.put("degree_of_involvement", term("involvement-degree", i.degree()));
                involvement.put("type_of_perpetrator", term("perpetrator-type", i.perpetratorType()));
                involvement.put("agency", term("agency", i.agency()));
                involvement.put("unit", i.unit());
                involvement.put("rank_role", i.rankRole());
                return involvement;
            }).toList());
            acts.add(act);
        }
        event.put("acts", acts);
        event.put("interventions", file.interventions().stream().map(i -> Map.of(
                "type_of_intervention", term("intervention-type", i.interventionType()),
                "date_of_intervention", i.date().shown())).toList());
        return event;
    }

    /** A term as its code, label and HURIDOCS code, so that the file reads without Aigaq and maps back to HURIDOCS. */
    private Map<String, Object> term(String list, String code) {
        if (code == null) return null;
        var term = vocabularies.find(list, code);
        var value = new LinkedHashMap<String, Object>();
        value.put("code", code);
        value.put("label", term.map(t -> t.label(java.util.Locale.ENGLISH)).orElse(code));
        value.put("huridocs_code", term.map(t -> t.huridocsCode()).orElse(null));
        return value;
    }

    /** A step of an export that writes one case. */
    private interface CaseWriter {
        void write(CaseFile file) throws IOException;
    }

    private int forEachCase(Events.Filter filter, CaseWriter writer) throws IOException {
        int count = 0;
        Long after = null;
        do {
            var page = events.list(filter, after, PAGE);
            for (CaseFile file : caseFiles.assemble(page.events())) {
                writer.write(file);
                count++;
            }
            after = page.nextAfter();
        } while (after != null);
        return count;
    }
}
