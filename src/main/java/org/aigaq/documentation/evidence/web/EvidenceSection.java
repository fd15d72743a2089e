package org.aigaq.documentation.evidence.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.aigaq.documentation.CaseAccess;
import org.aigaq.documentation.evidence.EvidenceFile;
import org.aigaq.documentation.evidence.EvidenceFiles;
import org.aigaq.documentation.evidence.EvidenceResponses;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * For the case page (which belongs to documentation and does not know about evidence): the evidence section's files
 * and what the user may do with them, sizes and times in words.
 */
@Component("evidenceSection")
public class EvidenceSection {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** The files of a case, whether the user may upload, and whether the user may open and export them. */
    public record View(List<EvidenceFile> files, boolean canUpload, boolean canOpen) {
        public List<EvidenceFile> current() {
            return files.stream().filter(EvidenceFile::current).toList();
        }
    }

    private final EvidenceFiles evidence;
    private final CaseAccess access;
    private final MessageSource messages;

    EvidenceSection(EvidenceFiles evidence, CaseAccess access, MessageSource messages) {
        this.evidence = evidence;
        this.access = access;
        this.messages = messages;
    }

    public View of(long eventId) {
        var rights = access.on(eventId);
        return new View(evidence.list(eventId), rights.write(), rights.identities());
    }

    public List<String> kinds() {
        return EvidenceFiles.KINDS;
    }

    public boolean showable(EvidenceFile file) {
        return EvidenceResponses.showable(file.contentType());
    }

    /** A size as people read it: bytes, KB, MB or GB, in the user's language. */
    public String size(long bytes) {
        String[] units = {"evidence.size.bytes", "evidence.size.kb", "evidence.size.mb", "evidence.size.gb"};
        int unit = 0;
        BigDecimal value = BigDecimal.valueOf(bytes);
        while (unit < units.length - 1 && value.compareTo(BigDecimal.valueOf(1024)) >= 0) {
            value = value.divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP);
            unit++;
        }
        return messages.getMessage(units[unit], new Object[] {value.stripTrailingZeros()}, LocaleContextHolder.getLocale());
    }

    public String maxSize() {
        return size(evidence.maxSize());
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
