package org.aigaq.documentation.publication.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aigaq.documentation.publication.Anonymisation;
import org.aigaq.documentation.publication.Publications;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Public;
import org.aigaq.platform.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The preview of the anonymised dataset, its publication, and the editions' files, which anyone may download. */
@Controller
class PublicationController {

    /** Rows of the preview shown on the page; the whole dataset is in the files. */
    private static final int SAMPLE = 20;

    private final Publications publications;

    PublicationController(Publications publications) {
        this.publications = publications;
    }

    @Allowed({Role.ADMINISTRATOR, Role.ANALYST})
    @GetMapping("/publication")
    String page(@RequestParam(required = false) String k, @RequestParam(required = false) Long published, Model model) {
        Integer chosen = null;
        String error = null;
        Object[] errorArguments = new Object[0];
        if (k != null && !k.isBlank()) {
            try {
                chosen = Integer.valueOf(k.strip());
            } catch (NumberFormatException e) {
                error = "publication.k.number";
            }
        }
        Anonymisation.Result result;
        try {
            result = publications.preview(chosen);
        } catch (InvalidInput invalid) {
            error = invalid.violations().getFirst().messageKey();
            errorArguments = invalid.violations().getFirst().arguments();
            chosen = null;
            result = publications.preview(null);
        }
        model.addAttribute("k", error != null ? k : String.valueOf(result.report().k()));
        model.addAttribute("kError", error);
        model.addAttribute("kErrorArguments", errorArguments);
        model.addAttribute("defaultK", publications.defaultK());
        model.addAttribute("report", result.report());
        model.addAttribute("fields", Anonymisation.COARSENED_FIELDS);
        model.addAttribute("sample", result.rows().stream().limit(SAMPLE).toList());
        model.addAttribute("columns", Publications.COLUMNS);
        model.addAttribute("editions", publications.editions());
        model.addAttribute("files", Publications.File.values());
        model.addAttribute("published", published);
        return "documentation/publication";
    }

    @Allowed({Role.ADMINISTRATOR, Role.ANALYST})
    @PostMapping("/publication")
    String publish(@RequestParam(required = false) String k, Model model) {
        Integer chosen;
        try {
            chosen = k == null || k.isBlank() ? null : Integer.valueOf(k.strip());
        } catch (NumberFormatException e) {
            return page(k, null, model);
        }
        try {
            var edition = publications.publish(chosen);
            return "redirect:/publication?k=" + edition.k() + "&published=" + edition.id();
        } catch (InvalidInput invalid) {
            return page(k, null, model);
        }
    }

    /** The files of an edition are the published dataset itself: open to anyone, like the public place pages. */
    @Public
    @GetMapping("/public/datasets/{id}/{file}")
    void download(@PathVariable long id, @PathVariable String file, HttpServletResponse response) throws IOException {
        var which = Publications.File.named(file);
        if (which == null) throw new NoSuchRecord("dataset_edition", id);
        byte[] bytes = publications.file(id, which);
        response.setContentType(which.contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"aigaq-dataset-" + id + "-" + which.fileName + "\"");
        response.getOutputStream().write(bytes);
    }
}
