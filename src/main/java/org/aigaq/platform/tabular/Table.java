package org.aigaq.platform.tabular;

import java.io.Closeable;
import java.util.List;

/** An uploaded file read as named columns and rows, one row at a time, so that a large file never sits in memory. */
public interface Table extends Closeable {

    /** One row: its number (see {@link ImportProblem#row()}) and its values, in the order of the columns. */
    record Row(long number, List<String> values) {}

    List<String> columns();

    /** The next row, or null at the end. @throws Unreadable when the file cannot be read further */
    Row next();

    @Override
    void close();

    /** The file cannot be read from here on: where, and why. */
    final class Unreadable extends RuntimeException {
        private final transient ImportProblem problem;

        public Unreadable(ImportProblem problem) {
            super(problem.messageKey() + " at row " + problem.row());
            this.problem = problem;
        }

        public ImportProblem problem() {
            return problem;
        }
    }
}
