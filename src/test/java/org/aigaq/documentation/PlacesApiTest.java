package org.aigaq.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.aigaq.platform.accounts.Organisations;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.audit.AuditSearch;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApiTestCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The registry of places over the API: a place is found by either form of its official code however it is typed, the
 * other form is derived, a recorded renaming or transfer becomes the current value and keeps the earlier one (the cases
 * recorded before show the name of then), population figures are dated and sourced, and who may do what.
 */
class PlacesApiTest extends ApiTestCase {

    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.nanoTime() % 400_000) + 100_000);
    @Autowired Organisations organisations;
    @Autowired Users users;
    @Autowired AuditSearch audit;
    private String documenter;
    private String coordinator;
    private String analyst;
    private String viewer;
    private String otherDocumenter;

    @BeforeEach
    void accounts() {
        documenter = token(accounts.create(Role.DOCUMENTER, true).id());
        coordinator = token(accounts.create(Role.COORDINATOR, true).id());
        analyst = token(accounts.create(Role.ANALYST, false).id());
        viewer = token(accounts.create(Role.VIEWER, false).id());
        otherDocumenter = token(accounts.createElsewhere(Role.DOCUMENTER).id());
    }

    @Test
    void eitherFormOfTheCodeFindsThePlaceHoweverItIsTyped() throws Exception {
        int n = NUMBERS.incrementAndGet();
        JsonNode colony = created(call("POST", "/api/v1/places", documenter, """
                {"name": "Исправительная колония %d", "officialCode": "AK-%d/5", "locationType": "penal-colony",
                 "penalRegime": "medium-security", "authority": "penal-system-committee", "region": "Костанайская область",
                 "town": "Костанай", "latitude": 53.2144, "longitude": 63.6246}""".formatted(n, n)));
        assertThat(colony.get("officialCodeCyrillic").asString()).isEqualTo("АК-" + n + "/5");
        assertThat(colony.get("region").asString()).isEqualTo("kostanay");
        JsonNode railway = created(call("POST", "/api/v1/places", documenter, """
                {"name": "Учреждение %d", "officialCodeCyrillic": "ЖД-%d/7", "locationType": "penal-colony"}"""
                .formatted(n, n)));
        assertThat(railway.get("officialCode").asString()).isEqualTo("ZhD-" + n + "/7");
        JsonNode settlement = created(call("POST", "/api/v1/places", documenter, """
                {"name": "Колония-поселение %d", "officialCode": "ЕС-%d/4", "locationType": "penal-colony",
                 "penalRegime": "colony-settlement"}""".formatted(n, n)));
        // A Cyrillic code typed in the one code field is taken as the Cyrillic form; ЕС is EC in the penal system's Latin.
        assertThat(settlement.get("officialCode").asString()).isEqualTo("EC-" + n + "/4");
        assertThat(settlement.get("officialCodeCyrillic").asString()).isEqualTo("ЕС-" + n + "/4");

        for (String typed : List.of("AK-" + n + "/5", "АК-" + n + "/5", "ак-" + n + "/5", "Aк-" + n + "/5", "ak " + n + "/5", "AK-" + n)) {
            assertThat(found(typed)).as(typed).containsExactly(colony.get("id").asLong());
        }
        for (String typed : List.of("ZhD-" + n + "/7", "жд-" + n + "/7", "JD-" + n + "/7", "zhd" + n + "/7")) {
            assertThat(found(typed)).as(typed).containsExactly(railway.get("id").asLong());
        }
        for (String typed : List.of("EC-" + n + "/4", "ес-" + n + "/4", "ES-" + n + "/4")) {
            assertThat(found(typed)).as(typed).containsExactly(settlement.get("id").asLong());
        }
        // A Cyrillic name typed in Latin.
        assertThat(found("Ispravitelnaya koloniya " + n)).contains(colony.get("id").asLong());

        // The same code in its other form is not a second place.
        var twin = call("POST", "/api/v1/places", documenter, """
                {"name": "Twin", "officialCodeCyrillic": "АК-%d/5", "locationType": "penal-colony"}""".formatted(n));
        assertThat(twin.statusCode()).isEqualTo(400);
        assertThat(error(twin, 0, "pointer")).isEqualTo("/officialCodeCyrillic");
        assertThat(error(twin, 0, "message")).contains("Исправительная колония " + n);
    }

    @Test
    void theListIsFilteredAndPagedByName() throws Exception {
        int n = NUMBERS.incrementAndGet();
        var ids = new ArrayList<Long>();
        for (String letter : List.of("C", "A", "B")) {
            ids.add(created(call("POST", "/api/v1/places", documenter, """
                    {"name": "%s Police station %d", "locationType": "police-station", "region": "ulytau",
                     "authority": "ministry-of-internal-affairs", "inMandate": %s}"""
                    .formatted(letter, n, !letter.equals("B")))).get("id").asLong());
        }
        var first = json.readTree(call("GET", "/api/v1/places?text=Police+station+" + n + "&size=2", viewer, null).body());
        assertThat(first.get("places").size()).isEqualTo(2);
        assertThat(first.get("places").get(0).get("name").asString()).isEqualTo("A Police station " + n);
        var second = json.readTree(call("GET", "/api/v1/places?text=Police+station+" + n + "&size=2&after="
                + first.get("nextAfter").asLong(), viewer, null).body());
        assertThat(second.get("places").get(0).get("name").asString()).isEqualTo("C Police station " + n);
        assertThat(second.get("nextAfter").isNull()).isTrue();
        var outside = json.readTree(call("GET", "/api/v1/places?text=" + n + "&inMandate=false&region=ulytau"
                + "&authority=ministry-of-internal-affairs&locationType=police-station&open=true", analyst, null).body());
        assertThat(outside.get("places").size()).isEqualTo(1);
        assertThat(outside.get("places").get(0).get("id").asLong()).isEqualTo(ids.get(2));
    }

    @Test
    void aRenamingOrATransferBecomesCurrentAndKeepsTheEarlierValue() throws Exception {
        int n = NUMBERS.incrementAndGet();
        long place = created(call("POST", "/api/v1/places", documenter, """
                {"name": "СИЗО %d", "officialCode": "LA-%d/1", "locationType": "pre-trial-detention-centre",
                 "authority": "national-security-committee", "region": "almaty"}""".formatted(n, n))).get("id").asLong();
        long before = recordCase(documenter, place, "2019-05-01");

        var renamed = call("POST", "/api/v1/places/" + place + "/history", documenter, """
                {"change": "RENAMED", "occurredOn": "2020-01-15", "name": "Следственный изолятор %d"}""".formatted(n));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(201);
        var transferred = call("POST", "/api/v1/places/" + place + "/history", documenter, """
                {"change": "TRANSFERRED", "occurredOn": "2021-03-01", "authority": "penal-system-committee",
                 "note": "Decree of 2021"}""");
        assertThat(transferred.statusCode()).as(transferred.body()).isEqualTo(201);
        var code = call("POST", "/api/v1/places/" + place + "/history", documenter, """
                {"change": "CODE_CHANGED", "occurredOn": "2021-03-01", "officialCode": "LA-%d/2"}""".formatted(n));
        assertThat(code.statusCode()).as(code.body()).isEqualTo(201);
        long after = recordCase(documenter, place, "2022-06-01");

        var current = json.readTree(call("GET", "/api/v1/places/" + place, viewer, null).body()).get("place");
        assertThat(current.get("name").asString()).isEqualTo("Следственный изолятор " + n);
        assertThat(current.get("authority").asString()).isEqualTo("penal-system-committee");
        assertThat(current.get("officialCodeCyrillic").asString()).isEqualTo("ЛА-" + n + "/2");
        assertThat(found("LA-" + n + "/2")).containsExactly(place);
        assertThat(found("LA-" + n + "/1")).isEmpty();

        var history = json.readTree(call("GET", "/api/v1/places/" + place + "/history", viewer, null).body());
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(0).get("change").asString()).isIn("TRANSFERRED", "CODE_CHANGED");
        var rename = history.get(2);
        assertThat(rename.get("earlierValue").asString()).isEqualTo("СИЗО " + n);
        assertThat(rename.get("newValue").asString()).isEqualTo("Следственный изолятор " + n);
        assertThat(history.findValues("earlierValue").stream().map(JsonNode::asString))
                .contains("national-security-committee", "LA-" + n + "/1 / ЛА-" + n + "/1");

        // The case recorded before the renaming stays with the place, under the name of then.
        var cases = json.readTree(call("GET", "/api/v1/places/" + place + "/cases", documenter, null).body());
        assertThat(cases.findValues("eventId").stream().map(JsonNode::asLong)).containsExactly(after, before);
        assertThat(cases.get(1).get("placeNameThen").asString()).isEqualTo("СИЗО " + n);
        assertThat(cases.get(0).get("placeNameThen").asString()).isEqualTo("Следственный изолятор " + n);
        // Another organisation's documenter does not see the organisation-only cases.
        assertThat(json.readTree(call("GET", "/api/v1/places/" + place + "/cases", otherDocumenter, null).body()).size())
                .isZero();

        // Out of order, the same value again, closing twice: refused by field.
        var earlier = call("POST", "/api/v1/places/" + place + "/history", documenter, """
                {"change": "RENAMED", "occurredOn": "2019-01-01", "name": "Old"}""");
        assertThat(earlier.statusCode()).isEqualTo(400);
        assertThat(error(earlier, 0, "pointer")).isEqualTo("/occurredOn");
        var same = call("POST", "/api/v1/places/" + place + "/history", documenter, """
                {"change": "TRANSFERRED", "occurredOn": "2022-01-01", "authority": "penal-system-committee"}""");
        assertThat(error(same, 0, "pointer")).isEqualTo("/authority");
        assertThat(call("POST", "/api/v1/places/" + place + "/history", documenter, """
                {"change": "CLOSED", "occurredOn": "2023-01-01"}""").statusCode()).isEqualTo(201);
        var twice = call("POST", "/api/v1/places/" + place + "/history", documenter, """
                {"change": "CLOSED", "occurredOn": "2023-02-01"}""");
        assertThat(error(twice, 0, "pointer")).isEqualTo("/change");
        assertThat(json.readTree(call("GET", "/api/v1/places/" + place, viewer, null).body()).get("place")
                .get("closedOn").asString()).isEqualTo("2023-01-01");
        assertThat(found("LA-" + n + "/2", "&open=false")).containsExactly(place);
        assertThat(found("LA-" + n + "/2", "&open=true")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'place.history-recorded' AND record_id = ?",
                Long.class, String.valueOf(place))).isEqualTo(4);
    }

    @Test
    void populationFiguresAreDatedAndSourcedAndTheLatestIsShown() throws Exception {
        int n = NUMBERS.incrementAndGet();
        long place = created(call("POST", "/api/v1/places", documenter, """
                {"name": "Колония %d", "locationType": "penal-colony"}""".formatted(n))).get("id").asLong();
        assertThat(call("POST", "/api/v1/places/" + place + "/population", documenter, """
                {"countedOn": "2023-01-01", "capacity": 1200, "population": 1350, "source": "Penal System Committee reply"}""")
                .statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/v1/places/" + place + "/population", documenter, """
                {"countedOn": "2024-07-01", "population": 980, "source": "NPM visit report"}""").statusCode()).isEqualTo(201);
        var latest = json.readTree(call("GET", "/api/v1/places/" + place, analyst, null).body()).get("latest");
        assertThat(latest.get("population").get("population").asInt()).isEqualTo(980);
        assertThat(latest.get("capacity").get("capacity").asInt()).isEqualTo(1200);
        assertThat(latest.get("capacity").get("countedOn").asString()).isEqualTo("2023-01-01");
        var figures = json.readTree(call("GET", "/api/v1/places/" + place + "/population", viewer, null).body());
        assertThat(figures.findValues("countedOn").stream().map(JsonNode::asString)).containsExactly("2024-07-01", "2023-01-01");

        var again = call("POST", "/api/v1/places/" + place + "/population", documenter, """
                {"countedOn": "2024-07-01", "population": 981, "source": "npm visit report"}""");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(error(again, 0, "pointer")).isEqualTo("/countedOn");
        var bad = call("POST", "/api/v1/places/" + place + "/population", documenter, """
                {"countedOn": "2999-01-01", "population": -3, "source": ""}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("errors").findValues("pointer").stream().map(JsonNode::asString))
                .containsExactly("/countedOn", "/population", "/source");
        assertThat(json.readTree(call("GET", "/api/v1/places/" + place + "/population", viewer, null).body()).size()).isEqualTo(2);
    }

    @Test
    void badInputIsNamedByPointerInTheCallersLanguage() throws Exception {
        int n = NUMBERS.incrementAndGet();
        var bad = call("POST", "/api/v1/places", documenter, """
                {"name": "", "officialCode": "AK-%d/5", "officialCodeCyrillic": "AK-%d/5", "locationType": "castle",
                 "region": "Atlantis", "latitude": 95, "longitude": 63.6}""".formatted(n, n), "ru");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var errors = json.readTree(bad.body()).get("errors");
        assertThat(errors.findValues("pointer").stream().map(JsonNode::asString))
                .containsExactly("/name", "/officialCodeCyrillic", "/locationType", "/region", "/latitude");
        assertThat(errors.get(0).get("message").asString()).isEqualTo("Это поле обязательно.");
        assertThat(errors.get(1).get("message").asString()).isEqualTo("Кириллическая форма не может содержать латинских букв.");
        assertThat(errors.get(4).get("message").asString()).isEqualTo("Число десятичных градусов от -90 до 90, например 43.238949.");
        var half = call("POST", "/api/v1/places", documenter, """
                {"name": "Half %d", "locationType": "prison", "longitude": 63.6}""".formatted(n), "ru");
        assertThat(error(half, 0, "pointer")).isEqualTo("/latitude");
        assertThat(error(half, 0, "message")).isEqualTo("Укажите и широту, и долготу, или ни то ни другое.");
        var wrongType = call("POST", "/api/v1/places", documenter, """
                {"name": "Typed %d", "locationType": "prison", "latitude": "north"}""".formatted(n), "ru");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(error(wrongType, 0, "pointer")).isEqualTo("/latitude");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM place WHERE name IN (?, ?)", Long.class, "Half " + n, "Typed " + n))
                .isZero();
    }

    @Test
    void whoMayDoWhatAndThePublicPageShowsOnlyPublishedPlaces() throws Exception {
        int n = NUMBERS.incrementAndGet();
        String body = "{\"name\": \"Psychiatric hospital %d\", \"locationType\": \"psychiatric-institution\"}".formatted(n);
        assertThat(call("POST", "/api/v1/places", analyst, body).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/places", viewer, body).statusCode()).isEqualTo(403);
        long place = created(call("POST", "/api/v1/places", documenter, body)).get("id").asLong();
        assertThat(call("GET", "/api/v1/places/" + place, viewer, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/places/" + place + "/population", analyst,
                "{\"countedOn\": \"2024-01-01\", \"population\": 3, \"source\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/places/" + place + "/history", viewer,
                "{\"change\": \"CLOSED\", \"occurredOn\": \"2024-01-01\"}").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/places/999999999", viewer, null).statusCode()).isEqualTo(404);

        assertThat(anonymous("/public/places/" + place).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/places/" + place + "/publication", documenter, "{\"published\": true}").statusCode())
                .isEqualTo(403);
        assertThat(call("PUT", "/api/v1/places/" + place + "/publication", coordinator, "{\"published\": true}").statusCode())
                .isEqualTo(200);
        var page = anonymous("/public/places/" + place);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Psychiatric hospital " + n);
        assertThat(call("PUT", "/api/v1/places/" + place + "/publication", coordinator, "{\"published\": false}").statusCode())
                .isEqualTo(200);
        assertThat(anonymous("/public/places/" + place).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE record_type = 'place' AND record_id = ? ORDER BY seq",
                String.class, String.valueOf(place))).containsExactly("place.added", "place.published", "place.withdrawn");
    }

    @Test
    void placesAreImportedOverTheApiAllOrNothingWithProblemsInTheCallersLanguage() throws Exception {
        int n = NUMBERS.incrementAndGet();
        String bad = "name,code,type\nColony " + n + ",UK-" + n + "/3,penal-colony\n,EC-" + n + "/4,prison\n";
        var refusedUpload = upload(documenter, bad);
        assertThat(refusedUpload.statusCode()).as(refusedUpload.body()).isEqualTo(201);
        long refusedId = json.readTree(refusedUpload.body()).get("id").asLong();
        var refused = call("POST", "/api/v1/places/imports/" + refusedId + "/run", documenter, null, "ru");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var problem = json.readTree(refused.body()).get("problems").get(0);
        assertThat(problem.get("row").asLong()).isEqualTo(3);
        assertThat(problem.get("column").asString()).isEqualTo("name");
        assertThat(problem.get("message").asString()).isEqualTo("Это поле обязательно.");
        assertThat(found("UK-" + n + "/3")).isEmpty();

        String good = "name,code,kind\nColony " + n + ",UK-" + n + "/3,ИК\n";
        long id = json.readTree(upload(documenter, good).body()).get("id").asLong();
        assertThat(call("POST", "/api/v1/places/imports/" + id + "/dry-run", documenter, null).statusCode()).isEqualTo(200);
        var mapped = call("PUT", "/api/v1/places/imports/" + id + "/mapping", documenter, """
                {"columns": {"name": "NAME", "code": "OFFICIAL_CODE", "kind": "LOCATION_TYPE"},
                 "values": {"LOCATION_TYPE": {"ИК": "penal-colony"}}}""");
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
        var checked = json.readTree(call("POST", "/api/v1/places/imports/" + id + "/dry-run", documenter, null).body());
        assertThat(checked.get("problemCount").asLong()).isZero();
        assertThat(checked.get("added").asInt()).isEqualTo(1);
        assertThat(call("GET", "/api/v1/places/imports/" + id, coordinator, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/places/imports/" + id + "/run", analyst, null).statusCode()).isEqualTo(403);
        var run = call("POST", "/api/v1/places/imports/" + id + "/run", documenter, null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(found("УК-" + n + "/3")).hasSize(1);
        assertThat(call("POST", "/api/v1/places/imports/" + id + "/run", documenter, null).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> upload(String token, String csv) throws Exception {
        String boundary = "aigaq" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"places.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/places/imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<Long> found(String text) throws Exception {
        return found(text, "");
    }

    private List<Long> found(String text, String more) throws Exception {
        var response = call("GET", "/api/v1/places?text=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                + more, viewer, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("places").findValues("id").stream().map(JsonNode::asLong).toList();
    }

    private long recordCase(String token, long place, String date) throws Exception {
        var response = call("POST", "/api/v1/events", token, """
                {"title": "Ill-treatment on admission", "sharing": "ORGANISATION", "placeId": %d,
                 "initial": {"date": "%s", "precision": "EXACT"}}""".formatted(place, date));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private JsonNode created(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private String error(HttpResponse<String> response, int index, String what) throws Exception {
        return json.readTree(response.body()).get("errors").get(index).get(what).asString();
    }

    private HttpResponse<String> anonymous(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
