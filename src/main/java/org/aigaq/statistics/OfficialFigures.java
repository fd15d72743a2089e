package org.aigaq.statistics;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The official figures by version: a figure is read from the latest import that gives it, earlier versions are kept
 * and shown on request. Official tables are public documents, so they are shared by the coalition, not kept per
 * organisation; analysts and case workers read them.
 */
@Service
public class OfficialFigures {

    /** Roles that read official statistics: case workers and analysts. */
    public static final Set<Role> READERS = Set.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST);

    /** What one figure is of. */
    public record Key(String jurisdiction, int year, String agency, String form, String codeVersion, String article,
                      String part, Measure measure) {}

    /** A figure as read from a table. */
    public record Figure(Key key, long value) {}

    /** The figures of one jurisdiction, year, source and article, each measure from its latest version. */
    public record Row(String jurisdiction, int year, String agency, String form, String codeVersion, String article,
                      String part, Map<Measure, Long> values, long latestVersion) {
        public Long value(Measure measure) {
            return values.get(measure);
        }

        /** The article as cited: "146(2) / 2014". */
        public String citation() {
            return article + (part.isEmpty() ? "" : "(" + part + ")") + " / " + codeVersion;
        }
    }

    /** A figure of one version, with the version it was imported in and when. */
    public record Version(Key key, long value, long importId, OffsetDateTime importedAt, String importedBy) {}

    /** Which rows to read; each part optional. */
    public record Selection(String jurisdiction, String article, String agency, Integer fromYear, Integer toYear) {
        public static final Selection ALL = new Selection(null, null, null, null, null);

        /** The article as {@code version:article}, e.g. {@code 2014:146}, or just the article. */
        String articleNumber() {
            return article == null ? null : article.contains(":") ? article.substring(article.indexOf(':') + 1) : article;
        }

        String articleVersion() {
            return article != null && article.contains(":") ? article.substring(0, article.indexOf(':')) : null;
        }
    }

    private final JdbcClient jdbc;

    OfficialFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the figures of a version (in the import's transaction). */
    void add(long importId, List<Figure> figures) {
        for (var f : figures) {
            var k = f.key();
            jdbc.sql("""
                    INSERT INTO statistics_figure (import_id, jurisdiction, year, agency, form, code_version, article, part, measure, value)
                    VALUES (:import, :jurisdiction, :year, :agency, :form, :version, :article, :part, :measure, :value)""")
                    .param("import", importId).param("jurisdiction", k.jurisdiction()).param("year", k.year())
                    .param("agency", k.agency()).param("form", k.form()).param("version", k.codeVersion())
                    .param("article", k.article()).param("part", k.part()).param("measure", k.measure().name())
                    .param("value", f.value()).update();
        }
    }

    /** The latest recorded value of each of these figures that has one. */
    Map<Key, Long> latest(Collection<Key> keys) {
        var latest = new HashMap<Key, Long>();
        for (var k : keys) {
            jdbc.sql("""
                    SELECT value FROM statistics_figure
                    WHERE jurisdiction = :jurisdiction AND code_version = :version AND article = :article AND year = :year
                      AND agency = :agency AND form = :form AND part = :part AND measure = :measure
                    ORDER BY import_id DESC LIMIT 1""")
                    .param("jurisdiction", k.jurisdiction()).param("year", k.year()).param("agency", k.agency())
                    .param("form", k.form()).param("version", k.codeVersion()).param("article", k.article())
                    .param("part", k.part()).param("measure", k.measure().name()).query(Long.class).optional()
                    .ifPresent(v -> latest.put(k, v));
        }
        return latest;
    }

    /** The rows selected, each measure from its latest version; newest year first. */
    public List<Row> rows(Selection selection) {
        requireReader();
        var rows = new LinkedHashMap<List<Object>, Row>();
        jdbc.sql("""
                SELECT DISTINCT ON (jurisdiction, year, agency, form, code_version, article, part, measure)
                       jurisdiction, year, agency, form, code_version, article, part, measure, value, import_id
                FROM statistics_figure
                WHERE (CAST(:jurisdiction AS text) IS NULL OR jurisdiction = :jurisdiction)
                  AND (CAST(:article AS text) IS NULL OR article = :article)
                  AND (CAST(:version AS text) IS NULL OR code_version = :version)
                  AND (CAST(:agency AS text) IS NULL OR agency = :agency)
                  AND (CAST(:fromYear AS integer) IS NULL OR year >= :fromYear)
                  AND (CAST(:toYear AS integer) IS NULL OR year <= :toYear)
                ORDER BY jurisdiction, year, agency, form, code_version, article, part, measure, import_id DESC""")
                .param("jurisdiction", selection.jurisdiction()).param("article", selection.articleNumber())
                .param("version", selection.articleVersion()).param("agency", selection.agency())
                .param("fromYear", selection.fromYear()).param("toYear", selection.toYear())
                .query((rs, n) -> {
                    var key = List.<Object>of(rs.getString("jurisdiction"), rs.getInt("year"), rs.getString("agency"),
                            rs.getString("form"), rs.getString("code_version"), rs.getString("article"), rs.getString("part"));
                    var row = rows.computeIfAbsent(key, k -> new Row(rs0(k, 0), (Integer) k.get(1), rs0(k, 2), rs0(k, 3),
                            rs0(k, 4), rs0(k, 5), rs0(k, 6), new EnumMap<>(Measure.class), 0));
                    row.values().put(Measure.valueOf(rs.getString("measure")), rs.getLong("value"));
                    long version = rs.getLong("import_id");
                    if (version > row.latestVersion()) {
                        rows.put(key, new Row(row.jurisdiction(), row.year(), row.agency(), row.form(), row.codeVersion(),
                                row.article(), row.part(), row.values(), version));
                    }
                    return null;
                }).list();
        var sorted = new ArrayList<>(rows.values());
        sorted.sort((a, b) -> a.year() != b.year() ? Integer.compare(b.year(), a.year())
                : (a.article() + a.part() + a.agency() + a.form()).compareTo(b.article() + b.part() + b.agency() + b.form()));
        return sorted;
    }

    /** Every version of the figures selected, latest first: earlier versions are kept, never overwritten. */
    public List<Version> history(Selection selection) {
        requireReader();
        return jdbc.sql("""
                SELECT f.*, i.imported_at, u.display_name FROM statistics_figure f
                JOIN statistics_import i ON i.id = f.import_id JOIN app_user u ON u.id = i.user_id
                WHERE (CAST(:jurisdiction AS text) IS NULL OR f.jurisdiction = :jurisdiction)
                  AND (CAST(:article AS text) IS NULL OR f.article = :article)
                  AND (CAST(:version AS text) IS NULL OR f.code_version = :version)
                  AND (CAST(:agency AS text) IS NULL OR f.agency = :agency)
                  AND (CAST(:fromYear AS integer) IS NULL OR f.year >= :fromYear)
                  AND (CAST(:toYear AS integer) IS NULL OR f.year <= :toYear)
                ORDER BY f.year DESC, f.jurisdiction, f.code_version, f.article, f.part, f.agency, f.form, f.measure, f.import_id DESC
                LIMIT 5000""")
                .param("jurisdiction", selection.jurisdiction()).param("article", selection.articleNumber())
                .param("version", selection.articleVersion()).param("agency", selection.agency())
                .param("fromYear", selection.fromYear()).param("toYear", selection.toYear())
                .query((rs, n) -> new Version(new Key(rs.getString("jurisdiction"), rs.getInt("year"), rs.getString("agency"),
                        rs.getString("form"), rs.getString("code_version"), rs.getString("article"), rs.getString("part"),
                        Measure.valueOf(rs.getString("measure"))), rs.getLong("value"), rs.getLong("import_id"),
                        rs.getObject("imported_at", OffsetDateTime.class), rs.getString("display_name"))).list();
    }

    private static String rs0(List<Object> key, int at) {
        return (String) key.get(at);
    }

    static void requireReader() {
        var user = CurrentUser.require();
        if (READERS.stream().noneMatch(user::has)) {
            throw new AccessDeniedException("official statistics are for case workers and analysts");
        }
    }
}
