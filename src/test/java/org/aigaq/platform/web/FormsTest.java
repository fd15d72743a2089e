package org.aigaq.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.aigaq.platform.accounts.Organisations;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Bad input on the administrator's forms: the message stands beside the field, in the user's language, and nothing is stored. */
class FormsTest extends ApplicationTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired Organisations organisations;
    @Autowired Users users;
    private MockHttpSession admin;

    @BeforeEach
    void signedInAdministrator() {
        admin = new MockHttpSession();
        admin.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(accounts.signedIn(accounts.create(Role.ADMINISTRATOR, true))));
    }

    @Test
    void anOrganisationNeedsANameThatIsNotTooLongAndNotTaken() throws Exception {
        int before = organisations.all().size();
        assertThat(form(post("/admin/organisations").param("name", "  ").param("shortName", "")))
                .contains("id=\"name-error\"").contains("This field is required.");
        assertThat(form(post("/admin/organisations").param("name", "x".repeat(201)).param("shortName", "y".repeat(41))))
                .contains("At most 200 characters.").contains("At most 40 characters.");
        String name = "Form org " + System.nanoTime();
        mvc.perform(post("/admin/organisations").session(admin).with(csrf()).param("name", name).param("shortName", "FO"));
        assertThat(form(post("/admin/organisations").param("name", name.toLowerCase()).param("shortName", "")))
                .contains("An organisation with this name already exists.");
        assertThat(organisations.all()).hasSize(before + 1);
    }

    @Test
    void aNewUserNeedsAValidUniqueUsernameAnOrganisationAndARole() throws Exception {
        int before = users.all().size();
        String organisation = String.valueOf(accounts.organisation());
        assertThat(form(post("/admin/users").param("username", "Имя с пробелом").param("displayName", "X")
                .param("organisationId", organisation).param("roles", "VIEWER")))
                .contains("id=\"username-error\"").contains("small Latin letters");
        assertThat(form(post("/admin/users").param("username", "someone-new").param("displayName", "X")
                .param("organisationId", "not-a-number").param("roles", "VIEWER")))
                .contains("id=\"organisationId-error\"").contains("This value has the wrong type.");
        assertThat(form(post("/admin/users").param("username", "someone-new").param("displayName", "")
                .param("organisationId", organisation).param("_roles", "on")))
                .contains("Choose at least one role.").contains("id=\"displayName-error\"").contains("This field is required.");
        assertThat(form(post("/admin/users").param("username", "someone-new").param("displayName", "X")
                .param("organisationId", organisation).param("roles", "EMPEROR")))
                .contains("id=\"roles-error\"");
        assertThat(form(post("/admin/users").param("username", "someone-new").param("displayName", "X")
                .param("organisationId", "987654").param("roles", "VIEWER")))
                .contains("Choose an existing organisation.");
        assertThat(form(post("/admin/users").param("username", "admin").param("displayName", "X")
                .param("organisationId", organisation).param("roles", "VIEWER")))
                .contains("This username is already taken.");
        assertThat(users.all()).hasSize(before);
    }

    @Test
    void messagesBesideFieldsAreInTheUsersLanguage() throws Exception {
        var russian = mvc.perform(post("/admin/organisations").session(admin).with(csrf()).header("Accept-Language", "ru")
                .param("name", "").param("shortName", "")).andReturn().getResponse().getContentAsString();
        assertThat(russian).contains("lang=\"ru\"").containsPattern("name-error\">\\p{IsCyrillic}");
        var kazakh = mvc.perform(post("/admin/organisations").session(admin).with(csrf()).header("Accept-Language", "kk")
                .param("name", "").param("shortName", "")).andReturn().getResponse().getContentAsString();
        assertThat(kazakh).contains("lang=\"kk\"");
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() throws Exception {
        var result = mvc.perform(post("/admin/users/" + adminId() + "/disable").session(admin).with(csrf())).andReturn();
        assertThat(users.get(adminId()).enabled()).isTrue();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + adminId());
        assertThat(form(post("/admin/users/" + adminId()).param("displayName", "Me").param("organisationId",
                String.valueOf(accounts.organisation())).param("roles", "VIEWER")))
                .contains("You cannot take away your own administrator role");
    }

    @Test
    void aMissingRecordIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/admin/users/987654").session(admin)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/admin/users/abc").session(admin)).andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void viewingAnAccountIsAuditedAsARead() throws Exception {
        var viewer = accounts.create(Role.VIEWER, false);
        mvc.perform(get("/admin/users/" + viewer.id()).session(admin)).andReturn();
        var page = mvc.perform(get("/admin/audit").session(admin).param("recordType", "user").param("recordId",
                String.valueOf(viewer.id()))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Sensitive record read").contains("Account created");
    }

    private long adminId() {
        var context = (SecurityContextImpl) admin.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return ((org.aigaq.platform.security.SignedInUser) context.getAuthentication().getPrincipal()).id();
    }

    private String form(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.session(admin).with(csrf()).header("Accept-Language", "en")).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getRedirectedUrl()).isEqualTo(200);
        return response.getContentAsString();
    }
}
