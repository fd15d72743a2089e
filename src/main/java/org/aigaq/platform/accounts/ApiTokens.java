package org.aigaq.platform.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aigaq.platform.audit.AuditActor;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for scripts and integrations: a token acts with its user's roles and nothing more.
 * Only the SHA-256 of a token is stored; the token itself is shown once.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "aigaq_";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ApiTokens(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A token just created: its record and the secret value, which is never shown again. */
    public record Created(ApiToken token, String value) {}

    /** A token presented on a request, and whose it is. */
    public record Holder(long tokenId, long userId) {}

    public List<ApiToken> of(long userId) {
        return jdbc.sql("""
                SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_token
                WHERE user_id = :userId ORDER BY revoked_at IS NOT NULL, created_at DESC
                """).param("userId", userId).query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"),
                rs.getString("prefix"), Users.instant(rs, "created_at"), Users.instant(rs, "last_used_at"),
                Users.instant(rs, "revoked_at"))).list();
    }

    @Transactional
    public Created create(long userId, String name) {
        return create(userId, name, null);
    }

    /** Creates a token; {@code actor} names who did it when that is not the signed-in user (the command line). */
    @Transactional
    public Created create(long userId, String name, AuditActor actor) {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "validation.required");
        }
        if (name.strip().length() > 100) {
            throw new InvalidInput("name", "validation.too-long", 100);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String prefix = value.substring(0, PREFIX.length() + 6);
        long id = jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, prefix) VALUES (:userId, :name, :hash, :prefix) RETURNING id")
                .param("userId", userId).param("name", name.strip()).param("hash", SecondFactors.sha256(value))
                .param("prefix", prefix).query(Long.class).single();
        var summary = Map.of("name", name.strip(), "owner", userId, "prefix", prefix);
        if (actor == null) {
            audit.record("api-token.created", "api-token", id, summary);
        } else {
            audit.recordAs(actor, "api-token.created", "api-token", id, summary);
        }
        var token = of(userId).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
        return new Created(token, value);
    }

    /** Revokes one of the user's own tokens; another user's token is as unknown as a missing one. */
    @Transactional
    public void revoke(long userId, long tokenId) {
        int changed = jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE id = :id AND user_id = :userId AND revoked_at IS NULL")
                .param("id", tokenId).param("userId", userId).update();
        if (changed == 0) {
            throw new NoSuchRecord("api-token", tokenId);
        }
        audit.record("api-token.revoked", "api-token", tokenId, Map.of());
    }

    /** The active token with this value whose user is enabled, if any. */
    public Optional<Holder> holderOf(String value) {
        if (value == null || !value.startsWith(PREFIX) || value.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT t.id, t.user_id FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND u.enabled
                """).param("hash", SecondFactors.sha256(value))
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getLong(2))).optional();
    }

    /** Records a use of a token: when it was last used, and an audit entry naming the route. */
    @Transactional
    public void used(Holder holder, String method, String path) {
        jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = :id").param("id", holder.tokenId()).update();
        audit.record("api-token.used", "api-token", holder.tokenId(), Map.of("method", method, "path", path));
    }
}
