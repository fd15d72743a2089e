package org.aigaq.platform.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.aigaq.platform.audit.AuditSearch;
import org.aigaq.platform.vocabulary.HuridocsThesaurusImport.Problem;
import org.aigaq.platform.vocabulary.HuridocsThesaurusImport.Refused;
import org.aigaq.support.ApplicationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The HURIDOCS micro-thesauri import on the real file (4,524 terms in 54 lists) and on broken copies of it: a broken
 * file is refused with the row and column of every problem, and nothing of it is stored.
 */
class HuridocsThesaurusImportTest extends ApplicationTest {

    @Autowired HuridocsThesaurusImport thesaurusImport;
    @Autowired Vocabularies vocabularies;
    @Autowired AuditSearch audit;
    @Autowired JdbcClient jdbc;

    @Test
    void theRealFileImportsCompletelyAndASecondImportChangesNothing() throws IOException {
        var file = HuridocsFiles.thesaurus();
        var first = thesaurusImport.run(HuridocsFiles.bytes(file), HuridocsFiles.bytes(HuridocsFiles.fields()));
        assertThat(first.lists()).isEqualTo(54);
        assertThat(first.terms()).isEqualTo(4_524);
        assertThat(first.added() + first.changed() + first.unchanged()).isEqualTo(4_524);

        // Every term of the file, in its list, under the parent the file gives it: nothing lost, nothing doubled.
        var expected = new HashMap<String, String>();
        var perList = new TreeMap<String, Integer>();
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(Files.readString(file)))) {
            String list = "huridocs-" + row.get("list_code");
            String parent = row.get("parent_vocab_number");
            expected.put(list + "/" + row.get("vocab_number"), parent.isEmpty() || parent.equals("0") ? null : parent);
            perList.merge(list, 1, Integer::sum);
        }
        assertThat(perList).hasSize(54);
        var lists = perList.keySet().toArray(String[]::new);
        var stored = new HashMap<String, String>();
        jdbc.sql("""
                SELECT t.list_code || '/' || t.code, p.code FROM vocabulary_term t
                LEFT JOIN vocabulary_term p ON p.id = t.parent_id WHERE t.list_code = ANY(:lists)
                """).param("lists", lists).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list()
                .forEach(row -> stored.put(row[0], row[1]));
        assertThat(expected).hasSize(4_524);
        assertThat(stored).isEqualTo(expected);
        perList.forEach((list, count) -> assertThat(vocabularies.terms(list)).as(list).hasSize(count));

        // Labels in the four languages of the file, Russian where the file has it (4,503 of the terms).
        assertThat(labelCount(lists, "en")).isEqualTo(4_524);
        assertThat(labelCount(lists, "fr")).isEqualTo(4_524);
        assertThat(labelCount(lists, "es")).isEqualTo(4_524);
        assertThat(labelCount(lists, "ru")).isEqualTo(4_503);
        var shock = vocabularies.find("huridocs-5", "03080000000005").orElseThrow();
        assertThat(shock.labels()).containsEntry("en", "Application of electric shock")
                .containsEntry("ru", "Применение электрического шока").containsKey("fr").containsKey("es");
        assertThat(shock.parentCode()).isEqualTo("03000000000005");
        assertThat(shock.level()).isEqualTo(1);
        assertThat(shock.huridocsCode()).isEqualTo("03080000000005");
        // A term without a Russian label shows the English one in a Russian page.
        var suspension = vocabularies.find("huridocs-5", "03110100000005").orElseThrow();
        assertThat(suspension.labels()).doesNotContainKey("ru");
        assertThat(suspension.label(Locale.of("ru"))).startsWith("Suspension");
        // Levels and order as the file gives them, including HURIDOCS's -5 for "Other"/"Unknown".
        assertThat(vocabularies.find("huridocs-13", "99000000000013").orElseThrow().level()).isEqualTo(-5);
        assertThat(vocabularies.terms("huridocs-41")).extracting(Term::code).containsExactly("01000000000041",
                "01010000000041", "01020000000041", "01030000000041", "02000000000041", "03000000000041",
                "04000000000041", "99000000000041");

        // The field dictionary names the lists; a list no field uses keeps a numbered name in every language.
        assertThat(vocabularies.list("huridocs-5").orElseThrow().labels()).containsEntry("en", "Method of Violence");
        assertThat(vocabularies.list("huridocs-42").orElseThrow().label(Locale.ENGLISH))
                .isEqualTo("Reliability as Source / Reliability as Intervening Party / Reliability of Information");
        assertThat(vocabularies.list("huridocs-80").orElseThrow().labels()).containsEntry("en", "HURIDOCS list 80")
                .containsEntry("ru", "Список HURIDOCS 80").containsEntry("kk", "HURIDOCS тізімі 80");

        String before = snapshot();
        var second = thesaurusImport.run(HuridocsFiles.bytes(file), null);
        assertThat(second).isEqualTo(new HuridocsThesaurusImport.Outcome(54, 4_524, 0, 0, 4_524));
        assertThat(snapshot()).isEqualTo(before);
        // Without the field dictionary, the lists keep the names it gave them.
        assertThat(vocabularies.list("huridocs-5").orElseThrow().labels()).containsEntry("en", "Method of Violence");

        var entry = audit.search(new AuditSearch.Filter(null, "vocabulary.huridocs-imported", null, null, null, null), null, 1)
                .entries().getFirst();
        assertThat(entry.summary()).contains("\"added\":0").contains("\"unchanged\":4524").contains("\"sha256\":\"");
    }

    @Test
    void aNewerFileUpdatesLabelsAndPlacesWithoutDuplicatingAndInAnyOrder() {
        // List 77 is not in the real file, so this test owns it.
        String header = "vocab_number,huri_code,list_code,parent_vocab_number,term_level,term_order,english,french,spanish,russian\r\n";
        String first = header
                + "01010000000077,010100000000,77,01000000000077,1,1,Child,Enfant,Hijo,Ребёнок\r\n"
                + "01000000000077,010000000000,77,0,0,1,Root,Racine,Raíz,Корень\r\n"
                + "02000000000077,020000000000,77,0,0,2,Second root,Deuxième,Segunda,\r\n";
        var added = thesaurusImport.run(utf8(first), null);
        assertThat(added.terms()).isEqualTo(3);
        assertThat(added.added() + added.unchanged()).isEqualTo(3);
        assertThat(vocabularies.terms("huridocs-77")).extracting(Term::code, Term::parentCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("01000000000077", null),
                org.assertj.core.groups.Tuple.tuple("01010000000077", "01000000000077"),
                org.assertj.core.groups.Tuple.tuple("02000000000077", null));

        String newer = header
                + "01000000000077,010000000000,77,0,0,1,Root,Racine,Raíz,Корень\r\n"
                + "01010000000077,010100000000,77,02000000000077,1,1,Child moved,Enfant,Hijo,Ребёнок\r\n"
                + "02000000000077,020000000000,77,0,0,2,Second root,Deuxième,Segunda,Второй корень\r\n";
        var changed = thesaurusImport.run(utf8(newer), null);
        assertThat(changed).isEqualTo(new HuridocsThesaurusImport.Outcome(1, 3, 0, 2, 1));
        assertThat(vocabularies.terms("huridocs-77")).hasSize(3);
        var child = vocabularies.find("huridocs-77", "01010000000077").orElseThrow();
        assertThat(child.parentCode()).isEqualTo("02000000000077");
        assertThat(child.label(Locale.ENGLISH)).isEqualTo("Child moved");
        assertThat(vocabularies.find("huridocs-77", "02000000000077").orElseThrow().labels()).containsEntry("ru", "Второй корень");
        // The same file again: nothing to do.
        assertThat(thesaurusImport.run(utf8(newer), null)).isEqualTo(new HuridocsThesaurusImport.Outcome(1, 3, 0, 0, 3));
    }

    @Test
    void aFileWithAByteOrderMarkAndAnEmptyParentImports() {
        String text = "\uFEFFvocab_number,huri_code,list_code,parent_vocab_number,term_level,term_order,english,french,spanish,russian\n"
                + "01000000000078,010000000000,78,,0,0,Only term,Seul,Único,Единственный\n";
        var outcome = thesaurusImport.run(utf8(text), null);
        assertThat(outcome.terms()).isEqualTo(1);
        assertThat(vocabularies.find("huridocs-78", "01000000000078").orElseThrow().parentCode()).isNull();
    }

    @Test
    void aMissingColumnIsNamedAndNothingIsStored() throws IOException {
        String real = realText();
        var problems = refused(real.replaceFirst(",russian\r\n", "\r\n"));
        assertThat(problems).containsExactly(new Problem("thesaurus", 1, "russian", "vocabulary.import.column-missing"));
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsNamedByRowAndColumn() throws IOException {
        var lines = realLines();
        // Row 2 loses its last value (Russian); row 10 gets one too many.
        lines.set(1, lines.get(1).substring(0, lines.get(1).lastIndexOf(',')));
        lines.set(9, lines.get(9) + ",extra");
        var problems = refused(String.join("\r\n", lines) + "\r\n");
        assertThat(problems).extracting(Problem::row, Problem::column, Problem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "russian", "vocabulary.import.column-count"),
                org.assertj.core.groups.Tuple.tuple(10L, "11", "vocabulary.import.column-count"));
        assertThat(problems.getFirst().arguments()).containsExactly(9, 10);
    }

    @Test
    void aParentThatDoesNotExistIsNamed() throws IOException {
        var lines = realLines();
        int row = rowOf(lines, "03080100000005");
        lines.set(row - 1, lines.get(row - 1).replace(",03080000000005,", ",03089900000005,"));
        var problems = refused(String.join("\r\n", lines) + "\r\n");
        assertThat(problems).containsExactly(new Problem("thesaurus", row, "parent_vocab_number",
                "vocabulary.import.parent-unknown", "03089900000005"));
    }

    @Test
    void aTruncatedLastRowIsNamed() throws IOException {
        String real = realText().stripTrailing();
        // Cut in the middle of the last row's English label: the French, Spanish and Russian ones are missing.
        int lastRow = real.lastIndexOf("\r\n") + 2;
        int english = lastRow;
        for (int commas = 0; commas < 6; commas++) english = real.indexOf(',', english) + 1;
        String cut = real.substring(0, english + 3);
        var problems = refused(cut);
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().row()).isEqualTo(4_525);
        assertThat(problems.getFirst().column()).isEqualTo("french");
        assertThat(problems.getFirst().messageKey()).isEqualTo("vocabulary.import.column-count");

        // Cut inside a quoted value: the quote that is never closed is named.
        var lines = realLines();
        String third = lines.get(2);
        String quotedCut = String.join("\r\n", lines.subList(0, 2)) + "\r\n" + third.substring(0, third.indexOf('"') + 12);
        var unclosed = refused(quotedCut);
        assertThat(unclosed).containsExactly(new Problem("thesaurus", 3, "russian", "vocabulary.import.quote-unclosed"));
    }

    @Test
    void everyProblemOfAFileIsListedAtOnce() throws IOException {
        var lines = realLines();
        lines.set(4, lines.get(4).replaceFirst("^01000000000004", "0100000000004X"));
        lines.set(5, lines.get(5).replace(",0,0,1,", ",0,zero,1,"));
        lines.set(7, lines.get(7).replace(",1,Individual,Individu,", ",1,,Individu,"));
        lines.add(lines.get(8));
        var problems = refused(String.join("\r\n", lines) + "\r\n");
        assertThat(problems).extracting(Problem::row, Problem::column, Problem::messageKey).contains(
                org.assertj.core.groups.Tuple.tuple(5L, "vocab_number", "vocabulary.import.vocab-number"),
                org.assertj.core.groups.Tuple.tuple(6L, "term_level", "vocabulary.import.whole-number"),
                org.assertj.core.groups.Tuple.tuple(8L, "english", "vocabulary.import.english-missing"),
                org.assertj.core.groups.Tuple.tuple(4_526L, "vocab_number", "vocabulary.import.duplicate"));
        // The terms below the one with the broken number lose their parent, and are reported too.
        assertThat(problems).extracting(Problem::messageKey).contains("vocabulary.import.parent-unknown");
    }

    @Test
    void parentsThatLoopAndListsThatDisagreeAreRefused() {
        String text = "vocab_number,huri_code,list_code,parent_vocab_number,term_level,term_order,english,french,spanish,russian\n"
                + "01000000000079,010000000000,79,02000000000079,0,1,A,A,A,А\n"
                + "02000000000079,020000000000,79,01000000000079,1,1,B,B,B,Б\n"
                + "03000000000079,030000000000,78,0,0,2,C,C,C,В\n"
                + "04000000000079,040000000000,79,01000000000077,1,1,D,D,D,Г\n";
        var problems = refused(text);
        assertThat(problems).extracting(Problem::row, Problem::column, Problem::messageKey).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(4L, "list_code", "vocabulary.import.list-mismatch"),
                org.assertj.core.groups.Tuple.tuple(5L, "parent_vocab_number", "vocabulary.import.parent-unknown"),
                org.assertj.core.groups.Tuple.tuple(2L, "parent_vocab_number", "vocabulary.import.parent-cycle"),
                org.assertj.core.groups.Tuple.tuple(3L, "parent_vocab_number", "vocabulary.import.parent-cycle"));
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWhereItStopsBeingUtf8() throws IOException {
        var lines = realLines();
        byte[] head = (String.join("\r\n", lines.subList(0, 4)) + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] legacy = (lines.get(4) + "\r\n").getBytes(Charset.forName("windows-1251"));
        byte[] bytes = new byte[head.length + legacy.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(legacy, 0, bytes, head.length, legacy.length);
        var problems = refused(bytes, null);
        assertThat(problems).containsExactly(new Problem("thesaurus", 5, "russian", "vocabulary.import.not-utf8"));
        assertThat(refused(new byte[0], null)).containsExactly(new Problem("thesaurus", 0, null, "vocabulary.import.empty"));
    }

    @Test
    void aBrokenFieldDictionaryStopsTheImportToo() {
        String fields = "field_number,entity,field_label,field_type,is_repeat\n2114,act,Method of Violence,mt_tree,Y\n";
        var problems = refused(HuridocsFiles.bytes(HuridocsFiles.thesaurus()), utf8(fields));
        assertThat(problems).containsExactly(new Problem("fields", 1, "list_code", "vocabulary.import.column-missing"));
    }

    /** Refuses the file and checks that nothing was stored; returns the problems. */
    private List<Problem> refused(String text) {
        return refused(utf8(text), null);
    }

    private List<Problem> refused(byte[] thesaurus, byte[] fields) {
        long terms = count("vocabulary_term");
        long lists = count("vocabulary_list");
        String before = snapshot();
        var refused = catchThrowableOfType(Refused.class, () -> thesaurusImport.run(thesaurus, fields));
        assertThat(refused).as("the file should have been refused").isNotNull();
        assertThat(count("vocabulary_term")).isEqualTo(terms);
        assertThat(count("vocabulary_list")).isEqualTo(lists);
        assertThat(snapshot()).isEqualTo(before);
        return refused.problems();
    }

    private long labelCount(String[] lists, String language) {
        return jdbc.sql("SELECT count(*) FROM vocabulary_term WHERE list_code = ANY(:lists) AND labels ->> :language IS NOT NULL")
                .param("lists", lists).param("language", language).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** Everything about the vocabularies that an import could change, as one text. */
    private String snapshot() {
        return jdbc.sql("""
                SELECT string_agg(concat_ws('|', id, list_code, code, parent_id, level, position, labels::text, huridocs_code, source),
                                  E'\\n' ORDER BY id) ||
                       (SELECT string_agg(concat_ws('|', code, source, huridocs_list_code, labels::text), E'\\n' ORDER BY code)
                        FROM vocabulary_list)
                FROM vocabulary_term
                """).query(String.class).single();
    }

    private static String realText() throws IOException {
        return Files.readString(HuridocsFiles.thesaurus());
    }

    private static List<String> realLines() throws IOException {
        return new ArrayList<>(List.of(realText().split("\r\n")));
    }

    private static int rowOf(List<String> lines, String vocabNumber) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(vocabNumber + ",")) return i + 1;
        }
        throw new IllegalArgumentException(vocabNumber);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
