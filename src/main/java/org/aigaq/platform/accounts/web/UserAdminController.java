package org.aigaq.platform.accounts.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import org.aigaq.platform.accounts.Organisations;
import org.aigaq.platform.accounts.SecondFactors;
import org.aigaq.platform.accounts.User;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.CurrentUser;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator's management of user accounts: create, change roles, reset, disable. */
@Controller
@Allowed(Role.ADMINISTRATOR)
class UserAdminController {

    /** The form to create an account; the password is generated and shown once. */
    record NewUserForm(@NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.size-max}") String username,
                       @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size-max}") String displayName,
                       @NotNull(message = "{validation.required}") Long organisationId,
                       @NotEmpty(message = "{user.roles.empty}") Set<Role> roles) {}

    /** The form to change an account. */
    record UserForm(@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size-max}") String displayName,
                    @NotNull(message = "{validation.required}") Long organisationId,
                    @NotEmpty(message = "{user.roles.empty}") Set<Role> roles) {}

    private final Users users;
    private final Organisations organisations;
    private final SecondFactors secondFactors;
    private final AuditTrail audit;

    UserAdminController(Users users, Organisations organisations, SecondFactors secondFactors, AuditTrail audit) {
        this.users = users;
        this.organisations = organisations;
        this.secondFactors = secondFactors;
        this.audit = audit;
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return Role.values();
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", users.all());
        return "accounts/users";
    }

    @GetMapping("/admin/users/new")
    String create(Model model) {
        model.addAttribute("form", new NewUserForm("", "", null, EnumSet.noneOf(Role.class)));
        model.addAttribute("organisations", organisations.all());
        return "accounts/user-new";
    }

    @PostMapping("/admin/users")
    String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        model.addAttribute("organisations", organisations.all());
        if (result.hasErrors()) {
            return "accounts/user-new";
        }
        try {
            String password = Users.temporaryPassword();
            User user = users.create(form.username(), form.displayName(), form.organisationId(), form.roles(), password, true);
            redirect.addFlashAttribute("temporaryPassword", password);
            return "redirect:/admin/users/" + user.id();
        } catch (InvalidInput invalid) {
            Forms.reject(result, invalid);
            return "accounts/user-new";
        }
    }

    @GetMapping("/admin/users/{id}")
    String show(@PathVariable long id, Model model) {
        User user = users.get(id);
        audit.recordRead("user", id);
        model.addAttribute("user", user);
        model.addAttribute("organisations", organisations.all());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UserForm(user.displayName(), user.organisationId(), user.roles()));
        }
        return "accounts/user";
    }

    @PostMapping("/admin/users/{id}")
    String change(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model) {
        User user = users.get(id);
        if (!result.hasErrors()) {
            try {
                if (id == CurrentUser.require().id() && !form.roles().contains(Role.ADMINISTRATOR)) {
                    throw new InvalidInput("roles", "user.roles.own-administrator");
                }
                users.change(id, form.displayName(), form.organisationId(), form.roles());
                return "redirect:/admin/users/" + id + "?saved";
            } catch (InvalidInput invalid) {
                Forms.reject(result, invalid);
            }
        }
        model.addAttribute("user", user);
        model.addAttribute("organisations", organisations.all());
        return "accounts/user";
    }

    @PostMapping("/admin/users/{id}/reset-password")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("temporaryPassword", users.resetPassword(id));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/reset-second-factor")
    String resetSecondFactor(@PathVariable long id) {
        users.get(id);
        secondFactors.remove(id);
        return "redirect:/admin/users/" + id + "?second-factor-reset";
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        if (id == CurrentUser.require().id()) {
            redirect.addFlashAttribute("notice", "user.disable.self");
            return "redirect:/admin/users/" + id;
        }
        users.disable(id);
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable long id) {
        users.enable(id);
        return "redirect:/admin/users/" + id;
    }
}
