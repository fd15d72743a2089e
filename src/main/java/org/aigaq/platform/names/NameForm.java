package org.aigaq.platform.names;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name as recorded, turned into comparable parts. Cyrillic (Kazakh or Russian) becomes Latin with ICU's
 * {@code Kazakh-Latin/BGN; Latin-ASCII}, then every spelling the coalition meets is folded onto one skeleton:
 * Dzh/Zh/J, Kh/H, Q/K, Sh/Ş/S, Ch/Ts, Gh/G, doubled letters, and the vowels in three classes (a/e/ä, o/u/ö/ü,
 * i/y/ı), Y or I before a vowel left out and a run of vowels counting as its last one (Yerlan and Erlan, Aidar and
 * Aydar, Yuriy and Iurii, Aliya and Aliia).
 * The endings -ov/-ev/-in, -ova/-eva/-ina, -ovich/-ovna, -uly/-kyzy (also written apart: "Серік ұлы") are taken
 * off the part and kept as its {@link Derivation}. A part of one letter, or of up to three followed by a full stop
 * (Zh.), is an initial. Parts without letters (numbers) are left out.
 */
public record NameForm(List<NamePart> parts) {

    private static final Pattern WORD = Pattern.compile("\\p{L}+(\\.)?");
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Kazakh-Latin/BGN; Latin-ASCII"));

    /** Spellings folded together, longest first so that "shch" is not read as "sh" + "ch". */
    private static final String[][] SPELLINGS = {
            {"shch", "s"}, {"sch", "s"}, {"dzh", "j"}, {"tch", "c"}, {"zh", "j"}, {"dj", "j"}, {"kh", "h"}, {"gh", "g"},
            {"ch", "c"}, {"sh", "s"}, {"ts", "c"}, {"tz", "c"}, {"ph", "f"}, {"ck", "k"}, {"q", "k"}, {"x", "h"},
            {"w", "v"}};

    /** Endings that derive a surname or a patronymic, with the sex they mark and the shortest stem they leave. */
    private record Ending(String text, Derivation derivation, int shortestStem) {}

    private static final List<Ending> ENDINGS = List.of(
            new Ending("kyzy", Derivation.FEMALE_PATRONYMIC, 3), new Ending("kizi", Derivation.FEMALE_PATRONYMIC, 3),
            new Ending("kyzi", Derivation.FEMALE_PATRONYMIC, 3), new Ending("kizy", Derivation.FEMALE_PATRONYMIC, 3),
            new Ending("gyzy", Derivation.FEMALE_PATRONYMIC, 3), new Ending("skaya", Derivation.FEMALE_SURNAME, 3),
            new Ending("skaia", Derivation.FEMALE_SURNAME, 3), new Ending("ovna", Derivation.FEMALE_PATRONYMIC, 3),
            new Ending("evna", Derivation.FEMALE_PATRONYMIC, 3), new Ending("ova", Derivation.FEMALE_SURNAME, 3),
            new Ending("eva", Derivation.FEMALE_SURNAME, 3), new Ending("ina", Derivation.FEMALE_SURNAME, 4),
            new Ending("ovic", Derivation.MALE_PATRONYMIC, 3), new Ending("evic", Derivation.MALE_PATRONYMIC, 3),
            new Ending("ugly", Derivation.MALE_PATRONYMIC, 3), new Ending("ogly", Derivation.MALE_PATRONYMIC, 3),
            new Ending("oglu", Derivation.MALE_PATRONYMIC, 3), new Ending("skiy", Derivation.MALE_SURNAME, 3),
            new Ending("skii", Derivation.MALE_SURNAME, 3), new Ending("uly", Derivation.MALE_PATRONYMIC, 3),
            new Ending("uli", Derivation.MALE_PATRONYMIC, 3), new Ending("ulu", Derivation.MALE_PATRONYMIC, 3),
            new Ending("sky", Derivation.MALE_SURNAME, 3), new Ending("ov", Derivation.MALE_SURNAME, 3),
            new Ending("ev", Derivation.MALE_SURNAME, 3), new Ending("in", Derivation.MALE_SURNAME, 4));

    /** "ұлы" and "қызы" written as words of their own belong to the part before them. */
    private static final List<Ending> SEPARATE = ENDINGS.stream()
            .filter(e -> List.of("kyzy", "kizi", "kyzi", "kizy", "gyzy", "uly", "uli", "ulu", "ugly", "ogly", "oglu")
                    .contains(e.text())).toList();

    public NameForm {
        parts = List.copyOf(parts);
    }

    /** The comparable form of a name as it was written; empty when it has no letters. */
    public static NameForm of(String recorded) {
        var parts = new ArrayList<NamePart>();
        if (recorded == null) {
            return new NameForm(parts);
        }
        Matcher words = WORD.matcher(recorded);
        while (words.find()) {
            String word = words.group().replace(".", "");
            boolean stop = words.group(1) != null;
            String spelled = fold(latin(word));
            if (spelled.isEmpty()) continue;
            var apart = SEPARATE.stream().filter(e -> e.text().equals(spelled)).findFirst();
            if (apart.isPresent() && !parts.isEmpty() && !parts.getLast().initial()) {
                var previous = parts.removeLast();
                parts.add(new NamePart(previous.stem(), apart.get().derivation(), false, previous.initialLetter()));
                continue;
            }
            boolean initial = word.length() == 1 || (stop && word.length() <= 3);
            if (initial) {
                parts.add(new NamePart(vowelClasses(spelled), Derivation.PLAIN, true, initialLetter(spelled)));
                continue;
            }
            Derivation derivation = Derivation.PLAIN;
            String stem = spelled;
            for (Ending ending : ENDINGS) {
                if (spelled.endsWith(ending.text()) && spelled.length() - ending.text().length() >= ending.shortestStem()) {
                    stem = spelled.substring(0, spelled.length() - ending.text().length());
                    derivation = ending.derivation();
                    break;
                }
            }
            parts.add(new NamePart(vowelClasses(withoutFinalGlide(stem)), derivation, false, initialLetter(spelled)));
        }
        return new NameForm(parts);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The parts written in full (not initials). */
    public List<NamePart> fullParts() {
        return parts.stream().filter(p -> !p.initial()).toList();
    }

    /** Lower-case ASCII letters only: Cyrillic transliterated, diacritics and apostrophes (soft signs) gone. */
    static String latin(String word) {
        String latin = TO_LATIN.get().transliterate(word).toLowerCase(Locale.ROOT);
        var letters = new StringBuilder(latin.length());
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if (c >= 'a' && c <= 'z') letters.append(c);
        }
        return letters.toString();
    }

    /** The consonant spellings folded together, doubled letters made single and glides left out. */
    static String fold(String latin) {
        var out = new StringBuilder(latin.length());
        int i = 0;
        outer:
        while (i < latin.length()) {
            for (String[] spelling : SPELLINGS) {
                if (latin.startsWith(spelling[0], i)) {
                    appendSingle(out, spelling[1].charAt(0));
                    i += spelling[0].length();
                    continue outer;
                }
            }
            appendSingle(out, latin.charAt(i));
            i++;
        }
        // Y or I before a vowel is a glide that some spellings write and others leave out (Yerlan, Aliya, Iurii).
        var glideless = new StringBuilder(out.length());
        for (int j = 0; j < out.length(); j++) {
            char c = out.charAt(j);
            boolean glide = (c == 'y' || c == 'i') && j + 1 < out.length() && "aeiouy".indexOf(out.charAt(j + 1)) >= 0;
            if (!glide) glideless.append(c);
        }
        return glideless.toString();
    }

    /**
     * The first letter as written, glide left out: Айдос, Aidos and A. start alike although the run "ai" counts as
     * "i", Е., Ye. and Yerzhan too, but Е. and А. do not (initials are written with care).
     */
    private static char initialLetter(String folded) {
        char first = folded.charAt(0);
        return first == 'y' ? 'i' : first;
    }

    /** Kenzhebay and Kenzhebai end as Kenzhebaev's stem does, Nikolay as Nikola: a final Y or I after a vowel goes. */
    static String withoutFinalGlide(String stem) {
        int last = stem.length() - 1;
        if (last >= 2 && (stem.charAt(last) == 'y' || stem.charAt(last) == 'i') && "aeiouy".indexOf(stem.charAt(last - 1)) >= 0) {
            return stem.substring(0, last);
        }
        return stem;
    }

    /** Vowels in three classes, a run of vowels counting as its last one. */
    static String vowelClasses(String folded) {
        var out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            char vowel = switch (c) {
                case 'a', 'e' -> 'a';
                case 'o', 'u' -> 'o';
                case 'i', 'y' -> 'i';
                default -> 0;
            };
            if (vowel == 0) {
                appendSingle(out, c);
            } else if (!out.isEmpty() && "aoi".indexOf(out.charAt(out.length() - 1)) >= 0) {
                out.setCharAt(out.length() - 1, vowel);
            } else {
                out.append(vowel);
            }
        }
        return out.toString();
    }

    private static void appendSingle(StringBuilder out, char c) {
        if (out.isEmpty() || out.charAt(out.length() - 1) != c) out.append(c);
    }
}
