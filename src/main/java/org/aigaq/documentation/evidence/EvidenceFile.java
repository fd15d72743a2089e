package org.aigaq.documentation.evidence;

import java.time.Instant;

/**
 * One evidence file as the caller may see it. {@code originalName} is null for a reader who may not see identities
 * (file names often name people); {@code name} is then a neutral name made from the id.
 */
public record EvidenceFile(long id, long eventId, String kind, String name, String originalName, String contentType,
                           long sizeBytes, String sha256, String description, Long supersedesId, Long supersededById,
                           long uploadedById, String uploadedBy, Instant uploadedAt) {

    /** Not replaced by a newer file: what the export contains. */
    public boolean current() {
        return supersededById == null;
    }
}
