package org.aigaq.platform.tabular;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * How to read an uploaded CSV file, found by reading it: the encoding (see {@link FileBytes#proposedEncoding()}), the
 * one detection proposed, the separator found most often outside quotes in the header line (comma when none is), and
 * the columns the header names.
 */
public record CsvDetection(TextEncoding encoding, TextEncoding detectedEncoding, Separator separator, List<String> columns) {

    /** Reads the file; {@code encoding} and {@code separator} override detection when given. */
    public static CsvDetection of(UploadedFile file, TextEncoding encoding, Separator separator) {
        return of(file, FileBytes.of(file).proposedEncoding(), encoding, separator);
    }

    /** As {@link #of(UploadedFile, TextEncoding, Separator)}, with the encoding already detected. */
    public static CsvDetection of(UploadedFile file, TextEncoding detected, TextEncoding encoding, Separator separator) {
        TextEncoding chosenEncoding = encoding != null ? encoding : detected;
        Separator chosenSeparator = separator != null ? separator : separatorOf(file, chosenEncoding);
        try (var table = CsvTable.open(file, chosenEncoding, chosenSeparator)) {
            return new CsvDetection(chosenEncoding, detected, chosenSeparator, table.columns());
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
}
