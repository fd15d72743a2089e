package org.aigaq.platform.tabular;

import java.util.Locale;

/** What separates the values of a CSV row. */
public enum Separator {
    COMMA(','), SEMICOLON(';'), TAB('\t');

    private final char character;

    Separator(char character) {
        this.character = character;
    }

    public char character() {
        return character;
    }

    public String messageKey() {
        return "exchange.separator." + name().toLowerCase(Locale.ROOT);
    }
}
