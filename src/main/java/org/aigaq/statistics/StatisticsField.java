package org.aigaq.statistics;

import java.util.List;
import java.util.Locale;
import org.aigaq.platform.vocabulary.TermProposals;

/**
 * A field that a column of an official table can give: what the figure is of (jurisdiction, year, agency, report
 * form, code version, article, part) or one of the measures, one figure per measure column and row; with the column
 * names it is known by in the published tables.
 */
public enum StatisticsField {
    JURISDICTION(null, "jurisdiction", "country", "юрисдикция", "страна", "ел"),
    YEAR(null, "year", "год", "период", "жыл"),
    AGENCY(null, "agency", "source", "ведомство", "орган", "источник", "органы", "ведомство-источник"),
    FORM(null, "form", "report form", "форма", "форма отчёта", "форма отчета", "есеп нысаны"),
    CODE_VERSION(null, "code version", "code", "редакция кодекса", "кодекс", "ук"),
    ARTICLE(null, "article", "статья", "ст.", "бап"),
    PART(null, "part", "часть", "ч.", "бөлік"),
    COMPLAINTS(Measure.COMPLAINTS, "complaints", "complaints registered", "зарегистрировано заявлений", "заявления",
            "зарегистрировано", "өтініштер"),
    CASES_OPENED(Measure.CASES_OPENED, "cases opened", "criminal cases opened", "возбуждено дел", "возбуждено",
            "начато досудебных расследований"),
    SENT_TO_COURT(Measure.SENT_TO_COURT, "sent to court", "cases sent to court", "направлено в суд"),
    CONVICTED(Measure.CONVICTED, "convicted", "persons convicted", "осуждено", "осуждено лиц"),
    SENTENCED_FINE(Measure.SENTENCED_FINE, "fine", "штраф"),
    SENTENCED_SUSPENDED(Measure.SENTENCED_SUSPENDED, "suspended", "условно", "условное осуждение"),
    SENTENCED_PRISON_UP_TO_5(Measure.SENTENCED_PRISON_UP_TO_5, "prison up to 5 years", "лишение свободы до 5 лет"),
    SENTENCED_PRISON_OVER_5(Measure.SENTENCED_PRISON_OVER_5, "prison over 5 years", "лишение свободы свыше 5 лет"),
    ENDED_AMNESTY(Measure.ENDED_AMNESTY, "amnesty", "амнистия", "прекращено по амнистии"),
    ENDED_RECONCILIATION(Measure.ENDED_RECONCILIATION, "reconciliation", "примирение", "прекращено за примирением"),
    ALLEGATIONS_WRITTEN(Measure.ALLEGATIONS_WRITTEN, "allegations written", "письменно", "заявлено письменно"),
    ALLEGATIONS_ORAL(Measure.ALLEGATIONS_ORAL, "allegations oral", "устно", "заявлено устно"),
    ALLEGATIONS_CONFIRMED(Measure.ALLEGATIONS_CONFIRMED, "allegations confirmed", "подтвердились", "подтверждено"),
    ALLEGATIONS_UNSUBSTANTIATED(Measure.ALLEGATIONS_UNSUBSTANTIATED, "allegations unsubstantiated", "не подтвердились",
            "не подтверждено");

    private final Measure measure;
    private final List<String> names;

    StatisticsField(Measure measure, String... names) {
        this.measure = measure;
        this.names = List.of(names);
    }

    /** The measure a column of this field gives, or null for the fields that say what a figure is of. */
    public Measure measure() {
        return measure;
    }

    public String messageKey() {
        return measure != null ? measure.messageKey() : "statistics.field." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The field a column of this name gives, or null. */
    static StatisticsField named(String column) {
        String name = TermProposals.normalised(column).replace('_', ' ');
        for (StatisticsField f : values()) {
            if (f.names.stream().anyMatch(n -> TermProposals.normalised(n).replace('_', ' ').equals(name))
                    || TermProposals.normalised(f.name()).replace('_', ' ').equals(name)) {
                return f;
            }
        }
        return null;
    }
}
