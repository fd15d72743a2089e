package org.aigaq.platform.audit.web;

import java.time.LocalDate;
import java.util.Map;
import org.aigaq.platform.audit.AuditChain;
import org.aigaq.platform.audit.AuditSearch;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's view of the audit trail: filter it, page through it, verify its chain. */
@Controller
@Allowed(Role.ADMINISTRATOR)
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditSearch search;
    private final AuditChain chain;
    private final AuditTrail audit;

    AuditController(AuditSearch search, AuditChain chain, AuditTrail audit) {
        this.search = search;
        this.chain = chain;
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Long before, Model model) {
        var filter = new AuditSearch.Filter(actor, action, recordType, recordId, from, to);
        // Reading the trail is itself audited: who looked at what others did.
        audit.record("read", "audit-trail", null, filter.given());
        model.addAttribute("filter", filter);
        model.addAttribute("page", search.search(filter, before, PAGE_SIZE));
        return "audit/list";
    }

    @PostMapping("/admin/audit/verify")
    String verify(Model model) {
        var verification = chain.verify();
        audit.record("audit.verified", "audit-trail", null, Map.of("intact", verification.intact(),
                "checked", verification.entriesChecked()));
        model.addAttribute("verification", verification);
        model.addAttribute("filter", AuditSearch.Filter.none());
        model.addAttribute("page", search.search(AuditSearch.Filter.none(), null, PAGE_SIZE));
        return "audit/list";
    }
}
