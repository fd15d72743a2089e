package org.aigaq.justice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, computes the funnel's summaries of cases that have none or an older one (recorded before the funnel
 * existed, or before a change of its computation), in the background so that a large database does not hold the
 * start back; until it is done the funnel leaves those cases out.
 */
@Component
@Profile("!command")
class AttritionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(AttritionCatchUp.class);

    private final AttritionSummaries summaries;

    AttritionCatchUp(AttritionSummaries summaries) {
        this.summaries = summaries;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread.ofVirtual().name("attrition-summaries").start(() -> {
            try {
                summaries.catchUp();
            } catch (RuntimeException e) {
                log.error("The funnel's summaries could not be computed; they will be tried again at the next start", e);
            }
        });
    }
}
