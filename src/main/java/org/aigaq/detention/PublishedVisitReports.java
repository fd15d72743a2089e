package org.aigaq.detention;

import java.time.LocalDate;
import org.aigaq.documentation.Place;
import org.aigaq.documentation.Places;
import org.aigaq.platform.NoSuchRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The visit reports the coalition chose to publish, for everyone: a report not published is "not found". */
@Service
public class PublishedVisitReports {

    private final JdbcClient jdbc;
    private final Places places;

    PublishedVisitReports(JdbcClient jdbc, Places places) {
        this.jdbc = jdbc;
        this.places = places;
    }

    public PublishedVisitReport get(long visitId) {
        record Row(long placeId, String body, String visitType, LocalDate startedOn, LocalDate endedOn,
                   LocalDate publishedOn, String reference) {}
        Row row = jdbc.sql("""
                SELECT place_id, body, visit_type, coalesce(started_on, planned_from), coalesce(ended_on, planned_to),
                       report_published_on, report_reference
                FROM visit WHERE id = :id AND report_public AND report_published_on IS NOT NULL
                """).param("id", visitId).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getString(7))).optional().orElseThrow(() -> new NoSuchRecord("visit-report", visitId));
        Place place = places.get(row.placeId());
        var findings = jdbc.sql("SELECT theme, text FROM visit_finding WHERE visit_id = :id ORDER BY id").param("id", visitId)
                .query((rs, n) -> new PublishedVisitReport.Theme(rs.getString(1), rs.getString(2))).list();
        var recommendations = jdbc.sql("""
                SELECT authority, text, made_on, response_due_on, status FROM monitors_recommendation
                WHERE visit_id = :id AND published ORDER BY id
                """).param("id", visitId).query((rs, n) -> new PublishedVisitReport.Recommendation(rs.getString(1),
                        rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        FollowUpStatus.valueOf(rs.getString(5)))).list();
        return new PublishedVisitReport(visitId, place.name(), place.officialCode(), place.locationType(), place.region(),
                place.town(), row.body(), row.visitType(), row.startedOn(), row.endedOn(), row.publishedOn(),
                row.reference(), findings, recommendations);
    }
}
