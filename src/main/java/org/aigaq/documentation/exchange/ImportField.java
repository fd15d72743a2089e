package org.aigaq.documentation.exchange;

import java.util.List;
import java.util.Locale;

/**
 * What a column of an imported file can hold. Each field knows how its values are read and, for fields whose values
 * come from a list (a vocabulary, the precisions of dates, the sharing levels), which list. The names are those a
 * column may carry for the field to be proposed at once: Aigaq's own CSV and JSON exports, the HURIDOCS field names,
 * and common Russian and Kazakh headings (the field's label in each language is recognised as well).
 */
public enum ImportField {
    EVENT_NUMBER(Kind.TEXT, null, "event_number", "event_record_number", "record_number", "number", "no", "номер", "нөмір"),
    EVENT_TITLE(Kind.TEXT, null, "event_title", "title", "event", "название", "заголовок", "событие", "оқиға", "атауы"),
    EVENT_DESCRIPTION(Kind.TEXT, null, "event_description", "description", "описание", "сипаттамасы"),
    EVENT_DATE(Kind.DATE, null, "event_date", "date", "initial_date", "дата", "күні"),
    DATE_PRECISION(Kind.PRECISION, null, "date_precision", "precision", "initial_date_type", "точность_даты"),
    REGION(Kind.TEXT, null, "region", "geographical_term", "регион", "область", "өңір", "облыс"),
    VIOLATION_STATUS(Kind.TERM, "violation-status", "violation_status", "статус_нарушения"),
    MONITORING_STATUS(Kind.TERM, "monitoring-status", "monitoring_status", "статус_мониторинга"),
    SHARING(Kind.SHARING, null, "sharing", "доступ"),
    VICTIM_NAME(Kind.TEXT, null, "victim", "victim_name", "name", "жертва", "потерпевший", "фио", "жәбірленуші"),
    ACT_TYPE(Kind.TERM, "act-type", "act_type", "type_of_act", "тип_деяния"),
    ACT_DATE(Kind.DATE, null, "act_date", "act_initial_date", "дата_деяния"),
    METHODS(Kind.TERMS, "method", "methods", "method_of_violence", "методы"),
    LOCATION_TYPE(Kind.TERM, "location-type", "location_type", "type_of_location", "тип_места"),
    AGE_AT_TIME(Kind.NUMBER, null, "age_at_time", "age", "age_at_time_of_victimisation", "возраст", "жасы"),
    PERPETRATOR_AGENCY(Kind.TERMS, "agency", "perpetrator_agencies", "perpetrator_agency", "agency", "ведомство"),
    UNIT(Kind.TEXT, null, "unit", "подразделение", "бөлімше"),
    RANK_ROLE(Kind.TEXT, null, "rank_role", "rank", "role", "звание", "должность"),
    PERPETRATOR_NAME(Kind.TEXT, null, "perpetrator_name", "perpetrator"),
    DEGREE(Kind.TERM, "involvement-degree", "degree", "degree_of_involvement", "степень_участия");

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

    private final Kind kind;
    private final String vocabulary;
    private final List<String> names;

    ImportField(Kind kind, String vocabulary, String... names) {
        this.kind = kind;
        this.vocabulary = vocabulary;
        this.names = List.of(names);
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
        return ordinal() >= VICTIM_NAME.ordinal();
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
