package org.aigaq.documentation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, builds the name tokens of people who have none (recorded before the tokens existed, or after a new key),
 * in the background and a batch at a time, so that a large database does not hold the start back; until it is done
 * the search does not find those people yet.
 */
@Component
@Profile("!command")
class PersonNameCatchUp {

    private static final Logger log = LoggerFactory.getLogger(PersonNameCatchUp.class);

    private final PersonNameIndex index;

    PersonNameCatchUp(PersonNameIndex index) {
        this.index = index;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread.ofVirtual().name("person-name-tokens").start(() -> {
            try {
                index.catchUp();
            } catch (RuntimeException e) {
                log.error("Name search tokens could not be built; they will be tried again at the next start", e);
            }
        });
    }
}
