package org.aigaq.documentation;

/** Who beyond the owning organisation may see a case. */
public enum Sharing {
    /** Only the owning organisation (and users given access to the case). */
    ORGANISATION,
    /** Every member organisation of the coalition, with identities pseudonymised. */
    COALITION,
    /** Published: anyone signed in, anonymised. */
    PUBLIC;

    public String messageKey() {
        return "sharing." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
