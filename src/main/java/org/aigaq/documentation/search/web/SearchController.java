package org.aigaq.documentation.search.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.aigaq.documentation.search.CaseSearch;
import org.aigaq.documentation.search.Facet;
import org.aigaq.documentation.search.SearchQuery;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The search page (from the box in every page's header) and the CSV export of its results. */
@Controller
class SearchController {

    private final CaseSearch search;

    SearchController(CaseSearch search) {
        this.search = search;
    }

    @SignedIn
    @GetMapping("/search")
    String search(@RequestParam MultiValueMap<String, String> parameters, Model model) {
        var query = SearchQuery.of(parameters);
        model.addAttribute("query", query);
        model.addAttribute("facets", Facet.values());
        try {
            model.addAttribute("results", search.search(query));
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
        }
        model.addAttribute("links", new SearchLinks(query));
        return "search/search";
    }

    @SignedIn
    @GetMapping("/search/export")
    void export(@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response) throws IOException {
        var query = SearchQuery.of(parameters);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"aigaq-search-" + LocalDate.now() + ".csv\"");
        search.export(query, response.getOutputStream());
    }

    /** The links of the page: other pages and the export, keeping the words and filters. */
    public record SearchLinks(SearchQuery query) {

        public String page(int page) {
            return with("/search").queryParam("page", page).build().encode().toUriString();
        }

        public String export() {
            return with("/search/export").build().encode().toUriString();
        }

        private UriComponentsBuilder with(String path) {
            var builder = UriComponentsBuilder.fromPath(path);
            if (!query.text().isEmpty()) builder.queryParam("q", query.text());
            query.filters().forEach((facet, values) -> values.forEach(v -> builder.queryParam(facet.parameter(), v)));
            return builder;
        }
    }
}
