package org.aigaq.platform.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The API's answers about an {@link ImportJobs} job, the same for every kind of import: the job, the outcome of a dry
 * run or a run with its problems by row and column in the caller's language, and a refused run as a 422 problem.
 */
@Component
public class ImportReports {

    /** One problem of a file: row, column (null when it concerns the row or the file), and why. */
    public record Problem(long row, String column, String message) {}

    /** What a dry run found or a run did: rows read, records added (or to add), corrected, already there; problems. */
    public record Report(String status, long rows, int added, int corrected, int unchanged, long problemCount,
                         List<Problem> problems) {}

    /** An import: how the file is read, its columns, the mapping and the last outcome. */
    public record Job<M>(long id, String status, TextEncoding encoding, TextEncoding detectedEncoding, Separator separator,
                         long fileSize, String sha256, List<String> columns, M mapping, Report outcome) {}

    private final MessageSource messages;

    ImportReports(MessageSource messages) {
        this.messages = messages;
    }

    /** The uploaded file's content, or null when no file was chosen (the import then says the file is required). */
    public static InputStream content(MultipartFile file) throws IOException {
        boolean chosen = file != null && !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()));
        return chosen ? file.getInputStream() : null;
    }

    public <M> Job<M> job(ImportJobs.Job<M> job) {
        return new Job<>(job.id(), job.status(), job.encoding(), job.detectedEncoding(), job.separator(), job.size(),
                job.sha256(), job.columns(), job.mapping(), job.outcome() == null ? null : report(job.status(), job.outcome()));
    }

    /** A dry run's outcome: CHECKED, or REFUSED with its problems. */
    public Report checked(ImportJobs.Outcome outcome) {
        return report(outcome.problemCount() == 0 ? "CHECKED" : "REFUSED", outcome);
    }

    public Report report(String status, ImportJobs.Outcome outcome) {
        return new Report(status, outcome.rows(), outcome.added(), outcome.corrected(), outcome.unchanged(),
                outcome.problemCount(), outcome.problems().stream().map(p -> new Problem(p.row(), p.column(),
                        message(p.messageKey(), p.messageArguments()))).toList());
    }

    /** The run's answer: 200 with what was imported, or 422 with the problems when it was refused (nothing recorded). */
    public ResponseEntity<?> run(Supplier<ImportJobs.Outcome> run) {
        try {
            return ResponseEntity.ok(report("IMPORTED", run.get()));
        } catch (ImportJobs.Refused refused) {
            var outcome = refused.outcome();
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    message("exchange.job.refused", outcome.problemCount()));
            problem.setType(URI.create("https://aigaq.org/problems/import-refused"));
            problem.setTitle(message("exchange.api.refused"));
            problem.setProperty("problemCount", outcome.problemCount());
            problem.setProperty("problems", report("REFUSED", outcome).problems());
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
