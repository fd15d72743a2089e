package org.aigaq.documentation.exchange;

import java.util.List;
import java.util.Locale;

/**
 * What a column of an imported file can hold: a value of the event, of an act (its victim, place and perpetrators),
 * of a source of information or of an intervention. Each field knows how its values are read and, for fields whose
 * values come from a list (a vocabulary, the precisions of dates, the sharing levels), which list. The names are those a
 * column may carry for the field to be proposed at once: Aigaq's own CSV and JSON exports, the HURIDOCS field names,
 * and common Russian and Kazakh headings (the field's label in each language is recognised as well).
 */
public enum ImportField {
    EVENT_NUMBER(Part.EVENT, Kind.TEXT, null, "event_number", "event_record_number", "record_number", "number", "no", "номер", "нөмір"),
    EVENT_TITLE(Part.EVENT, Kind.TEXT, null, "event_title", "title", "event", "название", "заголовок", "событие", "оқиға", "атауы"),
    EVENT_DESCRIPTION(Part.EVENT, Kind.TEXT, null, "event_description", "description", "описание", "сипаттамасы"),
    EVENT_DATE(Part.EVENT, Kind.DATE, null, "event_date", "date", "initial_date", "дата", "күні"),
    DATE_PRECISION(Part.EVENT, Kind.PRECISION, null, "date_precision", "precision", "initial_date_type", "точность_даты"),
    REGION(Part.EVENT, Kind.TEXT, null, "region", "geographical_term", "регион", "область", "өңір", "облыс"),
    VIOLATION_STATUS(Part.EVENT, Kind.TERM, "violation-status", "violation_status", "статус_нарушения"),
    MONITORING_STATUS(Part.EVENT, Kind.TERM, "monitoring-status", "monitoring_status", "статус_мониторинга"),
    SHARING(Part.EVENT, Kind.SHARING, null, "sharing", "доступ"),
    VICTIM_KEY(Part.ACT, Kind.TEXT, null, "victim_key", "person_key", "victim_id", "person_id", "person_reference",
            "ключ_потерпевшего", "код_потерпевшего", "жәбірленуші_кілті", "жәбірленуші_коды"),
    VICTIM_NAME(Part.ACT, Kind.TEXT, null, "victim", "victim_name", "name", "жертва", "потерпевший", "фио", "жәбірленуші"),
    OTHER_NAMES(Part.ACT, Kind.TEXT, null, "other_names", "victim_other_names", "aliases", "alias", "другие_имена",
            "псевдонимы", "басқа_есімдері", "лақап_аттары"),
    SEX(Part.ACT, Kind.TERM, "sex", "sex", "gender", "victim_sex", "пол", "жынысы"),
    DATE_OF_BIRTH(Part.ACT, Kind.DATE, null, "date_of_birth", "birth_date", "birthdate", "dob", "дата_рождения",
            "туған_күні", "туған_күні_айы_жылы"),
    CITIZENSHIP(Part.ACT, Kind.TEXT, null, "citizenship", "nationality", "гражданство", "азаматтығы", "азаматтық"),
    ACT_TYPE(Part.ACT, Kind.TERM, "act-type", "act_type", "type_of_act", "тип_деяния"),
    ACT_DATE(Part.ACT, Kind.DATE, null, "act_date", "act_initial_date", "дата_деяния"),
    METHODS(Part.ACT, Kind.TERMS, "method", "methods", "method_of_violence", "методы"),
    LOCATION_TYPE(Part.ACT, Kind.TERM, "location-type", "location_type", "type_of_location", "тип_места"),
    PLACE_CODE(Part.ACT, Kind.TEXT, null, "place_code", "place_official_code", "official_code", "код_места",
            "код_учреждения", "орын_коды", "мекеме_коды"),
    PLACE_NAME(Part.ACT, Kind.TEXT, null, "place", "place_name", "place_of_detention", "место", "место_содержания",
            "учреждение", "орын", "ұстау_орны", "мекеме"),
    AGE_AT_TIME(Part.ACT, Kind.NUMBER, null, "age_at_time", "age", "age_at_time_of_victimisation", "возраст", "жасы"),
    PERPETRATOR_AGENCY(Part.ACT, Kind.TERMS, "agency", "perpetrator_agencies", "perpetrator_agency", "agency", "ведомство"),
    UNIT(Part.ACT, Kind.TEXT, null, "unit", "подразделение", "бөлімше"),
    RANK_ROLE(Part.ACT, Kind.TEXT, null, "rank_role", "rank", "role", "звание", "должность"),
    PERPETRATOR_NAME(Part.ACT, Kind.TEXT, null, "perpetrator_name", "perpetrator"),
    DEGREE(Part.ACT, Kind.TERM, "involvement-degree", "degree", "degree_of_involvement", "степень_участия"),
    SOURCE_TYPE(Part.INFORMATION, Kind.TERM, "source-type", "source_type", "type_of_source", "source", "тип_источника",
            "источник", "дереккөз_түрі", "дереккөз"),
    RELIABILITY(Part.INFORMATION, Kind.TERM, "reliability", "reliability", "source_reliability", "достоверность",
            "сенімділік"),
    DATE_RECEIVED(Part.INFORMATION, Kind.DATE, null, "date_received", "date_of_receipt", "received", "дата_получения",
            "алынған_күні"),
    SOURCE_SUMMARY(Part.INFORMATION, Kind.TEXT, null, "source_summary", "information_summary", "summary",
            "краткое_содержание", "қысқаша_мазмұны"),
    INTERVENTION_TYPE(Part.INTERVENTION, Kind.TERM, "intervention-type", "intervention_type", "type_of_intervention",
            "intervention", "вид_вмешательства", "вмешательство", "араласу_түрі", "араласу"),
    INTERVENTION_DATE(Part.INTERVENTION, Kind.DATE, null, "intervention_date", "date_of_intervention",
            "дата_вмешательства", "араласу_күні"),
    INTERVENING_PARTY(Part.INTERVENTION, Kind.TEXT, null, "intervening_party", "intervened_by", "кто_вмешался",
            "вмешавшаяся_сторона", "араласқан_тарап"),
    INTERVENTION_STATUS(Part.INTERVENTION, Kind.TERM, "intervention-status", "intervention_status",
            "статус_вмешательства", "араласу_мәртебесі");

    /** The record a field belongs to: the event, the act (with its victim and perpetrators), a source, an intervention. */
    public enum Part {
        EVENT, ACT, INFORMATION, INTERVENTION;

        public List<ImportField> fields() {
            return java.util.Arrays.stream(ImportField.values()).filter(f -> f.part == this).toList();
        }

        public String messageKey() {
            return "exchange.part." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a field's values are read. */
    public enum Kind {
        TEXT, DATE, NUMBER,
        /** One term of a vocabulary. */
        TERM,
        /** Several terms of a vocabulary, separated by ';'. */
        TERMS,
        /** A precision of dates (exact, month, year, estimated, unknown). */
        PRECISION,
        /** A sharing level; blank means the organisation only. */
        SHARING
    }

    private final Part part;
    private final Kind kind;
    private final String vocabulary;
    private final List<String> names;

    ImportField(Part part, Kind kind, String vocabulary, String... names) {
        this.part = part;
        this.kind = kind;
        this.vocabulary = vocabulary;
        this.names = List.of(names);
    }

    public Part part() {
        return part;
    }

    public Kind kind() {
        return kind;
    }

    /** The vocabulary the values come from, for TERM and TERMS fields. */
    public String vocabulary() {
        return vocabulary;
    }

    /** Whether the file's values are mapped one by one to the values of a list. */
    public boolean mapsValues() {
        return kind == Kind.TERM || kind == Kind.TERMS || kind == Kind.PRECISION || kind == Kind.SHARING;
    }

    /** Whether this field belongs to the act (and so makes a row an act rather than the event alone). */
    public boolean ofAct() {
        return part == Part.ACT;
    }

    List<String> names() {
        return names;
    }

    public String messageKey() {
        return "exchange.field." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A heading reduced to what matters for recognising it: lower case, words joined by '_'. */
    static String normalised(String heading) {
        return heading == null ? "" : heading.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)
                .replace('ё', 'е').replaceAll("[\\s_\\-.:/]+", "_").replaceAll("^_|_$", "");
    }
}
