package org.aigaq.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.aigaq.platform.audit.AuditSearch;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signing in as a person does: password, second factor, required steps, and what is refused and audited. */
class SignInTest extends ApplicationTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired Users users;
    @Autowired AuditSearch audit;
    @Autowired SecondFactors secondFactors;

    @Test
    void aRoleThatSeesIdentitiesSignsInWithPasswordAndCode() throws Exception {
        var lawyer = accounts.create(Role.LAWYER, true);
        var session = new MockHttpSession();
        MvcResult password = signIn(session, lawyer.username(), TestAccounts.PASSWORD);
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/sign-in/second-factor");
        // Between the two steps the user has no role: every page sends back to the second factor.
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/sign-in/second-factor");
        assertThat(mvc.perform(get("/api/v1/me").session(session)).andReturn().getResponse().getStatus()).isEqualTo(403);

        var code = mvc.perform(post("/sign-in/second-factor").session(session).with(csrf())
                .param("code", accounts.nextCodeFor(lawyer.secret()))).andReturn();
        assertThat(code.getResponse().getRedirectedUrl()).isEqualTo("/");
        session = (MockHttpSession) code.getRequest().getSession();
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(actions(lawyer.id())).contains("sign-in.password-accepted", "sign-in.succeeded");
    }

    @Test
    void aCodeIsAcceptedOnceOnly() throws Exception {
        var monitor = accounts.create(Role.MONITOR, true);
        String code = accounts.nextCodeFor(monitor.secret());
        var first = new MockHttpSession();
        signIn(first, monitor.username(), TestAccounts.PASSWORD);
        assertThat(mvc.perform(post("/sign-in/second-factor").session(first).with(csrf()).param("code", code))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");

        var second = new MockHttpSession();
        signIn(second, monitor.username(), TestAccounts.PASSWORD);
        var replay = mvc.perform(post("/sign-in/second-factor").session(second).with(csrf()).param("code", code)).andReturn();
        assertThat(replay.getResponse().getStatus()).isEqualTo(200);
        assertThat(replay.getResponse().getContentAsString()).contains("That code is not right");
    }

    @Test
    void aRecoveryCodeSignsInOnceAndIsAudited() throws Exception {
        var documenter = accounts.create(Role.DOCUMENTER, false);
        String secret = secondFactors.newSecret();
        var codes = secondFactors.confirmEnrolment(documenter.id(), secret, accounts.codeFor(secret));
        var session = new MockHttpSession();
        signIn(session, documenter.username(), TestAccounts.PASSWORD);
        assertThat(mvc.perform(post("/sign-in/second-factor").session(session).with(csrf()).param("code", codes.get(3).toUpperCase()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");
        var again = new MockHttpSession();
        signIn(again, documenter.username(), TestAccounts.PASSWORD);
        assertThat(mvc.perform(post("/sign-in/second-factor").session(again).with(csrf()).param("code", codes.get(3)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(secondFactors.recoveryCodesLeft(documenter.id())).isEqualTo(SecondFactors.RECOVERY_CODES - 1);
        assertThat(actions(documenter.id())).contains("second-factor.recovery-code-used");
    }

    @Test
    void aUserWaitingForTheSecondFactorCannotEnrolANewOneInstead() throws Exception {
        var coordinator = accounts.create(Role.COORDINATOR, true);
        var session = new MockHttpSession();
        signIn(session, coordinator.username(), TestAccounts.PASSWORD);
        assertThat(mvc.perform(get("/sign-in/enrol").session(session)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/sign-in/second-factor");
        assertThat(mvc.perform(post("/sign-in/enrol").session(session).with(csrf()).param("code", "123456"))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/sign-in/second-factor");
        assertThat(mvc.perform(post("/sign-in/new-password").session(session).with(csrf())
                .param("newPassword", "a brand new password").param("confirmation", "a brand new password"))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/sign-in/second-factor");
        assertThat(users.get(coordinator.id()).secondFactorEnabled()).isTrue();
    }

    @Test
    void aRoleThatSeesIdentitiesMustEnrolBeforeAnythingElse() throws Exception {
        var documenter = accounts.create(Role.DOCUMENTER, false);
        var session = new MockHttpSession();
        assertThat(signIn(session, documenter.username(), TestAccounts.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/sign-in/enrol");
        assertThat(mvc.perform(get("/account").session(session)).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/sign-in/enrol");
        mvc.perform(get("/sign-in/enrol").session(session)).andReturn();
        String secret = (String) session.getAttribute("aigaq.enrolment-secret");
        assertThat(mvc.perform(post("/sign-in/enrol").session(session).with(csrf()).param("code", "000000"))
                .andReturn().getResponse().getContentAsString()).contains("That code is not right");
        var done = mvc.perform(post("/sign-in/enrol").session(session).with(csrf()).param("code", accounts.codeFor(secret))).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/account/recovery-codes");
        var codes = mvc.perform(get("/account/recovery-codes").session((MockHttpSession) done.getRequest().getSession())).andReturn();
        assertThat(codes.getResponse().getContentAsString()).contains("recovery-codes");
        assertThat(users.get(documenter.id()).secondFactorEnabled()).isTrue();
    }

    @Test
    void anAnalystNeedsNoSecondFactor() throws Exception {
        var analyst = accounts.create(Role.ANALYST, false);
        assertThat(signIn(new MockHttpSession(), analyst.username(), TestAccounts.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void aTemporaryPasswordMustBeReplacedAndTheNewOneMustBeLongEnough() throws Exception {
        var viewer = accounts.create(Role.VIEWER, false);
        String temporary = users.resetPassword(viewer.id());
        var session = new MockHttpSession();
        assertThat(signIn(session, viewer.username(), temporary).getResponse().getRedirectedUrl()).isEqualTo("/sign-in/new-password");
        var tooShort = mvc.perform(post("/sign-in/new-password").session(session).with(csrf())
                .param("newPassword", "short").param("confirmation", "short")).andReturn();
        assertThat(tooShort.getResponse().getContentAsString()).contains("at least 12 characters");
        var different = mvc.perform(post("/sign-in/new-password").session(session).with(csrf())
                .param("newPassword", "a long enough password").param("confirmation", "another long password")).andReturn();
        assertThat(different.getResponse().getContentAsString()).contains("are not the same");
        var done = mvc.perform(post("/sign-in/new-password").session(session).with(csrf())
                .param("newPassword", "a long enough password").param("confirmation", "a long enough password")).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(users.get(viewer.id()).mustChangePassword()).isFalse();
    }

    @Test
    void wrongPasswordsLockTheAccountForAWhileAndTheLockIsAudited() throws Exception {
        var viewer = accounts.create(Role.VIEWER, false);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(new MockHttpSession(), viewer.username(), "wrong password " + i).getResponse().getRedirectedUrl())
                    .isEqualTo("/sign-in?refused");
        }
        assertThat(users.get(viewer.id()).lockedUntil()).isNotNull();
        // Even the right password is refused while the lock lasts, with the same words as a wrong one.
        assertThat(signIn(new MockHttpSession(), viewer.username(), TestAccounts.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/sign-in?refused");
        assertThat(actions(viewer.id())).contains("sign-in.failed", "sign-in.locked", "sign-in.refused");
        users.enable(viewer.id());
        assertThat(signIn(new MockHttpSession(), viewer.username(), TestAccounts.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void wrongSecondFactorCodesLockTheAccountToo() throws Exception {
        var lawyer = accounts.create(Role.LAWYER, true);
        var session = new MockHttpSession();
        signIn(session, lawyer.username(), TestAccounts.PASSWORD);
        MvcResult last = null;
        for (int i = 0; i < 5; i++) {
            last = mvc.perform(post("/sign-in/second-factor").session(session).with(csrf()).param("code", "000000")).andReturn();
        }
        assertThat(last.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?refused");
        assertThat(users.get(lawyer.id()).lockedUntil()).isNotNull();
    }

    @Test
    void aDisabledUserIsRefusedAndSignedOutAtOnce() throws Exception {
        var analyst = accounts.create(Role.ANALYST, false);
        var session = new MockHttpSession();
        var signedIn = signIn(session, analyst.username(), TestAccounts.PASSWORD);
        session = (MockHttpSession) signedIn.getRequest().getSession();
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        users.disable(analyst.id());
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getRedirectedUrl()).endsWith("/sign-in");
        assertThat(signIn(new MockHttpSession(), analyst.username(), TestAccounts.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/sign-in?refused");
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAndTheAttemptIsAudited() throws Exception {
        assertThat(signIn(new MockHttpSession(), "nobody-here", "whatever password").getResponse().getRedirectedUrl())
                .isEqualTo("/sign-in?refused");
        var entries = audit.search(new AuditSearch.Filter(null, "sign-in.failed", null, null, null, null), null, 20).entries();
        assertThat(entries).anyMatch(e -> e.summary().contains("nobody-here"));
    }

    @Test
    void theSessionIdChangesAtSignIn() throws Exception {
        var analyst = accounts.create(Role.ANALYST, false);
        var session = new MockHttpSession();
        String before = session.getId();
        var result = signIn(session, analyst.username(), TestAccounts.PASSWORD);
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        var result = mvc.perform(post("/sign-in").param("username", "admin").param("password", "first-admin-password")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
    }

    private MvcResult signIn(MockHttpSession session, String username, String password) throws Exception {
        return mvc.perform(post("/sign-in").session(session).with(csrf()).param("username", username).param("password", password))
                .andReturn();
    }

    private java.util.List<String> actions(long userId) {
        return audit.search(new AuditSearch.Filter(null, null, "user", String.valueOf(userId), null, null), null, 200)
                .entries().stream().map(e -> e.action()).toList();
    }
}
