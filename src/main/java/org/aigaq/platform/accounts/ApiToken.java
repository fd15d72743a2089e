package org.aigaq.platform.accounts;

import java.time.Instant;

/** A personal API token as its owner sees it: never the token itself, which is shown once at creation. */
public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
