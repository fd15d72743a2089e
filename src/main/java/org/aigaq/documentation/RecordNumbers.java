package org.aigaq.documentation;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Readable, stable record numbers: E-2026-0001 for events, P-2026-0173 for people (the pseudonym). */
@Component
class RecordNumbers {

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    RecordNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String next(String kind) {
        return reserve(kind, 1, jdbc).getFirst();
    }

    /**
     * {@code count} consecutive numbers for an import, taken in a transaction of their own: the counter's row stays
     * locked only for an instant, not for the minutes a large import takes, so others keep recording meanwhile.
     * An import that fails leaves these numbers unused (a gap), which is the price of not blocking everyone.
     */
    List<String> reserveSeparately(String kind, int count) {
        return separately.execute(status -> reserve(kind, count, jdbc));
    }

    private static List<String> reserve(String kind, int count, JdbcClient jdbc) {
        int year = Year.now().getValue();
        int last = jdbc.sql("""
                INSERT INTO record_counter (kind, year, last) VALUES (:kind, :year, :count)
                ON CONFLICT (kind, year) DO UPDATE SET last = record_counter.last + :count
                RETURNING last
                """).param("kind", kind).param("year", year).param("count", count).query(Integer.class).single();
        var numbers = new ArrayList<String>(count);
        for (int number = last - count + 1; number <= last; number++) {
            numbers.add("%s-%d-%04d".formatted(kind, year, number));
        }
        return numbers;
    }
}
