package org.aigaq.platform.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read a row at a time: in the chosen encoding (a UTF-8 byte-order mark skipped), with CRLF, LF or CR
 * line ends, the chosen separator, RFC 4180 quoting, empty lines skipped; the first row names the columns. Bytes
 * that are not text in the encoding become U+FFFD, so that the import can say where the encoding is wrong instead of
 * stopping at the first one. Where the parser stops (a quote never closed, text after a closing quote), the file is
 * walked again to name the row and column, as {@code CsvText} does for vocabulary files.
 */
public final class CsvTable implements Table {

    private final UploadedFile file;
    private final TextEncoding encoding;
    private final Separator separator;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns;
    private long lastRow = 1;

    private CsvTable(UploadedFile file, TextEncoding encoding, Separator separator) throws IOException {
        this.file = file;
        this.encoding = encoding;
        this.separator = separator;
        this.parser = format(separator).parse(reader(file, encoding));
        this.records = parser.iterator();
        List<String> header;
        try {
            header = records.hasNext() ? records.next().toList() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            parser.close();
            throw unreadable();
        }
        if (header == null || header.stream().allMatch(String::isBlank)) {
            parser.close();
            throw new Unreadable(new ImportProblem(0, null, "exchange.problem.empty", List.of()));
        }
        this.columns = names(header);
    }

    public static CsvTable open(UploadedFile file, TextEncoding encoding, Separator separator) {
        try {
            return new CsvTable(file, encoding, separator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public Row next() {
        try {
            if (!records.hasNext()) return null;
            CSVRecord record = records.next();
            lastRow = record.getRecordNumber();
            return new Row(record.getRecordNumber(), record.toList());
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable();
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the parser stopped, found by walking the file again; the quote opened and never closed, above all. */
    private Unreadable unreadable() {
        CsvScan.Position at;
        try (Reader reader = reader(file, encoding)) {
            at = CsvScan.scan(reader, separator.character());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String column = at.column() > 0 && columns != null && at.column() <= columns.size() ? columns.get(at.column() - 1)
                : at.column() > 0 ? "#" + at.column() : null;
        return switch (at.quote()) {
            case UNCLOSED -> new Unreadable(new ImportProblem(at.row(), column, "exchange.problem.quote-unclosed", List.of()));
            case MISPLACED -> new Unreadable(new ImportProblem(at.row(), column, "exchange.problem.quote-misplaced", List.of()));
            case NONE -> new Unreadable(new ImportProblem(lastRow + 1, null, "exchange.problem.unreadable", List.of()));
        };
    }

    public static CSVFormat format(Separator separator) {
        return CSVFormat.DEFAULT.builder().setDelimiter(separator.character()).setIgnoreEmptyLines(true).get();
    }

    /** The file's text: undecodable bytes replaced (and reported per value later), a byte-order mark skipped. */
    public static Reader reader(UploadedFile file, TextEncoding encoding) throws IOException {
        var decoder = encoding.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        var reader = new BufferedReader(new InputStreamReader(file.open(), decoder), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Column names as shown and mapped: a blank heading becomes #n, a repeated one gets its position added. */
    private static List<String> names(List<String> header) {
        var names = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) name = "#" + (i + 1);
            if (!seen.add(name)) name = name + " #" + (i + 1);
            seen.add(name);
            names.add(name);
        }
        return List.copyOf(names);
    }
}
