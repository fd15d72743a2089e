package org.aigaq.documentation.publication.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.aigaq.documentation.publication.Anonymisation;
import org.aigaq.documentation.publication.Publications;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The anonymised dataset over the API: the preview for those who may publish, the editions for every user. */
@Tag(name = "Publication")
@RestController
@RequestMapping("/api/v1/publication")
class PublicationApi {

    private final Publications publications;

    PublicationApi(Publications publications) {
        this.publications = publications;
    }

    @Operation(summary = "What publishing with k would publish: the report of what is coarsened and left out, and the rows")
    @Allowed({Role.ADMINISTRATOR, Role.ANALYST})
    @GetMapping("/preview")
    Anonymisation.Result preview(@RequestParam(required = false) Integer k) {
        return publications.preview(k);
    }

    @Operation(summary = "The published editions, newest first; their files download from /public/datasets/{id}/{file}")
    @SignedIn
    @GetMapping("/editions")
    List<Publications.Edition> editions() {
        return publications.editions();
    }
}
