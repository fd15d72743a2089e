package org.aigaq.detention;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.People;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.documentation.Place;
import org.aigaq.documentation.Places;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.tabular.CsvDetection;
import org.aigaq.platform.tabular.CsvTable;
import org.aigaq.platform.tabular.ImportProblem;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.Table;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.tabular.UploadedFile;
import org.aigaq.platform.tabular.WaitingFiles;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports of deaths or self-harm incidents from spreadsheets (CSV read by {@code platform.tabular}): upload, mapping of
 * columns to fields and of each spelling found to a term, a dry run that lists every problem by row and column, and a
 * run that writes every row or none in one transaction, audited once with its counts. Only the uploader sees a job.
 */
@Service
public class CustodyImports {

    static final String PREFIX = "custody";
    /** At most this many problems are kept to show; all are counted. */
    static final int PROBLEMS_KEPT = 500;
    /** At most this many distinct spellings per field are offered for mapping. */
    static final int SPELLINGS_SHOWN = 300;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final WaitingFiles files;
    private final JsonMapper json;
    private final Vocabularies vocabularies;
    private final Places places;
    private final People people;
    private final DeathsInCustody deaths;
    private final SelfHarmIncidents selfHarm;

    CustodyImports(JdbcClient jdbc, AuditTrail audit, WaitingFiles files, JsonMapper json, Vocabularies vocabularies,
                   Places places, People people, DeathsInCustody deaths, SelfHarmIncidents selfHarm) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.files = files;
        this.json = json;
        this.vocabularies = vocabularies;
        this.places = places;
        this.people = people;
        this.deaths = deaths;
        this.selfHarm = selfHarm;
    }

    /** Keeps the uploaded file (encrypted), finds its encoding, separator and columns, and proposes a mapping. */
    @Transactional
    public CustodyImport upload(CustodyImportField.Kind kind, InputStream content) {
        CustodyRegisterAccess.requireRecorder();
        if (kind == null || kind == CustodyImportField.Kind.BOTH) throw new InvalidInput("kind", "validation.required");
        var user = CurrentUser.require();
        var kept = files.keep(PREFIX, content);
        CsvDetection detection;
        try {
            detection = CsvDetection.of(kept.file(), null, null);
        } catch (Table.Unreadable unreadable) {
            files.delete(kept.file().path());
            throw new InvalidInput("file", unreadable.problem().messageKey(), unreadable.problem().messageArguments());
        }
        if (detection.columns().isEmpty()) {
            files.delete(kept.file().path());
            throw new InvalidInput("file", "detention.import.no-columns");
        }
        var mapping = new LinkedHashMap<String, String>();
        for (CustodyImportField field : CustodyImportField.of(kind)) {
            detection.columns().stream().filter(field::proposedFor).findFirst().ifPresent(c -> mapping.put(field.key(), c));
        }
        long id = jdbc.sql("""
                INSERT INTO custody_import (kind, user_id, organisation_id, file_path, file_size, sha256, encoding, separator,
                                            columns, mapping, status)
                VALUES (:kind, :user, :organisation, :path, :size, :sha, :encoding, :separator, :columns::jsonb,
                        :mapping::jsonb, 'UPLOADED') RETURNING id
                """).param("kind", kind.name()).param("user", user.id()).param("organisation", user.organisationId())
                .param("path", kept.file().path().toString()).param("size", kept.size()).param("sha", kept.sha256())
                .param("encoding", detection.encoding().name()).param("separator", detection.separator().name())
                .param("columns", json.writeValueAsString(detection.columns()))
                .param("mapping", json.writeValueAsString(mapping)).query(Long.class).single();
        audit.record("custody-import.uploaded", "custody_import", id,
                Map.of("kind", kind.name(), "sha256", kept.sha256(), "size", kept.size()));
        proposeValues(id);
        return get(id);
    }

    /** The job, for the user who uploaded it; anyone else is told it does not exist. */
    public CustodyImport get(long id) {
        var user = CurrentUser.require();
        return jdbc.sql("SELECT * FROM custody_import WHERE id = :id AND user_id = :user").param("id", id).param("user", user.id())
                .query((rs, n) -> new CustodyImport(rs.getLong("id"), CustodyImportField.Kind.valueOf(rs.getString("kind")),
                        rs.getString("status"), json.readValue(rs.getString("columns"), new TypeReference<List<String>>() {}),
                        json.readValue(rs.getString("mapping"), new TypeReference<LinkedHashMap<String, String>>() {}),
                        json.readValue(rs.getString("value_mapping"), new TypeReference<LinkedHashMap<String, Map<String, String>>>() {}),
                        rs.getObject("rows_read", Integer.class), rs.getObject("records", Integer.class),
                        rs.getObject("problem_count", Integer.class),
                        json.readValue(rs.getString("problems"), new TypeReference<List<ImportProblem>>() {})))
                .optional().orElseThrow(() -> new NoSuchRecord("custody_import", id));
    }

    /**
     * Sets which column each field is read from and which term each spelling stands for; spellings the user leaves
     * unmapped stay proposals. Mapping a field to a column the file does not have is refused, by field.
     */
    @Transactional
    public CustodyImport map(long id, Map<String, String> columns, Map<String, Map<String, String>> values) {
        var job = requireOpen(id);
        var mapping = new LinkedHashMap<String, String>();
        var problems = new ArrayList<InvalidInput.Violation>();
        for (CustodyImportField field : job.fields()) {
            String column = columns == null ? null : columns.get(field.key());
            if (column == null || column.isBlank()) continue;
            if (!job.columns().contains(column)) {
                problems.add(new InvalidInput.Violation("columns." + field.key(), "detention.import.column-unknown"));
            } else {
                mapping.put(field.key(), column);
            }
        }
        var chosen = new LinkedHashMap<String, Map<String, String>>();
        if (values != null) {
            values.forEach((key, spellings) -> {
                var field = job.fields().stream().filter(f -> f.key().equals(key) && f.vocabulary() != null).findFirst();
                if (field.isEmpty() || spellings == null) return;
                var terms = new LinkedHashMap<String, String>();
                spellings.forEach((spelling, code) -> {
                    if (code == null || code.isBlank()) {
                        terms.put(spelling, "");
                    } else if (vocabularies.find(field.get().vocabulary(), code.strip()).isEmpty()) {
                        problems.add(new InvalidInput.Violation("values." + key, "vocabulary.unknown-term"));
                    } else {
                        terms.put(spelling, code.strip());
                    }
                });
                chosen.put(key, terms);
            });
        }
        if (!problems.isEmpty()) throw new InvalidInput(problems);
        var merged = new LinkedHashMap<>(job.values());
        chosen.forEach((key, terms) -> merged.merge(key, terms, (old, fresh) -> {
            var all = new LinkedHashMap<>(old);
            all.putAll(fresh);
            return all;
        }));
        jdbc.sql("""
                UPDATE custody_import SET mapping = :mapping::jsonb, value_mapping = :values::jsonb, status = 'UPLOADED',
                    updated_at = now() WHERE id = :id
                """).param("mapping", json.writeValueAsString(mapping)).param("values", json.writeValueAsString(merged))
                .param("id", id).update();
        proposeValues(id);
        return get(id);
    }

    /** Reads every row and lists every problem by row and column; writes nothing but the job's own state. */
    @Transactional
    public CustodyImport dryRun(long id) {
        var job = requireOpen(id);
        var checked = check(job);
        record(id, checked, checked.problems().isEmpty() ? "CHECKED" : "REFUSED", null);
        return get(id);
    }

    /**
     * Checks every row again and, when none has a problem, writes them all in this one transaction (a failure leaves
     * nothing); audited once with the counts and the file's SHA-256.
     */
    @Transactional
    public CustodyImport run(long id) {
        var job = requireOpen(id);
        var checked = check(job);
        if (!checked.problems().isEmpty()) {
            record(id, checked, "REFUSED", null);
            return get(id);
        }
        int written = 0;
        int named = 0;
        for (Checked.Row row : checked.rows()) {
            Long person = null;
            if (row.personName() != null) {
                person = people.record(new PersonDraft(new Identity(row.personName(), List.of(), null, null, null), false,
                        null, null, null, List.of(), true, row.date() == null ? null : row.date().date())).id();
                named++;
            }
            if (job.kind() == CustodyImportField.Kind.DEATHS) {
                var values = new HashMap<>(row.values());
                values.put("personId", person);
                deaths.insert(values, List.of());
            } else {
                selfHarm.insert(row.values());
            }
            written++;
        }
        record(id, checked, "IMPORTED", written);
        String path = jdbc.sql("SELECT file_path FROM custody_import WHERE id = :id").param("id", id).query(String.class).single();
        jdbc.sql("UPDATE custody_import SET file_path = NULL WHERE id = :id").param("id", id).update();
        audit.record("custody-import.imported", "custody_import", id, Map.of("kind", job.kind().name(), "rows", checked.rowsRead(),
                "records", written, "people", named, "sha256", sha256(id)));
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        files.delete(Path.of(path));
                    }
                });
        return get(id);
    }

    /** The rows as checked: their values as the services store them, and every problem. */
    record Checked(List<Row> rows, List<ImportProblem> problems, int problemCount, int rowsRead) {
        record Row(String personName, FuzzyDate date, Map<String, Object> values) {}
    }

    private Checked check(CustodyImport job) {
        var problems = new ArrayList<ImportProblem>();
        int[] count = {0};
        var rows = new ArrayList<Checked.Row>();
        var fields = job.fields();
        for (CustodyImportField field : fields) {
            if (field.required() && !job.mapping().containsKey(field.key())) {
                problems.add(new ImportProblem(0, null, "detention.import.field-unmapped", List.of(field.messageKey())));
                count[0]++;
            }
        }
        if (!problems.isEmpty()) return new Checked(List.of(), problems, count[0], 0);
        var placeCache = new HashMap<String, Long>();
        int read = 0;
        try (var table = open(job.id())) {
            var index = new HashMap<String, Integer>();
            for (int i = 0; i < table.columns().size(); i++) index.putIfAbsent(table.columns().get(i), i);
            Table.Row row;
            while ((row = table.next()) != null) {
                read++;
                var cells = new HashMap<CustodyImportField, String>();
                for (CustodyImportField field : fields) {
                    String column = job.mapping().get(field.key());
                    Integer at = column == null ? null : index.get(column);
                    String value = at == null || at >= row.values().size() ? null : row.values().get(at);
                    cells.put(field, value == null || value.isBlank() ? null : value.strip());
                }
                if (cells.values().stream().allMatch(java.util.Objects::isNull)) continue; // an empty line of the sheet
                var rowProblems = new ArrayList<ImportProblem>();
                long number = row.number();
                java.util.function.BiConsumer<CustodyImportField, String> problem = (field, key) ->
                        rowProblems.add(new ImportProblem(number, job.mapping().get(field.key()), key,
                                List.of(cells.get(field) == null ? "" : cells.get(field))));
                // The place: by official code (Latin or Cyrillic, as the registry finds it) or by name.
                Long place = null;
                String placeText = cells.get(CustodyImportField.PLACE);
                if (placeText == null) {
                    problem.accept(CustodyImportField.PLACE, "detention.import.place-missing");
                } else {
                    place = placeCache.computeIfAbsent(SpellingProposals.plain(placeText), key -> findPlace(placeText));
                    if (place == -1L) {
                        problem.accept(CustodyImportField.PLACE, "detention.import.place-unknown");
                        place = null;
                    }
                }
                String dateText = cells.get(CustodyImportField.DATE);
                FuzzyDate date = LooseDates.read(dateText);
                if (dateText == null) problem.accept(CustodyImportField.DATE, "detention.import.date-missing");
                else if (date == null) problem.accept(CustodyImportField.DATE, "detention.import.date-unreadable");
                var codes = new HashMap<CustodyImportField, String>();
                for (CustodyImportField field : fields) {
                    if (field.vocabulary() == null || cells.get(field) == null) continue;
                    String code = job.values().getOrDefault(field.key(), Map.of()).get(cells.get(field));
                    if (code == null || code.isBlank()) problem.accept(field, "detention.import.value-unmapped");
                    else codes.put(field, code);
                }
                Map<String, Object> values = null;
                if (rowProblems.isEmpty()) {
                    try {
                        values = job.kind() == CustodyImportField.Kind.DEATHS
                                ? deaths.check(new DeathDraft(null, place, date, codes.get(CustodyImportField.OFFICIAL_CAUSE),
                                        codes.get(CustodyImportField.MANNER), null, codes.get(CustodyImportField.ALLEGED_CAUSE),
                                        cells.get(CustodyImportField.FAMILY_ACCOUNT), codes.get(CustodyImportField.AUTOPSY), null,
                                        null, null, null, null, null, null, null, null,
                                        cells.get(CustodyImportField.INVESTIGATION_ARTICLE),
                                        codes.get(CustodyImportField.INVESTIGATION_OUTCOME), null, List.of(), Sharing.ORGANISATION))
                                : selfHarm.check(selfHarmDraft(place, date, codes, cells, problem));
                        String name = cells.get(CustodyImportField.PERSON);
                        if (name != null && name.length() > 300) problem.accept(CustodyImportField.PERSON, "detention.import.too-long");
                    } catch (InvalidInput invalid) {
                        for (var violation : invalid.violations()) {
                            var field = fieldOf(violation.field());
                            rowProblems.add(new ImportProblem(number, field == null ? null : job.mapping().get(field.key()),
                                    violation.messageKey(), List.of(violation.arguments())));
                        }
                    }
                }
                count[0] += rowProblems.size();
                for (var p : rowProblems) if (problems.size() < PROBLEMS_KEPT) problems.add(p);
                if (rowProblems.isEmpty()) rows.add(new Checked.Row(cells.get(CustodyImportField.PERSON), date, values));
            }
        } catch (Table.Unreadable unreadable) {
            problems.add(unreadable.problem());
            count[0]++;
        }
        return new Checked(count[0] == 0 ? rows : List.of(), problems, count[0], read);
    }

    private static SelfHarmDraft selfHarmDraft(Long place, FuzzyDate date, Map<CustodyImportField, String> codes,
                                               Map<CustodyImportField, String> cells,
                                               java.util.function.BiConsumer<CustodyImportField, String> problem) {
        Integer people = null;
        String count = cells.get(CustodyImportField.PEOPLE);
        if (count != null) {
            try {
                people = Integer.parseInt(count.replaceAll("\\s", ""));
            } catch (NumberFormatException e) {
                throw new InvalidInput("people", "detention.import.number-unreadable", count);
            }
        }
        boolean group = people != null && people > 1;
        return new SelfHarmDraft(place, null, date, codes.get(CustodyImportField.KIND), group, people,
                cells.get(CustodyImportField.REASON), cells.get(CustodyImportField.RESPONSE), Sharing.ORGANISATION);
    }

    /** The import field a service's rule names (placeId, officialCause…), for the problem's column. */
    private static CustodyImportField fieldOf(String serviceField) {
        String key = serviceField.endsWith("Id") ? serviceField.substring(0, serviceField.length() - 2) : serviceField;
        for (CustodyImportField field : CustodyImportField.values()) if (field.key().equals(key)) return field;
        return null;
    }

    private Long findPlace(String text) {
        String wanted = SpellingProposals.plain(text);
        String wantedCode = SpellingProposals.skeleton(text);
        for (Place place : places.find(text, 20)) {
            if (SpellingProposals.plain(place.name()).equals(wanted)) return place.id();
            if (place.officialCode() != null && SpellingProposals.skeleton(place.officialCode()).equals(wantedCode)) return place.id();
        }
        // A code written in the other script (АК-159/5 for AK-159/5): look for its Latin or Cyrillic twin.
        String latin = com.ibm.icu.text.Transliterator.getInstance("Any-Latin; Latin-ASCII").transliterate(text.strip());
        if (!latin.equals(text.strip())) {
            for (Place place : places.find(latin, 20)) {
                if (place.officialCode() != null && SpellingProposals.skeleton(place.officialCode()).equals(wantedCode)) return place.id();
            }
        }
        return -1L;
    }

    /** For each mapped vocabulary field, the distinct spellings of its column, each with a proposed term if none is chosen. */
    private void proposeValues(long id) {
        var job = get(id);
        var spellings = new LinkedHashMap<String, LinkedHashSet<String>>();
        var mapped = job.fields().stream().filter(f -> f.vocabulary() != null && job.mapping().containsKey(f.key())).toList();
        if (mapped.isEmpty()) return;
        try (var table = open(id)) {
            var index = new HashMap<String, Integer>();
            for (int i = 0; i < table.columns().size(); i++) index.putIfAbsent(table.columns().get(i), i);
            Table.Row row;
            while ((row = table.next()) != null) {
                for (CustodyImportField field : mapped) {
                    Integer at = index.get(job.mapping().get(field.key()));
                    if (at == null || at >= row.values().size()) continue;
                    String value = row.values().get(at);
                    if (value == null || value.isBlank()) continue;
                    var seen = spellings.computeIfAbsent(field.key(), k -> new LinkedHashSet<>());
                    if (seen.size() < SPELLINGS_SHOWN) seen.add(value.strip());
                }
            }
        } catch (Table.Unreadable unreadable) {
            return; // the dry run reports it by row
        }
        var proposals = new SpellingProposals(vocabularies);
        var values = new LinkedHashMap<String, Map<String, String>>();
        for (CustodyImportField field : mapped) {
            var chosen = job.values().getOrDefault(field.key(), Map.of());
            var terms = new LinkedHashMap<String, String>();
            for (String spelling : spellings.getOrDefault(field.key(), new LinkedHashSet<>())) {
                String code = chosen.get(spelling);
                if (code == null) code = proposals.propose(field.vocabulary(), spelling);
                terms.put(spelling, code == null ? "" : code);
            }
            values.put(field.key(), terms);
        }
        jdbc.sql("UPDATE custody_import SET value_mapping = :values::jsonb WHERE id = :id")
                .param("values", json.writeValueAsString(values)).param("id", id).update();
    }

    private CustodyImport requireOpen(long id) {
        CustodyRegisterAccess.requireRecorder();
        var job = get(id);
        if (job.status().equals("IMPORTED")) throw new InvalidInput("status", "detention.import.already-imported");
        boolean waiting = jdbc.sql("SELECT file_path IS NOT NULL FROM custody_import WHERE id = :id").param("id", id)
                .query(Boolean.class).single();
        if (!waiting) throw new InvalidInput("file", "detention.import.expired");
        return job;
    }

    /**
     * Files of imports left unfinished for a day are deleted at start (they hold identities, if encrypted), and so are
     * files no import names (a crash between keeping the file and recording the import).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void removeAbandonedFiles() {
        var expired = jdbc.sql("""
                WITH old AS (SELECT id, file_path FROM custody_import
                             WHERE file_path IS NOT NULL AND updated_at < now() - interval '1 day' FOR UPDATE)
                UPDATE custody_import j SET file_path = NULL, updated_at = now()
                FROM old WHERE j.id = old.id
                RETURNING old.file_path
                """).query(String.class).list();
        expired.stream().filter(java.util.Objects::nonNull).forEach(path -> files.delete(Path.of(path)));
        files.removeAbandoned(PREFIX, new java.util.HashSet<>(jdbc.sql(
                "SELECT file_path FROM custody_import WHERE file_path IS NOT NULL").query(String.class).list()));
    }

    private Table open(long id) {
        var row = jdbc.sql("SELECT file_path, encoding, separator FROM custody_import WHERE id = :id").param("id", id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        UploadedFile file = files.file(Path.of(row[0]));
        return CsvTable.open(file, TextEncoding.valueOf(row[1]), Separator.valueOf(row[2]));
    }

    private String sha256(long id) {
        return jdbc.sql("SELECT sha256 FROM custody_import WHERE id = :id").param("id", id).query(String.class).single();
    }

    private void record(long id, Checked checked, String status, Integer written) {
        jdbc.sql("""
                UPDATE custody_import SET status = :status, rows_read = :rows, records = :records, problem_count = :count,
                    problems = :problems::jsonb, updated_at = now() WHERE id = :id
                """).param("status", status).param("rows", checked.rowsRead()).param("records", written)
                .param("count", checked.problemCount()).param("problems", json.writeValueAsString(checked.problems()))
                .param("id", id).update();
    }
}
