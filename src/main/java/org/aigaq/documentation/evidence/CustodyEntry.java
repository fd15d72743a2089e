package org.aigaq.documentation.evidence;

import java.time.Instant;

/** One step in the chain of custody of an evidence file: who did what with it, when and from where. */
public record CustodyEntry(long id, long evidenceId, Instant at, long userId, String user, String address, String action,
                           String detail) {}
