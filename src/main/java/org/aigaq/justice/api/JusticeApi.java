package org.aigaq.justice.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.aigaq.justice.Article;
import org.aigaq.justice.AttritionFunnel;
import org.aigaq.justice.FunnelRequest;
import org.aigaq.justice.Complaints;
import org.aigaq.justice.Deadline;
import org.aigaq.justice.DetentionEpisodes;
import org.aigaq.justice.Episode;
import org.aigaq.justice.EpisodeDraft;
import org.aigaq.justice.Explanations;
import org.aigaq.justice.Jurisdictions;
import org.aigaq.justice.MomentDraft;
import org.aigaq.justice.Pipeline;
import org.aigaq.justice.Stage;
import org.aigaq.justice.Step;
import org.aigaq.justice.StepDraft;
import org.aigaq.justice.StepType;
import org.aigaq.justice.Threshold;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The justice pipeline, its flags, detention episodes and their safeguards, the overdue list and the rules, as JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Justice")
class JusticeApi {

    /** A case's pipeline with its flags in words. */
    record PipelineView(long eventId, String jurisdiction, Stage stage, LocalDate since, Long daysInStage,
                        List<Complaints.DueDate> deadlines, List<Step> steps, List<Explanations.ExplainedFlag> flags,
                        List<StepType> allowedNext) {}

    /** An episode with its safeguard findings in words. */
    record EpisodeView(Episode episode, long violations, List<Explanations.ExplainedCheck> safeguards) {}

    /** A jurisdiction's configuration. */
    record JurisdictionView(String code, String zone, List<String> codeVersions, List<Article> articles,
                            List<Deadline> deadlines, List<Threshold> thresholds,
                            List<Explanations.ExplainedRule> safeguardRules) {}

    /** Every rule: the pipeline's transitions, the impunity rules and each jurisdiction's configuration. */
    record RulesView(Map<StepType, List<Stage>> transitions, List<Explanations.ExplainedRule> impunityRules,
                     List<JurisdictionView> jurisdictions) {}

    /** The funnel with its indicators' definitions and its rules' names in words. */
    record FunnelView(org.aigaq.justice.FunnelFilter filter, List<AttritionFunnel.FunnelStep> steps,
                      List<IndicatorView> indicators, List<LossView> losses, List<AttritionFunnel.StageTime> times,
                      List<RuleCountView> flags, List<RuleCountView> safeguardViolations, long flagged, long violated) {}

    /** An indicator's value beside its definition. */
    record IndicatorView(String code, String name, String numerator, String denominator, long numeratorCount,
                         long denominatorCount, java.math.BigDecimal percent) {}

    /** Cases that stopped at a step, for a reason in words. */
    record LossView(org.aigaq.justice.Milestone at, String reason, String reasonText, long cases) {}

    /** A rule and how many complaints it concerns. */
    record RuleCountView(String rule, String description, long cases) {}

    private final Complaints complaints;
    private final DetentionEpisodes episodes;
    private final Explanations explanations;
    private final Jurisdictions jurisdictions;
    private final AttritionFunnel funnel;

    JusticeApi(Complaints complaints, DetentionEpisodes episodes, Explanations explanations, Jurisdictions jurisdictions,
               AttritionFunnel funnel) {
        this.funnel = funnel;
        this.complaints = complaints;
        this.episodes = episodes;
        this.explanations = explanations;
        this.jurisdictions = jurisdictions;
    }

    @Operation(summary = "The allegation's pipeline: current stage, since when, the deadlines that apply, the steps in "
            + "order, the flags with their reasons and rules, and the steps allowed next")
    @SignedIn
    @GetMapping("/events/{id}/justice")
    PipelineView pipeline(@PathVariable long id) {
        return view(complaints.file(id));
    }

    @Operation(summary = "Record a step (stepType, occurredOn and the fields of its type; see GET /justice/rules); an "
            + "impossible sequence is refused with 400 naming /stepType. The first step sets the jurisdiction (default KZ) "
            + "(COORDINATOR, DOCUMENTER, LAWYER, MONITOR with write access to the case)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/justice/steps")
    ResponseEntity<Step> record(@PathVariable long id, @RequestParam(required = false) String jurisdiction,
                                @RequestBody StepDraft step) {
        Step recorded = complaints.record(id, jurisdiction, step);
        return ResponseEntity.created(URI.create("/api/v1/events/" + id + "/justice#step-" + recorded.id())).body(recorded);
    }

    /** Why a step is withdrawn. */
    record Withdrawal(String reason) {}

    @Operation(summary = "Withdraw a step recorded by mistake, with the reason; the pipeline leaves it out (the record "
            + "stays); 400 on /stepId when the remaining steps would be an impossible sequence (withdraw the later ones first)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/justice/steps/{stepId}/withdrawal")
    PipelineView withdraw(@PathVariable long id, @PathVariable long stepId, @RequestBody Withdrawal withdrawal) {
        complaints.withdraw(id, stepId, withdrawal.reason());
        return view(complaints.file(id));
    }

    @Operation(summary = "The flags Aigaq computes from the allegation's steps, each with its reason and source")
    @SignedIn
    @GetMapping("/events/{id}/justice/flags")
    List<Explanations.ExplainedFlag> flags(@PathVariable long id) {
        return explanations.flags(complaints.file(id).flags());
    }

    @Operation(summary = "The allegation's detention episodes, their moments and the safeguard violations computed from them")
    @SignedIn
    @GetMapping("/events/{id}/detention-episodes")
    List<EpisodeView> episodes(@PathVariable long id) {
        return episodes.of(id).stream().map(this::view).toList();
    }

    @Operation(summary = "Record a detention episode (actId, placeId, notes), in a jurisdiction (default KZ)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/detention-episodes")
    ResponseEntity<EpisodeView> addEpisode(@PathVariable long id, @RequestParam(required = false) String jurisdiction,
                                           @RequestBody EpisodeDraft episode) {
        var added = episodes.add(id, jurisdiction, episode);
        return ResponseEntity.created(URI.create("/api/v1/detention-episodes/" + added.episode().id())).body(view(added));
    }

    @Operation(summary = "One detention episode with its safeguard violations")
    @SignedIn
    @GetMapping("/detention-episodes/{id}")
    EpisodeView episode(@PathVariable long id) {
        return view(episodes.get(id));
    }

    @Operation(summary = "Record a moment of an episode: kind, localTime (ISO local date-time) and zone (default: the "
            + "jurisdiction's, Asia/Almaty for KZ); stored as an instant")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/detention-episodes/{id}/moments")
    ResponseEntity<EpisodeView> addMoment(@PathVariable long id, @RequestBody MomentDraft moment) {
        return ResponseEntity.status(201).body(view(episodes.addMoment(id, moment)));
    }

    @Operation(summary = "The organisation's cases past a deadline, longest overdue first; continue with after=next")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/justice/overdue")
    Complaints.OverduePage overdue(@RequestParam(required = false) String after, @RequestParam(defaultValue = "50") int size) {
        return complaints.overdue(after, Math.max(1, Math.min(size, 500)));
    }

    @Operation(summary = "The attrition funnel over the complaints the caller may see: cases reaching each step, where "
            + "the others stopped and why, days between steps (median, 90th percentile), the indicators with their "
            + "definitions, and the impunity flags and safeguard violations. Filters: fromYear, toYear (of the complaint), "
            + "region, agency, place, article (version:article, e.g. 2014:146), organisation, asOf (a day; today by default)")
    @SignedIn
    @GetMapping("/justice/funnel")
    FunnelView funnel(@RequestParam Map<String, String> parameters) {
        var request = FunnelRequest.parse(parameters, jurisdictions.today());
        var f = funnel.funnel(request.filter());
        return new FunnelView(f.filter(), f.steps(),
                f.indicators().stream().map(r -> new IndicatorView(r.indicator().code(),
                        explanations.message(r.indicator().messageKey()), explanations.message(r.indicator().numeratorKey()),
                        explanations.message(r.indicator().denominatorKey()), r.numerator(), r.denominator(), r.percent())).toList(),
                f.losses().stream().map(l -> new LossView(l.at(), l.reason(), explanations.message(l.reasonKey()), l.cases())).toList(),
                f.times(), counts(f.flags(), "justice.rule.%s.description"), counts(f.violations(), "justice.rule.%s.description"),
                f.flagged(), f.violated());
    }

    @Operation(summary = "The funnel's main counts by REGION, AGENCY or PLACE (by=), the 25 groups with the most "
            + "complaints; same filters as the funnel")
    @SignedIn
    @GetMapping("/justice/funnel/breakdown")
    List<AttritionFunnel.GroupRow> breakdown(@RequestParam Map<String, String> parameters) {
        var request = FunnelRequest.parse(parameters, jurisdictions.today());
        return funnel.breakdown(request.filter(), FunnelRequest.groupBy(parameters.getOrDefault("by", "REGION"), "by"));
    }

    @Operation(summary = "The cases behind a figure of the funnel, newest first: the funnel's filters and reached, "
            + "stoppedAt, reason, flag, violation, groupBy with group; continue with after=next")
    @SignedIn
    @GetMapping("/justice/funnel/cases")
    AttritionFunnel.CasePage funnelCases(@RequestParam Map<String, String> parameters) {
        var request = FunnelRequest.parse(parameters, jurisdictions.today());
        Long after = FunnelRequest.id("after", parameters.get("after"));
        int size = FunnelRequest.size(parameters.get("size"));
        return funnel.cases(request.filter(), request.selection(), after, size);
    }

    private List<RuleCountView> counts(List<AttritionFunnel.RuleCount> counts, String key) {
        return counts.stream().map(c -> new RuleCountView(c.rule(), explanations.message(key.formatted(c.rule())), c.cases())).toList();
    }

    @Operation(summary = "Every rule: the pipeline's allowed transitions, the impunity rules with their sources, and each "
            + "jurisdiction's articles, deadlines and safeguard thresholds")
    @SignedIn
    @GetMapping("/justice/rules")
    RulesView rules() {
        var transitions = new java.util.LinkedHashMap<StepType, List<Stage>>();
        for (StepType t : StepType.values()) transitions.put(t, List.copyOf(Pipeline.allowedFrom(t)));
        return new RulesView(transitions, explanations.impunityRules(), jurisdictions.all().stream()
                .map(j -> new JurisdictionView(j.code(), j.zone().getId(), j.codeVersions(), j.articles(), j.deadlines(),
                        List.copyOf(j.thresholds().values()), explanations.safeguardRules(j))).toList());
    }

    private PipelineView view(Complaints.ComplaintFile file) {
        return new PipelineView(file.eventId(), file.jurisdiction(), file.stage(), file.since(), file.daysInStage(),
                file.deadlines(), file.steps(), explanations.flags(file.flags()), file.next());
    }

    private EpisodeView view(DetentionEpisodes.Audited audited) {
        return new EpisodeView(audited.episode(), audited.violations(), explanations.checks(audited.checks()));
    }
}
