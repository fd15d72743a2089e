package org.aigaq.documentation;

import java.time.LocalDate;
import java.util.List;

/** What identifies a person: stored only encrypted, shown only to those who work with identities. */
public record Identity(String name, List<String> otherNames, String contacts, String address, LocalDate dateOfBirth) {

    public Identity {
        otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
    }
}
