package org.aigaq.reports;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's messages as the writers read them, without starting the application. */
final class ExportMessages {

    private ExportMessages() {
    }

    static MessageSource bundle() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
