package org.aigaq.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aigaq.documentation.ActDraft;
import org.aigaq.documentation.Acts;
import org.aigaq.documentation.EventDraft;
import org.aigaq.documentation.Events;
import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.People;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.documentation.Sharing;
import org.aigaq.platform.security.Role;
import org.aigaq.support.BrowserSession;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A person at a browser: Debian's Chromium driven by Playwright against the running application. Signs in with the
 * second factor, enrols one, switches language, is refused what the role may not see, and every page passes axe-core.
 */
class BrowserTest extends BrowserSession {

    @Autowired Events events;
    @Autowired People people;
    @Autowired Acts acts;

    @Test
    void anAdministratorSignsInWithTheSecondFactorAndReadsEveryPageInThreeLanguages() {
        var admin = accounts.create(Role.ADMINISTRATOR, true);
        signIn(admin.username());
        page.fill("#code", accounts.nextCodeFor(admin.secret()));
        page.click("main button[type=submit]");
        page.waitForURL(url("/"));
        assertThat(page.textContent("h1")).isEqualTo("Welcome, Test ADMINISTRATOR");
        checkAccessibility();

        for (String path : List.of("/admin/users", "/admin/organisations", "/admin/audit", "/account",
                "/admin/users/" + admin.id(), "/admin/organisations/new", "/admin/users/new")) {
            page.navigate(url(path));
            assertThat(page.title()).doesNotContain("Error");
            checkAccessibility();
        }
        page.navigate(url("/api-docs"));
        page.getByText("/api/v1/organisations").first().waitFor();
        assertThat(page.textContent("body")).contains("/api/v1/me");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/api-docs.png")));
        // Swagger UI (a library's page) tries one inline style, which our CSP blocks without harm; our own pages must try none.
        consoleErrors.clear();
        page.navigate(url("/admin/audit"));
        page.click("text=Verify the chain");
        page.waitForSelector("#verification");
        assertThat(page.textContent("#verification")).contains("The audit trail is intact");

        page.click("button[lang=ru]");
        assertThat(page.textContent("h1")).isEqualTo("Журнал аудита");
        assertThat(page.getAttribute("html", "lang")).isEqualTo("ru");
        checkAccessibility();
        page.navigate(url("/"));
        assertThat(page.textContent("nav")).contains("Пользователи");
        page.click("button[lang=kk]");
        assertThat(page.textContent("nav")).contains("Пайдаланушылар");
        assertThat(page.getAttribute("html", "lang")).isEqualTo("kk");
        checkAccessibility();
        // The choice is remembered on the account, whatever the browser says.
        page.navigate(url("/account"));
        assertThat(page.textContent("h1")).isEqualTo("Сіздің тіркелгіңіз");
        page.click("button[lang=en]");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aNewDocumenterMustEnrolAndSeesRecoveryCodes() {
        var documenter = accounts.create(Role.DOCUMENTER, false);
        signIn(documenter.username());
        page.waitForURL(url("/sign-in/enrol"));
        checkAccessibility();
        assertThat(page.isVisible("img.qr")).isTrue();
        String secret = page.textContent("#secret").replace(" ", "");
        page.fill("#code", accounts.codeFor(secret));
        page.click("main button[type=submit]");
        page.waitForURL(url("/account/recovery-codes"));
        assertThat(page.locator("#recovery-codes li").count()).isEqualTo(10);
        checkAccessibility();
        page.click("text=Continue");
        assertThat(page.textContent("h1")).startsWith("Welcome");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aViewerIsRefusedTheAdministrationPages() {
        var viewer = accounts.create(Role.VIEWER, false);
        signIn(viewer.username());
        page.waitForURL(url("/"));
        assertThat(page.locator("nav >> text=Users").count()).isZero();
        var response = page.navigate(url("/admin/users"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.textContent("main")).contains("You do not have access to this page.");
        checkAccessibility();
    }

    @Test
    void theSignInPageSpeaksTheBrowsersLanguageAndSaysWhenSignInFails() {
        var russian = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU")).newPage();
        russian.navigate(url("/sign-in"));
        assertThat(russian.textContent("h1")).isEqualTo("Вход");
        russian.context().close();

        page.navigate(url("/sign-in"));
        checkAccessibility();
        page.fill("#username", "admin");
        page.fill("#password", "not the password");
        page.click("main button[type=submit]");
        assertThat(page.textContent("[role=alert]")).contains("The username or password is wrong");
        checkAccessibility();
    }

    @Test
    void aUserCreatesAndRevokesAnApiToken() {
        var analyst = accounts.create(Role.ANALYST, false);
        signIn(analyst.username());
        page.waitForURL(url("/"));
        page.navigate(url("/account"));
        page.fill("#token-name", "my script");
        page.click("#tokens button:has-text('Create a token')");
        String token = page.textContent("#created-token");
        assertThat(token).startsWith("aigaq_");
        checkAccessibility();
        page.click("#tokens button:has-text('Revoke')");
        page.waitForSelector("#tokens >> text=Revoked");
        assertThat(page.locator("#tokens button:has-text('Revoke')").count()).isZero();
    }

    @Test
    void aDocumenterRecordsAnAllegationAndAnotherOrganisationCannotReadIt() throws Exception {
        var documenter = accounts.create(Role.DOCUMENTER, true);
        signInWithCode(documenter);
        page.navigate(url("/events/new"));
        checkAccessibility();
        page.fill("#title", "Beating during interrogation at a district police department");
        page.fill("#initialDate", "2024-03-17");
        page.selectOption("#violationStatus", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.click("main button[type=submit]");
        page.waitForURL(java.util.regex.Pattern.compile(".*/events/\\d+$"));
        String caseUrl = page.url();
        assertThat(page.textContent("h1")).contains("Beating during interrogation");

        page.click("#act summary");
        page.fill("#victimName", "Серік Жұмабекұлы Ахметов");
        page.selectOption("#actType", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.selectOption("#methods", new com.microsoft.playwright.options.SelectOption().setIndex(0));
        page.fill("#ageAtTime", "29");
        page.click("#act button[type=submit]");
        page.waitForSelector("#acts li.card");
        assertThat(page.textContent("#acts")).contains("Серік Жұмабекұлы Ахметов");
        // Complete the victim's identity on the person's page, and come back.
        page.click("#acts a.person");
        page.fill("#otherNames", "Serik Akhmetov\nАхметов Серик Жумабекович");
        page.fill("#dateOfBirth", "1995-02-11");
        page.click("main button[type=submit]");
        assertThat(page.inputValue("#otherNames")).contains("Serik Akhmetov");
        checkAccessibility();
        page.click("text=Back to the case");
        String actId = page.getAttribute("#acts li.card", "id").replace("act-", "");
        page.click("#medical-" + actId + " summary");
        page.fill("#requestedOn-" + actId, "2024-03-18");
        page.fill("#performedOn-" + actId, "2024-03-25");
        page.selectOption("#examinerType-" + actId, "INDEPENDENT");
        page.selectOption("#overall-" + actId, "HIGHLY_CONSISTENT");
        page.click("#medical-" + actId + " button[type=submit]");
        page.waitForSelector(".examination");
        assertThat(page.textContent(".examination")).contains("highly consistent with").contains("independent doctor");
        // The full act form: the torture and arrest details.
        page.click("#act-" + actId + " >> text=Edit the act");
        page.fill("#statedReason", "To obtain a confession");
        page.selectOption("#legalCounsel", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        checkAccessibility();
        page.click("main button[type=submit]");
        page.waitForSelector("#acts li.card");
        page.click("#places-link");
        page.click("#place summary");
        page.fill("#name", "Temporary detention isolator of a district police department");
        page.fill("#officialCode", "ИВС-12");
        page.selectOption("#locationType", "temporary-detention-isolator");
        page.click("#place button[type=submit]");
        assertThat(page.textContent("table")).contains("ИВС-12");
        checkAccessibility();
        page.navigate(caseUrl);
        page.click("#intervention summary");
        page.selectOption("#interventionType", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.fill("#intervention-date", "2024-03-20");
        page.click("#intervention button[type=submit]");
        page.waitForSelector("#interventions ol li");
        checkAccessibility();

        // A photograph of the cell, uploaded with the form: listed with its whole SHA-256 and its chain of custody.
        byte[] photo = new byte[100_000];
        new java.util.SplittableRandom(7).nextBytes(photo);
        Path file = Files.createTempDirectory(Path.of("target"), "upload").resolve("cell.jpg");
        Files.write(file, photo);
        page.click("#evidence-upload summary");
        page.setInputFiles("#evidence-file", file);
        page.selectOption("#evidence-kind", "photograph");
        page.fill("#evidence-description", "The cell, photographed on release");
        page.click("#evidence-upload button[type=submit]");
        page.waitForSelector("#evidence table");
        assertThat(page.textContent("#evidence tbody code.sha256")).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(photo)));
        assertThat(page.textContent("#evidence tbody")).contains("cell.jpg");
        checkAccessibility();
        page.click("#evidence tbody >> text=Chain of custody");
        assertThat(page.textContent("main table")).contains("Uploaded");
        checkAccessibility();
        assertThat(consoleErrors).isEmpty();

        // Someone of another organisation who knows the address is told there is no such case.
        var stranger = accounts.createElsewhere(Role.DOCUMENTER);
        page.context().clearCookies();
        signInWithCode(stranger);
        var response = page.navigate(caseUrl);
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.textContent("main")).doesNotContain("Серік").doesNotContain("Beating during interrogation");
    }

    @Test
    void theActFormSaysWhatIsWrongAsTheUserTypesAndEnterSaves() {
        var documenter = accounts.create(Role.DOCUMENTER, true);
        long[] act = new long[1];
        long[] event = new long[1];
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(documenter));
        try {
            event[0] = events.record(new EventDraft("Checked while typed", null, FuzzyDate.unknown(), null, null, null, null,
                    null, null, null, null, Sharing.ORGANISATION)).id();
            long victim = people.record(new PersonDraft(new Identity("Дәурен Тексеров", List.of(), null, null, null), false,
                    null, null, null, List.of(), false, null)).id();
            act[0] = acts.add(event[0], new ActDraft(victim, "torture", FuzzyDate.unknown(), null, null, null, null, null,
                    null, List.of(), null, null, null, null, null, null, List.of(), null, null)).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
        signInWithCode(documenter);
        page.navigate(url("/acts/" + act[0] + "/edit"));
        // The first field has the focus, so that the keyboard starts there.
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("actType");
        String formUrl = page.url();

        page.fill("#ageAtTime", "200");
        waitForMessage("#ageAtTime-error", "The age must be between 0 and 130.");
        assertThat(page.getAttribute("#ageAtTime", "aria-invalid")).isEqualTo("true");
        assertThat(page.getAttribute("#ageAtTime", "aria-describedby")).contains("ageAtTime-error");
        assertThat(page.url()).isEqualTo(formUrl);
        checkAccessibility();
        page.fill("#ageAtTime", "35");
        waitForMessage("#ageAtTime-error", "");
        assertThat(page.getAttribute("#ageAtTime", "aria-invalid")).isEqualTo("false");

        // In Russian, the same check speaks Russian.
        page.click("button[lang=ru]");
        page.fill("#ageAtTime", "131");
        waitForMessage("#ageAtTime-error", "Возраст должен быть от 0 до 130.");
        page.fill("#ageAtTime", "36");
        waitForMessage("#ageAtTime-error", "");
        page.click("button[lang=en]");

        // Enter in a field saves the form.
        page.fill("#ageAtTime", "37");
        page.fill("#statusAtEnd", "Released without charge");
        page.press("#statusAtEnd", "Enter");
        page.waitForURL(java.util.regex.Pattern.compile(".*/events/" + event[0] + "(#.*)?$"));
        assertThat(page.textContent("#acts")).contains("Дәурен Тексеров");
        page.navigate(url("/acts/" + act[0] + "/edit"));
        assertThat(page.inputValue("#ageAtTime")).isEqualTo("37");
        assertThat(page.inputValue("#statusAtEnd")).isEqualTo("Released without charge");
        assertThat(consoleErrors).isEmpty();
    }

    /** Waits until the message of a field, checked by the server as the user types, reads {@code text}. */
    private void waitForMessage(String selector, String text) {
        page.waitForFunction("([selector, text]) => document.querySelector(selector).textContent.trim() === text",
                List.of(selector, text));
    }

    @Test
    void aDocumenterImportsAFileCorrectsAValueAndSeesTheCases() throws Exception {
        var documenter = accounts.create(Role.DOCUMENTER, true);
        signInWithCode(documenter);
        consoleErrors.clear();
        String marker = Long.toString(System.nanoTime() % 1_000_000);
        Path file = Files.createTempDirectory(Path.of("target"), "import").resolve("cases.csv");
        Files.write(file, ("Название;Дата;Статус;Жертва;Тип деяния\r\n"
                + "Избиение в ИВС " + marker + ";03.2024;вероятно;Дмитрий Ёлкин;Пытки\r\n"
                + "Избиение в ИВС " + marker + ";03.2024;вероятно;Ольга Петрова;Пытки\r\n"
                + "Угрозы " + marker + ";2024;уточняется;Сергей Иванов;Пытки\r\n").getBytes(java.nio.charset.Charset.forName("windows-1251")));
        page.navigate(url("/events"));
        page.click("#import-link");
        checkAccessibility();
        page.setInputFiles("#file", file);
        page.click("main button.primary");
        page.waitForURL(java.util.regex.Pattern.compile(".*/imports/\\d+/mapping$"));
        assertThat(page.textContent("#preview")).contains("Дмитрий Ёлкин");
        page.selectOption("#column-2", "VIOLATION_STATUS");
        page.click("main button:not(.primary)");
        page.waitForSelector("#values-VIOLATION_STATUS");
        checkAccessibility();
        page.click("main button.primary");
        page.waitForSelector("#import-problems");
        assertThat(page.textContent("#import-problems")).contains("уточняется");
        checkAccessibility();
        page.click("main a.button");
        page.selectOption("#values-VIOLATION_STATUS tr:has-text('уточняется') select", "possible");
        page.click("main button.primary");
        page.waitForSelector("#import-outcome");
        checkAccessibility();
        page.click("main form[action$=run] button");
        page.waitForSelector("#import-outcome >> text=were imported");
        checkAccessibility();
        page.click("main a.button.primary");
        assertThat(page.textContent("main table")).contains("Избиение в ИВС " + marker).contains("Угрозы " + marker);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aDocumenterFindsAPersonWrittenInAnotherScript() {
        var documenter = accounts.create(Role.DOCUMENTER, true);
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(documenter));
        org.aigaq.documentation.Person person;
        try {
            person = people.record(new org.aigaq.documentation.PersonDraft(new org.aigaq.documentation.Identity(
                    "Нұрлан Серікұлы Жұмағұлов", java.util.List.of("Нурлан Жумагулов"), null, null, null), false, null, null,
                    null, java.util.List.of(), false, null));
        } finally {
            SecurityContextHolder.clearContext();
        }
        signInWithCode(documenter);
        consoleErrors.clear();
        page.click("#people-search-link");
        checkAccessibility();
        page.fill("#q", "Zhumagulov N.S.");
        page.click("main button.primary");
        page.waitForSelector("#found");
        assertThat(page.textContent("#found")).contains("Нұрлан Серікұлы Жұмағұлов").contains("Нурлан Жумагулов")
                .contains(person.pseudonym());
        checkAccessibility();
        page.click("#found >> text=Нұрлан Серікұлы Жұмағұлов");
        assertThat(page.getAttribute("#find-person", "href")).endsWith("/people/search");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aDocumenterReviewsLikelyDuplicatesMergesAndUndoes() {
        var documenter = accounts.createAlone(Role.DOCUMENTER);
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(documenter));
        org.aigaq.documentation.Person first;
        try {
            first = people.record(new PersonDraft(new Identity("Әйгерім Бекболатқызы Тұрсынбаева", List.of(), null, null,
                    null), false, null, null, null, List.of(), false, null));
            people.record(new PersonDraft(new Identity("Aigerim Tursynbayeva", List.of(), "+7 701 555 00 11", null, null),
                    false, null, null, null, List.of(), false, null));
        } finally {
            SecurityContextHolder.clearContext();
        }
        signInWithCode(documenter);
        consoleErrors.clear();
        page.click("#duplicates-link");
        assertThat(page.textContent("#proposals")).contains("Әйгерім Бекболатқызы Тұрсынбаева").contains("Aigerim Tursynbayeva");
        checkAccessibility();
        page.navigate(url("/people/" + first.id()));
        page.click("#possible-duplicates");
        assertThat(page.textContent("#proposals")).contains("Aigerim Tursynbayeva");
        checkAccessibility();
        page.click("#proposals a.button");
        page.waitForSelector("#pair");
        assertThat(page.textContent("#reasons")).contains("The same name in Cyrillic and in Latin");
        checkAccessibility();
        page.click("#merge-keep-first button");
        page.waitForSelector("#merges-title");
        assertThat(page.textContent("main")).contains("The records were merged").contains("Aigerim Tursynbayeva");
        checkAccessibility();
        page.click("#merges-title + ul button");
        page.waitForSelector("#pair");
        assertThat(page.textContent("main")).contains("are two records again");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aDocumenterSearchesFromTheHeaderAndNarrowsByAFacet() {
        var documenter = accounts.create(Role.DOCUMENTER, true);
        String word = "zqbrowser" + (char) ('a' + System.nanoTime() % 26) + (char) ('a' + System.nanoTime() / 7 % 26);
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(accounts.signedIn(documenter));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            String[] methods = {"falanga", "blows-to-the-head", "plastic-bag"};
            String[] regions = {"Almaty", "Almaty", "Astana"};
            for (int i = 0; i < regions.length; i++) {
                long event = events.record(new org.aigaq.documentation.EventDraft("Beating of a detainee " + word, null,
                        org.aigaq.documentation.FuzzyDate.unknown(), null, null, "police-station", regions[i], null, null, null,
                        null, org.aigaq.documentation.Sharing.ORGANISATION)).id();
                long victim = people.record(new org.aigaq.documentation.PersonDraft(new org.aigaq.documentation.Identity(
                        "Test victim", List.of(), null, null, null), false, null, null, null, List.of(), false, null)).id();
                acts.add(event, new org.aigaq.documentation.ActDraft(victim, "torture", null, null, null, null, null, null,
                        null, List.of(methods[i]), null, null, null, null, null, null, List.of(), null, null));
            }
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        signInWithCode(documenter);
        page.fill("#site-search", "beatings " + word);
        page.press("#site-search", "Enter");
        page.waitForURL(java.util.regex.Pattern.compile(".*/search\\?q=.*"));
        assertThat(page.textContent("#result-count")).contains("3");
        assertThat(page.innerHTML(".hits")).contains("<mark>Beating</mark>");
        // methods as a tree: the broader term counts its narrower ones' cases, which are shown under it
        assertThat(page.textContent("#facet-method label:has(input[value=beating]) .count")).isEqualTo("2");
        assertThat(page.getAttribute("#facet-method label:has(input[value=falanga])", "class")).contains("level-1");
        page.check("#facet-region input[value=Astana]");
        page.waitForFunction("() => document.querySelector('#result-count').textContent.includes('1')");
        assertThat(page.textContent("#result-count")).contains("1").doesNotContain("3");
        assertThat(page.url()).contains("region=Astana");
        assertThat(page.isChecked("#facet-region input[value=Astana]")).isTrue();
        assertThat(consoleErrors).isEmpty();
        // Last: axe-core leaves inline styles in the page, which htmx's history snapshot would copy (and CSP refuse).
        checkAccessibility();
    }

    @Test
    void anAdministratorReadsTheVocabulariesAddsATermAndImportsHuridocs() {
        var admin = accounts.create(Role.ADMINISTRATOR, true);
        signIn(admin.username());
        page.fill("#code", accounts.nextCodeFor(admin.secret()));
        page.click("main button[type=submit]");
        page.waitForURL(url("/"));
        // Chromium's own request for /favicon.ico (Aigaq has none) may fail while signing in; the pages below must log nothing.
        consoleErrors.clear();
        page.click("nav >> text=Vocabularies");
        assertThat(page.textContent("h1")).isEqualTo("Vocabularies");
        checkAccessibility();
        page.click("main >> text=Method of torture or ill-treatment");
        assertThat(page.textContent("h1")).isEqualTo("Method of torture or ill-treatment");
        checkAccessibility();

        String code = "denial-of-daylight-" + System.nanoTime() % 100000;
        page.fill("#code", code);
        page.selectOption("#parentCode", "deprivation");
        page.fill("#en", "Denial of daylight");
        page.fill("#ru", "Лишение дневного света");
        page.click("main button[type=submit]");
        assertThat(page.textContent("#kk-error")).isEqualTo("This field is required.");
        assertThat(page.inputValue("#ru")).isEqualTo("Лишение дневного света");
        checkAccessibility();
        page.fill("#kk", "Күндізгі жарықтан айыру");
        page.click("main button[type=submit]");
        assertThat(page.textContent("main [role=status]")).contains("Denial of daylight");
        Object parent = page.evaluate("code => [...document.querySelectorAll('code.term-code')].find(c => c.textContent === code)"
                + ".closest('ul').closest('li').querySelector(':scope > code').textContent", code);
        assertThat(parent).isEqualTo("deprivation");

        page.navigate(url("/admin/vocabularies/import"));
        checkAccessibility();
        page.setInputFiles("#thesaurus", org.aigaq.platform.vocabulary.HuridocsFiles.thesaurus());
        page.click("main button[type=submit]");
        page.waitForSelector("#import-outcome");
        assertThat(page.textContent("#import-outcome")).contains("4,524 terms");
        checkAccessibility();
        page.navigate(url("/admin/vocabularies/huridocs-5"));
        page.click("button[lang=ru]");
        assertThat(page.textContent("main")).contains("Применение электрического шока");
        checkAccessibility();
        page.click("button[lang=en]");
        assertThat(consoleErrors).isEmpty();
    }
}
