package org.aigaq.detention;

import java.util.List;
import java.util.Locale;

/**
 * A field a spreadsheet column can be mapped to in an import of deaths ({@link Kind#DEATHS}) or of self-harm incidents
 * ({@link Kind#SELF_HARM}): its vocabulary when it takes terms, whether a row needs it, and the column titles in
 * English, Russian and Kazakh that propose it.
 */
public enum CustodyImportField {
    PERSON(Kind.DEATHS, null, false, "person", "name", "full name", "фио", "ф.и.о.", "имя", "умерший", "аты-жөні"),
    PLACE(Kind.BOTH, null, true, "place", "facility", "institution", "учреждение", "место", "колония", "мекеме", "орын"),
    DATE(Kind.BOTH, null, true, "date", "date of death", "дата", "дата смерти", "күні", "қайтыс болған күні"),
    OFFICIAL_CAUSE(Kind.DEATHS, "death-cause", false, "cause", "official cause", "причина", "причина смерти",
            "официальная причина", "себебі", "өлім себебі"),
    MANNER(Kind.DEATHS, "death-manner", false, "manner", "manner of death", "род смерти", "өлім түрі"),
    ALLEGED_CAUSE(Kind.DEATHS, "death-cause", false, "alleged cause", "cause according to family", "версия семьи",
            "причина по словам семьи", "отбасы нұсқасы"),
    FAMILY_ACCOUNT(Kind.DEATHS, null, false, "family account", "account", "рассказ семьи", "показания родственников",
            "отбасының әңгімесі"),
    AUTOPSY(Kind.DEATHS, "autopsy", false, "autopsy", "вскрытие", "мәйітті ашу"),
    INVESTIGATION_OUTCOME(Kind.DEATHS, "investigation-outcome", false, "investigation", "outcome", "расследование",
            "итог расследования", "тергеу"),
    INVESTIGATION_ARTICLE(Kind.DEATHS, null, false, "article", "статья", "бап"),
    KIND(Kind.SELF_HARM, "self-harm-kind", true, "kind", "type", "вид", "тип", "түрі"),
    PEOPLE(Kind.SELF_HARM, null, false, "people", "number of people", "participants", "количество", "число участников",
            "участники", "адам саны"),
    REASON(Kind.SELF_HARM, null, false, "reason", "причина", "требования", "себебі"),
    RESPONSE(Kind.SELF_HARM, null, false, "response", "реакция", "ответ администрации", "жауабы");

    /** What an import brings in. */
    public enum Kind {
        DEATHS, SELF_HARM, BOTH
    }

    private final Kind kind;
    private final String vocabulary;
    private final boolean required;
    private final List<String> titles;

    CustodyImportField(Kind kind, String vocabulary, boolean required, String... titles) {
        this.kind = kind;
        this.vocabulary = vocabulary;
        this.required = required;
        this.titles = List.of(titles);
    }

    /** The fields of an import of this kind, in the order the mapping step shows them. */
    public static List<CustodyImportField> of(Kind kind) {
        return java.util.Arrays.stream(values()).filter(f -> f.kind == Kind.BOTH || f.kind == kind).toList();
    }

    /** The field's name in mappings and the API, e.g. {@code officialCause}. */
    public String key() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        var key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        return key.toString();
    }

    public String vocabulary() {
        return vocabulary;
    }

    public boolean required() {
        return required;
    }

    public String messageKey() {
        return "detention.import.field." + key();
    }

    /** Whether a column of this title stands for the field. */
    boolean proposedFor(String title) {
        return title != null && titles.contains(SpellingProposals.plain(title));
    }
}
