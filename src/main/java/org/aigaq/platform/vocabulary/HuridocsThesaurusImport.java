package org.aigaq.platform.vocabulary;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.i18n.Languages;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the HURIDOCS micro-thesauri from their CSV form: each HURIDOCS list becomes the vocabulary
 * {@code huridocs-<number>}, each term keeps its vocab number as code, its place in the tree and its labels.
 * The whole file is checked first; then everything is written in one transaction, or nothing. Importing the same
 * file again changes nothing; a newer file updates labels and places. Terms are never deleted: records may use them.
 */
@Service
public class HuridocsThesaurusImport {

    /** What an import did: lists and terms in the file, terms added, changed, and already as the file says. */
    public record Outcome(int lists, int terms, int added, int changed, int unchanged) {}

    /** One thing wrong in a file: which file, where (row 0 when it concerns the whole file), and what, as a message key. */
    public record Problem(String file, long row, String column, String messageKey, List<Object> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        public Problem(String file, long row, String column, String messageKey, Object... arguments) {
            this(file, row, column, messageKey, List.of(arguments));
        }

        /** The row as text, so that pages show "4525" and not "4,525". */
        public String rowNumber() {
            return String.valueOf(row);
        }

        /** The message's arguments as {@code MessageSource} takes them. */
        public Object[] messageArguments() {
            return arguments.toArray();
        }
    }

    /** Files that were refused because of the problems they hold; nothing was stored. */
    public static class Refused extends RuntimeException {

        private final List<Problem> problems;

        Refused(List<Problem> problems) {
            super(problems.size() + " problems, first: " + problems.getFirst());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private record Written(long id, boolean inserted) {}

    /** Serialises imports: two administrators importing at once would otherwise race on the same rows. */
    private static final long IMPORT_LOCK = 4_524_054L;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Labels labels;
    private final MessageSource messages;
    private final TransactionTemplate transaction;

    HuridocsThesaurusImport(JdbcClient jdbc, AuditTrail audit, Labels labels, MessageSource messages,
                            TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.labels = labels;
        this.messages = messages;
        this.transaction = transaction;
    }

    /**
     * Imports a micro-thesauri file and, when given, the field dictionary that names the lists.
     *
     * @throws Refused when either file has problems; both are checked, so that every problem is listed at once
     */
    public Outcome run(byte[] thesaurus, byte[] fieldDictionary) {
        var problems = new ArrayList<Problem>();
        var entries = ThesaurusFile.read(thesaurus, problems);
        Map<Integer, String> names = fieldDictionary == null ? Map.of() : FieldDictionary.listNames(fieldDictionary, problems);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return transaction.execute(status -> write(entries, names, sha256(thesaurus)));
    }

    private Outcome write(List<ThesaurusFile.Entry> entries, Map<Integer, String> names, String fileHash) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", IMPORT_LOCK).query().singleRow();
        var lists = new TreeSet<Integer>();
        entries.forEach(entry -> lists.add(entry.list()));
        for (int list : lists) {
            String name = names.get(list);
            // A list keeps the name it has unless this import brings one from the field dictionary.
            jdbc.sql("""
                    INSERT INTO vocabulary_list (code, source, huridocs_list_code, labels)
                    VALUES (:code, 'huridocs', :number, CAST(:labels AS jsonb))
                    ON CONFLICT (code) DO UPDATE SET huridocs_list_code = EXCLUDED.huridocs_list_code,
                        labels = CASE WHEN :named THEN EXCLUDED.labels ELSE vocabulary_list.labels END
                    """)
                    .param("code", codeOf(list)).param("number", list).param("named", name != null)
                    .param("labels", labels.write(name == null ? unnamed(list) : Map.of("en", name)))
                    .update();
        }

        int size = entries.size();
        var listNumbers = new Integer[size];
        var codes = new String[size];
        var parents = new String[size];
        var levels = new Integer[size];
        var positions = new Integer[size];
        var labelTexts = new String[size];
        for (int i = 0; i < size; i++) {
            var entry = entries.get(i);
            listNumbers[i] = entry.list();
            codes[i] = entry.code();
            parents[i] = entry.parent();
            levels[i] = entry.level();
            positions[i] = entry.position();
            labelTexts[i] = labels.write(entry.labels());
        }
        var added = new HashSet<Long>();
        var changed = new HashSet<Long>();
        // Terms first, then their parent links, so that the order of the file does not matter. An upsert reports
        // only rows it inserted or really changed; xmax = 0 tells an inserted row from an updated one.
        jdbc.sql("""
                INSERT INTO vocabulary_term AS t (list_code, code, level, position, labels, huridocs_code, source)
                SELECT 'huridocs-' || i.list, i.code, i.level, i.position, CAST(i.labels AS jsonb), i.code, 'huridocs'
                FROM unnest(CAST(:lists AS int[]), CAST(:codes AS text[]), CAST(:levels AS int[]),
                            CAST(:positions AS int[]), CAST(:labels AS text[])) AS i (list, code, level, position, labels)
                ON CONFLICT (list_code, code) DO UPDATE
                    SET level = EXCLUDED.level, position = EXCLUDED.position, labels = EXCLUDED.labels,
                        huridocs_code = EXCLUDED.huridocs_code, source = EXCLUDED.source
                    WHERE (t.level, t.position, t.labels, t.huridocs_code, t.source)
                          IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.position, EXCLUDED.labels, EXCLUDED.huridocs_code,
                                            EXCLUDED.source)
                RETURNING t.id, t.xmax = 0 AS inserted
                """)
                .param("lists", listNumbers).param("codes", codes).param("levels", levels)
                .param("positions", positions).param("labels", labelTexts)
                .query((rs, n) -> new Written(rs.getLong("id"), rs.getBoolean("inserted"))).list()
                .forEach(written -> (written.inserted() ? added : changed).add(written.id()));
        jdbc.sql("""
                UPDATE vocabulary_term t SET parent_id = p.id
                FROM unnest(CAST(:lists AS int[]), CAST(:codes AS text[]), CAST(:parents AS text[])) AS i (list, code, parent)
                     LEFT JOIN vocabulary_term p ON p.list_code = 'huridocs-' || i.list AND p.code = i.parent
                WHERE t.list_code = 'huridocs-' || i.list AND t.code = i.code AND t.parent_id IS DISTINCT FROM p.id
                RETURNING t.id
                """)
                .param("lists", listNumbers).param("codes", codes).param("parents", parents)
                .query((rs, n) -> rs.getLong("id")).list()
                .forEach(id -> {
                    if (!added.contains(id)) changed.add(id);
                });

        var outcome = new Outcome(lists.size(), size, added.size(), changed.size(), size - added.size() - changed.size());
        var summary = new LinkedHashMap<String, Object>();
        summary.put("lists", outcome.lists());
        summary.put("terms", outcome.terms());
        summary.put("added", outcome.added());
        summary.put("changed", outcome.changed());
        summary.put("unchanged", outcome.unchanged());
        summary.put("listNames", !names.isEmpty());
        summary.put("sha256", fileHash);
        audit.record("vocabulary.huridocs-imported", "vocabulary", null, summary);
        return outcome;
    }

    static String codeOf(int list) {
        return "huridocs-" + list;
    }

    /** "HURIDOCS list 5" in each of Aigaq's languages, for a list no field dictionary has named. */
    private Map<String, String> unnamed(int list) {
        var name = new LinkedHashMap<String, String>();
        for (Locale language : Languages.SUPPORTED) {
            name.put(language.getLanguage(), messages.getMessage("vocabulary.huridocs.list-name",
                    new Object[] {String.valueOf(list)}, language));
        }
        return name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
