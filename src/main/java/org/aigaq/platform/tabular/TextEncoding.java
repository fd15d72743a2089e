package org.aigaq.platform.tabular;

import java.nio.charset.Charset;
import java.util.Locale;

/** The encodings a CSV file may be in: UTF-8 (with or without byte-order mark) or one of two legacy encodings. */
public enum TextEncoding {
    UTF_8("UTF-8", "UTF-8"),
    /** Cyrillic files saved by older Russian and Kazakh Windows programs, Excel above all. */
    WINDOWS_1251("windows-1251", "Windows-1251"),
    /** Latin files saved by older Mac programs. */
    MAC_ROMAN("x-MacRoman", "Mac Roman");

    private final String charsetName;
    private final String displayName;

    TextEncoding(String charsetName, String displayName) {
        this.charsetName = charsetName;
        this.displayName = displayName;
    }

    /** The encoding's usual name, the same in every language. */
    public String displayName() {
        return displayName;
    }

    public Charset charset() {
        return Charset.forName(charsetName);
    }

    public String messageKey() {
        return "exchange.encoding." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
