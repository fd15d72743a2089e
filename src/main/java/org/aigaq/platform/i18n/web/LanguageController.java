package org.aigaq.platform.i18n.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.i18n.Languages;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Public;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** Switches the interface language: remembered on the browser, and for a signed-in user on the account. */
@Controller
class LanguageController {

    private final LocaleResolver locales;
    private final Users users;

    LanguageController(LocaleResolver locales, Users users) {
        this.locales = locales;
        this.users = users;
    }

    @Public
    @PostMapping("/language")
    String choose(@RequestParam(defaultValue = "") String language, @RequestParam(name = "return", defaultValue = "/") String back,
                  HttpServletRequest request, HttpServletResponse response) {
        var locale = Languages.supported(language);
        if (locale.isPresent()) {
            locales.setLocale(request, response, locale.get());
            CurrentUser.get().ifPresent(user -> users.chooseLanguage(user.id(), locale.get().getLanguage()));
        }
        // Only a path of this site: an absolute or protocol-relative address would make this an open redirect.
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && back.length() < 500;
        return "redirect:" + (local ? back : "/");
    }
}
