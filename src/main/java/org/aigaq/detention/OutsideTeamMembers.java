package org.aigaq.detention;

import org.aigaq.platform.encryption.BatchedEncryptedColumn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The encrypted names of visit team members from outside the organisation, for key rotation. */
@Component
class OutsideTeamMembers extends BatchedEncryptedColumn {

    static final String PLACE = "visit_team_member.outside_name:";

    OutsideTeamMembers(JdbcClient jdbc) {
        super(jdbc, "visit_team_member", "outside_name", "id");
    }
}
