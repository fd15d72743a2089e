package org.aigaq.platform.vocabulary.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.aigaq.platform.vocabulary.Term;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.aigaq.platform.vocabulary.VocabularyList;
import org.aigaq.platform.NoSuchRecord;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** The controlled vocabularies over the API: the lists, their terms, and administrators' additions. */
@RestController
@RequestMapping("/api/v1/vocabularies")
@Tag(name = "Vocabularies")
class VocabulariesApi {

    /**
     * A term to add. Every rule (code format and uniqueness, parent, labels en/ru/kk for Aigaq's lists) is checked by
     * the service, so that all that is wrong is reported at once.
     */
    record NewTerm(String code, String parentCode, Map<String, String> labels) {}

    private final Vocabularies vocabularies;

    VocabulariesApi(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    @Operation(summary = "The vocabularies: Aigaq's own lists and imported HURIDOCS micro-thesauri, with their term counts")
    @SignedIn
    @GetMapping
    List<VocabularyList> lists() {
        return vocabularies.lists();
    }

    @Operation(summary = "A vocabulary's terms in tree order: each parent before its children")
    @SignedIn
    @GetMapping("/{list}/terms")
    List<Term> terms(@PathVariable String list) {
        vocabularies.list(list).orElseThrow(() -> new NoSuchRecord("vocabulary", list));
        return vocabularies.terms(list);
    }

    @Operation(summary = "One term of a vocabulary")
    @SignedIn
    @GetMapping("/{list}/terms/{code}")
    Term term(@PathVariable String list, @PathVariable String code) {
        return vocabularies.find(list, code).orElseThrow(() -> new NoSuchRecord("vocabulary-term", list + "/" + code));
    }

    @Operation(summary = "Add a term; Aigaq's own lists need labels in English, Russian and Kazakh")
    @Allowed(Role.ADMINISTRATOR)
    @PostMapping("/{list}/terms")
    ResponseEntity<Term> add(@PathVariable String list, @RequestBody NewTerm request) {
        Term added = vocabularies.add(list, request.code(), request.parentCode(), request.labels());
        var location = URI.create("/api/v1/vocabularies/" + UriUtils.encodePathSegment(list, "UTF-8") + "/terms/"
                + UriUtils.encodePathSegment(added.code(), "UTF-8"));
        return ResponseEntity.created(location).body(added);
    }
}
