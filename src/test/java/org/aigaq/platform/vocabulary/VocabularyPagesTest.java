package org.aigaq.platform.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.aigaq.platform.audit.AuditSearch;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The administrator's vocabulary pages: lists with their counts, a list's terms as a tree in the user's language,
 * adding a term with every mistake shown beside its field, and the HURIDOCS upload with its problems by row and column.
 */
class VocabularyPagesTest extends ApplicationTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired Vocabularies vocabularies;
    @Autowired AuditSearch audit;
    private MockHttpSession admin;

    @BeforeEach
    void signedInAdministrator() {
        admin = new MockHttpSession();
        admin.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(accounts.signedIn(accounts.create(Role.ADMINISTRATOR, true))));
    }

    @Test
    void theListsPageShowsEachListWithItsNumberOfTermsInTheUsersLanguage() throws Exception {
        var page = Jsoup.parse(page(get("/admin/vocabularies"), "en"));
        var row = page.select("tr:has(a[href=/admin/vocabularies/violation-status])").first();
        assertThat(row).isNotNull();
        assertThat(row.text()).contains("Violation status").contains("violation-status")
                .contains(String.valueOf(vocabularies.list("violation-status").orElseThrow().terms()));
        assertThat(page(get("/admin/vocabularies"), "ru")).contains("Статус нарушения").contains("Справочники Aigaq");
        assertThat(page(get("/admin/vocabularies"), "kk")).contains("Бұзушылық мәртебесі");
        assertThat(page(get("/"), "en")).contains("href=\"/admin/vocabularies\"");
    }

    @Test
    void aListShowsItsTermsAsATreeWithLabelsAndCodes() throws Exception {
        var page = Jsoup.parse(page(get("/admin/vocabularies/method"), "kk"));
        assertThat(page.select("h1").text()).isEqualTo("Азаптау немесе қатыгез қарым-қатынас әдісі");
        var beating = page.select("ul.tree > li:has(> code:containsOwn(beating))").first();
        assertThat(beating).isNotNull();
        assertThat(beating.selectFirst("> span.term-label").text()).isEqualTo("Ұрып-соғу");
        assertThat(beating.select("> ul.tree > li > code").eachText()).contains("falanga", "punching-kicking-slapping");
        assertThat(page.select("select#parentCode option[value=falanga]").text()).startsWith("— ").contains("Фаланга");
    }

    @Test
    void anAdministratorAddsATermUnderAParentAndItIsAudited() throws Exception {
        String code = "special-unit-" + System.nanoTime();
        var response = mvc.perform(post("/admin/vocabularies/agency/terms").session(admin).with(csrf())
                .param("code", code).param("parentCode", "police").param("en", "Special police unit")
                .param("ru", "Специальное подразделение полиции").param("kk", "Полицияның арнаулы бөлімшесі"))
                .andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/admin/vocabularies/agency");
        var term = vocabularies.find("agency", code).orElseThrow();
        assertThat(term.parentCode()).isEqualTo("police");
        assertThat(term.level()).isEqualTo(1);
        assertThat(term.labels()).containsEntry("kk", "Полицияның арнаулы бөлімшесі");
        var entry = audit.search(new AuditSearch.Filter(null, "vocabulary.term-added", "vocabulary-term",
                String.valueOf(term.id()), null, null), null, 1).entries();
        assertThat(entry).hasSize(1);
        assertThat(entry.getFirst().summary()).contains(code).contains("Special police unit");
    }

    @Test
    void everyMistakeIsShownBesideItsFieldAndNothingIsAdded() throws Exception {
        int before = vocabularies.terms("agency").size();
        var empty = Jsoup.parse(form(post("/admin/vocabularies/agency/terms").param("code", " ").param("parentCode", "")
                .param("en", "Something").param("ru", "Что-то").param("kk", ""), "en"));
        assertThat(empty.select("#code-error").text()).isEqualTo("This field is required.");
        assertThat(empty.select("#kk-error").text()).isEqualTo("This field is required.");
        assertThat(empty.select("#code").attr("aria-invalid")).isEqualTo("true");
        assertThat(empty.select("#ru").val()).isEqualTo("Что-то");
        assertThat(empty.select("#en-error")).isEmpty();

        var malformed = Jsoup.parse(form(post("/admin/vocabularies/agency/terms").param("code", "Полиция Алматы")
                .param("parentCode", "no-such-term").param("en", "x").param("ru", "x").param("kk", "x"), "en"));
        assertThat(malformed.select("#code-error").text()).contains("small Latin letters");
        assertThat(malformed.select("#parentCode-error").text()).isEqualTo("Choose a parent term of this list.");

        var duplicate = Jsoup.parse(form(post("/admin/vocabularies/agency/terms").param("code", "police")
                .param("en", "Police").param("ru", "Полиция").param("kk", "Полиция"), "en"));
        assertThat(duplicate.select("#code-error").text()).isEqualTo("This list already has a term with this code.");

        var russian = Jsoup.parse(form(post("/admin/vocabularies/agency/terms").param("code", "police")
                .param("en", "").param("ru", "").param("kk", ""), "ru"));
        assertThat(russian.select("#code-error").text()).isEqualTo("В этом списке уже есть термин с таким кодом.");
        assertThat(russian.select("#en-error").text()).containsPattern("\\p{IsCyrillic}");
        var kazakh = Jsoup.parse(form(post("/admin/vocabularies/agency/terms").param("code", "").param("en", "x")
                .param("ru", "x").param("kk", ""), "kk"));
        assertThat(kazakh.select("#code-error").text()).isNotBlank().doesNotContain("This field");

        assertThat(vocabularies.terms("agency")).hasSize(before);
    }

    @Test
    void anUnknownListIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/admin/vocabularies/no-such-list").session(admin)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/admin/vocabularies/no-such-list/terms").session(admin).with(csrf()).param("code", "x"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theUploadImportsTheRealFileAndNamesTheListsFromTheFieldDictionary() throws Exception {
        var thesaurus = new MockMultipartFile("thesaurus", "huridocs-micro-thesauri.csv", "text/csv",
                HuridocsFiles.bytes(HuridocsFiles.thesaurus()));
        var fields = new MockMultipartFile("fields", "huridocs-esf-fields.csv", "text/csv", HuridocsFiles.bytes(HuridocsFiles.fields()));
        var page = Jsoup.parse(form(multipart("/admin/vocabularies/import").file(thesaurus).file(fields), "en"));
        assertThat(page.select("#import-outcome").text()).contains("huridocs-micro-thesauri.csv").contains("54 lists")
                .contains("4,524 terms");
        assertThat(page.select("#import-problems")).isEmpty();
        var lists = page(get("/admin/vocabularies"), "en");
        assertThat(lists).contains("Method of Violence").contains("huridocs-5");
        var tree = Jsoup.parse(page(get("/admin/vocabularies/huridocs-5"), "ru"));
        assertThat(tree.select("li:has(> code:containsOwn(03080000000005)) > span.term-label").text())
                .isEqualTo("Применение электрического шока");
        // Terms without a Russian label are shown in English, marked as English.
        assertThat(tree.select("li:has(> code:containsOwn(03110100000005)) > span.term-label").attr("lang")).isEqualTo("en");
    }

    @Test
    void aBrokenUploadListsItsProblemsByRowAndColumnInTheUsersLanguage() throws Exception {
        String broken = "vocab_number,huri_code,list_code,parent_vocab_number,term_level,term_order,english,french,spanish,russian\n"
                + "01000000000076,010000000000,76,0,0,1,Root,Racine,Raíz,Корень\n"
                + "01010000000076,010100000000,76,01990000000076,1,1,Child,Enfant,Hijo,Ребёнок\n"
                + "0102000000007,010200000000,76,01000000000076,1,2,Other\n";
        var file = new MockMultipartFile("thesaurus", "broken.csv", "text/csv", broken.getBytes(StandardCharsets.UTF_8));
        var page = Jsoup.parse(form(multipart("/admin/vocabularies/import").file(file), "en"));
        var problems = page.select("#import-problems");
        assertThat(problems.text()).contains("Nothing was imported from broken.csv").contains("Problems found: 2");
        assertThat(problems.select("tbody tr").eachText()).containsExactly(
                "Micro-thesauri 3 parent_vocab_number The parent 01990000000076 is not a term of this file.",
                "Micro-thesauri 4 french This row has 7 values but the header has 10 columns.");
        assertThat(vocabularies.list("huridocs-76")).isEmpty();

        var russian = Jsoup.parse(form(multipart("/admin/vocabularies/import").file(file), "ru"));
        assertThat(russian.select("#import-problems tbody tr").first().text()).contains("Родительского термина 01990000000076 нет");

        var none = Jsoup.parse(form(multipart("/admin/vocabularies/import"), "en"));
        assertThat(none.select("#thesaurus-error").text()).isEqualTo("Choose the micro-thesauri file.");
        assertThat(none.select("#thesaurus").attr("aria-invalid")).isEqualTo("true");
    }

    private String page(AbstractMockHttpServletRequestBuilder<?> request, String language) throws Exception {
        var response = mvc.perform(request.session(admin).header("Accept-Language", language)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private String form(AbstractMockHttpServletRequestBuilder<?> request, String language) throws Exception {
        var response = mvc.perform(request.session(admin).with(csrf()).header("Accept-Language", language)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getRedirectedUrl()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
