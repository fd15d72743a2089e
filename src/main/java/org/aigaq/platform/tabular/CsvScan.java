package org.aigaq.platform.tabular;

import java.io.IOException;
import java.io.Reader;

/**
 * Walks CSV text as the parser does, to say where it stopped: the quote left open (at the row and value it opens),
 * the character after a closing quote that is neither a separator nor a line end, or else the end. Rows are counted
 * as the parser counts records (empty lines skipped, CRLF, LF and CR alike), so the header is row 1.
 */
final class CsvScan {

    enum Quote { NONE, UNCLOSED, MISPLACED }

    /** A row, the ordinal of a value in it (1 for the first), and what is wrong there. */
    record Position(long row, int column, Quote quote) {}

    private CsvScan() {}

    static Position scan(Reader reader, char separator) throws IOException {
        long row = 1;
        int column = 1;
        boolean quoted = false;
        boolean justClosed = false;
        boolean valueStart = true;
        boolean rowEmpty = true;
        boolean afterCr = false;
        long openedRow = 0;
        int openedColumn = 0;
        int c;
        while ((c = reader.read()) != -1) {
            boolean crThenLf = afterCr && c == '\n';
            afterCr = false;
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    if (reader.read() != '"') {
                        reader.reset();
                        quoted = false;
                        justClosed = true;
                    }
                }
                continue;
            }
            if (justClosed && c != separator && c != '\r' && c != '\n') {
                return new Position(row, column, Quote.MISPLACED);
            }
            justClosed = false;
            if (c == '"') {
                if (valueStart) {
                    quoted = true;
                    openedRow = row;
                    openedColumn = column;
                }
                valueStart = false;
                rowEmpty = false;
            } else if (c == separator) {
                column++;
                valueStart = true;
                rowEmpty = false;
            } else if (c == '\r' || c == '\n') {
                if (crThenLf) continue;
                if (!rowEmpty) row++;
                column = 1;
                valueStart = true;
                rowEmpty = true;
                afterCr = c == '\r';
            } else {
                valueStart = false;
                rowEmpty = false;
            }
        }
        return quoted ? new Position(openedRow, openedColumn, Quote.UNCLOSED) : new Position(row, column, Quote.NONE);
    }
}
