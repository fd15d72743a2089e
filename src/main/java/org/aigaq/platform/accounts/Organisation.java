package org.aigaq.platform.accounts;

import java.time.Instant;

/** A member of the coalition: an NGO, a lawyers' group, a monitoring body. Every user belongs to one. */
public record Organisation(long id, String name, String shortName, Instant createdAt, long users) {
}
