package org.aigaq.documentation.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.accounts.Organisations;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.audit.AuditSearch;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evidence files end to end: what is uploaded is what is downloaded, byte for byte and hash for hash; what is on disk
 * is ciphertext; a replacement keeps the original; every step is in the chain of custody and the audit trail; only
 * users who may see the case's identities open files; the export verifies with {@code sha256sum -c}; a refused or
 * broken upload leaves nothing behind; and content is streamed, never held whole in memory.
 */
class EvidenceFilesTest extends ApplicationTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired Organisations organisations;
    @Autowired Users users;
    @Autowired AuditSearch audit;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired EvidenceFiles evidence;
    @Autowired MockMvc mvc;
    @Autowired EvidenceStorage storage;
    @Autowired MessageSource messages;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestAccounts.Account documenterAccount;
    private String documenter;
    private String analyst;
    private String otherOrganisationsDocumenter;

    @BeforeEach
    void accounts() {
        documenterAccount = accounts.create(Role.DOCUMENTER, true);
        documenter = token(documenterAccount.id());
        analyst = token(accounts.create(Role.ANALYST, false).id());
        otherOrganisationsDocumenter = token(accounts.createElsewhere(Role.DOCUMENTER).id());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void whatIsUploadedIsWhatIsDownloadedWithTheSameSha256() throws Exception {
        long event = recordEvent("ORGANISATION");
        byte[] photo = bytes(300_000, 1);
        String name = "Фото побоев, 17 марта.jpg";
        var uploaded = upload(documenter, event, name, "image/jpeg", photo, "photograph", "Bruises on the back", null);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode file = json.readTree(uploaded.body());
        long id = file.get("id").asLong();
        assertThat(uploaded.headers().firstValue("Location")).hasValue("/api/v1/evidence/" + id);
        assertThat(file.get("sha256").asString()).isEqualTo(sha256(photo));
        assertThat(file.get("sizeBytes").asLong()).isEqualTo(photo.length);
        assertThat(file.get("originalName").asString()).isEqualTo(name);
        assertThat(file.get("kind").asString()).isEqualTo("photograph");
        assertThat(file.get("contentType").asString()).isEqualTo("image/jpeg");

        var content = http.send(request(documenter, "/api/v1/evidence/" + id + "/content").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(sha256(content.body())).isEqualTo(sha256(photo));
        assertThat(content.body()).isEqualTo(photo);
        assertThat(content.headers().firstValue("Repr-Digest"))
                .hasValue("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(photo))) + ":");
        assertThat(content.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");

        var page = http.send(request(documenter, "/evidence/" + id + "/download").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.body()).isEqualTo(photo);
        var viewed = http.send(request(documenter, "/evidence/" + id + "/download?view=true").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(viewed.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
        assertThat(actions(id)).containsExactly("uploaded", "downloaded", "downloaded", "viewed");

        var list = json.readTree(call(documenter, "/api/v1/events/" + event + "/evidence").body());
        assertThat(list.size()).isEqualTo(1);
        assertThat(json.readTree(call(documenter, "/api/v1/evidence/" + id).body()).get("sha256").asString()).isEqualTo(sha256(photo));
    }

    @Test
    void theStoredFileIsCiphertextAndItsNameIsEncrypted() throws Exception {
        long event = recordEvent("ORGANISATION");
        String marker = "PLAINTEXT-MARKER-" + System.nanoTime();
        byte[] statement = ("Statement of the victim. " + marker + "\n").repeat(2000).getBytes(StandardCharsets.UTF_8);
        var uploaded = upload(documenter, event, "Оспанова statement.txt", "text/plain", statement, "document", null, null);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);

        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        var stored = filesUnder(storage.folder());
        assertThat(stored).isNotEmpty();
        for (String path : stored) {
            // Latin-1 maps each byte to one character: a byte sequence search as a string search.
            assertThat(new String(Files.readAllBytes(storage.folder().resolve(path)), StandardCharsets.ISO_8859_1))
                    .as("plaintext in %s", path).doesNotContain(new String(needle, StandardCharsets.ISO_8859_1));
        }
        String row = jdbc.queryForList("SELECT * FROM evidence_file WHERE event_id = ?", event).toString();
        assertThat(row).doesNotContain("Оспанова");

        Path keyset = storage.keysetFile();
        assertThat(keyset).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset))).isEqualTo("rw-------");
    }

    @Test
    void aReplacementSupersedesTheOriginalAndBothAreKept() throws Exception {
        long event = recordEvent("ORGANISATION");
        byte[] first = bytes(10_000, 2);
        byte[] second = bytes(12_000, 3);
        long original = json.readTree(upload(documenter, event, "scan.pdf", "application/pdf", first, "scan", null, null).body())
                .get("id").asLong();
        var replaced = upload(documenter, event, "scan-better.pdf", "application/pdf", second, "scan", "Readable scan", original);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(201);
        long replacement = json.readTree(replaced.body()).get("id").asLong();

        var files = json.readTree(call(documenter, "/api/v1/events/" + event + "/evidence").body());
        assertThat(files.size()).isEqualTo(2);
        assertThat(files.get(0).get("id").asLong()).isEqualTo(original);
        assertThat(files.get(0).get("supersededById").asLong()).isEqualTo(replacement);
        assertThat(files.get(1).get("supersedesId").asLong()).isEqualTo(original);
        assertThat(files.get(1).get("supersededById").isNull()).isTrue();
        assertThat(http.send(request(documenter, "/api/v1/evidence/" + original + "/content").build(),
                HttpResponse.BodyHandlers.ofByteArray()).body()).isEqualTo(first);
        assertThat(actions(original)).containsExactly("uploaded", "superseded", "downloaded");
        assertThat(actions(replacement)).containsExactly("uploaded");

        var again = upload(documenter, event, "scan-3.pdf", "application/pdf", second, "scan", null, original);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json.readTree(again.body()).get("errors").get(0).get("pointer").asString()).isEqualTo("/supersedesId");

        // The database itself keeps files unchanged and custody append-only.
        assertThatThrownBy(() -> jdbc.update("UPDATE evidence_file SET sha256 = ? WHERE id = ?", "0".repeat(64), original))
                .hasMessageContaining("never changed");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM evidence_file WHERE id = ?", replacement)).hasMessageContaining("never changed");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM evidence_custody WHERE evidence_id = ?", original))
                .hasMessageContaining("append-only");
    }

    @Test
    void everyUploadDownloadAndExportIsInTheChainOfCustodyAndTheAuditTrail() throws Exception {
        long event = recordEvent("ORGANISATION");
        long id = json.readTree(upload(documenter, event, "audio.ogg", "audio/ogg", bytes(5_000, 4), "audio", null, null).body())
                .get("id").asLong();
        http.send(request(documenter, "/api/v1/evidence/" + id + "/content").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(http.send(request(documenter, "/events/" + event + "/evidence.zip").build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(200);

        var custody = json.readTree(call(documenter, "/api/v1/evidence/" + id + "/custody").body());
        assertThat(custody.size()).isEqualTo(3);
        assertThat(custody.get(0).get("user").asString()).isEqualTo(documenterAccount.username());
        assertThat(custody.get(0).get("address").asString()).isNotBlank();
        assertThat(custody.get(0).get("detail").asString()).contains(sha256(bytes(5_000, 4)));
        assertThat(actions(id)).containsExactly("uploaded", "downloaded", "exported");
        for (String action : new String[] {"evidence.uploaded", "evidence.downloaded"}) {
            assertThat(audit.search(new AuditSearch.Filter(null, action, "evidence", String.valueOf(id), null, null), null, 5)
                    .entries()).as(action).hasSize(1);
        }
        assertThat(audit.search(new AuditSearch.Filter(null, "evidence.exported", "event", String.valueOf(event), null, null),
                null, 5).entries()).hasSize(1);

        var page = mvc.perform(get("/evidence/" + id + "/custody").session(session(documenterAccount))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains(sha256(bytes(5_000, 4))).contains("Exported");
    }

    @Test
    void onlyUsersWhoMaySeeIdentitiesOpenFilesAndEveryRefusalIsAudited() throws Exception {
        long shared = recordEvent("COALITION");
        long id = json.readTree(upload(documenter, shared, "Асель.jpg", "image/jpeg", bytes(2_000, 5), "photograph", null, null)
                .body()).get("id").asLong();
        for (String reader : new String[] {analyst, otherOrganisationsDocumenter}) {
            var list = call(reader, "/api/v1/events/" + shared + "/evidence");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).doesNotContain("Асель").contains("evidence-" + id + ".jpg");
            assertThat(call(reader, "/api/v1/evidence/" + id + "/content").statusCode()).isEqualTo(404);
            assertThat(call(reader, "/evidence/" + id + "/download").statusCode()).isEqualTo(404);
            assertThat(call(reader, "/events/" + shared + "/evidence.zip").statusCode()).isEqualTo(404);
        }
        var refusals = audit.search(new AuditSearch.Filter(null, "access.refused", "evidence", String.valueOf(id), null, null),
                null, 10).entries();
        assertThat(refusals).hasSize(4);
        assertThat(actions(id)).containsExactly("uploaded");

        long own = recordEvent("ORGANISATION");
        long hidden = json.readTree(upload(documenter, own, "x.jpg", "image/jpeg", bytes(1_000, 6), "photograph", null, null)
                .body()).get("id").asLong();
        assertThat(call(otherOrganisationsDocumenter, "/api/v1/events/" + own + "/evidence").statusCode()).isEqualTo(404);
        assertThat(call(otherOrganisationsDocumenter, "/api/v1/evidence/" + hidden).statusCode()).isEqualTo(404);
        assertThat(call(otherOrganisationsDocumenter, "/api/v1/evidence/" + hidden + "/content").statusCode()).isEqualTo(404);
        assertThat(upload(otherOrganisationsDocumenter, own, "y.jpg", "image/jpeg", bytes(10, 7), "photograph", null, null)
                .statusCode()).isEqualTo(404);
        assertThat(audit.search(new AuditSearch.Filter(null, "access.refused", "evidence", String.valueOf(hidden), null, null),
                null, 10).entries()).hasSize(2);
    }

    @Test
    void theExportHoldsTheCurrentFilesAndItsSha256SumsVerify() throws Exception {
        long event = recordEvent("ORGANISATION");
        byte[] photo = bytes(40_000, 8);
        byte[] old = bytes(1_000, 9);
        byte[] report = bytes(70_000, 10);
        upload(documenter, event, "Медицинское заключение (1).pdf", "application/pdf", photo, "pdf", null, null);
        long superseded = json.readTree(upload(documenter, event, "draft.txt", "text/plain", old, "document", null, null).body())
                .get("id").asLong();
        upload(documenter, event, "final report.txt", "text/plain", report, "document", null, superseded);

        var zip = http.send(request(documenter, "/events/" + event + "/evidence.zip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        Path folder = Files.createTempDirectory(Path.of("target"), "export");
        var entries = unzip(zip.body(), folder);
        assertThat(entries).contains("SHA256SUMS", "manifest.json").hasSize(4);

        var lines = Files.readAllLines(folder.resolve("SHA256SUMS"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            assertThat(line).matches("[0-9a-f]{64}  files/\\S+");
            String path = line.substring(66);
            assertThat(sha256(Files.readAllBytes(folder.resolve(path)))).isEqualTo(line.substring(0, 64));
        }
        assertThat(String.join("\n", lines)).contains(sha256(photo)).contains(sha256(report)).doesNotContain(sha256(old));

        JsonNode manifest = json.readTree(Files.readString(folder.resolve("manifest.json")));
        assertThat(manifest.get("recordNumber").asString()).matches("E-\\d{4}-\\d{4,}");
        assertThat(manifest.get("hashAlgorithm").asString()).isEqualTo("SHA-256");
        assertThat(manifest.get("files").size()).isEqualTo(2);
        JsonNode first = manifest.get("files").get(0);
        assertThat(first.get("originalName").asString()).isEqualTo("Медицинское заключение (1).pdf");
        assertThat(first.get("sha256").asString()).isEqualTo(sha256(photo));
        assertThat(first.get("sizeBytes").asLong()).isEqualTo(photo.length);
        assertThat(first.get("uploadedBy").asString()).isNotBlank();
        assertThat(first.get("uploadedAt").asString()).isNotBlank();
        assertThat(first.get("custody").get(0).get("action").asString()).isEqualTo("uploaded");
        assertThat(manifest.get("files").get(1).get("supersedes").asLong()).isEqualTo(superseded);

        Path sha256sum = Path.of("/usr/bin/sha256sum");
        if (Files.isExecutable(sha256sum)) {
            var process = new ProcessBuilder(sha256sum.toString(), "-c", "SHA256SUMS").directory(folder.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isEqualTo(0);
            assertThat(output).contains(": OK");
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedWithAClearProblemAndLeavesNothing() throws Exception {
        long event = recordEvent("ORGANISATION");
        var before = filesUnder(storage.folder());
        signIn();
        assertThatThrownBy(() -> evidence.upload(event, new ByteArrayInputStream(bytes(4_096, 11)), "big.bin",
                "application/octet-stream", "other", null, null, 1_024))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> {
                    assertThat(invalid.violations()).hasSize(1);
                    assertThat(invalid.violations().getFirst().field()).isEqualTo("file");
                    assertThat(invalid.violations().getFirst().messageKey()).isEqualTo("evidence.too-large");
                    assertThat(messages.getMessage("evidence.too-large", invalid.violations().getFirst().arguments(),
                            Locale.ENGLISH)).isEqualTo("The file is larger than the maximum of 0.001 MB.");
                });
        assertThat(rows(event)).isZero();
        assertThat(filesUnder(storage.folder())).isEqualTo(before);
    }

    @Test
    void anUploadThatBreaksOffLeavesNoRowAndNoFile() throws Exception {
        long event = recordEvent("ORGANISATION");
        var before = filesUnder(storage.folder());
        signIn();
        InputStream breaking = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ >= 3 * 1024 * 1024) throw new IOException("connection reset by peer");
                return sent & 0xff;
            }
        };
        assertThatThrownBy(() -> evidence.upload(event, breaking, "cut.mp4", "video/mp4", "video", null, null))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(rows(event)).isZero();
        assertThat(filesUnder(storage.folder())).isEqualTo(before);
        assertThat(audit.search(new AuditSearch.Filter(null, "evidence.uploaded", null, null, null, null), null, 500).entries()
                .stream().noneMatch(e -> e.summary().contains("\"event\":" + event))).isTrue();
    }

    @Test
    void fiftyMegabytesAreStreamedThroughWithoutBeingHeldInMemory() throws Exception {
        long event = recordEvent("ORGANISATION");
        signIn();
        long size = 50L * 1024 * 1024;
        var generated = new GeneratedContent(size, storage.folder().resolve("tmp"));
        EvidenceFile stored = evidence.upload(event, generated, "interview.mp4", "video/mp4", "video", null, null);
        assertThat(generated.checks).as("progress checks made while streaming").isGreaterThanOrEqualTo(5);
        assertThat(stored.sizeBytes()).isEqualTo(size);
        assertThat(stored.sha256()).isEqualTo(generated.sha256());

        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long read = 0;
        try (var content = evidence.open(stored.id())) {
            byte[] buffer = new byte[256 * 1024];
            for (int n = content.stream().read(buffer); n != -1; n = content.stream().read(buffer)) {
                digest.update(buffer, 0, n);
                read += n;
            }
        }
        assertThat(read).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(generated.sha256());
    }

    @Test
    void theCasePageListsFilesAndTheFormUploadsWithItsCsrfToken() throws Exception {
        long event = recordEvent("ORGANISATION");
        byte[] photo = bytes(2_048, 12);
        var session = session(documenterAccount);
        var stored = mvc.perform(multipart("/events/" + event + "/evidence")
                        .file(new MockMultipartFile("file", "cell.jpg", "image/jpeg", photo))
                        .param("kind", "photograph").param("description", "The cell").with(csrf()).session(session))
                .andReturn();
        assertThat(stored.getResponse().getRedirectedUrl()).isEqualTo("/events/" + event + "#evidence");
        var page = mvc.perform(get("/events/" + event).session(session).flashAttrs(stored.getFlashMap())).andReturn()
                .getResponse().getContentAsString();
        var section = Jsoup.parse(page).getElementById("evidence");
        assertThat(section).isNotNull();
        assertThat(section.select("code.sha256").text()).contains(sha256(photo));
        assertThat(section.text()).contains("cell.jpg").contains("The cell");
        assertThat(section.select("a[href=/events/" + event + "/evidence.zip]")).hasSize(1);
        var form = section.selectFirst("form[enctype=multipart/form-data]");
        assertThat(form).isNotNull();
        assertThat(form.select("input[name=_csrf]")).hasSize(1);

        var noKind = mvc.perform(multipart("/events/" + event + "/evidence")
                .file(new MockMultipartFile("file", "cell.jpg", "image/jpeg", photo)).with(csrf()).session(session)).andReturn();
        var again = mvc.perform(get("/events/" + event).session(session).flashAttrs(noKind.getFlashMap())).andReturn()
                .getResponse().getContentAsString();
        assertThat(again).contains("id=\"evidence-kind-error\"");
        assertThat(rows(event)).isEqualTo(1);
    }

    /** Content made up as it is read, whose hash is known only at its end; it checks, as it goes, that the encrypted file grows with it. */
    private static final class GeneratedContent extends InputStream {
        private final long size;
        private final Path temporaries;
        private final SplittableRandom random = new SplittableRandom(42);
        private final MessageDigest digest;
        private long produced;
        private long nextCheck = 8L * 1024 * 1024;
        int checks;

        GeneratedContent(long size, Path temporaries) throws Exception {
            this.size = size;
            this.temporaries = temporaries;
            this.digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (produced == size) return -1;
            if (produced >= nextCheck) {
                // Everything but the segment being encrypted (1 MB) and a read buffer must already be on disk.
                long onDisk = 0;
                try (Stream<Path> parts = Files.list(temporaries)) {
                    for (Path part : parts.toList()) onDisk = Math.max(onDisk, Files.size(part));
                }
                if (onDisk < produced - 3L * 1024 * 1024) {
                    throw new AssertionError("only " + onDisk + " bytes on disk after " + produced + " bytes read");
                }
                checks++;
                nextCheck += 8L * 1024 * 1024;
            }
            int n = (int) Math.min(length, size - produced);
            for (int i = 0; i < n; i++) buffer[offset + i] = (byte) random.nextInt(256);
            digest.update(buffer, offset, n);
            produced += n;
            return n;
        }

        private String sha256;

        /** The hash of everything produced, once it has all been read. */
        String sha256() {
            if (sha256 == null) sha256 = HexFormat.of().formatHex(digest.digest());
            return sha256;
        }
    }

    private void signIn() {
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(documenterAccount));
    }

    private MockHttpSession session(TestAccounts.Account account) {
        var session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(accounts.signedIn(account)));
        return session;
    }

    private int rows(long event) {
        return jdbc.queryForObject("SELECT count(*) FROM evidence_file WHERE event_id = ?", Integer.class, event);
    }

    private List<String> actions(long evidenceId) {
        return jdbc.queryForList("SELECT action FROM evidence_custody WHERE evidence_id = ? ORDER BY id", String.class, evidenceId);
    }

    /** Every file under a folder, except uploads the servlet container is still holding. */
    private static Set<String> filesUnder(Path folder) throws IOException {
        var files = new TreeSet<String>();
        try (Stream<Path> all = Files.walk(folder)) {
            all.filter(Files::isRegularFile).filter(p -> !p.startsWith(folder.resolve("incoming")))
                    .forEach(p -> files.add(folder.relativize(p).toString()));
        }
        return files;
    }

    private static List<String> unzip(byte[] zip, Path folder) throws IOException {
        var names = new ArrayList<String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = folder.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(folder)).as(entry.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
                names.add(entry.getName());
            }
        }
        return names;
    }

    private long recordEvent(String sharing) throws Exception {
        var builder = request(documenter, "/api/v1/events").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Beating in a temporary detention centre\", \"sharing\": \"" + sharing + "\"}"));
        var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private HttpResponse<String> upload(String token, long event, String name, String type, byte[] content, String kind,
                                        String description, Long supersedes) throws Exception {
        String boundary = "aigaq-" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        var fields = new LinkedHashMap<String, String>();
        fields.put("kind", kind);
        if (description != null) fields.put("description", description);
        if (supersedes != null) fields.put("supersedesId", String.valueOf(supersedes));
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var builder = request(token, "/api/v1/events/" + event + "/evidence")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String token, String path) throws Exception {
        return http.send(request(token, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "en")
                .header("Authorization", "Bearer " + token);
    }

    private String token(long userId) {
        return tokens.create(userId, "test").value();
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
