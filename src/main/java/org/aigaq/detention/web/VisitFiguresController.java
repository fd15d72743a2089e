package org.aigaq.detention.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.aigaq.detention.VisitFigures;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The figures on monitoring, as tables whose every number links to the visits or recommendations it counts, and as CSV. */
@Controller
class VisitFiguresController {

    private final VisitFigures figures;
    VisitFiguresController(VisitFigures figures) {
        this.figures = figures;
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/visits/figures")
    String page(Model model) {
        model.addAttribute("figures", figures.figures());
        return "detention/figures";
    }

    /** One CSV of the four tables: a column naming the figure, then year, dimension(s) and values. */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
    @GetMapping("/visits/figures.csv")
    void csv(HttpServletResponse response) throws IOException {
        var all = figures.figures();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"visit-figures.csv\"");
        try (var printer = new CSVPrinter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("figure", "year", "body", "visit_type", "count", "second_count",
                        "median_days", "p90_days", "share_percent").get())) {
            for (var v : all.visits()) printer.printRecord("visits", v.year(), v.body(), v.visitType(), v.visits(), null, null, null, null);
            for (var w : all.waiting()) printer.printRecord("approval-waiting", w.year(), null, null, w.decided(), w.pending(), w.medianDays(), w.p90Days(), null);
            for (var u : all.urgentRefusals()) printer.printRecord("urgent-refused", u.year(), null, "urgent", u.decided(), u.refused(), null, null, u.refusedShare());
            for (var i : all.implementation()) printer.printRecord("recommendations-implemented", i.year(), null, null, i.recommendations(), i.implemented(), null, null, i.implementedShare());
        }
    }
}
