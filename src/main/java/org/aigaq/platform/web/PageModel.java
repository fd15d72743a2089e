package org.aigaq.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.aigaq.platform.i18n.Languages;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.SignedInUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs: who is signed in, the languages, and where the page is. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

    @ModelAttribute("me")
    SignedInUser me() {
        return CurrentUser.get().orElse(null);
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return Languages.SUPPORTED.stream().map(java.util.Locale::getLanguage).toList();
    }

    @ModelAttribute("language")
    String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    /**
     * Where the language switch returns to: this page, or, when this page answers a form (a POST that has no GET),
     * the page the form was on, which the same-origin Referer names.
     */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            String referer = request.getHeader("Referer");
            String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
            if (referer != null && referer.startsWith(origin + "/")) {
                return referer.substring(origin.length());
            }
            return "/";
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
