package org.aigaq.documentation.web;

import org.aigaq.documentation.DifferentPeople;
import org.aigaq.documentation.DuplicatePeople;
import org.aigaq.documentation.People;
import org.aigaq.documentation.PersonMerges;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The review of likely duplicates: the organisation's queue, one person's possible duplicates, two records compared
 * side by side, and the decisions (merge, mark as different people) with their undoing.
 */
@Controller
class DuplicatesController {

    private static final int PAGE_SIZE = 20;

    private final DuplicatePeople duplicates;
    private final PersonMerges merges;
    private final DifferentPeople different;
    private final People people;
    private final MessageSource messages;

    DuplicatesController(DuplicatePeople duplicates, PersonMerges merges, DifferentPeople different, People people,
                         MessageSource messages) {
        this.duplicates = duplicates;
        this.merges = merges;
        this.different = different;
        this.people = people;
        this.messages = messages;
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/people/duplicates")
    String queue(@RequestParam(defaultValue = "1") int page, Model model) {
        var found = duplicates.queue(Math.max(page, 1) - 1, PAGE_SIZE);
        model.addAttribute("queue", found);
        model.addAttribute("proposals", found.proposals());
        model.addAttribute("pageNumber", found.page() + 1);
        return "documentation/duplicates";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/people/{id}/duplicates")
    String ofPerson(@PathVariable long id, Model model) {
        var found = duplicates.of(id);
        model.addAttribute("person", people.get(id));
        model.addAttribute("proposals", found);
        return "documentation/duplicates";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/people/duplicates/pair")
    String pair(@RequestParam long first, @RequestParam long second, Model model) {
        return showPair(first, second, null, model);
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/people/merges")
    String merge(@RequestParam long kept, @RequestParam long merged, Model model) {
        try {
            var merge = merges.merge(kept, merged);
            return "redirect:/people/" + merge.keptId() + "?merge=" + merge.id();
        } catch (InvalidInput refused) {
            return showPair(kept, merged, refused, model);
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/people/merges/{id}/undo")
    String undoMerge(@PathVariable long id, Model model) {
        var merge = merges.get(id);
        try {
            merges.undo(id);
            return "redirect:/people/duplicates/pair?first=" + merge.keptId() + "&second=" + merge.mergedId() + "&unmerged=" + id;
        } catch (InvalidInput refused) {
            return showPair(merge.keptId(), merge.mergedId(), refused, model);
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/people/different")
    String markDifferent(@RequestParam long first, @RequestParam long second, Model model) {
        try {
            different.mark(first, second);
            return "redirect:/people/duplicates/pair?first=" + first + "&second=" + second;
        } catch (InvalidInput refused) {
            return showPair(first, second, refused, model);
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/people/different/{id}/undo")
    String undoDifferent(@PathVariable long id, Model model) {
        var pair = different.get(id);
        try {
            different.undo(id);
            return "redirect:/people/duplicates/pair?first=" + pair.firstId() + "&second=" + pair.secondId() + "&undone";
        } catch (InvalidInput refused) {
            return showPair(pair.firstId(), pair.secondId(), refused, model);
        }
    }

    private String showPair(long first, long second, InvalidInput refused, Model model) {
        var comparison = duplicates.compare(first, second);
        model.addAttribute("comparison", comparison);
        model.addAttribute("proposal", comparison.proposal());
        model.addAttribute("merge", merges.currentBetween(first, second).orElse(null));
        model.addAttribute("different", different.current(first, second).orElse(null));
        model.addAttribute("firstRetiredInto", merges.mergedInto(first).map(this::pseudonym).orElse(null));
        model.addAttribute("secondRetiredInto", merges.mergedInto(second).map(this::pseudonym).orElse(null));
        var user = CurrentUser.require();
        model.addAttribute("decider", PersonMerges.DECIDERS.stream().anyMatch(user::has));
        if (refused != null) {
            model.addAttribute("problems", refused.violations().stream()
                    .map(v -> messages.getMessage(v.messageKey(), v.arguments(), LocaleContextHolder.getLocale())).toList());
        }
        return "documentation/duplicate-pair";
    }

    private String pseudonym(long personId) {
        return people.get(personId).pseudonym();
    }
}
