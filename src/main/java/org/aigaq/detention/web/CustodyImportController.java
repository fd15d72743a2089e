package org.aigaq.detention.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aigaq.detention.CustodyImportField;
import org.aigaq.detention.CustodyImports;
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

/** The pages of an import of deaths or self-harm incidents: upload, mapping of columns and spellings, dry run, run. */
@Controller
class CustodyImportController {

    private final CustodyImports imports;

    CustodyImportController(CustodyImports imports) {
        this.imports = imports;
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @GetMapping("/deaths/imports/new")
    String upload(Model model) {
        model.addAttribute("errors", RegisterErrors.NONE);
        return "detention/import-upload";
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/deaths/imports")
    String uploaded(@RequestParam(required = false) MultipartFile file,
                    @RequestParam(required = false) CustodyImportField.Kind kind, Model model) throws IOException {
        try {
            if (file == null || file.isEmpty()) throw new InvalidInput("file", "validation.required");
            return "redirect:/deaths/imports/" + imports.upload(kind, file.getInputStream()).id();
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", new RegisterErrors("upload", invalid.violations()));
            return "detention/import-upload";
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @GetMapping("/deaths/imports/{id}")
    String job(@PathVariable long id, Model model) {
        return page(id, model, RegisterErrors.NONE);
    }

    /**
     * The mapping as the form sends it: {@code column.<field>} names the column of a field; {@code spelling.<field>.<n>}
     * and {@code term.<field>.<n>} give the term chosen for the n-th spelling of that field.
     */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/deaths/imports/{id}/mapping")
    String map(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        var columns = new HashMap<String, String>();
        var values = new LinkedHashMap<String, Map<String, String>>();
        form.forEach((name, value) -> {
            if (name.startsWith("column.")) columns.put(name.substring(7), value);
            if (name.startsWith("spelling.")) {
                String rest = name.substring(9);
                String field = rest.substring(0, rest.lastIndexOf('.'));
                values.computeIfAbsent(field, f -> new LinkedHashMap<>())
                        .put(value, form.getOrDefault("term." + rest, ""));
            }
        });
        try {
            imports.map(id, columns, values);
            return "redirect:/deaths/imports/" + id;
        } catch (InvalidInput invalid) {
            return page(id, model, new RegisterErrors("mapping", invalid.violations()));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/deaths/imports/{id}/dry-run")
    String dryRun(@PathVariable long id, Model model) {
        try {
            imports.dryRun(id);
            return "redirect:/deaths/imports/" + id;
        } catch (InvalidInput invalid) {
            return page(id, model, new RegisterErrors("mapping", invalid.violations()));
        }
    }

    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR})
    @PostMapping("/deaths/imports/{id}/run")
    String run(@PathVariable long id, Model model) {
        try {
            imports.run(id);
            return "redirect:/deaths/imports/" + id;
        } catch (InvalidInput invalid) {
            return page(id, model, new RegisterErrors("mapping", invalid.violations()));
        }
    }

    private String page(long id, Model model, RegisterErrors errors) {
        model.addAttribute("job", imports.get(id));
        model.addAttribute("errors", errors);
        return "detention/import";
    }
}
