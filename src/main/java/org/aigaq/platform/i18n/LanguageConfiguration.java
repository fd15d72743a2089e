package org.aigaq.platform.i18n;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/** Makes the user's language the one of every page, message and problem. */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new UserLocaleResolver();
    }
}
