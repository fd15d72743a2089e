package org.aigaq.reports;

/** What a new report is made of: its template, title, who submits it and its language (en, ru, kk). */
public record ReportDraft(Template template, String title, String submittedBy, String language) {}
