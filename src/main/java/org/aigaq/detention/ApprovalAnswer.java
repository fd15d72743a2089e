package org.aigaq.detention;

import java.time.LocalDate;

/** The answer to a request for approval: granted or refused, when, by whom, and the reason given. */
public record ApprovalAnswer(ApprovalDecision decision, LocalDate decidedOn, String decidedBy, String reason) {}
