package org.aigaq.detention;

import java.time.LocalDate;

/** A request for approval of a visit (typically an urgent one): when it was made and by whom. */
public record ApprovalRequest(LocalDate requestedOn, String requestedBy) {}
