package org.aigaq.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aigaq.platform.security.Public;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The pages and problems shown when a request fails: refused, not found, or broken. Never a stack trace. */
@Controller
class ErrorPages implements ErrorController {

    private final Problems problems;

    ErrorPages(Problems problems) {
        this.problems = problems;
    }

    @Public
    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = statusOf(request);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        String key = switch (status.value()) {
            case 403 -> Boolean.TRUE.equals(request.getAttribute("aigaq.csrf")) ? "error.csrf" : "error.403";
            case 404, 400, 405, 413 -> "error." + status.value();
            default -> "error.other";
        };
        model.addAttribute("messageKey", key);
        return "error";
    }

    @Public
    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        String key = switch (status.value()) {
            case 403 -> "problem.forbidden";
            case 404 -> "problem.not-found";
            case 405 -> "problem.method-not-allowed";
            case 413 -> "problem.too-large";
            case 400 -> "problem.bad-request";
            default -> "problem.server-error";
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problems.problem(status, key));
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.NOT_FOUND : status;
    }
}
