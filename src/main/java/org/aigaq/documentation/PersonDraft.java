package org.aigaq.documentation;

import java.time.LocalDate;
import java.util.List;

/** What a user enters to record or change a person. */
public record PersonDraft(Identity identity, Boolean group, Integer groupSize, String sex, String citizenship,
                          List<String> characteristics, Boolean deceased, LocalDate dateOfDeath) {

    public PersonDraft {
        group = Boolean.TRUE.equals(group);
        deceased = Boolean.TRUE.equals(deceased);
    }
}
