package org.aigaq.documentation;

import java.util.Collection;
import java.util.List;

/**
 * Published, inside the writing transaction, whenever a write changes what is searchable about some cases, so that
 * their search rows are recomputed before the transaction commits (see {@code search.SearchIndex}).
 */
public record CasesChanged(Collection<Long> eventIds) {

    public CasesChanged {
        eventIds = List.copyOf(eventIds);
    }

    public static CasesChanged of(long eventId) {
        return new CasesChanged(List.of(eventId));
    }
}
