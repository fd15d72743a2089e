package org.aigaq.documentation.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The HTTP answer that streams an evidence file, shared by the pages and the API. */
public final class EvidenceResponses {

    private EvidenceResponses() {}

    /**
     * Streams the content with its size and its SHA-256 ({@code Repr-Digest}, RFC 9530) so that the receiver can
     * check it. Shown in the browser only when asked and only for images (not SVG), PDF, sound and video, which run
     * no script on our site; everything else is always a download. (Spring Security adds {@code nosniff} and the
     * application's Content-Security-Policy to every answer.)
     */
    public static ResponseEntity<InputStreamResource> content(EvidenceContent content, boolean view) {
        var file = content.file();
        MediaType type = MediaType.parseMediaType(file.contentType());
        boolean inline = view && showable(file.contentType());
        var disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.name(), StandardCharsets.UTF_8).build();
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256()));
        var response = ResponseEntity.ok().contentType(type).contentLength(file.sizeBytes())
                .header("Content-Disposition", disposition.toString())
                .header("Repr-Digest", "sha-256=:" + digest + ":");
        return response.body(new InputStreamResource(content.stream()));
    }

    /** Whether a file of this type may be shown in the browser rather than saved. */
    public static boolean showable(String contentType) {
        MediaType type = MediaType.parseMediaType(contentType);
        String main = type.getType();
        return main.equals("audio") || main.equals("video")
                || (main.equals("image") && !type.getSubtype().contains("svg"))
                || type.equals(MediaType.APPLICATION_PDF);
    }
}
