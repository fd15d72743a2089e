package org.aigaq.detention;

import java.util.List;

/** What the monitors found on one theme during a visit, and the allegations (cases) it led to that the reader may see. */
public record Finding(long id, long visitId, String theme, String text, List<LinkedAllegation> allegations) {

    /** What a monitor enters to record a finding. */
    public record Draft(String theme, String text) {}

    /** A case opened from, or linked to, the finding, shown only to those who may read the case. */
    public record LinkedAllegation(long eventId, String recordNumber, String title) {}

    /** Links an existing case ({@code eventId}) or opens a new one with this title. */
    public record AllegationLink(Long eventId, String title) {}
}
