package org.aigaq.platform.audit;

/** Who did what an audit entry records: a user (with id), or a named system actor such as the command line. */
public record AuditActor(Long id, String name, String address) {

    public static AuditActor system(String name) {
        return new AuditActor(null, "system:" + name, null);
    }
}
