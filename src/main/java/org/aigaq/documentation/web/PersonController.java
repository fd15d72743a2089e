package org.aigaq.documentation.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.People;
import org.aigaq.documentation.Person;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.documentation.PersonMerge;
import org.aigaq.documentation.PersonMerges;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person's page: the identity for those who may see it (else the pseudonym), and the form to complete it. */
@Controller
class PersonController {

    /** The person form as the browser sends it; other names one per line. */
    record PersonForm(String name, String otherNames, String contacts, String address,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth, String sex, String citizenship,
                      List<String> characteristics, Boolean group, Integer groupSize, Boolean deceased,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfDeath) {

        static PersonForm of(Person p) {
            Identity i = p.identity();
            return new PersonForm(i.name(), String.join("\n", i.otherNames()), i.contacts(), i.address(), i.dateOfBirth(),
                    p.sex(), p.citizenship(), p.characteristics(), p.group(), p.groupSize(), p.deceased(), p.dateOfDeath());
        }

        // Unticked checkboxes send nothing: absent means no.
        PersonForm {
            group = Boolean.TRUE.equals(group);
            deceased = Boolean.TRUE.equals(deceased);
        }

        PersonDraft draft() {
            var others = otherNames == null ? List.<String>of()
                    : Arrays.stream(otherNames.split("\\R")).map(String::strip).filter(n -> !n.isEmpty()).toList();
            return new PersonDraft(new Identity(name, others, contacts, address, dateOfBirth), group, groupSize, sex,
                    citizenship, characteristics, deceased, dateOfDeath);
        }
    }

    private final People people;
    private final PersonMerges merges;

    PersonController(People people, PersonMerges merges) {
        this.people = people;
        this.merges = merges;
    }

    @SignedIn
    @GetMapping("/people/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) Long event,
                @RequestParam(required = false) Long merge, @RequestParam(required = false) Long from, Model model) {
        // A retired record leads to the one it was merged into (while the merge stands: an undo makes it whole again).
        var kept = merges.mergedInto(id);
        if (kept.isPresent()) {
            return "redirect:/people/" + kept.get() + "?from=" + id;
        }
        Person person = people.get(id);
        model.addAttribute("person", person);
        model.addAttribute("event", event);
        model.addAttribute("errors", FieldErrors.NONE);
        if (person.identityVisible()) {
            model.addAttribute("form", PersonForm.of(person));
        }
        addMerges(person, model);
        if (model.getAttribute("merges") instanceof List<?> list) {
            for (Object m : list) {
                var done = (PersonMerge) m;
                if (merge != null && done.id() == merge) model.addAttribute("justMerged", done);
                if (from != null && done.mergedId() == from) model.addAttribute("cameFrom", done);
            }
        }
        return "documentation/person";
    }

    /** For case workers of the person's organisation: the records merged into it, and whether the user may undo them. */
    private void addMerges(Person person, Model model) {
        var user = CurrentUser.require();
        boolean own = person.organisationId() == user.organisationId() && person.identityVisible();
        model.addAttribute("ownRecord", own);
        if (own) {
            model.addAttribute("merges", merges.into(person.id()).stream().filter(PersonMerge::current).toList());
            model.addAttribute("decider", PersonMerges.DECIDERS.stream().anyMatch(user::has));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/people/{id}")
    String change(@PathVariable long id, PersonForm form, @RequestParam(required = false) Long event, Model model) {
        try {
            people.change(id, form.draft());
            return "redirect:/people/" + id + (event == null ? "?saved" : "?saved&event=" + event);
        } catch (InvalidInput invalid) {
            model.addAttribute("person", people.get(id));
            model.addAttribute("event", event);
            model.addAttribute("form", form);
            model.addAttribute("errors", new FieldErrors(invalid));
            addMerges(people.get(id), model);
            return "documentation/person";
        }
    }

    /** Checks one field of the person form as the user types, for those who may change the person (else not found). */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/people/{id}/check")
    String check(@PathVariable long id, PersonForm form, @RequestParam(defaultValue = "") String field, Model model) {
        return FieldCheck.answer(people.problems(id, form.draft()), field, model);
    }
}
