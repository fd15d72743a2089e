package org.aigaq.documentation.evidence.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.aigaq.documentation.evidence.CustodyEntry;
import org.aigaq.documentation.evidence.EvidenceFile;
import org.aigaq.documentation.evidence.EvidenceFiles;
import org.aigaq.documentation.evidence.EvidenceResponses;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence files over the API, through the same service and so the same rules and custody records as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Evidence")
class EvidenceApi {

    private final EvidenceFiles evidence;

    EvidenceApi(EvidenceFiles evidence) {
        this.evidence = evidence;
    }

    @Operation(summary = "Upload a file (multipart/form-data: file, kind, description, supersedesId); it is stored "
            + "encrypted with its SHA-256, and with supersedesId replaces that file, which is kept (COORDINATOR, "
            + "DOCUMENTER, LAWYER, MONITOR)")
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/evidence")
    ResponseEntity<EvidenceFile> upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                                        @RequestParam(defaultValue = "") String kind,
                                        @RequestParam(required = false) String description,
                                        @RequestParam(required = false) Long supersedesId) throws IOException {
        boolean given = file != null && !file.isEmpty();
        try (InputStream content = given ? file.getInputStream() : null) {
            EvidenceFile stored = evidence.upload(id, content, given ? file.getOriginalFilename() : null,
                    given ? file.getContentType() : null, kind, description, supersedesId);
            return ResponseEntity.created(URI.create("/api/v1/evidence/" + stored.id())).body(stored);
        }
    }

    @Operation(summary = "The event's files, superseded ones included; originalName is null where the caller may not see identities")
    @SignedIn
    @GetMapping("/events/{id}/evidence")
    List<EvidenceFile> list(@PathVariable long id) {
        return evidence.list(id);
    }

    @Operation(summary = "One file's description")
    @SignedIn
    @GetMapping("/evidence/{id}")
    EvidenceFile get(@PathVariable long id) {
        return evidence.get(id);
    }

    @Operation(summary = "The file's content, with its SHA-256 in Repr-Digest; only for users who may see the case's "
            + "identities (others get 404); recorded in the chain of custody")
    @SignedIn
    @GetMapping("/evidence/{id}/content")
    ResponseEntity<InputStreamResource> content(@PathVariable long id) {
        return EvidenceResponses.content(evidence.open(id), false);
    }

    @Operation(summary = "The file's chain of custody, oldest first")
    @SignedIn
    @GetMapping("/evidence/{id}/custody")
    List<CustodyEntry> custody(@PathVariable long id) {
        return evidence.custody(id);
    }
}
