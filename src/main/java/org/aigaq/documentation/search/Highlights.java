package org.aigaq.documentation.search;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns text marked by {@code ts_headline} into safe HTML. The database marks matched words with two control
 * characters (removed from the text beforehand), never with tags: its output is the stored text, which may hold
 * anything, so it is escaped first and only the markers become {@code <mark>}.
 */
final class Highlights {

    static final char START = '\u0002';
    static final char STOP = '\u0003';
    /** The ts_headline options that mark with {@link #START} and {@link #STOP}. */
    static final String MARKERS = "StartSel=" + START + ", StopSel=" + STOP;

    private Highlights() {}

    static String html(String marked) {
        if (marked == null) return null;
        return HtmlUtils.htmlEscape(marked).replace(String.valueOf(START), "<mark>").replace(String.valueOf(STOP), "</mark>");
    }
}
