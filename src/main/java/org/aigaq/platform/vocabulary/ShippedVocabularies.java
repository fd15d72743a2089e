package org.aigaq.platform.vocabulary;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aigaq.platform.audit.AuditActor;
import org.aigaq.platform.audit.AuditTrail;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At every start, adds the lists and terms Aigaq ships ({@code vocabulary/aigaq-vocabularies.csv}) that the database
 * does not have yet. It never changes or removes a term that is there, so administrators' additions and their
 * choices survive upgrades; several nodes starting at once add each term once. Administration commands skip it,
 * except the benchmark ({@code bench}), which records cases on a home that may be new.
 */
@Component
@Profile("!command | bench")
@Order(0)
class ShippedVocabularies implements ApplicationRunner {

    static final String RESOURCE = "vocabulary/aigaq-vocabularies.csv";
    private static final List<String> COLUMNS = List.of("list", "code", "parent_code", "en", "ru", "kk", "huridocs_code");
    private static final Pattern LIST_NUMBER = Pattern.compile("[0-9]{1,2}");
    private static final Pattern VOCAB_NUMBER = Pattern.compile("[0-9]{14}");

    /** A shipped list: a row of the file without a term code. */
    record ShippedList(String code, Map<String, String> labels, Integer huridocsList) {}

    /** A shipped term, with its depth and its place among its siblings as the file orders them. */
    record ShippedTerm(String list, String code, String parentCode, int level, int position, Map<String, String> labels,
                       String huridocsCode) {}

    /** Everything the file ships. */
    record Shipped(List<ShippedList> lists, List<ShippedTerm> terms) {}

    /** What a start added. */
    record Added(int lists, int terms) {}

    private final JdbcClient jdbc;
    private final Labels labels;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    ShippedVocabularies(JdbcClient jdbc, Labels labels, AuditTrail audit, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.labels = labels;
        this.audit = audit;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    Added load() {
        Shipped shipped = read();
        return transaction.execute(status -> {
            int lists = 0;
            int terms = 0;
            for (ShippedList list : shipped.lists()) {
                lists += jdbc.sql("""
                        INSERT INTO vocabulary_list (code, source, huridocs_list_code, labels)
                        VALUES (:code, 'aigaq', :huridocs, CAST(:labels AS jsonb))
                        ON CONFLICT (code) DO NOTHING
                        """)
                        .param("code", list.code()).param("huridocs", list.huridocsList())
                        .param("labels", labels.write(list.labels())).update();
            }
            for (ShippedTerm term : shipped.terms()) {
                terms += jdbc.sql("""
                        INSERT INTO vocabulary_term (list_code, code, parent_id, level, position, labels, huridocs_code, source)
                        SELECT :list, :code, (SELECT id FROM vocabulary_term WHERE list_code = :list AND code = :parent),
                               :level, :position, CAST(:labels AS jsonb), :huridocs, 'aigaq'
                        ON CONFLICT (list_code, code) DO NOTHING
                        """)
                        .param("list", term.list()).param("code", term.code()).param("parent", term.parentCode())
                        .param("level", term.level()).param("position", term.position())
                        .param("labels", labels.write(term.labels())).param("huridocs", term.huridocsCode())
                        .update();
            }
            if (lists + terms > 0) {
                audit.recordAs(AuditActor.system("start-up"), "vocabulary.shipped-loaded", "vocabulary", null,
                        Map.of("lists", lists, "terms", terms));
            }
            return new Added(lists, terms);
        });
    }

    /** Reads and checks the shipped file; a mistake in it stops the start, naming the line. */
    static Shipped read() {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8);
             var parser = format.parse(reader)) {
            if (!parser.getHeaderNames().equals(COLUMNS)) {
                throw new IllegalStateException(RESOURCE + ": the columns must be " + COLUMNS + ", not " + parser.getHeaderNames());
            }
            var lists = new LinkedHashMap<String, ShippedList>();
            var terms = new ArrayList<ShippedTerm>();
            var known = new HashMap<String, ShippedTerm>();
            var children = new HashMap<String, Integer>();
            for (CSVRecord record : parser) {
                String where = RESOURCE + " line " + record.getParser().getCurrentLineNumber() + ": ";
                if (!record.isConsistent()) {
                    throw new IllegalStateException(where + "expected " + COLUMNS.size() + " values, found " + record.size());
                }
                String list = record.get("list").strip();
                String code = record.get("code").strip();
                String parent = record.get("parent_code").strip();
                String huridocs = record.get("huridocs_code").strip();
                var rowLabels = new LinkedHashMap<String, String>();
                for (String language : Labels.REQUIRED) {
                    String label = record.get(language).strip();
                    if (label.isEmpty()) throw new IllegalStateException(where + "the " + language + " label is missing");
                    rowLabels.put(language, label);
                }
                if (code.isEmpty()) {
                    if (!Vocabularies.CODE.matcher(list).matches() || list.startsWith("huridocs-") || lists.containsKey(list)) {
                        throw new IllegalStateException(where + "'" + list + "' is not a new list code");
                    }
                    if (!huridocs.isEmpty() && !LIST_NUMBER.matcher(huridocs).matches()) {
                        throw new IllegalStateException(where + "a list's huridocs_code is the number of a HURIDOCS list");
                    }
                    lists.put(list, new ShippedList(list, rowLabels, huridocs.isEmpty() ? null : Integer.parseInt(huridocs)));
                    continue;
                }
                ShippedList of = lists.get(list);
                if (of == null) {
                    throw new IllegalStateException(where + "the list '" + list + "' must be named on a line before its terms");
                }
                if (!Vocabularies.CODE.matcher(code).matches() || code.length() > Vocabularies.MAX_CODE_LENGTH
                        || known.containsKey(list + "/" + code)) {
                    throw new IllegalStateException(where + "'" + code + "' is not a new term code of " + list);
                }
                ShippedTerm parentTerm = parent.isEmpty() ? null : known.get(list + "/" + parent);
                if (!parent.isEmpty() && parentTerm == null) {
                    throw new IllegalStateException(where + "the parent '" + parent + "' must come before its children in " + list);
                }
                if (!huridocs.isEmpty() && (!VOCAB_NUMBER.matcher(huridocs).matches() || of.huridocsList() == null
                        || Integer.parseInt(huridocs.substring(12)) != of.huridocsList())) {
                    throw new IllegalStateException(where + "huridocs_code must be a 14-digit vocab number of HURIDOCS list "
                            + of.huridocsList());
                }
                int position = children.merge(list + "/" + parent, 1, Integer::sum);
                var term = new ShippedTerm(list, code, parent.isEmpty() ? null : parent,
                        parentTerm == null ? 0 : parentTerm.level() + 1, position, rowLabels, huridocs.isEmpty() ? null : huridocs);
                known.put(list + "/" + code, term);
                terms.add(term);
            }
            return new Shipped(List.copyOf(lists.values()), terms);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }
}
