package org.aigaq.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Builds the {@code application/problem+json} answers of the API, in the caller's language. */
@Component
public class Problems {

    /** One field that was wrong: its name, its JSON pointer, and what is wrong, in words. */
    public record FieldError(String field, String pointer, String message) {}

    private final MessageSource messages;
    private final JsonMapper json;
    private final LocaleResolver locales;

    Problems(MessageSource messages, JsonMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    public ProblemDetail problem(HttpStatus status, String messageKey, Object... arguments) {
        var problem = ProblemDetail.forStatusAndDetail(status, message(messageKey, arguments));
        problem.setTitle(message("problem.title." + status.value()));
        problem.setType(URI.create("https://aigaq.org/problems/" + messageKey.replace('.', '-')));
        return problem;
    }

    public ProblemDetail invalid(List<FieldError> errors) {
        var problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid-input");
        problem.setProperty("errors", errors);
        return problem;
    }

    public FieldError fieldError(String field, String messageKey, Object... arguments) {
        String pointer = "/" + (field == null ? "" : field.replace("[", "/").replace("]", "").replace('.', '/'));
        return new FieldError(field, pointer, message(messageKey, arguments));
    }

    public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    /** Writes a problem directly to a response, for filters that answer before any controller is reached. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
            throws IOException {
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            var problem = problem(status, messageKey);
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("type", problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            body.put("instance", problem.getInstance().toString());
            response.getWriter().write(json.writeValueAsString(body));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/api-docs") || path.startsWith("/actuator");
    }
}
