package org.aigaq.documentation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Invented but realistic cases for the demo and the benchmarks: names in Kazakh and Russian Cyrillic and in Latin
 * transliterations, dates spread over recent years, torture and ill-treatment mostly in police custody. Every person
 * is invented; the same seed always gives the same cases.
 */
public final class SyntheticCases {

    private static final String[] MALE = {"Ержан", "Нұрлан", "Серік", "Бауыржан", "Асқар", "Дәурен", "Қайрат", "Мұрат",
            "Дмитрий", "Сергей", "Алексей", "Тимур", "Арман", "Ерлан", "Yerzhan", "Nurlan", "Serik"};
    private static final String[] FEMALE = {"Айгүл", "Асель", "Дина", "Гүлнар", "Жанар", "Мәдина", "Ольга", "Наталья",
            "Айжан", "Сәуле", "Aigul", "Assel", "Zhanar"};
    private static final String[] FATHERS = {"Серік", "Нұрлан", "Қайрат", "Болат", "Ерлан", "Мұхтар", "Сапар", "Жұмабек"};
    private static final String[] FAMILY = {"Ахмет", "Сәрсенбай", "Оспан", "Нұрпейіс", "Жақып", "Бекмұхамбет", "Иван",
            "Кенжебай", "Тоқтар", "Смағұл", "Akhmet", "Sarsenbay", "Ospan"};
    private static final String[] TITLES = {"Beating during interrogation at a district police department",
            "Ill-treatment in a temporary detention facility", "Death in custody reported as suicide",
            "Forced confession obtained in a police car", "Beating of a prisoner after a protest in a penal colony",
            "Denial of medical care in pre-trial detention", "Threats against a complainant's family"};
    private static final String[] REGIONS = {"Astana", "Almaty", "Shymkent", "Karaganda", "Aktobe", "Pavlodar",
            "Kostanay", "Turkistan", "East Kazakhstan", "West Kazakhstan", "Mangystau", "Zhambyl"};

    /** More family-name roots for large collections, so that a surname is shared by thousands, not by a tenth of all. */
    private static final String[] MORE_FAMILY = {"Абдрахман", "Байжан", "Дүйсенбай", "Есім", "Жұмаш", "Ибрай", "Қасым",
            "Мамыр", "Нұрғали", "Омар", "Сұлтанбек", "Тұрсын", "Шәкен", "Әлімбет", "Бектұрған", "Исабек", "Қуаныш",
            "Мырзахмет", "Сейіт", "Үсен", "Петр", "Кузнец", "Смирн", "Поп", "Волк", "Мороз", "Сокол",
            "Павл", "Семён", "Егор", "Степан", "Nurgali", "Kassym", "Tursyn", "Bekturgan", "Seit", "Smirn"};
    /** Sentences of narratives, in the languages of the coalition's records. */
    private static final String[] NARRATIVE = {"Задержанного избили во время допроса, требуя признательных показаний.",
            "Сотрудники полиции надели на голову пакет и угрожали родственникам.",
            "Медицинская помощь не оказывалась в течение трёх суток.",
            "The detainee was kept handcuffed to a radiator overnight and denied water.",
            "Officers threatened to plant drugs unless he signed a confession.",
            "Relatives were not told where he was held for two days.",
            "Тергеу кезінде ұрып-соғып, мойындауға мәжбүрлеген.",
            "Адвокатпен кездесуге рұқсат берілмеді.",
            "The complaint to the prosecutor was returned without examination.",
            "Следы побоев зафиксированы судебно-медицинским экспертом."};
    private static final String[] UNITS = {"District police department", "Criminal police unit", "Anti-extremism unit",
            "Temporary detention facility staff", "Patrol police", "Investigative department"};

    private final Random random;
    private final boolean wide;

    public SyntheticCases(long seed) {
        this(seed, false);
    }

    /**
     * With {@code wide}, names are drawn from many more family names (for the million-case benchmark) and events get a
     * narrative of two sentences; without, the cases are those of the demo and the import tests.
     */
    public SyntheticCases(long seed, boolean wide) {
        this.random = new Random(seed);
        this.wide = wide;
    }

    private static final String[] SOURCE_TYPES = {"victim-testimony", "victim-testimony", "witness-testimony", "complaint",
            "medical-report", "media-report"};
    private static final String[] RELIABILITIES = {"highly-reliable", "likely-reliable", "likely-reliable", "unsure"};
    private static final String[] INTERVENTION_TYPES = {"complaint-filed", "complaint-filed", "appeal-to-prosecutor",
            "lawyer-assigned", "medical-examination-requested", "appeal-to-ombudsman"};
    private static final String[] INTERVENTION_STATUSES = {"action-pending", "some-action-continuing", "no-action", "closed"};

    /** An invented name in one of the forms the coalition meets: Kazakh (-ұлы/-қызы), Russian (-ов/-ова) or Latin. */
    public String name() {
        return name(random.nextInt(3) == 0);
    }

    private String name(boolean female) {
        String given = pick(female ? FEMALE : MALE);
        String family = wide && random.nextInt(4) != 0 ? pick(MORE_FAMILY) : pick(FAMILY);
        boolean latin = given.chars().allMatch(c -> c < 128) || family.chars().allMatch(c -> c < 128);
        if (latin) {
            String latinFamily = family.chars().allMatch(c -> c < 128) ? family : "Akhmet";
            return given.chars().allMatch(c -> c < 128) ? given + " " + latinFamily + (female ? "ova" : "ov")
                    : given + " " + family + (female ? "ова" : "ов");
        }
        return switch (random.nextInt(3)) {
            case 0 -> given + " " + pick(FATHERS) + (female ? "қызы" : "ұлы") + " " + family + (female ? "ова" : "ов");
            case 1 -> family + (female ? "ова " : "ов ") + given;
            default -> given + " " + family + (female ? "ова" : "ов");
        };
    }

    public EventDraft event(Sharing sharing) {
        LocalDate date = LocalDate.now().minusDays(30 + random.nextInt(5 * 365));
        var precision = random.nextInt(10) < 7 ? DatePrecision.EXACT : random.nextBoolean() ? DatePrecision.MONTH
                : DatePrecision.ESTIMATED;
        String narrative = wide ? pick(NARRATIVE) + " " + pick(NARRATIVE) : null;
        return new EventDraft(pick(TITLES), narrative, new FuzzyDate(date, precision), null, null,
                random.nextInt(4) == 0 ? "temporary-detention-isolator" : "police-station", pick(REGIONS), null,
                pick(new String[] {"confirmed", "likely", "possible"}), pick(new String[] {"active", "pending", "not-active"}),
                date.plusDays(random.nextInt(60)), sharing);
    }

    public ActDraft act(long victimId, EventDraft event, List<String> methods) {
        var chosen = new ArrayList<String>();
        for (int i = 0; i < 1 + random.nextInt(3) && !methods.isEmpty(); i++) {
            chosen.add(methods.get(random.nextInt(methods.size())));
        }
        return new ActDraft(victimId, random.nextInt(5) == 0 ? "cruel-inhuman-degrading-treatment" : "torture", event.initial(), null,
                null, event.locationType(), event.region(), null, null, chosen, null, null, 18 + random.nextInt(45), null,
                null, null, List.of(), null, null);
    }

    /** A victim: a name of either sex (one in three a woman), a date of birth, Kazakh citizenship. */
    public PersonDraft person() {
        boolean female = random.nextInt(3) == 0;
        return new PersonDraft(new Identity(name(female), List.of(), null, null,
                LocalDate.now().minusYears(18 + random.nextInt(50)).minusDays(random.nextInt(365))), false, null,
                female ? "female" : "male", "Kazakhstan", List.of(), false, null);
    }

    /** An alleged perpetrator named in the sources: a man's or woman's name, no other detail. */
    public PersonDraft perpetrator() {
        boolean female = random.nextInt(8) == 0;
        return new PersonDraft(new Identity(name(female), List.of(), null, null, null), false, null,
                female ? "female" : "male", null, List.of(), false, null);
    }

    /** A unit of the police or of a penitentiary, as sources name it. */
    public String unit() {
        return pick(UNITS);
    }

    /** A source of an event that happened on {@code date}: mostly the victim's account, received within a month. */
    public CaseRecords.InformationDraft information(LocalDate date) {
        return new CaseRecords.InformationDraft(null, null, pick(SOURCE_TYPES), pick(RELIABILITIES),
                date.plusDays(random.nextInt(30)), null);
    }

    /** An intervention after an event that happened on {@code date}: mostly a complaint, within two months. */
    public CaseRecords.InterventionDraft intervention(LocalDate date) {
        return new CaseRecords.InterventionDraft(pick(INTERVENTION_TYPES), "Coalition lawyer",
                new FuzzyDate(date.plusDays(random.nextInt(60)), DatePrecision.EXACT), null, null, null,
                pick(INTERVENTION_STATUSES), null);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
