package org.aigaq.documentation;

import java.time.Year;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Readable, stable record numbers: E-2026-0001 for events, P-2026-0173 for people (the pseudonym). */
@Component
class RecordNumbers {

    private final JdbcClient jdbc;

    RecordNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(String kind) {
        int year = Year.now().getValue();
        int number = jdbc.sql("""
                INSERT INTO record_counter (kind, year, last) VALUES (:kind, :year, 1)
                ON CONFLICT (kind, year) DO UPDATE SET last = record_counter.last + 1
                RETURNING last
                """).param("kind", kind).param("year", year).query(Integer.class).single();
        return "%s-%d-%04d".formatted(kind, year, number);
    }
}
