package org.aigaq.documentation.evidence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.aigaq.documentation.evidence.EvidenceFiles;
import org.aigaq.documentation.evidence.EvidenceResponses;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The evidence of a case on its pages: uploading, downloading or viewing a file, its chain of custody, the export. */
@Controller
class EvidenceController {

    private final EvidenceFiles evidence;

    EvidenceController(EvidenceFiles evidence) {
        this.evidence = evidence;
    }

    /** Stores the upload and goes back to the case; a mistake is shown beside the upload form (after the redirect). */
    @Allowed({Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR})
    @PostMapping("/events/{id}/evidence")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String description,
                  @RequestParam(required = false) Long supersedesId, RedirectAttributes redirect) throws IOException {
        boolean given = file != null && !file.isEmpty();
        try (InputStream content = given ? file.getInputStream() : null) {
            var stored = evidence.upload(id, content, given ? file.getOriginalFilename() : null,
                    given ? file.getContentType() : null, kind, description, supersedesId);
            redirect.addFlashAttribute("evidenceStored", stored);
        } catch (InvalidInput invalid) {
            var byField = new LinkedHashMap<String, InvalidInput.Violation>();
            invalid.violations().forEach(v -> byField.putIfAbsent(v.field(), v));
            redirect.addFlashAttribute("evidenceErrors", byField);
        }
        return "redirect:/events/" + id + "#evidence";
    }

    /**
     * The file, to save, or with {@code view=true} to look at in the browser (images, PDF, sound and video only;
     * anything else is still a download, so no uploaded page can run on our site).
     */
    @SignedIn
    @GetMapping("/evidence/{id}/download")
    ResponseEntity<InputStreamResource> download(@PathVariable long id, @RequestParam(defaultValue = "false") boolean view) {
        // Recorded as viewed only when it really is shown rather than saved.
        boolean inline = view && EvidenceResponses.showable(evidence.get(id).contentType());
        return EvidenceResponses.content(evidence.open(id, inline), inline);
    }

    @SignedIn
    @GetMapping("/evidence/{id}/custody")
    String custody(@PathVariable long id, Model model) {
        model.addAttribute("evidence", evidence.get(id));
        model.addAttribute("entries", evidence.custody(id));
        return "evidence/custody";
    }

    @SignedIn
    @GetMapping("/events/{id}/evidence.zip")
    void export(@PathVariable long id, HttpServletResponse response) throws IOException {
        String name = evidence.exportName(id);
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        evidence.exportCase(id, response.getOutputStream());
    }
}
