package org.aigaq.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApiTestCase;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Shadow reports over the API on crafted data: a report from a template with headings in its language, sections
 * added, renamed, moved and removed; Markdown turned into paragraphs numbered across the report and footnotes numbered
 * across it; each kind of live block resolving to the figures put in (official statistics, an indicator with its
 * definition, anonymised public cases, safeguard violations, places, recommendations); a frozen edition that stays
 * byte for byte the same when the data changes; refusals for another organisation, roles without rights and bad input
 * named by JSON pointer in Russian, with nothing written.
 */
class ReportsApiTest extends ApiTestCase {

    private static final AtomicInteger NUMBERS = new AtomicInteger(100);
    @Autowired Users users;
    private TestAccounts.Account author;
    private String coordinator;
    private long organisation;

    @BeforeEach
    void accounts() {
        author = accounts.createAlone(Role.COORDINATOR);
        coordinator = token(author.id());
        organisation = author.user().organisationId();
    }

    @Test
    void aReportFromATemplateWithNarrativeAndEveryKindOfLiveBlockFrozenIntoAnEditionThatNeverChanges() throws Exception {
        int n = NUMBERS.incrementAndGet();
        JsonNode report = created(call("POST", "/api/v1/reports", coordinator, """
                {"template": "PERIODIC_REVIEW", "title": "Альтернативный доклад %d", "submittedBy": "Коалиция НПО против пыток",
                 "language": "ru"}""".formatted(n)));
        long id = report.get("id").asLong();
        assertThat(report.get("sections").size()).isEqualTo(Topic.values().length);
        assertThat(report.get("sections").get(0).get("heading").asString()).isEqualTo("Определение пытки и её криминализация (статьи 1, 4)");
        assertThat(report.get("sections").get(1).get("heading").asString()).isEqualTo("Основные правовые гарантии при задержании (статья 2)");
        long first = sectionId(report, 0);
        long second = sectionId(report, 1);
        long last = sectionId(report, Topic.values().length - 1);

        // sections: renamed with narrative, one added at the end, one moved to the front, one removed
        ok(call("PUT", "/api/v1/reports/" + id + "/sections/" + first, coordinator, """
                {"heading": "Определение пытки (статьи 1, 4)",
                 "narrative": "The definition in article 146 is narrower than article 1[^law].\\n\\nIt leaves out *acts of other persons* with [the consent](https://www.ohchr.org/en/treaty-bodies/cat) of officials.\\n\\n[^law]: Criminal Code of 2014, article 146."}"""));
        ok(call("PUT", "/api/v1/reports/" + id + "/sections/" + second, coordinator, """
                {"heading": "Гарантии при задержании",
                 "narrative": "Lawyers are admitted late[^i] and the delay is rarely recorded[^i].\\n\\n- first item\\n- second item\\n\\n> A quoted testimony.\\n\\n[^i]: Interviews with 12 lawyers, 2024."}"""));
        JsonNode added = created(call("POST", "/api/v1/reports/" + id + "/sections", coordinator,
                "{\"heading\": \"Methodology\", \"narrative\": \"Data from the justice records[^m].\\n\\n[^m]: As of the date stamped on this report.\"}"));
        long methodology = sectionId(added, Topic.values().length);
        JsonNode moved = ok(call("POST", "/api/v1/reports/" + id + "/sections/" + methodology + "/move", coordinator, "{\"position\": 0}"));
        assertThat(moved.get("sections").get(0).get("heading").asString()).isEqualTo("Methodology");
        JsonNode removed = ok(call("DELETE", "/api/v1/reports/" + id + "/sections/" + last, coordinator, null));
        assertThat(removed.get("sections").size()).isEqualTo(Topic.values().length);

        // crafted data for each kind of block
        String agency = "Agency " + n;
        String jurisdiction = "Q" + (char) ('A' + n % 26);
        long import1 = statisticsImport();
        figure(import1, jurisdiction, 1991, agency, "COMPLAINTS", 200);
        figure(import1, jurisdiction, 1991, agency, "CASES_OPENED", 20);
        figure(import1, jurisdiction, 1991, agency, "SENT_TO_COURT", 7);
        figure(import1, jurisdiction, 1991, agency, "CONVICTED", 3);
        figure(import1, jurisdiction, 1992, agency, "COMPLAINTS", 150);
        figure(import1, jurisdiction, 1992, agency, "SENT_TO_COURT", 9);
        String region = "Region " + n;
        long publicCase = event("Избиение Секретова " + n, "PUBLIC", region, "2023-05-17");
        act(publicCase, "Асхат Секретов " + n, "torture", "2023-05-17");
        long privateCase = event("Closed case " + n, "ORGANISATION", region, "2023-06-01");
        act(privateCase, "Private Person " + n, "torture", "2023-06-01");
        int year = 1960 + n % 30;
        long complaint = event("Late lawyer " + n, "ORGANISATION", "Almaty", year + "-03-01");
        long complaintAct = act(complaint, "Ерлан Қасымов " + n, "torture", year + "-03-01");
        created(call("POST", "/api/v1/events/" + complaint + "/justice/steps", coordinator,
                "{\"stepType\": \"COMPLAINT_FILED\", \"occurredOn\": \"" + year + "-03-10\", \"filedBy\": \"victim\"}"));
        long episode = created(call("POST", "/api/v1/events/" + complaint + "/detention-episodes", coordinator,
                "{\"actId\": " + complaintAct + "}")).get("episode").get("id").asLong();
        created(call("POST", "/api/v1/detention-episodes/" + episode + "/moments", coordinator,
                "{\"kind\": \"APPREHENDED\", \"localTime\": \"" + year + "-03-01T09:30\"}"));
        created(call("POST", "/api/v1/detention-episodes/" + episode + "/moments", coordinator,
                "{\"kind\": \"LAWYER_CONTACT\", \"localTime\": \"" + year + "-03-03T15:30\", \"lawyerKind\": \"chosen\", \"lawyerPresent\": true}"));
        String placeName = "Следственный изолятор " + n;
        created(call("POST", "/api/v1/places", coordinator, """
                {"name": "%s", "officialCode": "LA-%d/1", "locationType": "penal-colony", "region": "Костанайская область",
                 "authority": "penal-system-committee"}""".formatted(placeName, n)));
        String theme = "reports-theme-" + n;
        long recommendation = created(call("POST", "/api/v1/recommendations-tracker", coordinator, """
                {"source": "CAT_FOLLOW_UP", "documentSymbol": "CAT/C/KAZ/CO/4", "documentDate": "2022-01-20", "paragraph": "12",
                 "text": "Investigate promptly all allegations of torture.", "themes": ["%s"], "dueDate": "2023-01-20"}""".formatted(theme))).get("id").asLong();
        created(call("POST", "/api/v1/recommendations-tracker/" + recommendation + "/assessments", coordinator, """
                {"assessedOn": "%s", "grade": "C1", "reasoning": "Registered, not investigated."}""".formatted(LocalDate.now())));

        long safeguards = sectionId(moved, 2);
        block(id, first, "STATISTICS", "{\"agency\": \"%s\", \"fromYear\": \"1991\", \"toYear\": \"1992\"}".formatted(agency));
        block(id, first, "INDICATOR", "{\"indicator\": \"complaints-sent-to-court\", \"jurisdiction\": \"%s\", \"article\": \"2014:146\", \"fromYear\": \"1991\", \"toYear\": \"1992\", \"coalition\": \"true\"}".formatted(jurisdiction));
        block(id, safeguards, "CASES", "{\"region\": \"%s\", \"limit\": \"10\"}".formatted(region));
        block(id, safeguards, "SAFEGUARDS", "{\"fromYear\": \"%d\", \"toYear\": \"%d\"}".formatted(year, year));
        block(id, safeguards, "FACILITIES", "{\"region\": \"kostanay\", \"type\": \"penal-colony\", \"limit\": \"200\"}");
        JsonNode withBlocks = block(id, safeguards, "RECOMMENDATIONS", "{\"theme\": \"%s\"}".formatted(theme));
        var blocks = withBlocks.get("sections").get(2).get("blocks");
        assertThat(blocks.size()).isEqualTo(4);
        // the last block moved up one place
        long recommendationsBlock = blocks.get(3).get("id").asLong();
        JsonNode reordered = ok(call("POST", "/api/v1/reports/" + id + "/blocks/" + recommendationsBlock + "/move", coordinator, "{\"by\": -1}"));
        assertThat(reordered.get("sections").get(2).get("blocks").get(2).get("kind").asString()).isEqualTo("RECOMMENDATIONS");

        // a block's parameters changed in its place: the places' limit, then back; a wrong one refused by pointer
        long placesBlock = reordered.get("sections").get(2).get("blocks").get(3).get("id").asLong();
        JsonNode changedBlock = ok(call("PUT", "/api/v1/reports/" + id + "/blocks/" + placesBlock, coordinator,
                "{\"kind\": \"FACILITIES\", \"parameters\": {\"region\": \"kostanay\", \"type\": \"penal-colony\", \"limit\": \"150\"}}"));
        assertThat(changedBlock.get("sections").get(2).get("blocks").get(3).get("parameters").get("limit").asString()).isEqualTo("150");
        assertThat(pointers(call("PUT", "/api/v1/reports/" + id + "/blocks/" + placesBlock, coordinator,
                "{\"kind\": \"FACILITIES\", \"parameters\": {\"limit\": \"0\"}}", "ru"))).containsExactly("/parameters/limit");
        ok(call("PUT", "/api/v1/reports/" + id + "/blocks/" + placesBlock, coordinator,
                "{\"kind\": \"FACILITIES\", \"parameters\": {\"region\": \"kostanay\", \"type\": \"penal-colony\", \"limit\": \"200\"}}"));

        JsonNode draft = ok(call("GET", "/api/v1/reports/" + id + "/preview", coordinator, null));
        assertThat(draft.get("edition").asString()).isEqualTo("Черновик");
        assertThat(draft.get("language").asString()).isEqualTo("ru");
        var sections = draft.get("sections");
        assertThat(sections.get(0).get("heading").asString()).isEqualTo("Methodology");
        // paragraphs numbered across the report; footnotes numbered across it in the order first referred to
        assertThat(paragraphNumbers(draft)).containsExactly(1, 2, 3, 4);
        var methodologyParagraph = sections.get(0).get("blocks").get(0);
        assertThat(methodologyParagraph.get("content").get(1).get("type").asString()).isEqualTo("footnote");
        assertThat(methodologyParagraph.get("content").get(1).get("number").asInt()).isEqualTo(1);
        var definition = sections.get(1).get("blocks");
        assertThat(definition.get(0).get("content").get(1).get("number").asInt()).isEqualTo(2);
        assertThat(definition.get(1).get("content").get(1).get("styles").get(0).asString()).isEqualTo("ITALIC");
        assertThat(definition.get(1).get("content").get(3).get("type").asString()).isEqualTo("link");
        assertThat(definition.get(1).get("content").get(3).get("url").asString()).isEqualTo("https://www.ohchr.org/en/treaty-bodies/cat");
        var arrest = sections.get(2).get("blocks");
        assertThat(arrest.get(0).get("content").get(1).get("number").asInt()).isEqualTo(3);
        assertThat(arrest.get(0).get("content").get(3).get("number").asInt()).isEqualTo(3);
        assertThat(arrest.get(1).get("type").asString()).isEqualTo("list");
        assertThat(arrest.get(2).get("type").asString()).isEqualTo("quote");
        assertThat(draft.get("footnotes").size()).isEqualTo(3);
        assertThat(text(draft.get("footnotes").get(0).get("content"))).isEqualTo("As of the date stamped on this report.");
        assertThat(text(draft.get("footnotes").get(1).get("content"))).isEqualTo("Criminal Code of 2014, article 146.");
        assertThat(text(draft.get("footnotes").get(2).get("content"))).isEqualTo("Interviews with 12 lawyers, 2024.");

        // statistics: the figures as put in, newest year first, the prosecution rate by the justice definition
        JsonNode statistics = definition.get(2);
        assertThat(statistics.get("type").asString()).isEqualTo("table");
        assertThat(rows(statistics)).containsExactly(
                List.of("1992", jurisdiction, "146 / 2014", agency + ", F1", "150", "—", "9", "—", "6,0 %"),
                List.of("1991", jurisdiction, "146 / 2014", agency + ", F1", "200", "20", "7", "3", "3,5 %"));
        assertThat(statistics.get("note").asString()).contains("Жалобы, дошедшие до суда").contains(agency);
        // the indicator: one line per source, the coalition's beside it, the definition in the note
        JsonNode chart = definition.get(3);
        assertThat(chart.get("type").asString()).isEqualTo("chart");
        assertThat(chart.get("categories").toString()).isEqualTo("[\"1991\",\"1992\"]");
        assertThat(chart.get("series").get(0).get("name").asString()).isEqualTo("Официально: " + agency + ", F1");
        assertThat(chart.get("series").get(0).get("values").toString()).isEqualTo("[3.5,6.0]");
        assertThat(chart.get("series").get(1).get("values").toString()).isEqualTo("[null,null]");
        assertThat(chart.get("note").asString()).contains("÷").contains("1");
        // anonymised cases: the public case only, to the month, with no name and no title
        JsonNode cases = arrest.get(3);
        assertThat(rows(cases)).hasSize(1);
        assertThat(rows(cases).getFirst().get(0)).isEqualTo("2023-05");
        assertThat(rows(cases).getFirst().get(1)).isEqualTo(region);
        assertThat(cases.toString()).doesNotContain("Секретов").doesNotContain("Избиение").doesNotContain("Private");
        // safeguard violations over the complaints of that year
        JsonNode violations = arrest.get(4);
        assertThat(rows(violations)).contains(List.of("Адвокат позже 24 ч", "1"));
        assertThat(rows(violations).getLast()).isEqualTo(List.of("Всего жалоб", "1"));
        // the recommendation moved above the places
        JsonNode recommendations = arrest.get(5);
        assertThat(rows(recommendations)).hasSize(1);
        assertThat(rows(recommendations).getFirst().get(0)).isEqualTo("CAT/C/KAZ/CO/4, para. 12");
        assertThat(rows(recommendations).getFirst().get(3)).startsWith("C1 — ");
        JsonNode places = arrest.get(6);
        assertThat(rows(places).stream().map(r -> r.get(0)).toList()).contains(placeName);
        assertThat(draft.toString()).doesNotContain("Ерлан");

        // a frozen edition, listed with its date, read back exactly as it was frozen
        JsonNode frozen = created(call("POST", "/api/v1/reports/" + id + "/editions", coordinator, null));
        assertThat(frozen.get("number").asInt()).isEqualTo(1);
        String edition = call("GET", "/api/v1/reports/" + id + "/editions/1", coordinator, null).body();
        assertThat(json.readTree(edition).get("edition").asString()).isEqualTo("Редакция 1");
        assertThat(rows(json.readTree(edition).get("sections").get(1).get("blocks").get(2))).hasSize(2);
        JsonNode listed = ok(call("GET", "/api/v1/reports/" + id + "/editions", coordinator, null));
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("frozenAt").asString()).isNotBlank();

        // the data changes: a corrected figure, another public case, a renamed section; the edition does not
        long import2 = statisticsImport();
        figure(import2, jurisdiction, 1991, agency, "COMPLAINTS", 1000);
        long another = event("Another " + n, "PUBLIC", region, "2023-08-02");
        act(another, "Someone " + n, "torture", "2023-08-02");
        ok(call("PUT", "/api/v1/reports/" + id + "/sections/" + first, coordinator, "{\"heading\": \"Renamed\", \"narrative\": \"\"}"));
        assertThat(call("GET", "/api/v1/reports/" + id + "/editions/1", coordinator, null).body()).isEqualTo(edition);
        JsonNode redrafted = ok(call("GET", "/api/v1/reports/" + id + "/preview", coordinator, null));
        assertThat(rows(redrafted.get("sections").get(1).get("blocks").get(0)).getLast().get(4)).isEqualTo("1 000".replace(' ', '\u00a0'));
        assertThat(rows(redrafted.get("sections").get(2).get("blocks").get(3))).hasSize(2);
        assertThatThrownBy(() -> jdbc.update("UPDATE report_edition SET composed = '{}' WHERE report_id = ?", id))
                .hasMessageContaining("never changed");
        assertThat(jdbc.queryForObject("SELECT composed FROM report_edition WHERE report_id = ?", String.class, id)).isEqualTo(edition);

        // audited: the writes and the reading of the edition
        assertThat(audited("report.created", id)).isEqualTo(1);
        assertThat(audited("report.block-added", id)).isEqualTo(6);
        assertThat(audited("report.edition-frozen", id)).isEqualTo(1);
        assertThat(audited("report.edition-read", id)).isEqualTo(2);

        // blocks show what the author may see: once the author's account is disabled, a colleague's draft shows nothing
        String colleague = token(accounts.createIn(organisation, Role.ANALYST).id());
        users.disable(author.id());
        JsonNode colleagues = ok(call("GET", "/api/v1/reports/" + id + "/preview", colleague, null));
        JsonNode hidden = colleagues.get("sections").get(1).get("blocks").get(0);
        assertThat(hidden.get("rows").size()).isZero();
        assertThat(hidden.get("note").asString()).isEqualTo("Автор доклада не может видеть эти данные.");
        assertThat(call("GET", "/api/v1/reports/" + id + "/editions/1", colleague, null).body()).isEqualTo(edition);
    }

    @Test
    void anotherOrganisationRolesWithoutRightsAndBadInputAreRefusedAndNothingIsWritten() throws Exception {
        long id = created(call("POST", "/api/v1/reports", coordinator,
                "{\"template\": \"FOLLOW_UP\", \"title\": \"Follow-up\", \"submittedBy\": \"NGO\", \"language\": \"kk\"}")).get("id").asLong();
        JsonNode report = ok(call("GET", "/api/v1/reports/" + id, coordinator, null));
        assertThat(report.get("sections").size()).isEqualTo(4);
        assertThat(report.get("sections").get(0).get("heading").asString()).isEqualTo("Ұстау кезіндегі негізгі құқықтық кепілдіктер (2-бап)");
        long section = sectionId(report, 0);

        String elsewhere = token(accounts.createElsewhere(Role.COORDINATOR).id());
        assertThat(call("GET", "/api/v1/reports/" + id, elsewhere, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/reports/" + id + "/preview", elsewhere, null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/reports/" + id + "/sections/" + section, elsewhere, "{\"heading\": \"x\"}").statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/reports/" + id + "/editions", elsewhere, null).statusCode()).isEqualTo(404);
        assertThat(ok(call("GET", "/api/v1/reports", elsewhere, null)).toString()).doesNotContain("\"id\":" + id + ",");
        assertThat(audited("access.refused", id)).isGreaterThanOrEqualTo(4);
        String viewer = token(accounts.create(Role.VIEWER, false).id());
        assertThat(call("GET", "/api/v1/reports", viewer, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/reports", viewer, "{}").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/reports/" + id, viewer, null).statusCode()).isEqualTo(403);
        String administrator = token(accounts.create(Role.ADMINISTRATOR, true).id());
        assertThat(call("GET", "/api/v1/reports", administrator, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/reports", null, null).statusCode()).isEqualTo(401);

        long before = jdbc.queryForObject("SELECT count(*) FROM report", Long.class);
        var empty = call("POST", "/api/v1/reports", coordinator, "{\"language\": \"de\"}", "ru");
        assertThat(pointers(empty)).containsExactlyInAnyOrder("/template", "/title", "/submittedBy", "/language");
        assertThat(empty.body()).contains("Это поле обязательно.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report", Long.class)).isEqualTo(before);
        var heading = call("PUT", "/api/v1/reports/" + id + "/sections/" + section, coordinator, "{\"heading\": \" \"}", "ru");
        assertThat(pointers(heading)).containsExactly("/heading");
        var parameters = call("POST", "/api/v1/reports/" + id + "/sections/" + section + "/blocks", coordinator,
                "{\"kind\": \"STATISTICS\", \"parameters\": {\"fromYear\": \"1800\", \"article\": \"146\", \"limit\": \"5\"}}", "ru");
        assertThat(pointers(parameters)).containsExactlyInAnyOrder("/parameters/fromYear", "/parameters/article", "/parameters/limit");
        var reversed = call("POST", "/api/v1/reports/" + id + "/sections/" + section + "/blocks", coordinator,
                "{\"kind\": \"CASES\", \"parameters\": {\"fromYear\": \"2024\", \"toYear\": \"2020\", \"limit\": \"1000\"}}", "ru");
        assertThat(pointers(reversed)).containsExactlyInAnyOrder("/parameters/toYear", "/parameters/limit");
        var indicator = call("POST", "/api/v1/reports/" + id + "/sections/" + section + "/blocks", coordinator,
                "{\"kind\": \"INDICATOR\", \"parameters\": {\"indicator\": \"made-up\"}}", "ru");
        assertThat(pointers(indicator)).containsExactly("/parameters/indicator");
        assertThat(pointers(call("POST", "/api/v1/reports/" + id + "/sections/" + section + "/blocks", coordinator, "{}", "ru")))
                .containsExactly("/kind");
        assertThat(pointers(call("POST", "/api/v1/reports/" + id + "/sections/" + section + "/move", coordinator, "{\"position\": 9}", "ru")))
                .containsExactly("/position");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_block b JOIN report_section s ON s.id = b.section_id WHERE s.report_id = ?",
                Long.class, id)).isZero();
        assertThat(ok(call("GET", "/api/v1/reports/" + id, coordinator, null)).get("sections").get(0).get("heading").asString())
                .isEqualTo(report.get("sections").get(0).get("heading").asString());
        // downloads: the draft in any language, a frozen edition as frozen; a format unknown refused by pointer
        var pdf = bytes("/api/v1/reports/" + id + "/download?format=pdf&language=ru", coordinator);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Follow-up").contains("Ұстау кезіндегі негізгі құқықтық кепілдіктер");
        }
        created(call("POST", "/api/v1/reports/" + id + "/editions", coordinator, null));
        var docx = bytes("/api/v1/reports/" + id + "/editions/1/download?format=docx&language=en", coordinator);
        assertThat(docx.statusCode()).isEqualTo(200);
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.body()));
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains("Follow-up").contains("Ұстау кезіндегі");
        }
        assertThat(pointers(call("GET", "/api/v1/reports/" + id + "/download?format=odt", coordinator, null, "ru"))).containsExactly("/format");
        assertThat(pointers(call("GET", "/api/v1/reports/" + id + "/download?format=pdf&language=de", coordinator, null, "ru"))).containsExactly("/language");
        assertThat(bytes("/api/v1/reports/" + id + "/download?format=pdf", elsewhere).statusCode()).isEqualTo(404);
        assertThat(bytes("/api/v1/reports/" + id + "/editions/1/download?format=pdf", elsewhere).statusCode()).isEqualTo(404);
        assertThat(bytes("/api/v1/reports/" + id + "/editions/2/download?format=pdf", coordinator).statusCode()).isEqualTo(404);

        // a section of another report is not this report's
        long other = created(call("POST", "/api/v1/reports", coordinator,
                "{\"template\": \"BLANK\", \"title\": \"Other\", \"submittedBy\": \"NGO\", \"language\": \"en\"}")).get("id").asLong();
        assertThat(call("DELETE", "/api/v1/reports/" + other + "/sections/" + section, coordinator, null).statusCode()).isEqualTo(404);
    }

    private long statisticsImport() {
        return jdbc.queryForObject("""
                INSERT INTO statistics_import (user_id, file_size, sha256, encoding, detected_encoding, separator, status, imported_at)
                VALUES (?, 0, ?, 'UTF_8', 'UTF_8', 'COMMA', 'IMPORTED', now()) RETURNING id""", Long.class, author.id(), "0".repeat(64));
    }

    private void figure(long importId, String jurisdiction, int year, String agency, String measure, long value) {
        jdbc.update("""
                INSERT INTO statistics_figure (import_id, jurisdiction, year, agency, form, code_version, article, part, measure, value)
                VALUES (?, ?, ?, ?, 'F1', '2014', '146', '', ?, ?)""", importId, jurisdiction, year, agency, measure, value);
    }

    private long event(String title, String sharing, String region, String date) throws Exception {
        return created(call("POST", "/api/v1/events", coordinator, """
                {"title": "%s", "sharing": "%s", "region": "%s", "initial": {"date": "%s", "precision": "EXACT"}}"""
                .formatted(title, sharing, region, date))).get("id").asLong();
    }

    private long act(long event, String victimName, String actType, String date) throws Exception {
        long victim = created(call("POST", "/api/v1/people", coordinator, "{\"identity\": {\"name\": \"" + victimName + "\"}}")).get("id").asLong();
        return created(call("POST", "/api/v1/events/" + event + "/acts", coordinator, """
                {"victimId": %d, "actType": "%s", "initial": {"date": "%s", "precision": "EXACT"}}""".formatted(victim, actType, date)))
                .get("id").asLong();
    }

    private JsonNode block(long id, long section, String kind, String parameters) throws Exception {
        return created(call("POST", "/api/v1/reports/" + id + "/sections/" + section + "/blocks", coordinator,
                "{\"kind\": \"" + kind + "\", \"parameters\": " + parameters + "}"));
    }

    private static long sectionId(JsonNode report, int at) {
        return report.get("sections").get(at).get("id").asLong();
    }

    private static List<Integer> paragraphNumbers(JsonNode composed) {
        var numbers = new ArrayList<Integer>();
        composed.get("sections").forEach(s -> s.get("blocks").forEach(b -> {
            if (b.get("type").asString().equals("paragraph") && !b.get("number").isNull()) numbers.add(b.get("number").asInt());
        }));
        return numbers;
    }

    private static String text(JsonNode inlines) {
        var text = new StringBuilder();
        inlines.forEach(i -> { if (i.has("text")) text.append(i.get("text").asString()); });
        return text.toString();
    }

    private static List<List<String>> rows(JsonNode table) {
        var rows = new ArrayList<List<String>>();
        table.get("rows").forEach(r -> {
            var cells = new ArrayList<String>();
            r.forEach(c -> cells.add(c.asString()));
            rows.add(cells);
        });
        return rows;
    }

    private long audited(String action, long id) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = ? AND record_type = 'report' AND record_id = ?",
                Long.class, action, String.valueOf(id));
    }

    private JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " → " + response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " → " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
