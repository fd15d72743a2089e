package org.aigaq.documentation;

import java.util.List;

/**
 * A person (or a group counted as one) as the current user may see it: the identity is null when the user may not
 * see it, and the stable pseudonym stands in for the name.
 */
public record Person(long id, String pseudonym, long organisationId, Identity identity, boolean group, Integer groupSize,
                     String sex, String citizenship, List<String> characteristics, boolean deceased,
                     java.time.LocalDate dateOfDeath) {

    /** The name to show: the real one when visible, else the pseudonym. */
    public String shownName() {
        return identity != null && identity.name() != null ? identity.name() : pseudonym;
    }

    public boolean identityVisible() {
        return identity != null;
    }
}
