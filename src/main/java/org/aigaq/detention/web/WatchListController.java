package org.aigaq.detention.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.aigaq.detention.WatchList;
import org.aigaq.platform.security.SignedIn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The watch list: places ranked by their score, each count beside its weight, and the same as CSV. */
@Controller
class WatchListController {

    static final int SIZE = 100;

    private final WatchList watchList;

    WatchListController(WatchList watchList) {
        this.watchList = watchList;
    }

    @SignedIn
    @GetMapping("/watch-list")
    String page(Model model) {
        model.addAttribute("ranking", watchList.ranking(SIZE));
        model.addAttribute("components", WatchList.Component.values());
        return "detention/watch-list";
    }

    @SignedIn
    @GetMapping("/watch-list.csv")
    void csv(HttpServletResponse response) throws IOException {
        var ranking = watchList.ranking(SIZE);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"watch-list.csv\"");
        var header = new ArrayList<String>(java.util.List.of("rank", "place_id", "place", "official_code", "region", "score"));
        for (var c : WatchList.Component.values()) {
            header.add(c.setting());
            header.add(c.setting() + "_weight");
        }
        header.add("from");
        try (var printer = new CSVPrinter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (var line : ranking.lines()) {
                var row = new ArrayList<Object>(java.util.List.of(line.rank(), line.placeId(), line.name(),
                        line.officialCode() == null ? "" : line.officialCode(), line.region() == null ? "" : line.region(), line.score()));
                for (var c : WatchList.Component.values()) {
                    row.add(line.count(c));
                    row.add(ranking.weight(c));
                }
                row.add(ranking.from());
                printer.printRecord(row);
            }
        }
    }
}
