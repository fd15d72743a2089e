package org.aigaq.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and authentication of the OpenAPI description served at /v3/api-docs. */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI aigaqApi() {
        return new OpenAPI()
                .info(new Info().title("Aigaq API").version("v1")
                        .description("Aigaq's REST API. Authenticate with a personal token: Authorization: Bearer aigaq_… "
                                + "Errors are application/problem+json; each wrong field is named by JSON pointer.")
                        .license(new License().name("Open source")))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("Personal API token")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
