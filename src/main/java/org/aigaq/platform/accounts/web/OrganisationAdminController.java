package org.aigaq.platform.accounts.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.aigaq.platform.accounts.Organisation;
import org.aigaq.platform.accounts.Organisations;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.web.Forms;
import org.aigaq.platform.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** An administrator's list of the coalition's organisations, to add and rename them. */
@Controller
@Allowed(Role.ADMINISTRATOR)
class OrganisationAdminController {

    /** The organisation form. */
    record OrganisationForm(@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size-max}") String name,
                            @Size(max = 40, message = "{validation.size-max}") String shortName) {}

    private final Organisations organisations;

    OrganisationAdminController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/admin/organisations")
    String list(Model model) {
        model.addAttribute("organisations", organisations.all());
        return "accounts/organisations";
    }

    @GetMapping("/admin/organisations/new")
    String create(Model model) {
        model.addAttribute("form", new OrganisationForm("", ""));
        return "accounts/organisation-form";
    }

    @PostMapping("/admin/organisations")
    String create(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult result) {
        if (result.hasErrors()) {
            return "accounts/organisation-form";
        }
        try {
            organisations.create(form.name(), form.shortName());
        } catch (InvalidInput invalid) {
            Forms.reject(result, invalid);
            return "accounts/organisation-form";
        }
        return "redirect:/admin/organisations";
    }

    @GetMapping("/admin/organisations/{id}")
    String edit(@PathVariable long id, Model model) {
        Organisation organisation = organisations.get(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("form", new OrganisationForm(organisation.name(), organisation.shortName()));
        return "accounts/organisation-form";
    }

    @PostMapping("/admin/organisations/{id}")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") OrganisationForm form, BindingResult result,
                Model model) {
        model.addAttribute("organisation", organisations.get(id));
        if (result.hasErrors()) {
            return "accounts/organisation-form";
        }
        try {
            organisations.rename(id, form.name(), form.shortName());
        } catch (InvalidInput invalid) {
            Forms.reject(result, invalid);
            return "accounts/organisation-form";
        }
        return "redirect:/admin/organisations";
    }
}
