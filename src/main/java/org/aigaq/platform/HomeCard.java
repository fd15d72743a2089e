package org.aigaq.platform;

import java.util.Optional;
import org.aigaq.platform.security.SignedInUser;

/**
 * A card that a capability puts on the home page: what waits for the signed-in user there, and where to begin.
 * The platform knows no capability; each one contributes its card as a bean.
 */
public interface HomeCard {

    /** Where the card stands on the page, lower first. */
    int order();

    /** The template holding the fragment {@code card(data)} that draws the card. */
    String template();

    /** What the card shows to this user, or empty when it has nothing for them (their roles). */
    Optional<?> data(SignedInUser user);
}
