package org.aigaq.platform.vocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aigaq.platform.vocabulary.HuridocsThesaurusImport.Problem;

/**
 * A HURIDOCS micro-thesauri file (as exported from OpenEvSys: vocab_number, huri_code, list_code,
 * parent_vocab_number, term_level, term_order, english, french, spanish, russian), checked whole: every problem in
 * it is found, with its row and column, before anything is written.
 */
final class ThesaurusFile {

    static final String FILE = "thesaurus";
    static final List<String> COLUMNS = List.of("vocab_number", "huri_code", "list_code", "parent_vocab_number",
            "term_level", "term_order", "english", "french", "spanish", "russian");
    private static final Map<String, String> LANGUAGE_OF = Map.of("english", "en", "french", "fr", "spanish", "es",
            "russian", "ru");
    /** 12 digits of HURIDOCS code, then the 2 digits of its list. */
    private static final Pattern VOCAB_NUMBER = Pattern.compile("[0-9]{14}");
    private static final Pattern LIST_CODE = Pattern.compile("[0-9]{1,2}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");

    /** One term as the file gives it; {@code parent} is null for a root. */
    record Entry(long row, int list, String code, String parent, int level, int position, Map<String, String> labels) {}

    private ThesaurusFile() {}

    /** The file's terms in file order, or every problem in it (then no terms). */
    static List<Entry> read(byte[] bytes, List<Problem> problems) {
        int before = problems.size();
        var entries = check(bytes, problems);
        // Parents are checked after the rows: put every problem back in the order of the file.
        problems.subList(before, problems.size()).sort(Comparator.comparingLong(Problem::row));
        return entries;
    }

    private static List<Entry> check(byte[] bytes, List<Problem> problems) {
        int start = problems.size();
        var text = CsvText.read(FILE, bytes);
        List<String> header = text.rows().isEmpty() ? null : names(text.rows().getFirst().values());
        if (text.problem() != null) {
            problems.add(named(text.problem(), header));
            return List.of();
        }
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            if (columns.putIfAbsent(header.get(i), i) != null) {
                problems.add(new Problem(FILE, 1, header.get(i), "vocabulary.import.column-repeated"));
            }
        }
        for (String column : COLUMNS) {
            if (!columns.containsKey(column)) {
                problems.add(new Problem(FILE, 1, column, "vocabulary.import.column-missing"));
            }
        }
        if (problems.size() > start) {
            return List.of();
        }
        if (text.rows().size() == 1) {
            problems.add(new Problem(FILE, 0, null, "vocabulary.import.no-rows"));
            return List.of();
        }

        var entries = new ArrayList<Entry>();
        var firstRowOf = new HashMap<String, Long>();
        var listOf = new HashMap<String, Integer>();
        for (CsvText.Row row : text.rows().subList(1, text.rows().size())) {
            var values = row.values();
            if (values.size() != header.size()) {
                String column = values.size() < header.size() ? header.get(values.size()) : String.valueOf(header.size() + 1);
                problems.add(new Problem(FILE, row.number(), column, "vocabulary.import.column-count", values.size(), header.size()));
                // Still known as a term, so that its children are not reported as orphans too.
                String code = values.isEmpty() ? "" : values.getFirst().strip();
                if (VOCAB_NUMBER.matcher(code).matches()) firstRowOf.putIfAbsent(code, row.number());
                continue;
            }
            var value = new LinkedHashMap<String, String>();
            for (String column : COLUMNS) value.put(column, values.get(columns.get(column)).strip());
            int before = problems.size();

            String code = value.get("vocab_number");
            if (!VOCAB_NUMBER.matcher(code).matches()) {
                problems.add(new Problem(FILE, row.number(), "vocab_number", "vocabulary.import.vocab-number", code));
            } else if (firstRowOf.containsKey(code)) {
                problems.add(new Problem(FILE, row.number(), "vocab_number", "vocabulary.import.duplicate", code,
                        String.valueOf(firstRowOf.get(code))));
            } else {
                firstRowOf.put(code, row.number());
            }
            String listCode = value.get("list_code");
            int list = -1;
            if (!LIST_CODE.matcher(listCode).matches()) {
                problems.add(new Problem(FILE, row.number(), "list_code", "vocabulary.import.list-code", listCode));
            } else {
                list = Integer.parseInt(listCode);
                if (VOCAB_NUMBER.matcher(code).matches() && Integer.parseInt(code.substring(12)) != list) {
                    problems.add(new Problem(FILE, row.number(), "list_code", "vocabulary.import.list-mismatch", listCode, code));
                }
            }
            if (VOCAB_NUMBER.matcher(code).matches() && !value.get("huri_code").equals(code.substring(0, 12))) {
                problems.add(new Problem(FILE, row.number(), "huri_code", "vocabulary.import.huri-code", value.get("huri_code"),
                        code.substring(0, 12)));
            }
            // '0' marks a root; a few real rows (the "80"–"92" lists) leave the parent empty instead.
            String parent = value.get("parent_vocab_number");
            if (parent.isEmpty() || parent.equals("0")) {
                parent = null;
            } else if (!VOCAB_NUMBER.matcher(parent).matches()) {
                problems.add(new Problem(FILE, row.number(), "parent_vocab_number", "vocabulary.import.parent-number", parent));
            }
            for (String column : List.of("term_level", "term_order")) {
                if (!WHOLE_NUMBER.matcher(value.get(column)).matches()) {
                    problems.add(new Problem(FILE, row.number(), column, "vocabulary.import.whole-number", value.get(column)));
                }
            }
            if (value.get("english").isEmpty()) {
                problems.add(new Problem(FILE, row.number(), "english", "vocabulary.import.english-missing"));
            }
            if (problems.size() == before) {
                var labels = new LinkedHashMap<String, String>();
                LANGUAGE_OF.forEach((column, language) -> labels.put(language, value.get(column)));
                listOf.put(code, list);
                entries.add(new Entry(row.number(), list, code, parent, Integer.parseInt(value.get("term_level")),
                        Integer.parseInt(value.get("term_order")), Labels.ordered(labels)));
            }
        }

        // Parents are checked once every term is known: a parent may come after its child in the file.
        var parentOf = new HashMap<String, String>();
        for (Entry entry : entries) {
            if (entry.parent() == null) continue;
            if (!firstRowOf.containsKey(entry.parent())) {
                problems.add(new Problem(FILE, entry.row(), "parent_vocab_number", "vocabulary.import.parent-unknown", entry.parent()));
            } else if (listOf.containsKey(entry.parent()) && listOf.get(entry.parent()) != entry.list()) {
                problems.add(new Problem(FILE, entry.row(), "parent_vocab_number", "vocabulary.import.parent-other-list",
                        entry.parent(), String.valueOf(listOf.get(entry.parent()))));
            } else {
                parentOf.put(entry.code(), entry.parent());
            }
        }
        for (Entry entry : entries) {
            if (isInACycle(entry.code(), parentOf)) {
                problems.add(new Problem(FILE, entry.row(), "parent_vocab_number", "vocabulary.import.parent-cycle", entry.parent()));
            }
        }
        return problems.size() == start ? entries : List.of();
    }

    /** Whether going up from a term leads back to it (a term below such a loop is not itself reported). */
    private static boolean isInACycle(String code, Map<String, String> parentOf) {
        var seen = new HashSet<String>();
        for (String at = parentOf.get(code); at != null; at = parentOf.get(at)) {
            if (at.equals(code)) return true;
            if (!seen.add(at)) return false;
        }
        return false;
    }

    static List<String> names(List<String> header) {
        return header.stream().map(name -> name.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** The problem with its column named by the header when the reader could only give its position. */
    static Problem named(Problem problem, List<String> header) {
        if (header == null || problem.column() == null || !problem.column().matches("[0-9]+")) {
            return problem;
        }
        int index = Integer.parseInt(problem.column()) - 1;
        return index < header.size()
                ? new Problem(problem.file(), problem.row(), header.get(index), problem.messageKey(), problem.arguments())
                : problem;
    }
}
