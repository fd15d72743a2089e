package org.aigaq.documentation.exchange.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.documentation.exchange.CaseImports;
import org.aigaq.documentation.exchange.ImportField;
import org.aigaq.documentation.exchange.ImportFormat;
import org.aigaq.documentation.exchange.ImportJob;
import org.aigaq.documentation.exchange.ImportMapping;
import org.aigaq.platform.tabular.Separator;
import org.aigaq.platform.tabular.TextEncoding;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages of an import: upload, mapping, and the import's own page, which shows the outcome of the last dry run or
 * run. Each form answers with a redirection, so that reloading a page repeats nothing.
 */
@Controller
@Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
class ImportController {

    /** How many problems a page lists; the rest are counted. */
    static final int PROBLEMS_SHOWN = 500;
    /** The value of a value's select that means "leave the field empty" (the empty value means "not mapped"). */
    static final String LEAVE_EMPTY = "-";

    private final CaseImports imports;

    ImportController(CaseImports imports) {
        this.imports = imports;
    }

    /** A row of the values table: a value of the file, how many rows hold it, and the code it is mapped to. */
    record ValueRow(int index, CaseImports.ValueChoice choice) {}

    @GetMapping("/imports/new")
    String form(Model model) {
        return newForm(model, null);
    }

    @PostMapping("/imports")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String format,
                  @RequestParam(required = false) String encoding, @RequestParam(required = false) String separator,
                  Model model) throws IOException {
        // A chosen but empty file is reported as empty; only no file at all is "choose a file".
        boolean chosen = file != null && !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()));
        try (InputStream content = chosen ? file.getInputStream() : null) {
            ImportJob job = imports.upload(content, parse(ImportFormat.class, format), parse(TextEncoding.class, encoding),
                    parse(Separator.class, separator));
            return "redirect:/imports/" + job.id() + "/mapping";
        } catch (InvalidInput invalid) {
            return newForm(model, invalid.violations().getFirst());
        }
    }

    private String newForm(Model model, InvalidInput.Violation fileError) {
        model.addAttribute("fileError", fileError);
        model.addAttribute("formats", ImportFormat.values());
        model.addAttribute("encodings", TextEncoding.values());
        model.addAttribute("separators", Separator.values());
        return "exchange/new";
    }

    @GetMapping("/imports/{id}")
    String job(@PathVariable long id, Model model) {
        ImportJob job = imports.get(id);
        model.addAttribute("job", job);
        var problems = job.outcome() == null ? List.of() : job.outcome().problems();
        model.addAttribute("problems", problems.subList(0, Math.min(problems.size(), PROBLEMS_SHOWN)));
        model.addAttribute("problemsNotShown", job.outcome() == null ? 0 : job.outcome().problemCount() - Math.min(problems.size(), PROBLEMS_SHOWN));
        return "exchange/job";
    }

    @GetMapping("/imports/{id}/mapping")
    String mapping(@PathVariable long id, @RequestParam(required = false) boolean saved, Model model) {
        return mappingPage(imports.get(id), model, List.of(), saved);
    }

    @PostMapping("/imports/{id}/mapping")
    String saveMapping(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            save(id, form);
        } catch (InvalidInput invalid) {
            return mappingPage(imports.get(id), model, invalid.violations(), false);
        }
        return "redirect:/imports/" + id + "/mapping?saved=true";
    }

    @PostMapping("/imports/{id}/dry-run")
    String dryRun(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            if (form.containsKey("mapped")) save(id, form);
            imports.dryRun(id);
        } catch (InvalidInput invalid) {
            return mappingPage(imports.get(id), model, invalid.violations(), false);
        }
        return "redirect:/imports/" + id;
    }

    @PostMapping("/imports/{id}/run")
    String run(@PathVariable long id, Model model) {
        try {
            imports.run(id);
        } catch (CaseImports.Refused refused) {
            // The problems are kept with the import and shown on its page.
        } catch (InvalidInput invalid) {
            model.addAttribute("runError", invalid.violations().getFirst());
            return job(id, model);
        }
        return "redirect:/imports/" + id;
    }

    /** Reads the mapping form: encoding and separator, one select per column, one select per listed value. */
    private void save(long id, Map<String, String> form) {
        ImportJob job = imports.get(id);
        var columns = new LinkedHashMap<String, ImportField>();
        for (int i = 0; i < job.columns().size(); i++) {
            String chosen = form.get("column-" + i);
            columns.put(job.columns().get(i), chosen == null || chosen.isBlank() ? null : parse(ImportField.class, chosen));
        }
        var values = new LinkedHashMap<ImportField, Map<String, String>>();
        for (int i = 0; form.containsKey("value-field-" + i); i++) {
            ImportField field = parse(ImportField.class, form.get("value-field-" + i));
            String value = form.get("value-" + i);
            String code = form.get("value-code-" + i);
            if (field == null || value == null || code == null || code.isBlank()) continue;
            values.computeIfAbsent(field, f -> new LinkedHashMap<>()).put(value, code.equals(LEAVE_EMPTY) ? "" : code);
        }
        imports.map(id, parse(TextEncoding.class, form.get("encoding")), parse(Separator.class, form.get("separator")),
                new ImportMapping(columns, values));
    }

    private String mappingPage(ImportJob job, Model model, List<InvalidInput.Violation> errors, boolean saved) {
        model.addAttribute("job", job);
        model.addAttribute("errors", errors);
        var columnErrors = new LinkedHashMap<String, InvalidInput.Violation>();
        errors.stream().filter(e -> e.field().startsWith("columns.")).forEach(e -> columnErrors.putIfAbsent(e.field().substring(8), e));
        model.addAttribute("columnErrors", columnErrors);
        model.addAttribute("saved", saved && errors.isEmpty());
        model.addAttribute("parts", ImportField.Part.values());
        model.addAttribute("encodings", TextEncoding.values());
        model.addAttribute("separators", Separator.values());
        model.addAttribute("preview", job.status().closed() ? List.of() : imports.preview(job.id(), 5));
        var rows = new ArrayList<ValueRow>();
        if (!job.status().closed()) {
            var choices = imports.values(job.id());
            for (int i = 0; i < choices.size(); i++) rows.add(new ValueRow(i, choices.get(i)));
        }
        model.addAttribute("values", rows);
        model.addAttribute("valueFields", rows.stream().map(r -> r.choice().field()).distinct().toList());
        return "exchange/mapping";
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
