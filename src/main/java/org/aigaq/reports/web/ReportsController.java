package org.aigaq.reports.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.aigaq.platform.FormErrors;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.reports.BlockDraft;
import org.aigaq.reports.ComposedReport;
import org.aigaq.reports.Editions;
import org.aigaq.reports.LiveBlock;
import org.aigaq.reports.Report;
import org.aigaq.reports.ReportDownloads;
import org.aigaq.reports.ReportDraft;
import org.aigaq.reports.Reports;
import org.aigaq.reports.SectionDraft;
import org.aigaq.reports.Template;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages of shadow reports: the list with a new report's form, a report's editor with its preview, its editions. */
@Controller
@Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST})
class ReportsController {

    private final Reports reports;
    private final Editions editions;
    private final ReportDownloads downloads;
    private final MessageSource messages;

    ReportsController(Reports reports, Editions editions, ReportDownloads downloads, MessageSource messages) {
        this.reports = reports;
        this.editions = editions;
        this.downloads = downloads;
        this.messages = messages;
    }

    /** A new report as the form sends it. */
    record ReportForm(Template template, String title, String submittedBy, String language) {
        static final ReportForm EMPTY = new ReportForm(Template.PERIODIC_REVIEW, null, null, null);

        ReportDraft draft() {
            return new ReportDraft(template, title, submittedBy, language);
        }
    }

    /** A section as the form sends it. */
    record SectionForm(String heading, String narrative) {
        SectionDraft draft() {
            return new SectionDraft(heading, narrative);
        }
    }

    /** A live block as the form sends it: the section it goes in, its kind, and every parameter any kind takes. */
    record BlockForm(Long section, LiveBlock kind, String indicator, String jurisdiction, String article, String agency,
                     String fromYear, String toYear, String coalition, String region, String actType, String type,
                     String source, String theme, String limit) {
        static final BlockForm EMPTY = new BlockForm(null, LiveBlock.STATISTICS, null, null, null, null, null, null, null,
                null, null, null, null, null, null);

        /** The form of a block as saved, to change its parameters. */
        static BlockForm of(Report.Block block) {
            var p = block.parameters();
            return new BlockForm(null, block.kind(), p.get("indicator"), p.get("jurisdiction"), p.get("article"), p.get("agency"),
                    p.get("fromYear"), p.get("toYear"), p.get("coalition"), p.get("region"), p.get("actType"), p.get("type"),
                    p.get("source"), p.get("theme"), p.get("limit"));
        }

        /** The parameters filled in; one that the kind does not take is refused by name when it is filled. */
        BlockDraft draft() {
            var given = new LinkedHashMap<String, String>();
            put(given, "indicator", indicator);
            put(given, "jurisdiction", jurisdiction);
            put(given, "article", article);
            put(given, "agency", agency);
            put(given, "fromYear", fromYear);
            put(given, "toYear", toYear);
            put(given, "coalition", coalition);
            put(given, "region", region);
            put(given, "actType", actType);
            put(given, "type", type);
            put(given, "source", source);
            put(given, "theme", theme);
            put(given, "limit", limit);
            return new BlockDraft(kind, given);
        }

        private static void put(Map<String, String> map, String name, String value) {
            if (value != null && !value.isBlank()) map.put(name, value);
        }
    }

    @GetMapping("/reports")
    String list(Model model) {
        return list(model, ReportForm.EMPTY, FormErrors.NONE);
    }

    @PostMapping("/reports")
    String create(ReportForm form, Model model) {
        try {
            return "redirect:/reports/" + reports.create(form.draft()).id();
        } catch (InvalidInput invalid) {
            return list(model, form, new FormErrors("report", invalid.violations()));
        }
    }

    /** Checks one field of the new report's form as it is typed. */
    @PostMapping("/reports/check")
    String check(ReportForm form, @RequestParam(defaultValue = "") String field, Model model) {
        var problems = reports.problems(form.draft());
        model.addAttribute("problem", problems.stream().filter(v -> v.field().equals(field)).findFirst().orElse(null));
        return "documentation/field-check :: check";
    }

    /** Checks one field of a section's form as it is typed. */
    @PostMapping("/reports/sections/check")
    String checkSection(SectionForm form, @RequestParam(defaultValue = "") String field, Model model) {
        model.addAttribute("problem", reports.sectionProblems(form.draft()).stream()
                .filter(v -> v.field().equals(field)).findFirst().orElse(null));
        return "documentation/field-check :: check";
    }

    /** Checks one parameter of the live block's form as it is typed. */
    @PostMapping("/reports/blocks/check")
    String checkBlock(BlockForm form, @RequestParam(defaultValue = "") String field, Model model) {
        model.addAttribute("problem", reports.blockProblems(form.draft()).stream()
                .filter(v -> v.field().equals(field)).findFirst().orElse(null));
        return "documentation/field-check :: check";
    }

    @GetMapping("/reports/{id}")
    String editor(@PathVariable long id, Model model) {
        return editor(model, id, BlockForm.EMPTY, null, FormErrors.NONE);
    }

    @PostMapping("/reports/{id}/sections")
    String addSection(@PathVariable long id, SectionForm form, Model model) {
        try {
            reports.addSection(id, form.draft());
            return "redirect:/reports/" + id + "#sections";
        } catch (InvalidInput invalid) {
            model.addAttribute("newSection", form);
            return editor(model, id, BlockForm.EMPTY, null, new FormErrors("new-section", invalid.violations()));
        }
    }

    @PostMapping("/reports/{id}/sections/{section}")
    String changeSection(@PathVariable long id, @PathVariable long section, SectionForm form, Model model) {
        try {
            reports.changeSection(id, section, form.draft());
            return "redirect:/reports/" + id + "#section-" + section;
        } catch (InvalidInput invalid) {
            return editor(model, id, BlockForm.EMPTY, Map.of(section, form), new FormErrors("section-" + section, invalid.violations()));
        }
    }

    @PostMapping("/reports/{id}/sections/{section}/move")
    String moveSection(@PathVariable long id, @PathVariable long section, @RequestParam int position) {
        reports.moveSection(id, section, position);
        return "redirect:/reports/" + id + "#section-" + section;
    }

    @PostMapping("/reports/{id}/sections/{section}/remove")
    String removeSection(@PathVariable long id, @PathVariable long section) {
        reports.removeSection(id, section);
        return "redirect:/reports/" + id + "#sections";
    }

    @PostMapping("/reports/{id}/blocks")
    String addBlock(@PathVariable long id, BlockForm form, Model model) {
        try {
            if (form.section() == null) throw new InvalidInput("section", "validation.required");
            reports.addBlock(id, form.section(), form.draft());
            return "redirect:/reports/" + id + "#section-" + form.section();
        } catch (InvalidInput invalid) {
            return editor(model, id, form, null, new FormErrors("block", invalid.violations()));
        }
    }

    @PostMapping("/reports/{id}/blocks/{block}")
    String changeBlock(@PathVariable long id, @PathVariable long block, BlockForm form, Model model) {
        try {
            reports.changeBlock(id, block, form.draft());
            return "redirect:/reports/" + id + "#block-" + block;
        } catch (InvalidInput invalid) {
            model.addAttribute("typedBlocks", Map.of(block, form));
            return editor(model, id, BlockForm.EMPTY, null, new FormErrors("block-" + block, invalid.violations()));
        }
    }

    @PostMapping("/reports/{id}/blocks/{block}/move")
    String moveBlock(@PathVariable long id, @PathVariable long block, @RequestParam int by) {
        reports.moveBlock(id, block, by);
        return "redirect:/reports/" + id + "#sections";
    }

    @PostMapping("/reports/{id}/blocks/{block}/remove")
    String removeBlock(@PathVariable long id, @PathVariable long block) {
        reports.removeBlock(id, block);
        return "redirect:/reports/" + id + "#sections";
    }

    @PostMapping("/reports/{id}/editions")
    String freeze(@PathVariable long id) {
        var edition = editions.freeze(id);
        return "redirect:/reports/" + id + "/editions/" + edition.number();
    }

    @GetMapping("/reports/{id}/editions")
    String editionList(@PathVariable long id, Model model) {
        model.addAttribute("report", reports.get(id));
        model.addAttribute("editions", editions.editions(id));
        return "reports/editions";
    }

    @GetMapping("/reports/{id}/editions/{number}")
    String edition(@PathVariable long id, @PathVariable int number, Model model) {
        var composed = editions.edition(id, number);
        model.addAttribute("report", reports.get(id));
        model.addAttribute("number", number);
        model.addAttribute("preview", html(composed));
        return "reports/edition";
    }

    @GetMapping("/reports/{id}/download")
    ResponseEntity<byte[]> download(@PathVariable long id, @RequestParam(defaultValue = "pdf") String format,
                                    @RequestParam(required = false) String language) {
        return send(downloads.file(id, null, format, language));
    }

    @GetMapping("/reports/{id}/editions/{number}/download")
    ResponseEntity<byte[]> downloadEdition(@PathVariable long id, @PathVariable int number,
                                           @RequestParam(defaultValue = "pdf") String format,
                                           @RequestParam(required = false) String language) {
        return send(downloads.file(id, number, format, language));
    }

    private static ResponseEntity<byte[]> send(ReportDownloads.File file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.content());
    }

    private String list(Model model, ReportForm form, FormErrors errors) {
        model.addAttribute("reports", reports.list());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("languages", Reports.LANGUAGES);
        return "reports/list";
    }

    private String editor(Model model, long id, BlockForm block, Map<Long, SectionForm> typed, FormErrors errors) {
        var report = reports.get(id);
        model.addAttribute("report", report);
        model.addAttribute("block", block);
        model.addAttribute("typed", typed == null ? Map.of() : typed);
        if (!model.containsAttribute("typedBlocks")) model.addAttribute("typedBlocks", Map.of());
        @SuppressWarnings("unchecked")
        var typedBlocks = (Map<Long, BlockForm>) model.getAttribute("typedBlocks");
        var blockForms = new java.util.HashMap<Long, BlockForm>();
        report.sections().forEach(section -> section.blocks().forEach(b ->
                blockForms.put(b.id(), typedBlocks.getOrDefault(b.id(), BlockForm.of(b)))));
        model.addAttribute("blockForms", blockForms);
        if (!model.containsAttribute("newSection")) model.addAttribute("newSection", new SectionForm(null, null));
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", LiveBlock.values());
        model.addAttribute("kindsByParameter", LiveBlock.kindsByParameter());
        model.addAttribute("languages", Reports.LANGUAGES);
        model.addAttribute("editions", editions.editions(id));
        model.addAttribute("preview", html(editions.draft(id)));
        return "reports/editor";
    }

    private String html(ComposedReport composed) {
        Locale locale = composed.language();
        String asOf = messages.getMessage("reports.data-as-of", new Object[] {DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale).withZone(ZoneOffset.UTC).format(composed.dataTakenAt()) + " UTC"}, locale);
        return ReportHtml.of(composed, messages.getMessage("reports.footnotes", null, locale), asOf);
    }
}
