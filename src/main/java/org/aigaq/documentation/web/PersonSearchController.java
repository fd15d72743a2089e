package org.aigaq.documentation.web;

import org.aigaq.documentation.PersonSearch;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Find a person": a name in any script or spelling, the people most like it with their name forms and cases. */
@Controller
class PersonSearchController {

    private static final int SHOWN = 20;

    private final PersonSearch search;

    PersonSearchController(PersonSearch search) {
        this.search = search;
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/people/search")
    String find(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("errors", FieldErrors.NONE);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("found", search.find(q, SHOWN));
            } catch (InvalidInput invalid) {
                model.addAttribute("errors", new FieldErrors(invalid));
            }
        }
        return "documentation/people-search";
    }
}
