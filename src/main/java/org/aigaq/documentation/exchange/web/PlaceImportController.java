package org.aigaq.documentation.exchange.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.exchange.PlaceField;
import org.aigaq.documentation.exchange.PlaceImports;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.tabular.ImportJobs;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The pages of an import of places: upload, then one page with the mapping, the dry run's problems and the run. */
@Controller
@Allowed({Role.COORDINATOR, Role.DOCUMENTER})
class PlaceImportController {

    private static final int PROBLEMS_SHOWN = 500;

    private final PlaceImports imports;

    PlaceImportController(PlaceImports imports) {
        this.imports = imports;
    }

    /** A row of the values table: a value of the file, how many rows hold it, and the term it stands for. */
    record ValueRow(int index, PlaceImports.ValueChoice choice) {}

    @GetMapping("/places/imports/new")
    String form(Model model) {
        return newForm(model, null);
    }

    @PostMapping("/places/imports")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String encoding,
                  @RequestParam(required = false) String separator, Model model) throws IOException {
        boolean chosen = file != null && !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()));
        try (InputStream content = chosen ? file.getInputStream() : null) {
            var job = imports.upload(content, parse(TextEncoding.class, encoding), parse(Separator.class, separator));
            return "redirect:/places/imports/" + job.id();
        } catch (InvalidInput invalid) {
            return newForm(model, invalid.violations().getFirst());
        }
    }

    private String newForm(Model model, InvalidInput.Violation fileError) {
        model.addAttribute("fileError", fileError);
        model.addAttribute("encodings", TextEncoding.values());
        model.addAttribute("separators", Separator.values());
        return "documentation/place-import-new";
    }

    @GetMapping("/places/imports/{id}")
    String job(@PathVariable long id, Model model) {
        return page(imports.get(id), List.of(), model);
    }

    @PostMapping("/places/imports/{id}/mapping")
    String saveMapping(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            save(id, form);
        } catch (InvalidInput invalid) {
            return page(imports.get(id), invalid.violations(), model);
        }
        return "redirect:/places/imports/" + id;
    }

    @PostMapping("/places/imports/{id}/dry-run")
    String dryRun(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            if (form.containsKey("mapped")) save(id, form);
            imports.dryRun(id);
        } catch (InvalidInput invalid) {
            return page(imports.get(id), invalid.violations(), model);
        }
        return "redirect:/places/imports/" + id + "#outcome";
    }

    @PostMapping("/places/imports/{id}/run")
    String run(@PathVariable long id, Model model) {
        try {
            imports.run(id);
        } catch (ImportJobs.Refused refused) {
            // The problems are kept with the import and shown on its page.
        } catch (InvalidInput invalid) {
            return page(imports.get(id), invalid.violations(), model);
        }
        return "redirect:/places/imports/" + id + "#outcome";
    }

    private void save(long id, Map<String, String> form) {
        var job = imports.get(id);
        var columns = new LinkedHashMap<String, PlaceField>();
        for (int i = 0; i < job.columns().size(); i++) {
            columns.put(job.columns().get(i), parse(PlaceField.class, form.get("column-" + i)));
        }
        var values = new LinkedHashMap<PlaceField, Map<String, String>>();
        for (int i = 0; form.containsKey("value-field-" + i); i++) {
            PlaceField field = parse(PlaceField.class, form.get("value-field-" + i));
            String value = form.get("value-" + i);
            String code = form.get("value-code-" + i);
            if (field == null || value == null || code == null || code.isBlank()) continue;
            values.computeIfAbsent(field, f -> new LinkedHashMap<>()).put(value, code);
        }
        imports.map(id, parse(TextEncoding.class, form.get("encoding")), parse(Separator.class, form.get("separator")),
                new PlaceImports.Mapping(columns, values));
    }

    private String page(ImportJobs.Job<PlaceImports.Mapping> job, List<InvalidInput.Violation> errors, Model model) {
        model.addAttribute("job", job);
        model.addAttribute("errors", errors);
        model.addAttribute("fields", PlaceField.values());
        model.addAttribute("encodings", TextEncoding.values());
        model.addAttribute("separators", Separator.values());
        var rows = new ArrayList<ValueRow>();
        if (!job.imported()) {
            var choices = imports.values(job.id());
            for (int i = 0; i < choices.size(); i++) rows.add(new ValueRow(i, choices.get(i)));
        }
        model.addAttribute("values", rows);
        var problems = job.outcome() == null ? List.of() : job.outcome().problems();
        model.addAttribute("problems", problems.subList(0, Math.min(problems.size(), PROBLEMS_SHOWN)));
        return "documentation/place-import";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("form", "validation.invalid");
        }
    }
}
