package org.aigaq.reports;

/** A section's heading and Markdown narrative, as typed. */
public record SectionDraft(String heading, String narrative) {}
