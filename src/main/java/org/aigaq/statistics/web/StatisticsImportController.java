package org.aigaq.statistics.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.ImportJobs;
import org.aigaq.statistics.StatisticsField;
import org.aigaq.statistics.StatisticsImports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The import of an official table at the browser: upload, the mapping of its columns, the dry run and the run. */
@Controller
class StatisticsImportController {

    private final StatisticsImports imports;

    StatisticsImportController(StatisticsImports imports) {
        this.imports = imports;
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @GetMapping("/statistics/imports/new")
    String upload(Model model) {
        model.addAttribute("violations", List.of());
        return "statistics/import-upload";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/statistics/imports")
    String uploaded(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        try {
            boolean chosen = file != null && !file.isEmpty();
            try (InputStream content = chosen ? file.getInputStream() : null) {
                return "redirect:/statistics/imports/" + imports.upload(content, null, null).id();
            }
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
            return "statistics/import-upload";
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @GetMapping("/statistics/imports/{id}")
    String job(@PathVariable long id, Model model) {
        return page(id, model, List.of(), null);
    }

    /**
     * Saves the mapping as the form sends it: {@code column.<n>} gives the field of the n-th column, empty for none. When
     * it is refused, the page shows the choices as they were sent, with what they lack.
     */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/statistics/imports/{id}/mapping")
    String map(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return step(id, form, true, model, () -> {});
    }

    /**
     * Checks every row. The button belongs to the mapping form, so the columns as chosen on the screen are saved
     * first: a check of what was saved before would say a column is missing that the reader has just chosen.
     */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/statistics/imports/{id}/dry-run")
    String dryRun(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return step(id, form, form.containsKey("mapped"), model, () -> imports.dryRun(id));
    }

    /** Imports, with the columns as chosen on the screen saved first (as for the dry run). */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER})
    @PostMapping("/statistics/imports/{id}/run")
    String run(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return step(id, form, form.containsKey("mapped"), model, () -> {
            try {
                imports.run(id);
            } catch (ImportJobs.Refused refused) {
                // the problems are saved on the job and shown on its page
            }
        });
    }

    /** Saves the mapping the form sends (when {@code mapped}), then takes the step; a refusal shows the page again. */
    private String step(long id, Map<String, String> form, boolean mapped, Model model, Runnable then) {
        var chosen = mapped ? chosen(id, form) : null;
        try {
            if (chosen != null) imports.map(id, null, null, chosen);
            then.run();
            return "redirect:/statistics/imports/" + id;
        } catch (InvalidInput invalid) {
            return page(id, model, invalid.violations(), chosen);
        }
    }

    private StatisticsImports.Mapping chosen(long id, Map<String, String> form) {
        var job = imports.get(id);
        var columns = new LinkedHashMap<String, StatisticsField>();
        for (int i = 0; i < job.columns().size(); i++) {
            String value = form.get("column." + i);
            StatisticsField field = null;
            if (value != null && !value.isBlank()) {
                try {
                    field = StatisticsField.valueOf(value.strip());
                } catch (IllegalArgumentException unknown) {
                    field = null;
                }
            }
            columns.put(job.columns().get(i), field);
        }
        return new StatisticsImports.Mapping(columns);
    }

    private String page(long id, Model model, List<InvalidInput.Violation> violations, StatisticsImports.Mapping chosen) {
        var job = imports.get(id);
        model.addAttribute("job", job);
        model.addAttribute("chosen", chosen == null ? job.mapping() : chosen);
        model.addAttribute("fields", StatisticsField.values());
        model.addAttribute("violations", violations);
        return "statistics/import";
    }
}
