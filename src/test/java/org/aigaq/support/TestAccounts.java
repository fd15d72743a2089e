package org.aigaq.support;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.aigaq.platform.accounts.Organisations;
import org.aigaq.platform.accounts.SecondFactors;
import org.aigaq.platform.accounts.User;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUsers;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.Authentication;

/** Creates real accounts in the test database: with a known password and, when wanted, an enrolled second factor. */
@TestComponent
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger counter = new AtomicInteger();

    private final Users users;
    private final Organisations organisations;
    private final SecondFactors secondFactors;

    TestAccounts(Users users, Organisations organisations, SecondFactors secondFactors) {
        this.users = users;
        this.organisations = organisations;
        this.secondFactors = secondFactors;
    }

    /** An account and, when it has one, the secret of its second factor. */
    public record Account(User user, String secret) {
        public String username() { return user.username(); }
        public long id() { return user.id(); }
    }

    public long organisation() {
        return organisations.all().stream().filter(o -> o.name().equals("Test organisation")).findFirst()
                .orElseGet(() -> organisations.create("Test organisation", "TO")).id();
    }

    public Account create(Role role, boolean withSecondFactor) {
        String username = role.name().toLowerCase() + "-" + counter.incrementAndGet() + "-" + System.nanoTime() % 100000;
        User user = users.create(username, "Test " + role.name(), organisation(), Set.of(role), PASSWORD, false);
        String secret = null;
        if (withSecondFactor) {
            secret = secondFactors.newSecret();
            secondFactors.confirmEnrolment(user.id(), secret, codeFor(secret));
        }
        return new Account(users.get(user.id()), secret);
    }

    /** An account with a second factor in another organisation than the one {@link #create} uses. */
    public Account createElsewhere(Role role) {
        long other = organisations.all().stream().filter(o -> o.name().equals("Another test organisation")).findFirst()
                .orElseGet(() -> organisations.create("Another test organisation", "ATO")).id();
        String username = "elsewhere-" + counter.incrementAndGet() + "-" + System.nanoTime() % 100000;
        User user = users.create(username, "Elsewhere " + role.name(), other, Set.of(role), PASSWORD, false);
        String secret = secondFactors.newSecret();
        secondFactors.confirmEnrolment(user.id(), secret, codeFor(secret));
        return new Account(users.get(user.id()), secret);
    }

    /** An account with a second factor in an organisation of its own, for tests that look at a whole organisation. */
    public Account createAlone(Role role) {
        String name = "Own test organisation " + counter.incrementAndGet() + "-" + System.nanoTime() % 100000;
        long organisation = organisations.create(name, null).id();
        String username = "alone-" + counter.incrementAndGet() + "-" + System.nanoTime() % 100000;
        User user = users.create(username, "Alone " + role.name(), organisation, Set.of(role), PASSWORD, false);
        String secret = secondFactors.newSecret();
        secondFactors.confirmEnrolment(user.id(), secret, codeFor(secret));
        return new Account(users.get(user.id()), secret);
    }

    /** An account with a second factor in the given organisation, for tests that compare roles within one. */
    public Account createIn(long organisation, Role role) {
        String username = "in-" + counter.incrementAndGet() + "-" + System.nanoTime() % 100000;
        User user = users.create(username, "In " + role.name(), organisation, Set.of(role), PASSWORD, false);
        String secret = secondFactors.newSecret();
        secondFactors.confirmEnrolment(user.id(), secret, codeFor(secret));
        return new Account(users.get(user.id()), secret);
    }

    /** A code for the next time step, so that it is never one already used in the current step. */
    public String codeFor(String secret) {
        return secondFactors.codeFor(secret, Instant.now().getEpochSecond());
    }

    public String nextCodeFor(String secret) {
        return secondFactors.codeFor(secret, Instant.now().getEpochSecond() + 30);
    }

    /** The authentication of a fully signed-in session for this account, as it is in the database now. */
    public Authentication signedIn(Account account) {
        return SignedInUsers.authenticationOf(SignedInUsers.principalOf(users.get(account.id()), false));
    }
}
