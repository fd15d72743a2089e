package org.aigaq.detention;

import java.time.LocalDate;

/** The publication of a visit report: when, where (a URL or a reference), and whether it goes on the public page. */
public record VisitReport(LocalDate publishedOn, String reference, Boolean isPublic) {}
