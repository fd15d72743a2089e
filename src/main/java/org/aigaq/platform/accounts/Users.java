package org.aigaq.platform.accounts;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts of the people who use Aigaq, and what an administrator does to them. */
@Service
public class Users {

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 128;
    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.organisation_id, o.name AS organisation_name, u.roles,
                   u.enabled, u.must_change_password, u.locale, u.failed_attempts, u.locked_until,
                   u.totp_enabled_at IS NOT NULL AS second_factor, u.security_stamp, u.created_at, u.last_sign_in_at
            FROM app_user u JOIN organisation o ON o.id = u.organisation_id
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final PasswordEncoder passwords;
    private final Organisations organisations;

    Users(JdbcClient jdbc, AuditTrail audit, PasswordEncoder passwords, Organisations organisations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.passwords = passwords;
        this.organisations = organisations;
    }

    public List<User> all() {
        return jdbc.sql(SELECT + " ORDER BY u.username").query(Users::row).list();
    }

    public Optional<User> find(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(Users::row).optional();
    }

    public User get(long id) {
        return find(id).orElseThrow(() -> new NoSuchRecord("user", id));
    }

    public Optional<User> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE u.username = :username").param("username", normalise(username))
                .query(Users::row).optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM app_user)").query(Boolean.class).single();
    }

    /** Creates an account; the user will have to choose a new password at first sign-in when {@code temporary}. */
    @Transactional
    public User create(String username, String displayName, long organisationId, Set<Role> roles, String password,
                       boolean temporary) {
        String name = normalise(username);
        if (!name.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new InvalidInput("username", "user.username.invalid");
        }
        if (findByUsername(name).isPresent()) {
            throw new InvalidInput("username", "user.username.taken");
        }
        requireRoles(roles);
        organisations.find(organisationId).orElseThrow(() -> new InvalidInput("organisationId", "user.organisation.unknown"));
        requireStrong(password, "password");
        long id = jdbc.sql("""
                INSERT INTO app_user (username, display_name, organisation_id, roles, password_hash, must_change_password)
                VALUES (:username, :displayName, :organisationId, :roles, :hash, :temporary) RETURNING id
                """)
                .param("username", name).param("displayName", displayName.strip())
                .param("organisationId", organisationId).param("roles", roleNames(roles))
                .param("hash", passwords.encode(password)).param("temporary", temporary)
                .query(Long.class).single();
        audit.record("user.created", "user", id, describe(get(id)));
        return get(id);
    }

    /** Changes what an administrator decides about an account: name, organisation, roles. */
    @Transactional
    public User change(long id, String displayName, long organisationId, Set<Role> roles) {
        User before = get(id);
        requireRoles(roles);
        organisations.find(organisationId).orElseThrow(() -> new InvalidInput("organisationId", "user.organisation.unknown"));
        jdbc.sql("""
                UPDATE app_user SET display_name = :displayName, organisation_id = :organisationId, roles = :roles
                WHERE id = :id
                """)
                .param("displayName", displayName.strip()).param("organisationId", organisationId)
                .param("roles", roleNames(roles)).param("id", id).update();
        User after = get(id);
        audit.record("user.changed", "user", id, Map.of("before", describe(before), "after", describe(after)));
        return after;
    }

    @Transactional
    public void disable(long id) {
        get(id);
        jdbc.sql("UPDATE app_user SET enabled = false, security_stamp = gen_random_uuid() WHERE id = :id").param("id", id).update();
        audit.record("user.disabled", "user", id, Map.of());
    }

    @Transactional
    public void enable(long id) {
        get(id);
        jdbc.sql("UPDATE app_user SET enabled = true, failed_attempts = 0, locked_until = NULL WHERE id = :id")
                .param("id", id).update();
        audit.record("user.enabled", "user", id, Map.of());
    }

    /** Sets a random temporary password, returned once; the user must replace it at the next sign-in. */
    @Transactional
    public String resetPassword(long id) {
        get(id);
        String temporary = temporaryPassword();
        jdbc.sql("""
                UPDATE app_user SET password_hash = :hash, must_change_password = true, failed_attempts = 0,
                       locked_until = NULL, security_stamp = gen_random_uuid() WHERE id = :id
                """).param("hash", passwords.encode(temporary)).param("id", id).update();
        audit.record("user.password-reset", "user", id, Map.of());
        return temporary;
    }

    /** The user's own change of password, which needs the current one (except at a required change). */
    @Transactional
    public void changeOwnPassword(long id, String current, String replacement, boolean currentRequired) {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", id).query(String.class).single();
        if (currentRequired && (current == null || !passwords.matches(current, hash))) {
            throw new InvalidInput("currentPassword", "password.current.wrong");
        }
        requireStrong(replacement, "newPassword");
        if (passwords.matches(replacement, hash)) {
            throw new InvalidInput("newPassword", "password.new.same");
        }
        jdbc.sql("""
                UPDATE app_user SET password_hash = :hash, must_change_password = false, security_stamp = gen_random_uuid()
                WHERE id = :id
                """).param("hash", passwords.encode(replacement)).param("id", id).update();
        audit.record("user.password-changed", "user", id, Map.of());
    }

    @Transactional
    public void chooseLanguage(long id, String locale) {
        jdbc.sql("UPDATE app_user SET locale = :locale WHERE id = :id").param("locale", locale).param("id", id).update();
        audit.record("user.language-chosen", "user", id, Map.of("locale", locale));
    }

    static void requireStrong(String password, String field) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput(field, "password.too-short", MIN_PASSWORD_LENGTH);
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInput(field, "password.too-long", MAX_PASSWORD_LENGTH);
        }
    }

    private static void requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInput("roles", "user.roles.empty");
        }
    }

    /** A random password for an administrator to hand over; the user must replace it at first sign-in. */
    public static String temporaryPassword() {
        final String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) password.append('-');
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String[] roleNames(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toArray(String[]::new);
    }

    private static Map<String, Object> describe(User user) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("username", user.username());
        summary.put("displayName", user.displayName());
        summary.put("organisationId", user.organisationId());
        summary.put("roles", new TreeSet<>(user.roles().stream().map(Role::name).toList()));
        return summary;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static User row(ResultSet rs, int n) throws SQLException {
        var roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf).forEach(roles::add);
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getLong("organisation_id"), rs.getString("organisation_name"), Set.copyOf(roles),
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getString("locale"),
                rs.getInt("failed_attempts"), instant(rs, "locked_until"), rs.getBoolean("second_factor"),
                rs.getObject("security_stamp", UUID.class), instant(rs, "created_at"), instant(rs, "last_sign_in_at"));
    }
}
