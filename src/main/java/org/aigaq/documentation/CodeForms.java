package org.aigaq.documentation;

import java.util.Locale;
import java.util.Map;

/**
 * The two written forms of a place's official code ({@code AK-159/5} and {@code АК-159/5}, {@code ZhD-158/7} and
 * {@code ЖД-158/7}): one derived from the other, and the key under which both, and any mixed or lower-case typing of
 * them, are found.
 */
final class CodeForms {

    // The penal system writes its series letter for letter: Ж as Zh, У as U, and С as C (EC-166/4 for ЕС-166/4), as
    // on its own documents; Kazakh letters as their nearest Latin one.
    private static final Map<Character, String> LATIN = Map.ofEntries(
            Map.entry('А', "A"), Map.entry('Б', "B"), Map.entry('В', "V"), Map.entry('Г', "G"), Map.entry('Д', "D"),
            Map.entry('Е', "E"), Map.entry('Ё', "E"), Map.entry('Ж', "Zh"), Map.entry('З', "Z"), Map.entry('И', "I"),
            Map.entry('Й', "I"), Map.entry('К', "K"), Map.entry('Л', "L"), Map.entry('М', "M"), Map.entry('Н', "N"),
            Map.entry('О', "O"), Map.entry('П', "P"), Map.entry('Р', "R"), Map.entry('С', "C"), Map.entry('Т', "T"),
            Map.entry('У', "U"), Map.entry('Ф', "F"), Map.entry('Х', "Kh"), Map.entry('Ц', "Ts"), Map.entry('Ч', "Ch"),
            Map.entry('Ш', "Sh"), Map.entry('Щ', "Shch"), Map.entry('Ъ', ""), Map.entry('Ы', "Y"), Map.entry('Ь', ""),
            Map.entry('Э', "E"), Map.entry('Ю', "Yu"), Map.entry('Я', "Ya"), Map.entry('Ә', "A"), Map.entry('Ғ', "G"),
            Map.entry('Қ', "Q"), Map.entry('Ң', "N"), Map.entry('Ө', "O"), Map.entry('Ұ', "U"), Map.entry('Ү', "U"),
            Map.entry('Һ', "H"), Map.entry('І', "I"));

    private static final Map<String, Character> CYRILLIC_PAIRS = Map.of(
            "ZH", 'Ж', "KH", 'Х', "TS", 'Ц', "CH", 'Ч', "SH", 'Ш', "YU", 'Ю', "YA", 'Я');

    private static final Map<Character, Character> CYRILLIC = Map.ofEntries(
            Map.entry('A', 'А'), Map.entry('B', 'Б'), Map.entry('C', 'С'), Map.entry('D', 'Д'), Map.entry('E', 'Е'),
            Map.entry('F', 'Ф'), Map.entry('G', 'Г'), Map.entry('H', 'Х'), Map.entry('I', 'И'), Map.entry('J', 'Ж'),
            Map.entry('K', 'К'), Map.entry('L', 'Л'), Map.entry('M', 'М'), Map.entry('N', 'Н'), Map.entry('O', 'О'),
            Map.entry('P', 'П'), Map.entry('Q', 'Қ'), Map.entry('R', 'Р'), Map.entry('S', 'С'), Map.entry('T', 'Т'),
            Map.entry('U', 'У'), Map.entry('V', 'В'), Map.entry('W', 'В'), Map.entry('X', 'Х'), Map.entry('Y', 'Ы'),
            Map.entry('Z', 'З'));

    private CodeForms() {}

    static boolean hasCyrillic(String code) {
        return code.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }

    static boolean hasLatin(String code) {
        return code.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }

    /** The Latin form: Cyrillic letters written as the penal system writes them, the rest kept. */
    static String latin(String code) {
        var out = new StringBuilder();
        for (char c : code.toCharArray()) {
            String latin = LATIN.get(Character.toUpperCase(c));
            if (latin == null) {
                out.append(c);
            } else {
                out.append(Character.isLowerCase(c) ? latin.toLowerCase(Locale.ROOT) : latin);
            }
        }
        return out.toString();
    }

    /** The Cyrillic form: Latin letters (Zh, Kh, Ts, Ch, Sh, Yu, Ya as one letter) in Russian Cyrillic, the rest kept. */
    static String cyrillic(String code) {
        var out = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (i + 1 < code.length()) {
                Character pair = CYRILLIC_PAIRS.get(code.substring(i, i + 2).toUpperCase(Locale.ROOT));
                if (pair != null) {
                    out.append(Character.isLowerCase(c) ? Character.toLowerCase(pair) : pair);
                    i++;
                    continue;
                }
            }
            Character cyrillic = CYRILLIC.get(Character.toUpperCase(c));
            if (cyrillic == null) {
                out.append(c);
            } else {
                out.append(Character.isLowerCase(c) ? Character.toLowerCase(cyrillic) : cyrillic);
            }
        }
        return out.toString();
    }

    /**
     * The comparable key: the Latin form in upper case, keeping letters, digits and '/', with C and S as one letter
     * (the same key for EC, ЕС and ES) and J as Zh; null when nothing remains.
     */
    static String key(String code) {
        if (code == null) {
            return null;
        }
        String latin = latin(code).toUpperCase(Locale.ROOT);
        var key = new StringBuilder();
        for (char c : latin.toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/') {
                key.append(c == 'C' ? 'S' : c);
            }
        }
        // 'J' is typed for Ж as often as "Zh"; after C became S, "SH" and "ZH" stay distinct.
        String folded = key.toString().replace("J", "ZH");
        return folded.isEmpty() ? null : folded;
    }
}
