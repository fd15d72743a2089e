package org.aigaq.documentation.exchange;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an uploaded file is, found by reading it once: JSON when its first character (after a byte-order mark and
 * white space) is '[' or '{', else CSV. The encoding rule: bytes that are valid UTF-8 are UTF-8; otherwise the user
 * chooses, and the proposal is Windows-1251 when Cyrillic-range bytes dominate (more than half of the bytes above
 * 0x7F are 0xC0-0xFF, where Windows-1251 has А-я, or 0xA8/0xB8, Ё and ё), else Mac Roman (whose accented Latin letters
 * are mostly 0x80-0x9F). The separator is the one of comma, semicolon and tab found most often outside quotes in the
 * header line (comma when none is).
 */
record Detection(ImportFormat format, TextEncoding encoding, TextEncoding detectedEncoding, Separator separator,
                 List<String> columns) {

    /** Reads the file; each of {@code format}, {@code encoding}, {@code separator} overrides detection when given. */
    static Detection of(UploadedFile file, ImportFormat format, TextEncoding encoding, Separator separator, JsonMapper json) {
        Bytes bytes = Bytes.of(file);
        TextEncoding detected = bytes.validUtf8() ? TextEncoding.UTF_8
                : bytes.cyrillic() * 2 > bytes.high() ? TextEncoding.WINDOWS_1251 : TextEncoding.MAC_ROMAN;
        ImportFormat chosenFormat = format != null ? format
                : bytes.first() == '[' || bytes.first() == '{' ? ImportFormat.JSON : ImportFormat.CSV;
        if (chosenFormat == ImportFormat.JSON) {
            // JSON is UTF-8 (RFC 8259); the parser says where it is not.
            return new Detection(ImportFormat.JSON, TextEncoding.UTF_8, detected, null, JsonTable.columnsOf(file, json));
        }
        TextEncoding chosenEncoding = encoding != null ? encoding : detected;
        Separator chosenSeparator = separator != null ? separator : separatorOf(file, chosenEncoding);
        try (var table = CsvTable.open(file, chosenEncoding, chosenSeparator)) {
            return new Detection(ImportFormat.CSV, chosenEncoding, detected, chosenSeparator, table.columns());
        }
    }

    /** The separator found most often outside quotes in the first row; ties go to comma, then semicolon. */
    static Separator separatorOf(UploadedFile file, TextEncoding encoding) {
        int[] counts = new int[Separator.values().length];
        try (Reader reader = CsvTable.reader(file, encoding)) {
            boolean quoted = false;
            boolean seen = false;
            int c;
            for (long read = 0; (c = reader.read()) != -1 && read < 1 << 20; read++) {
                if (c == '"') quoted = !quoted;
                if (quoted) continue;
                if ((c == '\n' || c == '\r')) {
                    if (seen) break;
                    continue;
                }
                seen = true;
                for (Separator s : Separator.values()) if (c == s.character()) counts[s.ordinal()]++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Separator best = Separator.COMMA;
        for (Separator s : Separator.values()) if (counts[s.ordinal()] > counts[best.ordinal()]) best = s;
        return best;
    }

    /** Counts from one pass over the bytes: is it valid UTF-8, how many bytes are above 0x7F, how many Cyrillic-range. */
    private record Bytes(boolean validUtf8, long high, long cyrillic, int first) {

        static Bytes of(UploadedFile file) {
            boolean valid = true;
            long high = 0;
            long cyrillic = 0;
            int first = -1;
            int pending = 0;
            long position = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = new BufferedInputStream(file.open())) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    for (int i = 0; i < n; i++, position++) {
                        int b = buffer[i] & 0xFF;
                        if (first == -1 && !(position < 3 && (b == 0xEF || b == 0xBB || b == 0xBF)) && !Character.isWhitespace(b)) {
                            first = b;
                        }
                        if (b >= 0x80) {
                            high++;
                            if (b >= 0xC0 || b == 0xA8 || b == 0xB8) cyrillic++;
                        }
                        if (!valid) continue;
                        if (pending > 0) {
                            if ((b & 0xC0) == 0x80) pending--;
                            else valid = false;
                        } else if (b >= 0x80) {
                            if (b >= 0xC2 && b <= 0xDF) pending = 1;
                            else if (b >= 0xE0 && b <= 0xEF) pending = 2;
                            else if (b >= 0xF0 && b <= 0xF4) pending = 3;
                            else valid = false;
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Bytes(valid && pending == 0, high, cyrillic, first);
        }
    }
}
