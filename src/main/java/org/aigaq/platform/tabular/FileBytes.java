package org.aigaq.platform.tabular;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What one pass over an uploaded file's bytes tells: whether they are valid UTF-8, how many are above 0x7F and how
 * many of those in the Cyrillic range of Windows-1251, and the first character after a byte-order mark and white space.
 */
public record FileBytes(boolean validUtf8, long high, long cyrillic, int first) {

    /**
     * The encoding rule: bytes that are valid UTF-8 are UTF-8; otherwise the user chooses, and the proposal is
     * Windows-1251 when Cyrillic-range bytes dominate (more than half of the bytes above 0x7F are 0xC0-0xFF, where
     * Windows-1251 has А-я, or 0xA8/0xB8, Ё and ё), else Mac Roman (whose accented Latin letters are mostly 0x80-0x9F).
     */
    public TextEncoding proposedEncoding() {
        return validUtf8 ? TextEncoding.UTF_8 : cyrillic * 2 > high ? TextEncoding.WINDOWS_1251 : TextEncoding.MAC_ROMAN;
    }

    /** Whether the text starts as JSON does, with '[' or '{'. */
    public boolean looksLikeJson() {
        return first == '[' || first == '{';
    }

    public static FileBytes of(UploadedFile file) {
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
        return new FileBytes(valid && pending == 0, high, cyrillic, first);
    }
}
