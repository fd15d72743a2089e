package org.aigaq.platform.vocabulary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The controlled vocabularies and their terms: what a field may hold, in the user's language. Every read is a query
 * (the tables are small), so that a term added on one application node is seen at once on every other.
 */
@Service
public class Vocabularies {

    /** A term's code: lowercase Latin letters and digits in hyphen-separated words, as in {@code penal-colony}. */
    static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final int MAX_CODE_LENGTH = 64;
    static final int MAX_LABEL_LENGTH = 300;

    private static final String SELECT_LIST = """
            SELECT l.code, l.source, l.labels,
                   (SELECT count(*) FROM vocabulary_term t WHERE t.list_code = l.code) AS terms
            FROM vocabulary_list l
            """;
    private static final String SELECT_TERM = """
            SELECT t.id, t.list_code, t.code, p.code AS parent_code, t.level, t.labels, t.huridocs_code
            FROM vocabulary_term t LEFT JOIN vocabulary_term p ON p.id = t.parent_id
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Labels labels;

    Vocabularies(JdbcClient jdbc, AuditTrail audit, Labels labels) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.labels = labels;
    }

    /** Aigaq's own lists by code, then the HURIDOCS micro-thesauri by their number. */
    public List<VocabularyList> lists() {
        return jdbc.sql(SELECT_LIST + """
                ORDER BY l.source, CASE WHEN l.source = 'huridocs' THEN l.huridocs_list_code END, l.code
                """).query(this::listRow).list();
    }

    public Optional<VocabularyList> list(String code) {
        return jdbc.sql(SELECT_LIST + " WHERE l.code = :code").param("code", code).query(this::listRow).optional();
    }

    /** The terms of a list in tree order: each parent before its children, siblings by position. */
    public List<Term> terms(String list) {
        return jdbc.sql("""
                WITH RECURSIVE tree (id, path) AS (
                    SELECT id, ARRAY[position::bigint, id] FROM vocabulary_term
                    WHERE list_code = :list AND parent_id IS NULL
                  UNION ALL
                    SELECT c.id, tree.path || ARRAY[c.position::bigint, c.id]
                    FROM vocabulary_term c JOIN tree ON c.parent_id = tree.id
                    WHERE c.list_code = :list
                )
                """ + SELECT_TERM + """
                JOIN tree ON tree.id = t.id
                ORDER BY tree.path
                """).param("list", list).query(this::termRow).list();
    }

    public Optional<Term> find(String list, String code) {
        if (list == null || code == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT_TERM + " WHERE t.list_code = :list AND t.code = :code")
                .param("list", list).param("code", code).query(this::termRow).optional();
    }

    /** The term with this code in this list, or a rejection of the field that holds the code. */
    public Term require(String list, String code, String field) {
        return find(list, code).orElseThrow(() -> new InvalidInput(field, "vocabulary.unknown-term"));
    }

    /**
     * Adds an administrator's term to a list. Aigaq's own lists need labels in English, Russian and Kazakh; HURIDOCS
     * lists at least in English. Everything wrong is reported at once, each against its field.
     */
    @Transactional
    public Term add(String list, String code, String parentCode, Map<String, String> labels) {
        VocabularyList vocabulary = list(list).orElseThrow(() -> new NoSuchRecord("vocabulary", list));
        var violations = new ArrayList<InvalidInput.Violation>();
        String chosen = code == null ? "" : code.strip();
        if (chosen.isEmpty()) {
            violations.add(new InvalidInput.Violation("code", "validation.required"));
        } else if (chosen.length() > MAX_CODE_LENGTH || !CODE.matcher(chosen).matches()) {
            violations.add(new InvalidInput.Violation("code", "vocabulary.code.invalid", MAX_CODE_LENGTH));
        } else if (find(list, chosen).isPresent()) {
            violations.add(new InvalidInput.Violation("code", "vocabulary.code.taken"));
        }
        Term parent = null;
        if (parentCode != null && !parentCode.isBlank()) {
            parent = find(list, parentCode.strip()).orElse(null);
            if (parent == null) {
                violations.add(new InvalidInput.Violation("parentCode", "vocabulary.parent.unknown"));
            }
        }
        Map<String, String> given = labels == null ? Map.of() : labels;
        given.forEach((language, label) -> {
            if (!Labels.LANGUAGES.contains(language)) {
                violations.add(new InvalidInput.Violation("labels." + language, "vocabulary.label.language",
                        String.join(", ", Labels.LANGUAGES)));
            } else if (label != null && label.strip().length() > MAX_LABEL_LENGTH) {
                violations.add(new InvalidInput.Violation("labels." + language, "validation.too-long", MAX_LABEL_LENGTH));
            }
        });
        for (String language : vocabulary.importedFromHuridocs() ? List.of("en") : Labels.REQUIRED) {
            String label = given.get(language);
            if (label == null || label.isBlank()) {
                violations.add(new InvalidInput.Violation("labels." + language, "validation.required"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        var stored = Labels.ordered(given);
        // Below a HURIDOCS "other"/"unknown" term (level -5 in the standard) a child still starts at level 1.
        int level = parent == null ? 0 : Math.max(parent.level(), 0) + 1;
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO vocabulary_term (list_code, code, parent_id, level, position, labels, source)
                    VALUES (:list, :code, :parentId, :level,
                            (SELECT coalesce(max(position), 0) + 1 FROM vocabulary_term
                             WHERE list_code = :list AND parent_id IS NOT DISTINCT FROM :parentId),
                            CAST(:labels AS jsonb), 'local')
                    RETURNING id
                    """)
                    .param("list", list).param("code", chosen).param("parentId", parent == null ? null : parent.id())
                    .param("level", level).param("labels", this.labels.write(stored))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            // Another administrator added the same code in the meantime.
            throw new InvalidInput("code", "vocabulary.code.taken");
        }
        var summary = new LinkedHashMap<String, Object>();
        summary.put("list", list);
        summary.put("code", chosen);
        summary.put("parentCode", parent == null ? null : parent.code());
        summary.put("labels", stored);
        audit.record("vocabulary.term-added", "vocabulary-term", id, summary);
        return find(list, chosen).orElseThrow();
    }

    private VocabularyList listRow(ResultSet rs, int n) throws SQLException {
        return new VocabularyList(rs.getString("code"), rs.getString("source"), labels.read(rs.getString("labels")),
                rs.getInt("terms"));
    }

    private Term termRow(ResultSet rs, int n) throws SQLException {
        return new Term(rs.getLong("id"), rs.getString("list_code"), rs.getString("code"), rs.getString("parent_code"),
                rs.getInt("level"), labels.read(rs.getString("labels")), rs.getString("huridocs_code"));
    }
}
