package org.aigaq.detention.web;

import org.aigaq.detention.PublishedVisitReports;
import org.aigaq.platform.security.Public;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public page of a published visit report: no sign-in, only what the coalition chose to publish, nothing about people. */
@Controller
class PublicVisitReportController {

    private final PublishedVisitReports reports;

    PublicVisitReportController(PublishedVisitReports reports) {
        this.reports = reports;
    }

    @Public
    @GetMapping("/public/visit-reports/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("report", reports.get(id));
        return "detention/public-report";
    }
}
