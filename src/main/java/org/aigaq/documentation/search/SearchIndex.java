package org.aigaq.documentation.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.aigaq.documentation.CasesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The search rows of cases ({@code event_search}), recomputed in SQL from the documentation tables by the
 * database function {@code refresh_event_search} (V9), in the transaction of the write that changed them.
 */
@Service
public class SearchIndex {

    /** Events recomputed per statement: large enough for bulk loads, small enough to keep each statement short. */
    static final int BATCH = 1000;

    private final JdbcClient jdbc;

    SearchIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes the rows of these events (and removes the rows of events that no longer exist). */
    public void refresh(Collection<Long> eventIds) {
        List<Long> ids = new ArrayList<>(eventIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            Long[] batch = ids.subList(from, Math.min(ids.size(), from + BATCH)).toArray(Long[]::new);
            jdbc.sql("SELECT refresh_event_search(CAST(:ids AS bigint[]))").param("ids", batch).query().listOfRows();
        }
    }

    /** Runs synchronously inside the publishing transaction: the rows commit, or roll back, with the change. */
    @EventListener
    @org.springframework.core.annotation.Order(0) // before the listeners that read the search rows of the same change
    void on(CasesChanged changed) {
        refresh(changed.eventIds());
    }
}
