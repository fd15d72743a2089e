package org.aigaq.recommendations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.aigaq.documentation.Event;
import org.aigaq.documentation.Events;
import org.aigaq.justice.Complaints;
import org.aigaq.justice.Flag;
import org.aigaq.justice.ImpunityRule;
import org.aigaq.justice.ImpunityRules;
import org.aigaq.justice.Jurisdictions;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.detention.Visit;
import org.aigaq.detention.Visits;
import org.aigaq.statistics.Measure;
import org.aigaq.statistics.OfficialFigures;
import org.aigaq.statistics.OfficialIndicators;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The structured evidence of an assessment: impunity flags of cases (justice), official figures and indicators
 * (statistics), monitoring visits (detention), each through its capability's public services and access rules. A link
 * is accepted only to what the user may see, and shown only to readers who may see what it links to.
 */
@Component
class EvidenceLinks {

    /** The links of one assessment, checked. */
    record Links(List<RecommendationDraft.FlagLink> flags, List<RecommendationDraft.FigureLink> figures, List<Long> visitIds) {
        static final Links NONE = new Links(List.of(), List.of(), List.of());

        /** For the audit trail: "flag 12 InquiryByAccusedAgency; figure KZ 2023 2014:146 COMPLAINTS; visit 7". */
        String describe() {
            var parts = new ArrayList<String>();
            flags.forEach(f -> parts.add("flag " + f.caseId() + " " + f.rule()));
            figures.forEach(f -> parts.add("figure " + f.jurisdiction() + " " + f.year() + " " + f.article()
                    + (f.agency() == null ? "" : " " + f.agency()) + " " + f.measure()));
            visitIds.forEach(v -> parts.add("visit " + v));
            return String.join("; ", parts);
        }
    }

    /** The links of several assessments as a reader may see them. */
    record Shown(Map<Long, List<Recommendation.LinkedFlag>> flagsOf, Map<Long, List<Recommendation.LinkedFigure>> figuresOf,
                 Map<Long, List<Recommendation.LinkedVisit>> visitsOf) {
        List<Recommendation.LinkedFlag> flags(long assessment) {
            return flagsOf.getOrDefault(assessment, List.of());
        }

        List<Recommendation.LinkedFigure> figures(long assessment) {
            return figuresOf.getOrDefault(assessment, List.of());
        }

        List<Recommendation.LinkedVisit> visits(long assessment) {
            return visitsOf.getOrDefault(assessment, List.of());
        }
    }

    private final JdbcClient jdbc;
    private final Events events;
    private final Complaints complaints;
    private final OfficialFigures figures;
    private final Visits visits;

    EvidenceLinks(JdbcClient jdbc, Events events, Complaints complaints, OfficialFigures figures, Visits visits) {
        this.jdbc = jdbc;
        this.events = events;
        this.complaints = complaints;
        this.figures = figures;
        this.visits = visits;
    }

    /** Checks the draft's links, adding each problem (named by JSON pointer) to {@code rules}; the links as stored. */
    Links check(RecommendationDraft.AssessmentDraft draft, BrokenRules rules) {
        var flags = new ArrayList<RecommendationDraft.FlagLink>();
        Set<Long> caseIds = draft.flags().stream().map(f -> f == null ? null : f.caseId()).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Set<Long> readable = events.readable(caseIds).stream().map(Event::id).collect(Collectors.toSet());
        Set<String> known = ImpunityRules.ALL.stream().map(ImpunityRule::name).collect(Collectors.toSet());
        var raised = new HashMap<Long, Set<String>>();
        for (int i = 0; i < draft.flags().size(); i++) {
            var link = draft.flags().get(i);
            String at = "flags/" + i;
            var caseId = link == null ? null : link.caseId();
            String rule = link == null || link.rule() == null || link.rule().isBlank() ? null : link.rule().strip();
            boolean caseOk = rules.value(() -> {
                if (caseId == null) throw new InvalidInput(at + "/caseId", "validation.required");
                if (!readable.contains(caseId)) throw new InvalidInput(at + "/caseId", "detention.death.event-unknown");
                return true;
            }) != null;
            rules.rule(() -> {
                if (rule == null) throw new InvalidInput(at + "/rule", "validation.required");
                if (!known.contains(rule)) throw new InvalidInput(at + "/rule", "recommendations.flag-unknown");
                if (caseOk && !raised.computeIfAbsent(caseId, this::raisedIn).contains(rule)) {
                    throw new InvalidInput(at + "/rule", "recommendations.flag-not-raised");
                }
                var clean = new RecommendationDraft.FlagLink(caseId, rule);
                if (!flags.contains(clean)) flags.add(clean);
            });
        }
        var figureLinks = new ArrayList<RecommendationDraft.FigureLink>();
        for (int i = 0; i < draft.figures().size(); i++) {
            var link = draft.figures().get(i);
            String at = "figures/" + i;
            rules.rule(() -> {
                var clean = checkFigure(link, at);
                if (!figureLinks.contains(clean)) figureLinks.add(clean);
            });
        }
        var visitIds = new LinkedHashSet<Long>();
        Set<Long> visible = visits.readable(draft.visitIds().stream().filter(java.util.Objects::nonNull).toList()).stream()
                .map(Visit::id).collect(Collectors.toSet());
        for (int i = 0; i < draft.visitIds().size(); i++) {
            Long visit = draft.visitIds().get(i);
            String at = "visitIds/" + i;
            rules.rule(() -> {
                if (visit == null) throw new InvalidInput(at, "validation.required");
                if (!visible.contains(visit)) throw new InvalidInput(at, "recommendations.visit-unknown");
                visitIds.add(visit);
            });
        }
        return new Links(flags, figureLinks, List.copyOf(visitIds));
    }

    private Set<String> raisedIn(long caseId) {
        return complaints.file(caseId).flags().stream().map(Flag::rule).collect(Collectors.toSet());
    }

    private RecommendationDraft.FigureLink checkFigure(RecommendationDraft.FigureLink link, String at) {
        if (link == null) throw new InvalidInput(at, "validation.required");
        var rules = new BrokenRules();
        String jurisdiction = link.jurisdiction() == null || link.jurisdiction().isBlank() ? Jurisdictions.DEFAULT
                : link.jurisdiction().strip().toUpperCase(Locale.ROOT);
        rules.rule(() -> {
            if (link.year() == null) throw new InvalidInput(at + "/year", "validation.required");
        });
        String article = link.article() == null ? null : link.article().strip();
        rules.rule(() -> {
            if (article == null || article.isEmpty()) throw new InvalidInput(at + "/article", "validation.required");
            if (!article.matches("[0-9A-Za-z.-]{1,10}:[0-9A-Za-z.-]{1,20}")) throw new InvalidInput(at + "/article", "recommendations.article-format");
        });
        String measure = link.measure() == null ? null : link.measure().strip();
        rules.rule(() -> {
            if (measure == null || measure.isEmpty()) throw new InvalidInput(at + "/measure", "validation.required");
            if (measure(measure) == null && indicator(measure) == null) throw new InvalidInput(at + "/measure", "recommendations.measure-unknown");
        });
        String agency = link.agency() == null || link.agency().isBlank() ? null : link.agency().strip();
        rules.throwIfAny();
        var clean = new RecommendationDraft.FigureLink(jurisdiction, link.year(), article,
                agency, measure(measure) != null ? measure(measure).name() : indicator(measure).indicator().code());
        if (rows(clean).stream().noneMatch(r -> value(clean, r) != null)) throw new InvalidInput(at, "recommendations.figure-unknown");
        return clean;
    }

    private List<OfficialFigures.Row> rows(RecommendationDraft.FigureLink link) {
        return figures.rows(new OfficialFigures.Selection(link.jurisdiction(), link.article(), link.agency(), link.year(), link.year()));
    }

    /** The figure in one row: the measure's count, or the indicator's percentage; null when not published. */
    private static String value(RecommendationDraft.FigureLink link, OfficialFigures.Row row) {
        Measure m = measure(link.measure());
        if (m != null) {
            Long v = row.value(m);
            return v == null ? null : String.valueOf(v);
        }
        var ratio = indicator(link.measure()).of(row);
        return ratio == null ? null : ratio.percent() + " %";
    }

    private static Measure measure(String name) {
        try {
            return Measure.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static OfficialIndicators.Definition indicator(String code) {
        return OfficialIndicators.ALL.stream().filter(d -> d.indicator().code().equalsIgnoreCase(code)).findFirst().orElse(null);
    }

    void write(long assessmentId, Links links) {
        for (var f : links.flags()) {
            jdbc.sql("INSERT INTO recommendation_evidence (assessment_id, kind, event_id, flag_rule) VALUES (:a, 'JUSTICE_FLAG', :e, :r)")
                    .param("a", assessmentId).param("e", f.caseId()).param("r", f.rule()).update();
        }
        for (var f : links.figures()) {
            jdbc.sql("""
                    INSERT INTO recommendation_evidence (assessment_id, kind, jurisdiction, year, article, agency, measure)
                    VALUES (:a, 'STATISTIC', :j, :y, :article, :agency, :m)""").param("a", assessmentId).param("j", f.jurisdiction())
                    .param("y", f.year()).param("article", f.article()).param("agency", f.agency()).param("m", f.measure()).update();
        }
        for (var v : links.visitIds()) {
            jdbc.sql("INSERT INTO recommendation_evidence (assessment_id, kind, visit_id) VALUES (:a, 'VISIT', :v)")
                    .param("a", assessmentId).param("v", v).update();
        }
    }

    void replace(long assessmentId, Links links) {
        jdbc.sql("DELETE FROM recommendation_evidence WHERE assessment_id = :a").param("a", assessmentId).update();
        write(assessmentId, links);
    }

    /** The links as stored, unfiltered: for the audit trail and the kept earlier version only, never shown. */
    Links stored(long assessmentId) {
        var flags = new ArrayList<RecommendationDraft.FlagLink>();
        var figureLinks = new ArrayList<RecommendationDraft.FigureLink>();
        var visitIds = new ArrayList<Long>();
        jdbc.sql("SELECT * FROM recommendation_evidence WHERE assessment_id = :a ORDER BY id").param("a", assessmentId).query(rs -> {
            switch (rs.getString("kind")) {
                case "JUSTICE_FLAG" -> flags.add(new RecommendationDraft.FlagLink(rs.getLong("event_id"), rs.getString("flag_rule")));
                case "STATISTIC" -> figureLinks.add(new RecommendationDraft.FigureLink(rs.getString("jurisdiction"), rs.getInt("year"),
                        rs.getString("article"), rs.getString("agency"), rs.getString("measure")));
                default -> visitIds.add(rs.getLong("visit_id"));
            }
        });
        return new Links(flags, figureLinks, visitIds);
    }

    /**
     * The links of these assessments as the current user may see them: a flag only of a case the user may read, a
     * figure only for readers of official statistics, a visit only if the user may read it; the rest left out.
     */
    Shown shown(Collection<Long> assessmentIds) {
        var flagsOf = new HashMap<Long, List<Recommendation.LinkedFlag>>();
        var figuresOf = new HashMap<Long, List<Recommendation.LinkedFigure>>();
        var visitsOf = new HashMap<Long, List<Recommendation.LinkedVisit>>();
        if (assessmentIds.isEmpty()) return new Shown(flagsOf, figuresOf, visitsOf);
        record Stored(long assessment, String kind, Long event, String rule, RecommendationDraft.FigureLink figure, Long visit) {}
        var stored = jdbc.sql("SELECT * FROM recommendation_evidence WHERE assessment_id IN (:ids) ORDER BY id")
                .param("ids", assessmentIds).query((rs, n) -> new Stored(rs.getLong("assessment_id"), rs.getString("kind"),
                        rs.getObject("event_id", Long.class), rs.getString("flag_rule"),
                        rs.getString("kind").equals("STATISTIC") ? new RecommendationDraft.FigureLink(rs.getString("jurisdiction"),
                                rs.getInt("year"), rs.getString("article"), rs.getString("agency"), rs.getString("measure")) : null,
                        rs.getObject("visit_id", Long.class))).list();
        var cases = events.readable(stored.stream().map(Stored::event).filter(java.util.Objects::nonNull).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Event::id, e -> e));
        var raised = new HashMap<Long, Set<String>>();
        var user = CurrentUser.require();
        boolean statisticsReader = user.roles().stream().anyMatch(OfficialFigures.READERS::contains);
        var visible = visits.readable(stored.stream().map(Stored::visit).filter(java.util.Objects::nonNull).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Visit::id, v -> v));
        for (var s : stored) {
            switch (s.kind()) {
                case "JUSTICE_FLAG" -> {
                    var event = cases.get(s.event());
                    if (event == null) continue;
                    boolean still = raised.computeIfAbsent(s.event(), this::raisedIn).contains(s.rule());
                    flagsOf.computeIfAbsent(s.assessment(), k -> new ArrayList<>())
                            .add(new Recommendation.LinkedFlag(event.id(), event.recordNumber(), s.rule(), still));
                }
                case "STATISTIC" -> {
                    if (!statisticsReader) continue;
                    var f = s.figure();
                    var rows = rows(f);
                    String value = rows.size() == 1 ? value(f, rows.getFirst()) : null;
                    figuresOf.computeIfAbsent(s.assessment(), k -> new ArrayList<>()).add(new Recommendation.LinkedFigure(
                            f.jurisdiction(), f.year(), f.article(), f.agency(), f.measure(), value));
                }
                default -> {
                    var visit = visible.get(s.visit());
                    if (visit == null) continue;
                    LocalDate date = visit.startedOn() != null ? visit.startedOn() : visit.plannedFrom();
                    visitsOf.computeIfAbsent(s.assessment(), k -> new ArrayList<>())
                            .add(new Recommendation.LinkedVisit(visit.id(), visit.placeName(), date));
                }
            }
        }
        return new Shown(flagsOf, figuresOf, visitsOf);
    }

}
