package org.aigaq.platform.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.Map;
import org.aigaq.platform.audit.AuditChain;
import org.aigaq.platform.audit.AuditSearch;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.audit.AuditVerification;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for administrators' scripts: search it and verify its chain. */
@RestController
@RequestMapping("/api/v1/audit")
@Allowed(Role.ADMINISTRATOR)
@Tag(name = "Audit trail")
class AuditApi {

    private final AuditSearch search;
    private final AuditChain chain;
    private final AuditTrail audit;

    AuditApi(AuditSearch search, AuditChain chain, AuditTrail audit) {
        this.search = search;
        this.chain = chain;
        this.audit = audit;
    }

    @Operation(summary = "Audit entries, newest first; pass nextBefore as before for the next page")
    @GetMapping("/entries")
    AuditSearch.Page entries(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                             @RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) Long before,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        var filter = new AuditSearch.Filter(actor, action, recordType, recordId, from, to);
        audit.record("read", "audit-trail", null, filter.given());
        return search.search(filter, before, size);
    }

    @Operation(summary = "Verify the hash chain and name the first entry that breaks it")
    @PostMapping("/verification")
    AuditVerification verify() {
        var verification = chain.verify();
        audit.record("audit.verified", "audit-trail", null, Map.of("intact", verification.intact(),
                "checked", verification.entriesChecked()));
        return verification;
    }
}
