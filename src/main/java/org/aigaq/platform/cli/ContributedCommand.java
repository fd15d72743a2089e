package org.aigaq.platform.cli;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A command that a capability brings (the platform cannot name it): listed in
 * {@code META-INF/services/org.aigaq.platform.cli.ContributedCommand}, found by its name, run like the others.
 */
public interface ContributedCommand extends Command {

    /** The word that names the command on the command line. */
    String name();

    static Optional<ContributedCommand> named(String word) {
        return ServiceLoader.load(ContributedCommand.class).stream().map(ServiceLoader.Provider::get)
                .filter(c -> c.name().equals(word)).findFirst();
    }
}
