package org.aigaq.platform.vocabulary.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.vocabulary.HuridocsThesaurusImport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** An administrator's upload of the HURIDOCS micro-thesauri (and, optionally, the field dictionary that names them). */
@Controller
@Allowed(Role.ADMINISTRATOR)
class HuridocsImportController {

    /** How many problems a page lists; the rest are counted. */
    static final int PROBLEMS_SHOWN = 200;

    private final HuridocsThesaurusImport thesaurusImport;

    HuridocsImportController(HuridocsThesaurusImport thesaurusImport) {
        this.thesaurusImport = thesaurusImport;
    }

    @GetMapping("/admin/vocabularies/import")
    String form() {
        return "vocabulary/import";
    }

    @PostMapping("/admin/vocabularies/import")
    String upload(@RequestParam(required = false) MultipartFile thesaurus, @RequestParam(required = false) MultipartFile fields,
                  Model model) {
        if (thesaurus == null || thesaurus.isEmpty()) {
            model.addAttribute("thesaurusError", "vocabulary.import.file-required");
            return "vocabulary/import";
        }
        model.addAttribute("fileName", thesaurus.getOriginalFilename());
        try {
            var outcome = thesaurusImport.run(thesaurus.getBytes(), fields == null || fields.isEmpty() ? null : fields.getBytes());
            model.addAttribute("outcome", outcome);
        } catch (HuridocsThesaurusImport.Refused refused) {
            var problems = refused.problems();
            model.addAttribute("problems", problems.subList(0, Math.min(problems.size(), PROBLEMS_SHOWN)));
            model.addAttribute("problemCount", problems.size());
            model.addAttribute("problemsNotShown", Math.max(0, problems.size() - PROBLEMS_SHOWN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "vocabulary/import";
    }
}
