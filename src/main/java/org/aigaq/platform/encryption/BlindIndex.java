package org.aigaq.platform.encryption;

/**
 * Keyed search tokens kept by a capability (people's names for the person search), declared so that a new
 * {@link SearchTokenKey} can rebuild them without the platform knowing the capabilities' tables.
 */
public interface BlindIndex {

    /** What the tokens index, for reports. */
    String name();

    /** Drops every token and builds them all again with {@code key}, in the caller's transaction; returns how many records. */
    int rebuild(SearchTokenKey key);
}
