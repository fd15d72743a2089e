package org.aigaq.platform.vocabulary;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.aigaq.platform.vocabulary.HuridocsThesaurusImport.Problem;

/**
 * The HURIDOCS Events Standard Formats field dictionary (field_number, entity, field_label, field_type, list_code,
 * is_repeat), read only for what it tells about the micro-thesauri: the names of the fields that use each list,
 * which become the list's name ("Method of Violence" for list 5).
 */
final class FieldDictionary {

    static final String FILE = "fields";
    static final List<String> COLUMNS = List.of("field_label", "list_code");
    private static final Pattern LIST_CODE = Pattern.compile("[0-9]{1,2}");

    private FieldDictionary() {}

    /** The name of each list some field uses, by list number; empty when the file has problems (then listed). */
    static Map<Integer, String> listNames(byte[] bytes, List<Problem> problems) {
        var text = CsvText.read(FILE, bytes);
        List<String> header = text.rows().isEmpty() ? null : ThesaurusFile.names(text.rows().getFirst().values());
        if (text.problem() != null) {
            problems.add(ThesaurusFile.named(text.problem(), header));
            return Map.of();
        }
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) columns.putIfAbsent(header.get(i), i);
        int before = problems.size();
        for (String column : COLUMNS) {
            if (!columns.containsKey(column)) {
                problems.add(new Problem(FILE, 1, column, "vocabulary.import.column-missing"));
            }
        }
        if (problems.size() > before) {
            return Map.of();
        }
        var labels = new TreeMap<Integer, LinkedHashSet<String>>();
        for (CsvText.Row row : text.rows().subList(1, text.rows().size())) {
            var values = row.values();
            if (values.size() != header.size()) {
                String column = values.size() < header.size() ? header.get(values.size()) : String.valueOf(header.size() + 1);
                problems.add(new Problem(FILE, row.number(), column, "vocabulary.import.column-count", values.size(), header.size()));
                continue;
            }
            String list = values.get(columns.get("list_code")).strip();
            String label = values.get(columns.get("field_label")).strip();
            if (!LIST_CODE.matcher(list).matches()) {
                problems.add(new Problem(FILE, row.number(), "list_code", "vocabulary.import.list-code", list));
            } else if (Integer.parseInt(list) != 0 && !label.isEmpty()) {
                // List 0 marks a field without a list (text, dates).
                labels.computeIfAbsent(Integer.parseInt(list), k -> new LinkedHashSet<>()).add(label);
            }
        }
        if (problems.size() > before) {
            return Map.of();
        }
        var names = new TreeMap<Integer, String>();
        labels.forEach((list, used) -> names.put(list, String.join(" / ", used)));
        return names;
    }
}
