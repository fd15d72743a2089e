package org.aigaq.documentation.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aigaq.documentation.CaseFiles;
import org.aigaq.platform.audit.AuditSearch;
import org.aigaq.platform.security.Role;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** Imports through the service: reading, mapping, dry run, and a run that records every row or none. */
class CaseImportsTest extends ApplicationTest {

    @Autowired CaseImports imports;
    @Autowired CaseFiles caseFiles;
    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditSearch audit;

    private TestAccounts.Account documenter;
    private String marker;

    @BeforeEach
    void signIn() {
        documenter = accounts.create(Role.DOCUMENTER, true);
        SecurityContextHolder.getContext().setAuthentication(accounts.signedIn(documenter));
        marker = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSimpleFileImportsWithRowsOfOneEventTogether() {
        String csv = """
                event_title,event_date,violation_status,victim,act_type,methods,age_at_time,perpetrator_agencies,unit
                Beating at station %1$s,2024-03-17,confirmed,Ержан Сәрсенбаев,torture,beating;electric-shock,34,police,2nd division
                Beating at station %1$s,2024-03-17,confirmed,Асель Нұрланқызы,torture,beating,29,,
                Threats %1$s,2024-04,likely,,,,,,
                """.formatted(marker);
        var job = imports.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, null, null);
        assertThat(job.format()).isEqualTo(ImportFormat.CSV);
        assertThat(job.encoding()).isEqualTo(TextEncoding.UTF_8);
        assertThat(job.separator()).isEqualTo(Separator.COMMA);
        assertThat(job.mapping().columns()).containsEntry("event_title", ImportField.EVENT_TITLE)
                .containsEntry("victim", ImportField.VICTIM_NAME).containsEntry("perpetrator_agencies", ImportField.PERPETRATOR_AGENCY);

        var dry = imports.dryRun(job.id());
        assertThat(dry.problems()).isEmpty();
        assertThat(dry.events()).isEqualTo(2);
        assertThat(dry.acts()).isEqualTo(2);
        assertThat(titles()).isEmpty();

        var outcome = imports.run(job.id());
        assertThat(outcome.events()).isEqualTo(2);
        assertThat(outcome.people()).isEqualTo(2);
        assertThat(outcome.acts()).isEqualTo(2);
        assertThat(outcome.involvements()).isEqualTo(1);
        assertThat(titles()).containsExactlyInAnyOrder("Beating at station " + marker, "Threats " + marker);
        long beating = jdbc.queryForObject("SELECT id FROM event WHERE title = ?", Long.class, "Beating at station " + marker);
        var file = caseFiles.of(beating);
        assertThat(file.event().sharing().name()).isEqualTo("ORGANISATION");
        assertThat(file.event().organisationId()).isEqualTo(documenter.user().organisationId());
        assertThat(file.acts()).hasSize(2);
        assertThat(file.acts().stream().map(a -> file.person(a.victimId()).shownName()))
                .containsExactlyInAnyOrder("Ержан Сәрсенбаев", "Асель Нұрланқызы");
        assertThat(file.involvements()).singleElement().satisfies(i -> {
            assertThat(i.agency()).isEqualTo("police");
            assertThat(i.unit()).isEqualTo("2nd division");
            assertThat(i.degree()).isEqualTo("unknown");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person WHERE identity::text LIKE '%Ержан%'", Long.class)).isZero();
        assertThat(imports.get(job.id()).status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(imports.get(job.id()).fileKept()).isFalse();
    }

    private List<String> titles() {
        return jdbc.queryForList("SELECT title FROM event WHERE title LIKE ?", String.class, "%" + marker + "%");
    }
}
