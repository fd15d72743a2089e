package org.aigaq;

import org.aigaq.platform.cli.Command;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts Aigaq: the web application, or one of its administration commands when one is named. */
@SpringBootApplication
public class Aigaq {

    public static void main(String[] args) {
        var command = Command.named(args);
        if (command.isEmpty()) {
            SpringApplication.run(Aigaq.class, args);
            return;
        }
        var application = new SpringApplication(Aigaq.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        var profiles = new java.util.ArrayList<String>(java.util.List.of("command"));
        profiles.addAll(command.get().profiles());
        application.setAdditionalProfiles(profiles.toArray(String[]::new));
        int exitCode;
        try (ConfigurableApplicationContext context = application.run()) {
            exitCode = command.get().run(context, args);
        }
        System.exit(exitCode);
    }
}
