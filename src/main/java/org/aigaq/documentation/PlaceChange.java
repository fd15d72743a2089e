package org.aigaq.documentation;

/** What happened to a place in the world, as recorded in its history. */
public enum PlaceChange {
    /** Given a new name; the earlier one stays in the history. */
    RENAMED,
    /** Moved to another authority (ministry or agency). */
    TRANSFERRED,
    /** Given a new official code. */
    CODE_CHANGED,
    CLOSED,
    REOPENED;

    public String messageKey() {
        return "documentation.place.change." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
