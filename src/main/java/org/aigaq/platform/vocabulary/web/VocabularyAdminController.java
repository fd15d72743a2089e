package org.aigaq.platform.vocabulary.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.vocabulary.Term;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.aigaq.platform.vocabulary.VocabularyList;
import org.aigaq.platform.web.Forms;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator's view of the controlled vocabularies: the lists, the terms of one as a tree, and adding a term. */
@Controller
@Allowed(Role.ADMINISTRATOR)
class VocabularyAdminController {

    /** The form to add a term: its code, its parent, and its labels in Aigaq's three languages. */
    record TermForm(String code, String parentCode, String en, String ru, String kk) {

        Map<String, String> labels() {
            var labels = new LinkedHashMap<String, String>();
            labels.put("en", en);
            labels.put("ru", ru);
            labels.put("kk", kk);
            return labels;
        }
    }

    /** A term in the parent menu, with how deep it sits in the tree. */
    record Choice(Term term, int depth) {}

    private final Vocabularies vocabularies;

    VocabularyAdminController(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    @GetMapping("/admin/vocabularies")
    String lists(Model model) {
        var lists = vocabularies.lists();
        model.addAttribute("aigaqLists", lists.stream().filter(l -> !l.importedFromHuridocs()).toList());
        model.addAttribute("huridocsLists", lists.stream().filter(VocabularyList::importedFromHuridocs).toList());
        return "vocabulary/lists";
    }

    @GetMapping("/admin/vocabularies/{list}")
    String terms(@PathVariable String list, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TermForm("", "", "", "", ""));
        }
        return page(list, model);
    }

    @PostMapping("/admin/vocabularies/{list}/terms")
    String add(@PathVariable String list, @ModelAttribute("form") TermForm form, BindingResult result, Model model,
               RedirectAttributes redirect) {
        try {
            Term added = vocabularies.add(list, form.code(), form.parentCode(), form.labels());
            redirect.addFlashAttribute("added", added);
            return "redirect:/admin/vocabularies/" + list;
        } catch (InvalidInput invalid) {
            Forms.reject(result, onTheForm(invalid));
            return page(list, model);
        }
    }

    private String page(String code, Model model) {
        VocabularyList list = vocabularies.list(code).orElseThrow(() -> new NoSuchRecord("vocabulary", code));
        List<Term> terms = vocabularies.terms(code);
        var children = new HashMap<String, List<Term>>();
        var depth = new HashMap<String, Integer>();
        var choices = new ArrayList<Choice>();
        for (Term term : terms) {
            // Tree order puts every parent before its children, so the parent's depth is always known here.
            String parent = term.parentCode() == null ? "" : term.parentCode();
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(term);
            int at = term.parentCode() == null ? 0 : depth.get(term.parentCode()) + 1;
            depth.put(term.code(), at);
            choices.add(new Choice(term, at));
        }
        model.addAttribute("list", list);
        model.addAttribute("children", children);
        model.addAttribute("choices", choices);
        model.addAttribute("required", list.importedFromHuridocs() ? List.of("en") : List.of("en", "ru", "kk"));
        return "vocabulary/terms";
    }

    /** The service names labels {@code labels.en}; the form has them as {@code en}. */
    private static InvalidInput onTheForm(InvalidInput invalid) {
        return new InvalidInput(invalid.violations().stream().map(v -> v.field().startsWith("labels.")
                ? new InvalidInput.Violation(v.field().substring("labels.".length()), v.messageKey(), v.arguments())
                : v).toList());
    }
}
