package org.aigaq.platform.accounts.web;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.accounts.SecondFactors;
import org.aigaq.platform.accounts.User;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.SignedIn;
import org.aigaq.platform.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own account: password, second factor and recovery codes, personal API tokens. */
@Controller
@SignedIn
class AccountController {

    private final Users users;
    private final SecondFactors secondFactors;
    private final ApiTokens tokens;

    AccountController(Users users, SecondFactors secondFactors, ApiTokens tokens) {
        this.users = users;
        this.secondFactors = secondFactors;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    String account(Model model) {
        User user = users.get(CurrentUser.require().id());
        model.addAttribute("account", user);
        model.addAttribute("recoveryCodesLeft", secondFactors.recoveryCodesLeft(user.id()));
        model.addAttribute("tokens", tokens.of(user.id()));
        return "accounts/account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          @RequestParam(defaultValue = "") String confirmation,
                          Model model, RedirectAttributes redirect) {
        long id = CurrentUser.require().id();
        try {
            if (!newPassword.equals(confirmation)) {
                throw new InvalidInput("confirmation", "password.confirmation.different");
            }
            users.changeOwnPassword(id, currentPassword, newPassword, true);
        } catch (InvalidInput invalid) {
            model.addAttribute("passwordErrors", invalid.violations());
            return account(model);
        }
        // The password change signed out every session, this one too: sign in again with the new password.
        return "redirect:/sign-in?password-changed";
    }

    @GetMapping("/account/second-factor")
    String enrol(Model model, HttpSession session) {
        User user = users.get(CurrentUser.require().id());
        if (user.secondFactorEnabled()) {
            return "redirect:/account";
        }
        SignInController.showEnrolment(model, session, user.username(), secondFactors);
        model.addAttribute("action", "/account/second-factor");
        return "accounts/enrol";
    }

    @PostMapping("/account/second-factor")
    String confirmEnrolment(@RequestParam(defaultValue = "") String code, Model model, HttpSession session) {
        User user = users.get(CurrentUser.require().id());
        if (user.secondFactorEnabled()) {
            return "redirect:/account";
        }
        String secret = (String) session.getAttribute(SignInController.ENROLMENT_SECRET);
        try {
            if (secret == null) {
                throw new InvalidInput("code", "second-factor.code.wrong");
            }
            List<String> codes = secondFactors.confirmEnrolment(user.id(), secret, code);
            session.removeAttribute(SignInController.ENROLMENT_SECRET);
            session.setAttribute(SignInController.RECOVERY_CODES, codes);
            return "redirect:/account/recovery-codes";
        } catch (InvalidInput invalid) {
            model.addAttribute("wrongCode", true);
            SignInController.showEnrolment(model, session, user.username(), secondFactors);
            model.addAttribute("action", "/account/second-factor");
            return "accounts/enrol";
        }
    }

    @PostMapping("/account/second-factor/remove")
    String remove(RedirectAttributes redirect) {
        User user = users.get(CurrentUser.require().id());
        if (user.requiresSecondFactor()) {
            redirect.addFlashAttribute("notice", "account.second-factor.required");
            return "redirect:/account";
        }
        secondFactors.remove(user.id());
        return "redirect:/sign-in?second-factor-removed";
    }

    @PostMapping("/account/recovery-codes")
    String regenerate(HttpSession session) {
        User user = users.get(CurrentUser.require().id());
        if (!user.secondFactorEnabled()) {
            return "redirect:/account";
        }
        session.setAttribute(SignInController.RECOVERY_CODES, secondFactors.regenerateRecoveryCodes(user.id()));
        return "redirect:/account/recovery-codes";
    }

    /** Shows freshly made recovery codes once; a reload shows that they are gone. */
    @GetMapping("/account/recovery-codes")
    String recoveryCodes(Model model, HttpSession session) {
        model.addAttribute("codes", session.getAttribute(SignInController.RECOVERY_CODES));
        session.removeAttribute(SignInController.RECOVERY_CODES);
        return "accounts/recovery-codes";
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(defaultValue = "") String name, Model model) {
        long id = CurrentUser.require().id();
        try {
            var created = tokens.create(id, name);
            model.addAttribute("createdToken", created.value());
        } catch (InvalidInput invalid) {
            model.addAttribute("tokenErrors", invalid.violations());
        }
        return account(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id) {
        tokens.revoke(CurrentUser.require().id(), id);
        return "redirect:/account#tokens";
    }
}
