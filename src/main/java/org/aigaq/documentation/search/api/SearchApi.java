package org.aigaq.documentation.search.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.aigaq.documentation.search.CaseSearch;
import org.aigaq.documentation.search.SearchQuery;
import org.aigaq.documentation.search.SearchResults;
import org.aigaq.platform.security.SignedIn;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search over the API: the same words, facets, access rules and ranking as the search page. */
@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search")
class SearchApi {

    private final CaseSearch search;

    SearchApi(CaseSearch search) {
        this.search = search;
    }

    @Operation(summary = "Search the cases the caller may read: ranked results with highlighted matches, and facet counts",
            description = "q uses web search syntax (\"a phrase\", or, -word); the last word also matches as a prefix. "
                    + "Several values of a facet match any of them; several facets must all match. When more cases match "
                    + "than the search window (2,000 by default), results and counts are over the newest of them and "
                    + "capped is true. titleHtml and snippetHtml are HTML-escaped with the matched words in <mark>.",
            parameters = {
                    @Parameter(name = "q", in = ParameterIn.QUERY, description = "words to find"),
                    @Parameter(name = "region", in = ParameterIn.QUERY, description = "region (repeatable)"),
                    @Parameter(name = "place", in = ParameterIn.QUERY, description = "place id (repeatable)"),
                    @Parameter(name = "placeType", in = ParameterIn.QUERY, description = "location-type term (repeatable; a broader term also finds its narrower ones)"),
                    @Parameter(name = "agency", in = ParameterIn.QUERY, description = "agency term of an alleged perpetrator (repeatable)"),
                    @Parameter(name = "unit", in = ParameterIn.QUERY, description = "unit of an alleged perpetrator (repeatable)"),
                    @Parameter(name = "actType", in = ParameterIn.QUERY, description = "act-type term (repeatable; a broader term also finds its narrower ones)"),
                    @Parameter(name = "method", in = ParameterIn.QUERY, description = "method term (repeatable; a broader term also finds its narrower ones, e.g. beating finds falanga)"),
                    @Parameter(name = "year", in = ParameterIn.QUERY, description = "year of the event or an act (repeatable)"),
                    @Parameter(name = "violationStatus", in = ParameterIn.QUERY, description = "violation-status term (repeatable)"),
                    @Parameter(name = "monitoringStatus", in = ParameterIn.QUERY, description = "monitoring-status term (repeatable)"),
                    @Parameter(name = "organisation", in = ParameterIn.QUERY, description = "owning organisation id (repeatable)"),
                    @Parameter(name = "sharing", in = ParameterIn.QUERY, description = "ORGANISATION, COALITION or PUBLIC (repeatable)"),
                    @Parameter(name = "page", in = ParameterIn.QUERY, description = "page, from 1", schema = @Schema(defaultValue = "1")),
                    @Parameter(name = "size", in = ParameterIn.QUERY, description = "results per page, 1 to 100", schema = @Schema(defaultValue = "20"))})
    @SignedIn
    @GetMapping
    SearchResults search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return search.search(SearchQuery.of(parameters));
    }

    @Operation(summary = "Every matching case the caller may read, ranked, as CSV (same parameters as the search, without paging)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")))
    @SignedIn
    @GetMapping("/export")
    void export(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"aigaq-search-" + LocalDate.now() + ".csv\"");
        search.export(SearchQuery.of(parameters), response.getOutputStream());
    }
}
