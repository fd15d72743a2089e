package org.aigaq.platform.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages of Aigaq's interface: English, Russian and Kazakh. */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.of("ru"), Locale.of("kk"));

    private Languages() {}

    public static Optional<Locale> supported(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(tag.strip())).findFirst();
    }
}
