package org.aigaq.platform.cli;

import java.util.List;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.audit.AuditActor;
import org.aigaq.platform.InvalidInput;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code token create --user NAME [--name LABEL]}: creates a personal API token for a user and prints it once. */
final class TokenCommand implements Command {

    @Override
    public int run(ConfigurableApplicationContext context, String[] args) {
        List<String> words = List.of(args);
        String user = valueAfter(words, "--user");
        if (words.size() < 2 || !"create".equals(words.get(1)) || user == null) {
            System.err.println("usage: java -jar aigaq.jar token create --user NAME [--name LABEL]");
            return 2;
        }
        String name = valueAfter(words, "--name");
        var found = context.getBean(Users.class).findByUsername(user);
        if (found.isEmpty() || !found.get().enabled()) {
            System.err.println("No enabled user named '" + user + "'.");
            return 1;
        }
        try {
            var created = context.getBean(ApiTokens.class).create(found.get().id(),
                    name == null ? "created on the command line" : name, AuditActor.system("cli"));
            System.out.println(created.value());
            return 0;
        } catch (InvalidInput invalid) {
            System.err.println("The token could not be created: " + invalid.getMessage());
            return 1;
        }
    }

    private static String valueAfter(List<String> words, String option) {
        int at = words.indexOf(option);
        return at >= 0 && at + 1 < words.size() ? words.get(at + 1) : null;
    }
}
