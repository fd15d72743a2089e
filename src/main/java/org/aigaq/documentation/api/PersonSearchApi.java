package org.aigaq.documentation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.aigaq.documentation.PersonSearch;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Person search by name over the API, with the rules of the page: case workers only, audited. */
@RestController
@RequestMapping("/api/v1")
class PersonSearchApi {

    private final PersonSearch search;

    PersonSearchApi(PersonSearch search) {
        this.search = search;
    }

    @Tag(name = "People")
    @Operation(summary = "Find people by name whatever the script or spelling (COORDINATOR, DOCUMENTER, LAWYER, MONITOR)",
            description = "q is a name in Kazakh or Russian Cyrillic or any Latin transliteration, full or surname with "
                    + "initials, in any order. Searches the people of the caller's organisation and of the cases given to "
                    + "the caller; the best first, each with its similarity (0 to 1), the reasons (codes of the "
                    + "names.reason.* messages; against = a reason against one person) and the cases the caller may read. "
                    + "400 when q is missing, longer than 300 characters or has no letters. Audited.")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/people/search")
    List<PersonSearch.Found> find(@Parameter(description = "the name searched") @RequestParam(required = false) String q,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return search.find(q, size);
    }
}
