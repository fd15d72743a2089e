package org.aigaq.platform.cli;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;

/** An administration command run with {@code java -jar aigaq.jar <command>} on the same home or database. */
public interface Command {

    /** Runs the command; the returned number is the process's exit code. */
    int run(ConfigurableApplicationContext context, String[] args);

    /** Spring profiles the command's application context runs with, besides {@code command}. */
    default java.util.List<String> profiles() {
        return java.util.List.of();
    }

    static Optional<Command> named(String[] args) {
        String[] words = Arrays.stream(args).filter(a -> !a.startsWith("--spring") && !a.startsWith("-D")).toArray(String[]::new);
        if (words.length == 0) {
            return Optional.empty();
        }
        return switch (words[0]) {
            case "verify-audit" -> Optional.of(new VerifyAuditCommand());
            case "token" -> Optional.of(new TokenCommand());
            case "keys" -> Optional.of(new KeysCommand());
            default -> ContributedCommand.named(words[0]).map(Command.class::cast);
        };
    }
}
