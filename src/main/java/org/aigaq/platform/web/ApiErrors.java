package org.aigaq.platform.web;

import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/** Turns what goes wrong in an API call into a problem that names the field (by JSON pointer) and the reason. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

    private final Problems problems;

    ApiErrors(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e) {
        return respond(problems.invalid(e.violations().stream()
                .map(v -> problems.fieldError(v.field(), v.messageKey(), v.arguments())).toList()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        var errors = new ArrayList<Problems.FieldError>();
        // Bean Validation has already put each message in the caller's language (messages*.properties).
        e.getBindingResult().getFieldErrors().forEach(error -> errors.add(new Problems.FieldError(error.getField(),
                "/" + error.getField().replace('.', '/').replace("[", "/").replace("]", ""),
                error.getDefaultMessage() == null ? problems.message("validation.invalid") : error.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(new Problems.FieldError(null, "",
                problems.message("validation.invalid"))));
        return respond(problems.invalid(errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            var pointer = new StringBuilder();
            var field = new StringBuilder();
            for (JacksonException.Reference reference : bind.getPath()) {
                String part = reference.getPropertyName() != null ? reference.getPropertyName() : String.valueOf(reference.getIndex());
                pointer.append('/').append(part);
                field.append(field.isEmpty() ? "" : ".").append(part);
            }
            return respond(problems.invalid(List.of(new Problems.FieldError(field.toString(), pointer.toString(),
                    problems.message("validation.wrong-type")))));
        }
        if (cause instanceof StreamReadException read && read.getLocation() != null) {
            return respond(problems.problem(HttpStatus.BAD_REQUEST, "problem.malformed-json",
                    read.getLocation().getLineNr(), read.getLocation().getColumnNr()));
        }
        return respond(problems.problem(HttpStatus.BAD_REQUEST, "problem.body-required"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return respond(problems.invalid(List.of(problems.fieldError(e.getName(), "validation.wrong-type"))));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        var errors = e.getParameterValidationResults().stream().map(result -> problems.fieldError(
                result.getMethodParameter().getParameterName(), "validation.invalid")).toList();
        return respond(problems.invalid(errors));
    }

    @ExceptionHandler(NoSuchRecord.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchRecord e) {
        return respond(problems.problem(HttpStatus.NOT_FOUND, "problem.not-found"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.media-type"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "problem.method-not-allowed"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(problems.problem(HttpStatus.NOT_FOUND, "problem.not-found"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        throw e;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
