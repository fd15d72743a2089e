package org.aigaq.documentation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.aigaq.documentation.DifferentPair;
import org.aigaq.documentation.DifferentPeople;
import org.aigaq.documentation.DuplicatePeople;
import org.aigaq.documentation.DuplicateProposal;
import org.aigaq.documentation.PersonMerge;
import org.aigaq.documentation.PersonMerges;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review of likely duplicate people over the API, with the rules of the pages. */
@RestController
@RequestMapping("/api/v1/people")
class DuplicatesApi {

    /** A proposal as the API gives it: the proposal and each reason's message in the caller's language. */
    record Proposal(DuplicateProposal proposal, List<String> messages) {}

    /** One page of the review queue. */
    record QueuePage(List<Proposal> proposals, int page, int size, int total, boolean more) {}

    /** The two records of a merge: {@code merged} is retired into {@code kept}. */
    record MergeRequest(Long kept, Long merged) {}

    /** Two records of different people. */
    record DifferentRequest(Long first, Long second) {}

    private final DuplicatePeople duplicates;
    private final PersonMerges merges;
    private final DifferentPeople different;
    private final MessageSource messages;

    DuplicatesApi(DuplicatePeople duplicates, PersonMerges merges, DifferentPeople different, MessageSource messages) {
        this.duplicates = duplicates;
        this.merges = merges;
        this.different = different;
        this.messages = messages;
    }

    @Tag(name = "People")
    @Operation(summary = "The review queue of likely duplicate people (COORDINATOR, DOCUMENTER, LAWYER, MONITOR)",
            description = "Pairs of people of the caller's organisation that are probably the same person, best score "
                    + "first, size a page (page 0 first). Candidate pairs share rare keyed name tokens; each is decided on "
                    + "every name form across scripts and the date of birth, then scored with the places of detention "
                    + "and the cases the two share or that are linked. Each proposal has both people with their "
                    + "identities, score and nameSimilarity (0 to 1), birthDates (SAME, WITHIN_A_YEAR, UNKNOWN), "
                    + "sharedPlaces, sharedCases, linkedCases and the reasons (messageKey, against, argument), and "
                    + "messages: the reasons in the caller's language. Pairs marked different and merged records are "
                    + "never proposed. Audited with the people shown.")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/duplicates")
    QueuePage queue(@RequestParam(defaultValue = "0") @Min(0) int page,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var found = duplicates.queue(page, size);
        return new QueuePage(found.proposals().stream().map(this::withMessages).toList(), found.page(), found.size(),
                found.total(), found.more());
    }

    @Tag(name = "People")
    @Operation(summary = "The possible duplicates of one person (COORDINATOR, DOCUMENTER, LAWYER, MONITOR)",
            description = "As the queue, for one person of the caller's organisation (404 for any other). Audited.")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/{id}/duplicates")
    List<Proposal> ofPerson(@PathVariable long id) {
        return duplicates.of(id).stream().map(this::withMessages).toList();
    }

    @Tag(name = "People")
    @Operation(summary = "Merge two records of one person (COORDINATOR, DOCUMENTER)",
            description = "Every link of merged (acts' victim, involvements' perpetrator, sources, people in cases) moves "
                    + "to kept; merged's name and other names become other names of kept; contacts, address, date of "
                    + "birth, sex and citizenship fill what kept lacks; merged is retired and its page leads to kept. "
                    + "Both must be people of the caller's organisation (404 otherwise). 400 naming the field when they "
                    + "are the same record, when either was already merged (also on a second submission of the same "
                    + "merge), or when they are marked as different people. Returns the merge with the count of links "
                    + "moved by kind; audited; undo with POST /api/v1/people/merges/{id}/undo.")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/merges")
    ResponseEntity<PersonMerge> merge(@RequestBody MergeRequest request) {
        required(request.kept(), "kept", request.merged(), "merged");
        var merge = merges.merge(request.kept(), request.merged());
        return ResponseEntity.created(URI.create("/api/v1/people/merges/" + merge.id())).body(merge);
    }

    @Tag(name = "People")
    @Operation(summary = "Undo a merge (COORDINATOR, DOCUMENTER)",
            description = "The rows the merge moved go back to the merged record, rows it dropped come back, the "
                    + "merged record is current again, and the kept record loses what the merge gave it (changes made to "
                    + "it since are kept). 400 when already undone, or when the kept record was itself merged since "
                    + "(undo that first). Audited.")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/merges/{id}/undo")
    PersonMerge undoMerge(@PathVariable long id) {
        return merges.undo(id);
    }

    @Tag(name = "People")
    @Operation(summary = "Mark two people as different people (COORDINATOR, DOCUMENTER)",
            description = "The pair is never proposed again, nor merged, while the marking stands. 400 when they are the "
                    + "same record, already marked, or either was merged. Audited; undo with "
                    + "POST /api/v1/people/different/{id}/undo.")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/different")
    ResponseEntity<DifferentPair> markDifferent(@RequestBody DifferentRequest request) {
        required(request.first(), "first", request.second(), "second");
        var pair = different.mark(request.first(), request.second());
        return ResponseEntity.created(URI.create("/api/v1/people/different/" + pair.id())).body(pair);
    }

    @Tag(name = "People")
    @Operation(summary = "Undo a marking as different people (COORDINATOR, DOCUMENTER)",
            description = "The pair can be proposed again. 400 when already undone. Audited.")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/different/{id}/undo")
    DifferentPair undoDifferent(@Parameter(description = "the marking's id") @PathVariable long id) {
        return different.undo(id);
    }

    private Proposal withMessages(DuplicateProposal proposal) {
        var locale = LocaleContextHolder.getLocale();
        return new Proposal(proposal, proposal.reasons().stream()
                .map(r -> messages.getMessage(r.messageKey(), new Object[] {r.argument()}, locale)).toList());
    }

    private static void required(Long first, String firstField, Long second, String secondField) {
        var missing = new java.util.ArrayList<InvalidInput.Violation>();
        if (first == null) missing.add(new InvalidInput.Violation(firstField, "validation.required"));
        if (second == null) missing.add(new InvalidInput.Violation(secondField, "validation.required"));
        if (!missing.isEmpty()) throw new InvalidInput(missing);
    }
}
