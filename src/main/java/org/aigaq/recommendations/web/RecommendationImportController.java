package org.aigaq.recommendations.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.ImportJobs;
import org.aigaq.platform.tabular.ImportReports;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.recommendations.RecommendationField;
import org.aigaq.recommendations.RecommendationImports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The import of recommendations at the browser: upload, how the file is read and what each column holds, dry run, run. */
@Controller
class RecommendationImportController {

    private final RecommendationImports imports;

    RecommendationImportController(RecommendationImports imports) {
        this.imports = imports;
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/recommendations-tracker/imports/new")
    String upload(Model model) {
        return uploadPage(model, List.of());
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/imports")
    String uploaded(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String encoding,
                    @RequestParam(required = false) String separator, Model model) throws IOException {
        try (InputStream content = ImportReports.content(file)) {
            return "redirect:/recommendations-tracker/imports/" + imports.upload(content, encoding(encoding), separator(separator)).id();
        } catch (InvalidInput invalid) {
            return uploadPage(model, invalid.violations());
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @GetMapping("/recommendations-tracker/imports/{id}")
    String job(@PathVariable long id, Model model) {
        return page(id, model, List.of(), null);
    }

    /**
     * Saves how the file is read and the mapping as the form sends it: {@code column.<n>} gives the field of the n-th
     * column, empty for none. When it is refused, the page shows the choices as they were sent, with what they lack.
     */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/imports/{id}/mapping")
    String map(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return step(id, form, model, () -> {});
    }

    /** Checks every row, with the choices on the screen saved first (a check of the earlier ones would mislead). */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/imports/{id}/dry-run")
    String dryRun(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return step(id, form, model, () -> imports.dryRun(id));
    }

    /** Imports, with the choices on the screen saved first (as for the dry run). */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/recommendations-tracker/imports/{id}/run")
    String run(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return step(id, form, model, () -> {
            try {
                imports.run(id);
            } catch (ImportJobs.Refused refused) {
                // the problems are saved on the job and shown on its page
            }
        });
    }

    private String step(long id, Map<String, String> form, Model model, Runnable then) {
        var chosen = form.containsKey("mapped") ? chosen(id, form) : null;
        try {
            if (chosen != null) {
                var job = imports.get(id);
                var encoding = encoding(form.get("encoding"));
                var separator = separator(form.get("separator"));
                boolean reread = (encoding != null && encoding != job.encoding()) || (separator != null && separator != job.separator());
                imports.map(id, encoding, separator, chosen);
                // Read anew, the columns may differ: the reader sees them (and the mapping proposed) before going on.
                if (reread) return "redirect:/recommendations-tracker/imports/" + id;
            }
            then.run();
            return "redirect:/recommendations-tracker/imports/" + id;
        } catch (InvalidInput invalid) {
            return page(id, model, invalid.violations(), chosen);
        }
    }

    private RecommendationImports.Mapping chosen(long id, Map<String, String> form) {
        var job = imports.get(id);
        var columns = new LinkedHashMap<String, RecommendationField>();
        for (int i = 0; i < job.columns().size(); i++) {
            String value = form.get("column." + i);
            RecommendationField field = null;
            if (value != null && !value.isBlank()) {
                try {
                    field = RecommendationField.valueOf(value.strip());
                } catch (IllegalArgumentException unknown) {
                    field = null;
                }
            }
            columns.put(job.columns().get(i), field);
        }
        return new RecommendationImports.Mapping(columns);
    }

    private static TextEncoding encoding(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return TextEncoding.valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("encoding", "recommendations.import.unknown-choice");
        }
    }

    private static Separator separator(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Separator.valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("separator", "recommendations.import.unknown-choice");
        }
    }

    private String uploadPage(Model model, List<InvalidInput.Violation> violations) {
        model.addAttribute("violations", violations);
        model.addAttribute("columns", RecommendationImports.COLUMNS);
        model.addAttribute("encodings", TextEncoding.values());
        model.addAttribute("separators", Separator.values());
        return "recommendations/import";
    }

    private String page(long id, Model model, List<InvalidInput.Violation> violations, RecommendationImports.Mapping chosen) {
        var job = imports.get(id);
        model.addAttribute("job", job);
        model.addAttribute("chosen", chosen == null ? job.mapping() : chosen);
        model.addAttribute("fields", RecommendationField.values());
        model.addAttribute("encodings", TextEncoding.values());
        model.addAttribute("separators", Separator.values());
        model.addAttribute("violations", violations);
        return "recommendations/import-job";
    }
}
