package org.aigaq.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.aigaq.Aigaq;
import org.aigaq.documentation.Identity;
import org.aigaq.documentation.People;
import org.aigaq.documentation.PersonDraft;
import org.aigaq.documentation.PersonSearch;
import org.aigaq.platform.accounts.Organisations;
import org.aigaq.platform.accounts.SecondFactors;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.encryption.FieldEncryption;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Key rotation as an operator does it: data encrypted under the first key, {@code keys rotate} adds a new primary key,
 * {@code keys re-encrypt} moves every value to it, and everything still decrypts. A keyset can also come from
 * AIGAQ_FIELD_KEYSET instead of the keys folder. {@code keys rotate-name-key} gives the name search a new key and
 * rebuilds its tokens, and the search still finds.
 */
class KeyRotationTest {

    @TempDir Path home;

    @Test
    void rotateThenReEncryptMovesEveryValueToTheNewKey() throws Exception {
        long personId;
        long userId;
        String secret;
        int firstKey;
        try (var context = start()) {
            var users = context.getBean(Users.class);
            var organisation = context.getBean(Organisations.class).create("Rotation test", null);
            var documenter = users.create("rotation-doc", "Doc", organisation.id(), Set.of(Role.DOCUMENTER), "long enough password", false);
            userId = documenter.id();
            var secondFactors = context.getBean(SecondFactors.class);
            secret = secondFactors.newSecret();
            secondFactors.confirmEnrolment(userId, secret, secondFactors.codeFor(secret, System.currentTimeMillis() / 1000));
            var securityContext = SecurityContextHolder.createEmptyContext();
            securityContext.setAuthentication(SignedInUsers.authenticationOf(SignedInUsers.principalOf(users.get(userId), false)));
            SecurityContextHolder.setContext(securityContext);
            try {
                personId = context.getBean(People.class).record(new PersonDraft(new Identity("Айнұр Ротацияқызы", List.of(),
                        null, null, null), false, null, null, null, List.of(), false, null)).id();
            } finally {
                SecurityContextHolder.clearContext();
            }
            firstKey = context.getBean(FieldEncryption.class).primaryKeyId();
            assertThat(keyOf(context, "SELECT identity FROM person WHERE id = " + personId)).isEqualTo(firstKey);
        }

        int newKey = FieldEncryption.rotate(home);
        assertThat(newKey).isNotEqualTo(firstKey);

        try (var context = start()) {
            assertThat(context.getBean(FieldEncryption.class).primaryKeyId()).isEqualTo(newKey);
            var out = new java.io.ByteArrayOutputStream();
            var previous = System.out;
            System.setOut(new java.io.PrintStream(out, true));
            int exit;
            try {
                exit = new KeysCommand().run(context, new String[] {"keys", "re-encrypt"});
            } finally {
                System.setOut(previous);
            }
            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString()).contains("person.identity").contains("app_user.totp_secret")
                    .contains("person_merge.kept_identity").contains("visit_team_member.outside_name")
                    .contains("evidence_file.original_name");
            assertThat(keyOf(context, "SELECT identity FROM person WHERE id = " + personId)).isEqualTo(newKey);
            assertThat(keyOf(context, "SELECT totp_secret FROM app_user WHERE id = " + userId)).isEqualTo(newKey);
            // Still decrypts: the second factor works with the re-encrypted secret.
            var secondFactors = context.getBean(SecondFactors.class);
            assertThat(secondFactors.verify(userId, secondFactors.codeFor(secret, System.currentTimeMillis() / 1000 + 30))).isTrue();
        }
    }

    @Test
    void rotatingTheNameKeyRebuildsEveryTokenAndTheSearchStillFinds() throws Exception {
        long personId;
        long userId;
        String before;
        try (var context = start()) {
            var users = context.getBean(Users.class);
            var organisation = context.getBean(Organisations.class).create("Name key test", null);
            userId = users.create("name-key-doc", "Doc", organisation.id(), Set.of(Role.DOCUMENTER), "long enough password", false).id();
            signIn(users, userId);
            try {
                personId = context.getBean(People.class).record(new PersonDraft(new Identity("Жанар Серікқызы Тоқтарова",
                        List.of(), null, null, null), false, null, null, null, List.of(), false, null)).id();
            } finally {
                SecurityContextHolder.clearContext();
            }
            var jdbc = context.getBean(JdbcTemplate.class);
            List<Long> tokensBefore = jdbc.queryForList("SELECT unnest(tokens) FROM person_name_tokens WHERE person_id = ?",
                    Long.class, personId);
            before = java.nio.file.Files.readString(home.resolve("keys/name-token-keyset.json"));
            var out = new java.io.ByteArrayOutputStream();
            var previous = System.out;
            System.setOut(new java.io.PrintStream(out, true));
            int exit;
            try {
                exit = new KeysCommand().run(context, new String[] {"keys", "rotate-name-key"});
            } finally {
                System.setOut(previous);
            }
            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString()).contains("person names");
            assertThat(java.nio.file.Files.readString(home.resolve("keys/name-token-keyset.json"))).isNotEqualTo(before);
            var tokensAfter = jdbc.queryForList("SELECT unnest(tokens) FROM person_name_tokens WHERE person_id = ?",
                    Long.class, personId);
            assertThat(tokensAfter).hasSameSizeAs(tokensBefore).doesNotContainAnyElementsOf(tokensBefore);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'keys.name-tokens-rebuilt'",
                    Integer.class)).isEqualTo(1);
        }
        try (var context = start()) {
            signIn(context.getBean(Users.class), userId);
            try {
                var found = context.getBean(PersonSearch.class).find("Toktarova Zhanar", 5);
                assertThat(found).extracting(f -> f.person().id()).contains(personId);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    private static void signIn(Users users, long userId) {
        var securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(SignedInUsers.authenticationOf(SignedInUsers.principalOf(users.get(userId), false)));
        SecurityContextHolder.setContext(securityContext);
    }

    @Test
    void aKeysetGivenByTheEnvironmentIsUsedInsteadOfTheFile() throws Exception {
        AeadConfig.register();
        var keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        try (var context = new SpringApplicationBuilder(Aigaq.class).run("--aigaq.home=" + home, "--server.port=0",
                "--aigaq.admin.password=a long enough password", "--aigaq.keys.field-keyset=" + json)) {
            assertThat(context.getBean(FieldEncryption.class).primaryKeyId()).isEqualTo(keyset.getPrimary().getId());
            assertThat(home.resolve("keys/field-keyset.json")).doesNotExist();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Aigaq.class).run("--aigaq.home=" + home, "--server.port=0",
                "--aigaq.admin.password=a long enough password");
    }

    private static int keyOf(ConfigurableApplicationContext context, String sql) {
        byte[] value = context.getBean(JdbcTemplate.class).queryForObject(sql, byte[].class);
        return FieldEncryption.keyIdOf(value);
    }
}
