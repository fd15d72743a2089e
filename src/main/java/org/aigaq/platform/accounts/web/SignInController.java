package org.aigaq.platform.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.aigaq.platform.accounts.SecondFactors;
import org.aigaq.platform.accounts.SignInAttempts;
import org.aigaq.platform.accounts.SignInFlow;
import org.aigaq.platform.accounts.User;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.DuringSignIn;
import org.aigaq.platform.security.PendingSignIn;
import org.aigaq.platform.security.Public;
import org.aigaq.platform.InvalidInput;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in: the password form, then the second factor, a new password, or enrolment, as the account needs. */
@Controller
class SignInController {

    static final String ENROLMENT_SECRET = "aigaq.enrolment-secret";
    static final String RECOVERY_CODES = "aigaq.recovery-codes";

    private final Users users;
    private final SecondFactors secondFactors;
    private final SignInFlow flow;
    private final SignInAttempts attempts;

    SignInController(Users users, SecondFactors secondFactors, SignInFlow flow, SignInAttempts attempts) {
        this.users = users;
        this.secondFactors = secondFactors;
        this.flow = flow;
        this.attempts = attempts;
    }

    @Public
    @GetMapping("/sign-in")
    String signIn() {
        return CurrentUser.get().isPresent() ? "redirect:/" : "accounts/sign-in";
    }

    @DuringSignIn
    @GetMapping("/sign-in/second-factor")
    String secondFactor() {
        return atStep(PendingSignIn.Step.SECOND_FACTOR) ? "accounts/second-factor" : elsewhere();
    }

    @DuringSignIn
    @PostMapping("/sign-in/second-factor")
    String checkSecondFactor(@RequestParam(defaultValue = "") String code, Model model,
                             HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!atStep(PendingSignIn.Step.SECOND_FACTOR)) {
            return elsewhere();
        }
        var pending = CurrentUser.pending().orElseThrow();
        User user = users.get(pending.userId());
        if (secondFactors.verify(user.id(), code)) {
            flow.continueSignIn(user, true, request, response);
            return null;
        }
        if (attempts.failed(user, "second-factor", request.getRemoteAddr())) {
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            return "redirect:/sign-in?refused";
        }
        model.addAttribute("wrongCode", true);
        return "accounts/second-factor";
    }

    @DuringSignIn
    @GetMapping("/sign-in/new-password")
    String newPassword() {
        return atStep(PendingSignIn.Step.NEW_PASSWORD) ? "accounts/new-password" : elsewhere();
    }

    @DuringSignIn
    @PostMapping("/sign-in/new-password")
    String setNewPassword(@RequestParam(defaultValue = "") String newPassword,
                          @RequestParam(defaultValue = "") String confirmation, Model model,
                          HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!atStep(PendingSignIn.Step.NEW_PASSWORD)) {
            return elsewhere();
        }
        var pending = CurrentUser.pending().orElseThrow();
        try {
            if (!newPassword.equals(confirmation)) {
                throw new InvalidInput("confirmation", "password.confirmation.different");
            }
            users.changeOwnPassword(pending.userId(), null, newPassword, false);
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.violations());
            return "accounts/new-password";
        }
        flow.continueSignIn(users.get(pending.userId()), pending.secondFactorVerified(), request, response);
        return null;
    }

    @DuringSignIn
    @GetMapping("/sign-in/enrol")
    String enrol(Model model, HttpSession session) {
        if (!atStep(PendingSignIn.Step.ENROL)) {
            return elsewhere();
        }
        showEnrolment(model, session, CurrentUser.pending().orElseThrow().username(), secondFactors);
        model.addAttribute("action", "/sign-in/enrol");
        return "accounts/enrol";
    }

    @DuringSignIn
    @PostMapping("/sign-in/enrol")
    String confirmEnrolment(@RequestParam(defaultValue = "") String code, Model model, HttpSession session,
                            HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!atStep(PendingSignIn.Step.ENROL)) {
            return elsewhere();
        }
        var pending = CurrentUser.pending().orElseThrow();
        String secret = (String) session.getAttribute(ENROLMENT_SECRET);
        try {
            if (secret == null) {
                throw new InvalidInput("code", "second-factor.code.wrong");
            }
            List<String> codes = secondFactors.confirmEnrolment(pending.userId(), secret, code);
            session.removeAttribute(ENROLMENT_SECRET);
            session.setAttribute(RECOVERY_CODES, codes);
            flow.continueSignIn(users.get(pending.userId()), true, request, response, "/account/recovery-codes");
            return null;
        } catch (InvalidInput invalid) {
            model.addAttribute("wrongCode", true);
            showEnrolment(model, session, pending.username(), secondFactors);
            model.addAttribute("action", "/sign-in/enrol");
            return "accounts/enrol";
        }
    }

    /** Shows the secret kept in the session (a new one the first time), so a reload does not change it. */
    static void showEnrolment(Model model, HttpSession session, String username, SecondFactors secondFactors) {
        String secret = (String) session.getAttribute(ENROLMENT_SECRET);
        if (secret == null) {
            secret = secondFactors.newSecret();
            session.setAttribute(ENROLMENT_SECRET, secret);
        }
        var enrolment = secondFactors.enrolmentFor(username, secret);
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("qrCode", enrolment.qrCodeDataUri());
    }

    private static boolean atStep(PendingSignIn.Step step) {
        return CurrentUser.pending().map(p -> p.step() == step).orElse(false);
    }

    /** Where a user who asked for the wrong step belongs: the right step, or home when already signed in. */
    private static String elsewhere() {
        return "redirect:" + CurrentUser.pending().map(p -> SignInFlow.pathOf(p.step())).orElse("/");
    }
}
