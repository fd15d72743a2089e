package org.aigaq.platform.vocabulary;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aigaq.platform.vocabulary.HuridocsThesaurusImport.Problem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV file read as rows of values: UTF-8 with or without a byte-order mark, RFC 4180 quoting, empty lines
 * skipped. Rows are numbered as a spreadsheet shows them (the header is row 1); what cannot be read is reported with
 * its row and column.
 */
final class CsvText {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    /**
     * The rows of a file, each with its number; when a problem stopped the reading, the problem and the rows read
     * before it (so that the header can still name the column).
     */
    record Rows(List<Row> rows, Problem problem) {}

    /** One row of values and its number in the file. */
    record Row(long number, List<String> values) {}

    private CsvText() {}

    static Rows read(String file, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return failed(new Problem(file, 0, null, "vocabulary.import.empty"));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            // The text before the bad byte is good UTF-8: where it ends is where the problem is.
            out.flip();
            String good = withoutBom(out.toString());
            Position at = scan(good);
            var rows = new ArrayList<Row>();
            parse(good.substring(0, good.lastIndexOf('\n') + 1), rows);
            return new Rows(rows, new Problem(file, at.row(), String.valueOf(at.column()), "vocabulary.import.not-utf8"));
        }
        decoder.flush(out);
        out.flip();
        String text = withoutBom(out.toString());
        if (text.isBlank()) {
            return failed(new Problem(file, 0, null, "vocabulary.import.empty"));
        }
        var rows = new ArrayList<Row>();
        if (!parse(text, rows)) {
            Position at = scan(text);
            String key = at.quote() == Quote.UNCLOSED ? "vocabulary.import.quote-unclosed"
                    : at.quote() == Quote.MISPLACED ? "vocabulary.import.quote-misplaced" : "vocabulary.import.unreadable";
            long row = at.quote() == Quote.NONE ? rows.size() + 1 : at.row();
            return new Rows(rows, new Problem(file, row, at.quote() == Quote.NONE ? null : String.valueOf(at.column()), key));
        }
        return new Rows(rows, null);
    }

    /** Adds the rows the parser reads to {@code rows}; false when it stops on text it cannot read. */
    private static boolean parse(String text, List<Row> rows) {
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                rows.add(new Row(record.getRecordNumber(), record.toList()));
            }
            return true;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return false;
        }
    }

    private static Rows failed(Problem problem) {
        return new Rows(List.of(), problem);
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private enum Quote { NONE, UNCLOSED, MISPLACED }

    /** A place in the text (row as the parser numbers records, column as the ordinal of the value) and what is wrong there. */
    private record Position(long row, int column, Quote quote) {}

    /**
     * Walks the text as the parser does, to say where it stopped: the quote left open (at the value it opens), the
     * character after a closing quote that is not a comma or the end of the row, or else the end of the text.
     */
    private static Position scan(String text) {
        long row = 1;
        int column = 1;
        boolean quoted = false;
        boolean justClosed = false;
        boolean valueStart = true;
        boolean rowEmpty = true;
        long openedRow = 0;
        int openedColumn = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                        justClosed = true;
                    }
                }
                continue;
            }
            if (justClosed && c != ',' && c != '\r' && c != '\n') {
                return new Position(row, column, Quote.MISPLACED);
            }
            justClosed = false;
            switch (c) {
                case '"' -> {
                    if (valueStart) {
                        quoted = true;
                        openedRow = row;
                        openedColumn = column;
                    }
                    valueStart = false;
                    rowEmpty = false;
                }
                case ',' -> {
                    column++;
                    valueStart = true;
                    rowEmpty = false;
                }
                case '\n' -> {
                    if (!rowEmpty) row++;
                    column = 1;
                    valueStart = true;
                    rowEmpty = true;
                }
                case '\r' -> { }
                default -> {
                    valueStart = false;
                    rowEmpty = false;
                }
            }
        }
        return quoted ? new Position(openedRow, openedColumn, Quote.UNCLOSED) : new Position(row, column, Quote.NONE);
    }
}
