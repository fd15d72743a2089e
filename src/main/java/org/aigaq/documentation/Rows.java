package org.aigaq.documentation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Reading the column types the documentation tables share. */
final class Rows {

    private Rows() {}

    static FuzzyDate date(ResultSet rs, String column, String precisionColumn) throws SQLException {
        String precision = rs.getString(precisionColumn);
        return new FuzzyDate(rs.getObject(column, LocalDate.class), precision == null ? null : DatePrecision.valueOf(precision));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Long optionalLong(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Long.class);
    }

    static Integer optionalInt(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Integer.class);
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
