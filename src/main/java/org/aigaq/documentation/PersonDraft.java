package org.aigaq.documentation;

import java.time.LocalDate;
import java.util.List;

/** What a user enters to record or change a person. */
public record PersonDraft(Identity identity, boolean group, Integer groupSize, String sex, String citizenship,
                          List<String> characteristics, boolean deceased, LocalDate dateOfDeath) {
}
