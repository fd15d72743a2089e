package org.aigaq.trials.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.aigaq.trials.AllegationCounts;
import org.aigaq.trials.AllegationDraft;
import org.aigaq.trials.HearingDraft;
import org.aigaq.trials.Trial;
import org.aigaq.trials.TrialDraft;
import org.aigaq.trials.Trials;
import org.aigaq.trials.VerdictDraft;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trial monitoring over the API, through the same services (and access rules) as the pages. */
@Tag(name = "Trial monitoring")
@RestController
@RequestMapping("/api/v1/trials")
class TrialsApi {

    private final Trials trials;

    TrialsApi(Trials trials) {
        this.trials = trials;
    }

    @Operation(summary = "The trials the caller may read, newest first, with their allegation counts; optional filters: court "
            + "(part of its name), status (ONGOING: a verdict pending, DECIDED, APPEALED), year (a hearing in it), article "
            + "(named in the charges), defendant (a name, by the person search: case workers only)")
    @SignedIn
    @GetMapping
    List<Trials.Line> list(@RequestParam(required = false) String court, @RequestParam(required = false) Trials.Status status,
                           @RequestParam(required = false) Integer year, @RequestParam(required = false) String article,
                           @RequestParam(required = false) String defendant) {
        return trials.list(new Trials.Filter(court, status, year, article, defendant));
    }

    @Operation(summary = "Record a monitored trial for the caller's organisation; the defendants are the organisation's people")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping
    ResponseEntity<Trial> record(@RequestBody TrialDraft draft) {
        var trial = trials.record(draft);
        return ResponseEntity.created(URI.create("/api/v1/trials/" + trial.id())).body(trial);
    }

    @Operation(summary = "Torture allegations raised in court across the trials the caller may read: raised, recorded, examined, investigation ordered, evidence admitted")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/figures")
    AllegationCounts figures() {
        return trials.figures();
    }

    @Operation(summary = "The fair-trial checklist tallied over the hearings of the trials the caller may read: per item, "
            + "how often respected, not respected, not observed")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/checklist")
    List<Trials.ChecklistTally> checklist() {
        return trials.checklist();
    }

    @Operation(summary = "One trial with its defendants, hearings, checklists and allegations; the read is audited; 404 when the caller may not read it")
    @SignedIn
    @GetMapping("/{id}")
    Trial get(@PathVariable long id) {
        return trials.get(id);
    }

    @Operation(summary = "Record a hearing with the fair-trial checklist; one hearing a day per trial")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/{id}/hearings")
    Trial hearing(@PathVariable long id, @RequestBody HearingDraft draft) {
        return trials.addHearing(id, draft);
    }

    @Operation(summary = "Correct a hearing and its checklist (the answers sent replace the earlier ones); audited before and after")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/{id}/hearings/{hearingId}")
    Trial changeHearing(@PathVariable long id, @PathVariable long hearingId, @RequestBody HearingDraft draft) {
        return trials.changeHearing(id, hearingId, draft);
    }

    @Operation(summary = "Correct an allegation raised in court; audited before and after")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/{id}/allegations/{allegationId}")
    Trial changeAllegation(@PathVariable long id, @PathVariable long allegationId, @RequestBody AllegationDraft draft) {
        return trials.changeAllegation(id, allegationId, draft);
    }

    @Operation(summary = "Record a torture allegation raised in court and what the court did with it")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/{id}/allegations")
    Trial allegation(@PathVariable long id, @RequestBody AllegationDraft draft) {
        return trials.addAllegation(id, draft);
    }

    @Operation(summary = "Record the verdict, sentence and appeal of one defendant")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PutMapping("/{id}/defendants/{defendant}/verdict")
    Trial verdict(@PathVariable long id, @PathVariable long defendant, @RequestBody VerdictDraft draft) {
        return trials.setVerdict(id, defendant, draft);
    }
}
