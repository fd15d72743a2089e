package org.aigaq.documentation.exchange;

import java.util.List;
import org.aigaq.platform.tabular.ImportProblem;

/**
 * What a dry run found or a run did: rows read, the records written (or that would be), and the problems, of which
 * the first {@link CaseImports#PROBLEMS_KEPT} are kept.
 */
public record ImportOutcome(long rows, int events, int people, int acts, int involvements, int information,
                            int interventions, long problemCount, List<ImportProblem> problems) {

    public ImportOutcome {
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problemCount == 0;
    }
}
