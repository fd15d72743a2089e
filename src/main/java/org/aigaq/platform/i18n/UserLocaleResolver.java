package org.aigaq.platform.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.aigaq.platform.security.CurrentUser;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request: the signed-in user's choice, else the one chosen on this browser (a cookie), else the
 * best of the browser's languages that Aigaq speaks, else English.
 */
public class UserLocaleResolver implements LocaleResolver {

    static final String COOKIE = "aigaq-language";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        var chosen = CurrentUser.get().flatMap(user -> Languages.supported(user.locale()));
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    var fromCookie = Languages.supported(cookie.getValue());
                    if (fromCookie.isPresent()) {
                        return fromCookie.get();
                    }
                }
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                var match = Locale.lookup(Locale.LanguageRange.parse(header), Languages.SUPPORTED);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException e) {
                // a malformed header: fall back to English
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        var cookie = new Cookie(COOKIE, locale == null ? "" : locale.getLanguage());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(locale == null ? 0 : 365 * 24 * 3600);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
