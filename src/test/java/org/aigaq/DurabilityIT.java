package org.aigaq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as an operator runs it: first start, the administration commands on the same home, a write
 * acknowledged before {@code kill -9} that is there after restart, whether PostgreSQL survived the kill or not, and an
 * import killed in the middle that leaves nothing.
 */
class DurabilityIT {

    @TempDir Path home;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();
    private int port;

    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        postgres().ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void aWriteAcknowledgedBeforeKillNineSurvivesAndTheCommandsWork() throws Exception {
        port = freePort();
        Process first = start();
        waitUntilUp(first);
        stopGracefully(first);
        assertThat(Files.readString(home.resolve("keys/database-password"))).isNotBlank();

        var token = command("token", "create", "--user", "operator", "--name", "durability test");
        assertThat(token.exitCode).as(token.output).isZero();
        String value = token.output.lines().filter(l -> l.startsWith("aigaq_")).findFirst().orElseThrow();

        // kill -9 of the application alone: its PostgreSQL survives and the next start must take over.
        Process second = start();
        waitUntilUp(second);
        var created = post("/api/v1/organisations", value, "{\"name\":\"Written before kill -9\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Process third = start();
        waitUntilUp(third);
        assertThat(get("/api/v1/organisations", value).body()).contains("Written before kill -9");
        var another = post("/api/v1/organisations", value, "{\"name\":\"Written before the crash of both\"}");
        assertThat(another.statusCode()).isEqualTo(201);
        // kill -9 of the application and of PostgreSQL: crash recovery replays the write-ahead log.
        var postgres = postgres().orElseThrow();
        third.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        postgres.destroyForcibly();
        postgres.onExit().get(30, TimeUnit.SECONDS);

        Process fourth = start();
        waitUntilUp(fourth);
        assertThat(get("/api/v1/organisations", value).body()).contains("Written before kill -9").contains("Written before the crash of both");
        assertThat(get("/api/v1/me", value).body()).contains("operator");
        stopGracefully(fourth);

        var verified = command("verify-audit");
        assertThat(verified.exitCode).as(verified.output).isZero();
        assertThat(verified.output).contains("The audit trail is intact");
        var unknownUser = command("token", "create", "--user", "nobody");
        assertThat(unknownUser.exitCode).isEqualTo(1);
        assertThat(unknownUser.output).contains("No enabled user named 'nobody'");
    }

    @Test
    void anImportKilledInTheMiddleLeavesNoCase() throws Exception {
        port = freePort();
        Process first = start();
        waitUntilUp(first);
        stopGracefully(first);
        String admin = tokenFor("operator");
        Process second = start();
        waitUntilUp(second);
        var organisation = post("/api/v1/organisations", admin, "{\"name\":\"Importing NGO\"}");
        String organisationId = organisation.body().replaceAll("(?s).*\"id\"\\s*:\\s*(\\d+).*", "$1");
        var user = post("/api/v1/users", admin, "{\"username\":\"importer\",\"displayName\":\"Importer\",\"organisationId\":"
                + organisationId + ",\"roles\":[\"DOCUMENTER\"]}");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        stopGracefully(second);
        String documenter = tokenFor("importer");

        Path file = home.resolve("cases.csv");
        try (var out = Files.newBufferedWriter(file)) {
            out.write("event_number,event_title,event_date,victim,act_type,perpetrator_agencies\n");
            for (int i = 0; i < 100_000; i++) {
                out.write((i / 2) + ",Killed import,2024-03-1" + (i % 10) + ",Victim " + i + ",torture,police\n");
            }
        }
        Process third = start();
        waitUntilUp(third);
        String boundary = "aigaq-" + System.nanoTime();
        var upload = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + documenter)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                                + "filename=\"cases.csv\"\r\nContent-Type: text/csv\r\n\r\n"),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String job = upload.headers().firstValue("Location").orElseThrow();
        http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + job + "/run"))
                .header("Authorization", "Bearer " + documenter).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        // The import takes its record numbers in transactions of their own: when a case recorded meanwhile gets a
        // number past the first thousand, the import has written rows in its (uncommitted) transaction.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int number = 0;
        while (number <= 1000 && System.nanoTime() < deadline) {
            var probe = post("/api/v1/events", documenter, "{\"title\":\"Probe\",\"sharing\":\"ORGANISATION\"}");
            number = Integer.parseInt(probe.body().replaceAll("(?s).*\"recordNumber\"\\s*:\\s*\"E-\\d+-(\\d+)\".*", "$1"));
        }
        assertThat(number).as("the import was under way").isGreaterThan(1000);
        var postgres = postgres().orElseThrow();
        third.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        postgres.destroyForcibly();
        postgres.onExit().get(30, TimeUnit.SECONDS);

        Process fourth = start();
        waitUntilUp(fourth);
        assertThat(get("/api/v1/events?text=Killed%20import", documenter).body()).doesNotContain("Killed import");
        assertThat(get(job, documenter).body()).contains("\"status\":\"UPLOADED\"");
        stopGracefully(fourth);
    }

    private String tokenFor(String username) throws Exception {
        var token = command("token", "create", "--user", username);
        assertThat(token.exitCode).as(token.output).isZero();
        return token.output.lines().filter(l -> l.startsWith("aigaq_")).findFirst().orElseThrow();
    }

    private record Result(int exitCode, String output) {}

    private Result command(String... args) throws Exception {
        var commandLine = new ArrayList<>(List.of(java(), "-jar", jar()));
        commandLine.addAll(List.of(args));
        var builder = new ProcessBuilder(commandLine).redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private Process start() throws IOException {
        var builder = new ProcessBuilder(java(), "-jar", jar()).redirectErrorStream(true)
                .redirectOutput(home.resolve("console-" + started.size() + ".log").toFile());
        builder.environment().putAll(environment());
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private Map<String, String> environment() {
        return Map.of("AIGAQ_HOME", home.toString(), "PORT", String.valueOf(port),
                "AIGAQ_ADMIN_USER", "operator", "AIGAQ_ADMIN_PASSWORD", "an operator's long password");
    }

    private void waitUntilUp(Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the application stopped; see " + home).isTrue();
            try {
                if (get("/actuator/health", null).body().contains("UP")) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not start in time");
    }

    private static void stopGracefully(Process process) throws Exception {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private java.util.Optional<ProcessHandle> postgres() throws IOException {
        Path pid = home.resolve("postgres/postmaster.pid");
        if (!Files.exists(pid)) return java.util.Optional.empty();
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().strip())).filter(ProcessHandle::isAlive);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String jar() {
        return System.getProperty("aigaq.jar");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
