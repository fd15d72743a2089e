package org.aigaq.documentation.evidence;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Uploads larger than {@code spring.servlet.multipart.file-size-threshold} wait on disk until they are encrypted:
 * in {@code $AIGAQ_HOME/evidence/incoming} (owner only), not in the shared temporary folder, since they are
 * plaintext photographs and documents. The sizes and threshold are Spring Boot's multipart settings.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadLocation {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties properties, @Value("${aigaq.home}") Path home)
            throws IOException {
        // Absolute, because the servlet container resolves a relative location against its own work folder.
        Path incoming = home.resolve("evidence").resolve("incoming").toAbsolutePath();
        EvidenceStorage.createPrivateDirectories(incoming);
        return new MultipartConfigElement(incoming.toString(), properties.getMaxFileSize().toBytes(),
                properties.getMaxRequestSize().toBytes(), (int) properties.getFileSizeThreshold().toBytes());
    }
}
