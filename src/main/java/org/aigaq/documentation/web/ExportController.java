package org.aigaq.documentation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.aigaq.documentation.CaseExport;
import org.aigaq.documentation.Events;
import org.aigaq.platform.security.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Downloads of the cases a user may see, as CSV, JSON or HURIDOCS JSON, from the pages and from the API alike. */
@Controller
class ExportController {

    private final CaseExport export;

    ExportController(CaseExport export) {
        this.export = export;
    }

    @SignedIn
    @GetMapping({"/events/export", "/api/v1/exports/events"})
    void export(@RequestParam(defaultValue = "CSV") CaseExport.Format format, @RequestParam(required = false) String text,
                @RequestParam(required = false) String violationStatus, HttpServletResponse response) throws IOException {
        String extension = format == CaseExport.Format.CSV ? "csv" : "json";
        response.setContentType(format == CaseExport.Format.CSV ? "text/csv;charset=UTF-8" : "application/json");
        response.setHeader("Content-Disposition", "attachment; filename=\"aigaq-cases-" + LocalDate.now()
                + (format == CaseExport.Format.HURIDOCS ? "-huridocs" : "") + "." + extension + "\"");
        export.write(format, new Events.Filter(text, violationStatus, null, null), response.getOutputStream());
    }
}
