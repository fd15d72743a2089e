package org.aigaq.documentation;

import java.util.List;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.security.SignedInUsers;
import org.aigaq.platform.vocabulary.Term;
import org.aigaq.platform.vocabulary.Vocabularies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code AIGAQ_DEMO=true}, records invented cases (from {@link SyntheticCases}) on a database that has none, as
 * the demo documenter would, through the same services and audit trail as a real user.
 */
@Component
@Profile("!command")
@Order(3)
class DocumentationDemo implements ApplicationRunner {

    static final int CASES = 40;

    private final boolean enabled;
    private final Users users;
    private final Events events;
    private final People people;
    private final Acts acts;
    private final CaseRecords records;
    private final Vocabularies vocabularies;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DocumentationDemo(@Value("${aigaq.demo:false}") boolean enabled, Users users, Events events, People people, Acts acts,
                      CaseRecords records, Vocabularies vocabularies, JdbcClient jdbc, TransactionTemplate transaction) {
        this.enabled = enabled;
        this.users = users;
        this.events = events;
        this.people = people;
        this.acts = acts;
        this.records = records;
        this.vocabularies = vocabularies;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        var documenter = users.findByUsername("demo-documenter");
        boolean empty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM event)").query(Boolean.class).single();
        if (!enabled || documenter.isEmpty() || !empty) {
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SignedInUsers.authenticationOf(SignedInUsers.principalOf(documenter.get(), false)));
        SecurityContextHolder.setContext(context);
        try {
            transaction.executeWithoutResult(status -> record(new SyntheticCases(2026)));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void record(SyntheticCases synthetic) {
        List<String> methods = vocabularies.terms("method").stream().filter(t -> t.parentCode() != null).map(Term::code).toList();
        String degree = vocabularies.terms("involvement-degree").getFirst().code();
        List<String> agencies = vocabularies.terms("agency").stream().map(Term::code).toList();
        for (int i = 0; i < CASES; i++) {
            Sharing sharing = i % 5 == 0 ? Sharing.PUBLIC : i % 2 == 0 ? Sharing.COALITION : Sharing.ORGANISATION;
            EventDraft draft = synthetic.event(sharing);
            Event event = events.record(draft);
            int victims = 1 + (i % 3 == 0 ? 1 : 0);
            for (int v = 0; v < victims; v++) {
                Person victim = people.record(synthetic.person());
                Act act = acts.add(event.id(), synthetic.act(victim.id(), draft, methods));
                records.addInvolvement(act.id(), new CaseRecords.InvolvementDraft(null, null,
                        agencies.get(i % agencies.size()), "District police department", "investigator", null, degree, null));
            }
        }
    }
}
