package org.aigaq.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A shadow report as its organisation edits it: sections of Markdown narrative with their live blocks, in order. */
public record Report(long id, long organisationId, long authorId, String authorName, Template template, String title,
                     String submittedBy, String language, Instant createdAt, Instant updatedAt, List<Section> sections) {

    public Report {
        sections = List.copyOf(sections);
    }

    /** A section: its heading, the template's topic it came from (null for one added), its narrative and blocks. */
    public record Section(long id, int position, Topic topic, String heading, String narrative, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** A live block: its kind and its parameters as stored, resolved only when the report is composed. */
    public record Block(long id, int position, LiveBlock kind, Map<String, String> parameters) {
        public Block {
            // in the order they were given, as the editor lists them
            parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        }
    }

    /** One edition as listed: its number, when it was frozen and by whom, and the checksum of what it keeps. */
    public record Edition(long id, int number, Instant frozenAt, String frozenBy, String checksum) {}
}
