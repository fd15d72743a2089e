package org.aigaq.platform.security;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.accounts.BearerTokenFilter;
import org.aigaq.platform.accounts.PasswordSignIn;
import org.aigaq.platform.accounts.SessionRefresh;
import org.aigaq.platform.accounts.SignInFlow;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what. Every route declares its audience on its handler ({@link HandlerAccess}); what has no handler of
 * ours (static files, health, metrics, the OpenAPI description) is listed here. Anything else is refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        var encoders = Map.<String, PasswordEncoder>of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        return new DelegatingPasswordEncoder("argon2", encoders);
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, PasswordSignIn passwordSignIn, SignInFlow signInFlow,
                                    SecurityContextRepository contexts, ApiTokens tokens, Users users,
                                    Problems problems, AuditTrail audit,
                                    @Qualifier("requestMappingHandlerMapping")
                                    ObjectProvider<RequestMappingHandlerMapping> mapping) throws Exception {
        var handlerAccess = new HandlerAccess(mapping::getObject);
        AuthorizationManager<RequestAuthorizationContext> signedIn = (authentication, context) ->
                new AuthorizationDecision(authentication.get() != null
                        && authentication.get().getPrincipal() instanceof SignedInUser);
        AuthorizationManager<RequestAuthorizationContext> administrator = (authentication, context) ->
                new AuthorizationDecision(authentication.get() != null
                        && authentication.get().getPrincipal() instanceof SignedInUser user
                        && user.has(Role.ADMINISTRATOR));
        http
                .authenticationProvider(passwordSignIn)
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").access(administrator)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/api-docs", "/swagger-ui/**",
                                "/swagger-ui.html").access(signedIn)
                        .anyRequest().access(handlerAccess))
                .formLogin(form -> form
                        .loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .successHandler(signInFlow)
                        .failureUrl("/sign-in?refused"))
                .logout(logout -> logout
                        .logoutUrl("/sign-out")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                audit.record("sign-out", "user", CurrentUser.identity().map(CurrentUser.Identity::id)
                                        .orElse(null), Map.of());
                            }
                        })
                        .logoutSuccessUrl("/sign-in?signed-out")
                        .deleteCookies("AIGAQ_SESSION"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::carriesToken))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, exception) -> {
                            if (Problems.isApi(request)) {
                                response.setHeader("WWW-Authenticate", "Bearer");
                                problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.sign-in-required");
                            } else {
                                new LoginUrlAuthenticationEntryPoint("/sign-in").commence(request, response, exception);
                            }
                        })
                        .accessDeniedHandler((request, response, exception) -> {
                            var pending = CurrentUser.pending();
                            if (pending.isPresent() && !Problems.isApi(request)) {
                                response.sendRedirect(request.getContextPath() + SignInFlow.pathOf(pending.get().step()));
                            } else if (Problems.isApi(request)) {
                                problems.write(request, response, HttpStatus.FORBIDDEN,
                                        exception instanceof org.springframework.security.web.csrf.CsrfException
                                                ? "problem.csrf" : "problem.forbidden");
                            } else {
                                request.setAttribute("aigaq.csrf", exception instanceof org.springframework.security.web.csrf.CsrfException);
                                response.sendError(HttpStatus.FORBIDDEN.value());
                            }
                        }))
                .addFilterBefore(new BearerTokenFilter(tokens, users, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SessionRefresh(users, contexts), AuthorizationFilter.class);
        return http.build();
    }
}
