package org.aigaq.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.aigaq.platform.accounts.Users;
import org.aigaq.support.ApplicationTest;
import org.aigaq.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Deny by default, proven route by route: the table below says who may use each route; the test fails when a route
 * is added without being listed, when a route's annotation disagrees with the table, and when any caller (anonymous,
 * half signed in, or each role) gets anything other than what the table says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessTest extends ApplicationTest {

    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMINISTRATOR);
    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> WORKERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR);
    private static final Set<Role> COORDINATOR = EnumSet.of(Role.COORDINATOR);
    private static final Set<Role> DECIDERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER);
    private static final Set<Role> MONITORING_READERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.LAWYER, Role.MONITOR, Role.ANALYST);
    private static final Set<Role> MONITORING_RECORDERS = EnumSet.of(Role.COORDINATOR, Role.MONITOR);
    private static final Set<Role> CUSTODY_RECORDERS = EnumSet.of(Role.COORDINATOR, Role.DOCUMENTER, Role.MONITOR);
    /** Marks routes open to anyone; {@link #SIGNING_IN} those open to half-signed-in users as well as signed-in ones. */
    private static final String ANYONE = "anyone";
    private static final String SIGNING_IN = "signing-in";

    private static final Map<String, Object> EXPECTED = new LinkedHashMap<>();
    static {
        EXPECTED.put("GET /sign-in", ANYONE);
        EXPECTED.put("POST /language", ANYONE);
        EXPECTED.put("GET /error", ANYONE);
        EXPECTED.put("POST /error", ANYONE);
        EXPECTED.put("PUT /error", ANYONE);
        EXPECTED.put("DELETE /error", ANYONE);
        EXPECTED.put("GET /sign-in/second-factor", SIGNING_IN);
        EXPECTED.put("POST /sign-in/second-factor", SIGNING_IN);
        EXPECTED.put("GET /sign-in/new-password", SIGNING_IN);
        EXPECTED.put("POST /sign-in/new-password", SIGNING_IN);
        EXPECTED.put("GET /sign-in/enrol", SIGNING_IN);
        EXPECTED.put("POST /sign-in/enrol", SIGNING_IN);
        EXPECTED.put("GET /", ALL);
        EXPECTED.put("GET /account", ALL);
        EXPECTED.put("POST /account/password", ALL);
        EXPECTED.put("GET /account/second-factor", ALL);
        EXPECTED.put("POST /account/second-factor", ALL);
        EXPECTED.put("POST /account/second-factor/remove", ALL);
        EXPECTED.put("POST /account/recovery-codes", ALL);
        EXPECTED.put("GET /account/recovery-codes", ALL);
        EXPECTED.put("POST /account/tokens", ALL);
        EXPECTED.put("POST /account/tokens/{id}/revoke", ALL);
        EXPECTED.put("GET /admin/organisations", ADMIN);
        EXPECTED.put("GET /admin/organisations/new", ADMIN);
        EXPECTED.put("POST /admin/organisations", ADMIN);
        EXPECTED.put("GET /admin/organisations/{id}", ADMIN);
        EXPECTED.put("POST /admin/organisations/{id}", ADMIN);
        EXPECTED.put("GET /admin/users", ADMIN);
        EXPECTED.put("GET /admin/users/new", ADMIN);
        EXPECTED.put("POST /admin/users", ADMIN);
        EXPECTED.put("GET /admin/users/{id}", ADMIN);
        EXPECTED.put("POST /admin/users/{id}", ADMIN);
        EXPECTED.put("POST /admin/users/{id}/reset-password", ADMIN);
        EXPECTED.put("POST /admin/users/{id}/reset-second-factor", ADMIN);
        EXPECTED.put("POST /admin/users/{id}/disable", ADMIN);
        EXPECTED.put("POST /admin/users/{id}/enable", ADMIN);
        EXPECTED.put("GET /admin/audit", ADMIN);
        EXPECTED.put("POST /admin/audit/verify", ADMIN);
        EXPECTED.put("GET /admin/vocabularies", ADMIN);
        EXPECTED.put("GET /admin/vocabularies/{list}", ADMIN);
        EXPECTED.put("POST /admin/vocabularies/{list}/terms", ADMIN);
        EXPECTED.put("GET /admin/vocabularies/import", ADMIN);
        EXPECTED.put("POST /admin/vocabularies/import", ADMIN);
        EXPECTED.put("GET /api/v1/me", ALL);
        EXPECTED.put("GET /api/v1/organisations", ALL);
        EXPECTED.put("GET /api/v1/organisations/{id}", ALL);
        EXPECTED.put("POST /api/v1/organisations", ADMIN);
        EXPECTED.put("PUT /api/v1/organisations/{id}", ADMIN);
        EXPECTED.put("GET /api/v1/users", ADMIN);
        EXPECTED.put("POST /api/v1/users", ADMIN);
        EXPECTED.put("GET /api/v1/users/{id}", ADMIN);
        EXPECTED.put("PUT /api/v1/users/{id}", ADMIN);
        EXPECTED.put("POST /api/v1/users/{id}/password-reset", ADMIN);
        EXPECTED.put("POST /api/v1/users/{id}/second-factor-reset", ADMIN);
        EXPECTED.put("GET /api/v1/tokens", ALL);
        EXPECTED.put("POST /api/v1/tokens", ALL);
        EXPECTED.put("DELETE /api/v1/tokens/{id}", ALL);
        EXPECTED.put("GET /api/v1/audit/entries", ADMIN);
        EXPECTED.put("POST /api/v1/audit/verification", ADMIN);
        EXPECTED.put("GET /events", ALL);
        EXPECTED.put("GET /events/new", WORKERS);
        EXPECTED.put("POST /events", WORKERS);
        EXPECTED.put("POST /events/check", WORKERS);
        EXPECTED.put("POST /events/{id}/check", WORKERS);
        EXPECTED.put("POST /events/{id}/acts/check", WORKERS);
        EXPECTED.put("POST /acts/{actId}/involvements/check", WORKERS);
        EXPECTED.put("POST /events/{id}/information/check", WORKERS);
        EXPECTED.put("POST /events/{id}/interventions/check", WORKERS);
        EXPECTED.put("POST /events/{id}/people/check", WORKERS);
        EXPECTED.put("POST /acts/{actId}/medical-examinations/check", WORKERS);
        EXPECTED.put("POST /medical-examinations/{examinationId}/findings/check", WORKERS);
        EXPECTED.put("POST /acts/{id}/check", WORKERS);
        EXPECTED.put("POST /people/{id}/check", WORKERS);
        EXPECTED.put("POST /places/check", WORKERS);
        EXPECTED.put("GET /events/{id}", ALL);
        EXPECTED.put("GET /events/{id}/edit", WORKERS);
        EXPECTED.put("POST /events/{id}", WORKERS);
        EXPECTED.put("POST /events/{id}/acts", WORKERS);
        EXPECTED.put("POST /acts/{actId}/involvements", WORKERS);
        EXPECTED.put("POST /events/{id}/information", WORKERS);
        EXPECTED.put("POST /events/{id}/interventions", WORKERS);
        EXPECTED.put("POST /events/{id}/people", WORKERS);
        EXPECTED.put("POST /events/{id}/links", WORKERS);
        EXPECTED.put("POST /events/{id}/people/{personId}/remove", WORKERS);
        EXPECTED.put("POST /events/{id}/links/{toEventId}/remove", WORKERS);
        EXPECTED.put("POST /events/{id}/sharing", COORDINATOR);
        EXPECTED.put("POST /events/{id}/access", COORDINATOR);
        EXPECTED.put("POST /events/{id}/access/{userId}/revoke", COORDINATOR);
        EXPECTED.put("GET /api/v1/events", ALL);
        EXPECTED.put("POST /api/v1/events", WORKERS);
        EXPECTED.put("GET /api/v1/events/{id}", ALL);
        EXPECTED.put("PUT /api/v1/events/{id}", WORKERS);
        EXPECTED.put("PUT /api/v1/events/{id}/sharing", COORDINATOR);
        EXPECTED.put("POST /api/v1/events/{id}/access", COORDINATOR);
        EXPECTED.put("DELETE /api/v1/events/{id}/access/{userId}", COORDINATOR);
        EXPECTED.put("POST /api/v1/events/{id}/acts", WORKERS);
        EXPECTED.put("GET /api/v1/acts/{id}", ALL);
        EXPECTED.put("PUT /api/v1/acts/{id}", WORKERS);
        EXPECTED.put("POST /api/v1/acts/{id}/involvements", WORKERS);
        EXPECTED.put("POST /api/v1/events/{id}/information", WORKERS);
        EXPECTED.put("POST /api/v1/events/{id}/interventions", WORKERS);
        EXPECTED.put("POST /api/v1/events/{id}/people", WORKERS);
        EXPECTED.put("POST /api/v1/events/{id}/links", WORKERS);
        EXPECTED.put("POST /api/v1/people", WORKERS);
        EXPECTED.put("GET /api/v1/people/{id}", ALL);
        EXPECTED.put("PUT /api/v1/people/{id}", WORKERS);
        EXPECTED.put("POST /acts/{actId}/medical-examinations", WORKERS);
        EXPECTED.put("POST /medical-examinations/{examinationId}/findings", WORKERS);
        EXPECTED.put("POST /api/v1/acts/{id}/medical-examinations", WORKERS);
        EXPECTED.put("POST /api/v1/medical-examinations/{id}/findings", WORKERS);
        EXPECTED.put("GET /api/v1/events/{id}/medical-examinations", ALL);
        EXPECTED.put("GET /api/v1/people", ALL);
        EXPECTED.put("PUT /api/v1/involvements/{id}", WORKERS);
        EXPECTED.put("PUT /api/v1/information/{id}", WORKERS);
        EXPECTED.put("PUT /api/v1/interventions/{id}", WORKERS);
        EXPECTED.put("PUT /api/v1/medical-examinations/{id}", WORKERS);
        EXPECTED.put("DELETE /api/v1/events/{id}/people/{personId}", WORKERS);
        EXPECTED.put("DELETE /api/v1/events/{id}/links/{toEventId}", WORKERS);
        EXPECTED.put("PUT /api/v1/medical-findings/{id}", WORKERS);
        EXPECTED.put("GET /acts/{id}/edit", WORKERS);
        EXPECTED.put("POST /acts/{id}", WORKERS);
        EXPECTED.put("GET /involvements/{id}/edit", WORKERS);
        EXPECTED.put("POST /involvements/{id}", WORKERS);
        EXPECTED.put("GET /information/{id}/edit", WORKERS);
        EXPECTED.put("POST /information/{id}", WORKERS);
        EXPECTED.put("GET /interventions/{id}/edit", WORKERS);
        EXPECTED.put("POST /interventions/{id}", WORKERS);
        EXPECTED.put("GET /medical-examinations/{id}/edit", WORKERS);
        EXPECTED.put("POST /medical-examinations/{id}", WORKERS);
        EXPECTED.put("GET /medical-findings/{id}/edit", WORKERS);
        EXPECTED.put("POST /medical-findings/{id}", WORKERS);
        EXPECTED.put("GET /places", ALL);
        EXPECTED.put("POST /places", WORKERS);
        EXPECTED.put("GET /people/{id}", ALL);
        EXPECTED.put("GET /people/search", WORKERS);
        EXPECTED.put("GET /api/v1/people/search", WORKERS);
        EXPECTED.put("GET /people/duplicates", WORKERS);
        EXPECTED.put("GET /people/{id}/duplicates", WORKERS);
        EXPECTED.put("GET /people/duplicates/pair", WORKERS);
        EXPECTED.put("POST /people/merges", DECIDERS);
        EXPECTED.put("POST /people/merges/{id}/undo", DECIDERS);
        EXPECTED.put("POST /people/different", DECIDERS);
        EXPECTED.put("POST /people/different/{id}/undo", DECIDERS);
        EXPECTED.put("GET /api/v1/people/duplicates", WORKERS);
        EXPECTED.put("GET /api/v1/people/{id}/duplicates", WORKERS);
        EXPECTED.put("POST /api/v1/people/merges", DECIDERS);
        EXPECTED.put("POST /api/v1/people/merges/{id}/undo", DECIDERS);
        EXPECTED.put("POST /api/v1/people/different", DECIDERS);
        EXPECTED.put("POST /api/v1/people/different/{id}/undo", DECIDERS);
        EXPECTED.put("POST /people/{id}", WORKERS);
        EXPECTED.put("GET /events/export", ALL);
        EXPECTED.put("GET /api/v1/exports/events", ALL);
        EXPECTED.put("GET /api/v1/places", ALL);
        EXPECTED.put("POST /api/v1/places", WORKERS);
        EXPECTED.put("PUT /api/v1/places/{id}", WORKERS);
        EXPECTED.put("GET /search", ALL);
        EXPECTED.put("GET /search/export", ALL);
        EXPECTED.put("GET /api/v1/search", ALL);
        EXPECTED.put("GET /api/v1/search/export", ALL);
        EXPECTED.put("POST /events/{id}/evidence", WORKERS);
        EXPECTED.put("GET /evidence/{id}/download", ALL);
        EXPECTED.put("GET /evidence/{id}/custody", ALL);
        EXPECTED.put("GET /events/{id}/evidence.zip", ALL);
        EXPECTED.put("POST /api/v1/events/{id}/evidence", WORKERS);
        EXPECTED.put("GET /api/v1/events/{id}/evidence", ALL);
        EXPECTED.put("GET /api/v1/evidence/{id}", ALL);
        EXPECTED.put("GET /api/v1/evidence/{id}/content", ALL);
        EXPECTED.put("GET /api/v1/evidence/{id}/custody", ALL);
        EXPECTED.put("GET /imports/new", WORKERS);
        EXPECTED.put("POST /imports", WORKERS);
        EXPECTED.put("GET /imports/{id}", WORKERS);
        EXPECTED.put("GET /imports/{id}/mapping", WORKERS);
        EXPECTED.put("POST /imports/{id}/mapping", WORKERS);
        EXPECTED.put("POST /imports/{id}/dry-run", WORKERS);
        EXPECTED.put("POST /imports/{id}/run", WORKERS);
        EXPECTED.put("POST /api/v1/imports", WORKERS);
        EXPECTED.put("GET /api/v1/imports/{id}", WORKERS);
        EXPECTED.put("PUT /api/v1/imports/{id}/mapping", WORKERS);
        EXPECTED.put("POST /api/v1/imports/{id}/dry-run", WORKERS);
        EXPECTED.put("POST /api/v1/imports/{id}/run", WORKERS);
        EXPECTED.put("GET /api/v1/vocabularies", ALL);
        EXPECTED.put("GET /api/v1/vocabularies/{list}/terms", ALL);
        EXPECTED.put("GET /api/v1/vocabularies/{list}/terms/{code}", ALL);
        EXPECTED.put("POST /api/v1/vocabularies/{list}/terms", ADMIN);
        // Monitoring visits and monitors' recommendations (detention).
        EXPECTED.put("GET /visits", MONITORING_READERS);
        EXPECTED.put("GET /visits/new", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits/check", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits/{id}/check", MONITORING_RECORDERS);
        EXPECTED.put("GET /visits/{id}", MONITORING_READERS);
        EXPECTED.put("GET /visits/{id}/edit", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits/{id}", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits/{id}/approval-request", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits/{id}/approval-decision", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits/{id}/outcome", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits/{id}/cancellation", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits/{id}/obstructions", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits/{id}/interviewees", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits/{id}/findings", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits/{id}/findings/{findingId}/allegations", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits/{id}/report", MONITORING_RECORDERS);
        EXPECTED.put("POST /visits/{id}/recommendations", MONITORING_RECORDERS);
        EXPECTED.put("GET /recommendations", MONITORING_READERS);
        EXPECTED.put("POST /recommendations", MONITORING_RECORDERS);
        EXPECTED.put("POST /recommendations/check", MONITORING_RECORDERS);
        EXPECTED.put("GET /recommendations/{id}", MONITORING_READERS);
        EXPECTED.put("POST /recommendations/{id}/responses", MONITORING_RECORDERS);
        EXPECTED.put("POST /recommendations/{id}/status", MONITORING_RECORDERS);
        EXPECTED.put("GET /public/visit-reports/{id}", ANYONE);
        EXPECTED.put("GET /visits/figures", MONITORING_READERS);
        EXPECTED.put("GET /visits/figures.csv", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/visits/figures", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/visits", MONITORING_READERS);
        EXPECTED.put("POST /api/v1/visits", MONITORING_RECORDERS);
        EXPECTED.put("GET /api/v1/visits/{id}", MONITORING_READERS);
        EXPECTED.put("PUT /api/v1/visits/{id}", MONITORING_RECORDERS);
        EXPECTED.put("POST /api/v1/visits/{id}/approval-request", MONITORING_RECORDERS);
        EXPECTED.put("POST /api/v1/visits/{id}/approval-decision", MONITORING_RECORDERS);
        EXPECTED.put("POST /api/v1/visits/{id}/outcome", MONITORING_RECORDERS);
        EXPECTED.put("POST /api/v1/visits/{id}/cancellation", MONITORING_RECORDERS);
        EXPECTED.put("POST /api/v1/visits/{id}/obstructions", MONITORING_RECORDERS);
        EXPECTED.put("POST /api/v1/visits/{id}/interviewees", MONITORING_RECORDERS);
        EXPECTED.put("POST /api/v1/visits/{id}/findings", MONITORING_RECORDERS);
        EXPECTED.put("POST /api/v1/findings/{id}/allegations", MONITORING_RECORDERS);
        EXPECTED.put("PUT /api/v1/visits/{id}/report", MONITORING_RECORDERS);
        EXPECTED.put("GET /api/v1/recommendations", MONITORING_READERS);
        EXPECTED.put("POST /api/v1/recommendations", MONITORING_RECORDERS);
        EXPECTED.put("GET /api/v1/recommendations/{id}", MONITORING_READERS);
        EXPECTED.put("POST /api/v1/recommendations/{id}/responses", MONITORING_RECORDERS);
        EXPECTED.put("PUT /api/v1/recommendations/{id}/status", MONITORING_RECORDERS);
        // The registry of places (issue 6).
        EXPECTED.put("GET /places/{id}", ALL);
        EXPECTED.put("GET /places/{id}/edit", WORKERS);
        EXPECTED.put("POST /places/{id}", WORKERS);
        EXPECTED.put("POST /places/{id}/check", WORKERS);
        EXPECTED.put("POST /places/{id}/history", WORKERS);
        EXPECTED.put("POST /places/{id}/history/check", WORKERS);
        EXPECTED.put("POST /places/{id}/population", WORKERS);
        EXPECTED.put("POST /places/{id}/population/check", WORKERS);
        EXPECTED.put("POST /places/{id}/publication", COORDINATOR);
        EXPECTED.put("GET /public/places/{id}", ANYONE);
        EXPECTED.put("GET /api/v1/places/{id}", ALL);
        EXPECTED.put("PUT /api/v1/places/{id}/publication", COORDINATOR);
        EXPECTED.put("GET /api/v1/places/{id}/history", ALL);
        EXPECTED.put("POST /api/v1/places/{id}/history", WORKERS);
        EXPECTED.put("GET /api/v1/places/{id}/population", ALL);
        EXPECTED.put("POST /api/v1/places/{id}/population", WORKERS);
        EXPECTED.put("GET /api/v1/places/{id}/cases", ALL);
        EXPECTED.put("GET /places/imports/new", DECIDERS);
        EXPECTED.put("POST /api/v1/places/population-imports", DECIDERS);
        EXPECTED.put("GET /api/v1/places/population-imports/{id}", DECIDERS);
        EXPECTED.put("PUT /api/v1/places/population-imports/{id}/mapping", DECIDERS);
        EXPECTED.put("POST /api/v1/places/population-imports/{id}/dry-run", DECIDERS);
        EXPECTED.put("POST /api/v1/places/population-imports/{id}/run", DECIDERS);
        EXPECTED.put("GET /statistics", MONITORING_READERS);
        EXPECTED.put("GET /statistics.csv", MONITORING_READERS);
        EXPECTED.put("GET /statistics/trends.csv", MONITORING_READERS);
        EXPECTED.put("GET /statistics/imports/new", DECIDERS);
        EXPECTED.put("POST /statistics/imports", DECIDERS);
        EXPECTED.put("GET /statistics/imports/{id}", DECIDERS);
        EXPECTED.put("POST /statistics/imports/{id}/mapping", DECIDERS);
        EXPECTED.put("POST /statistics/imports/{id}/dry-run", DECIDERS);
        EXPECTED.put("POST /statistics/imports/{id}/run", DECIDERS);
        EXPECTED.put("POST /api/v1/statistics/imports", DECIDERS);
        EXPECTED.put("GET /api/v1/statistics/imports/{id}", DECIDERS);
        EXPECTED.put("PUT /api/v1/statistics/imports/{id}/mapping", DECIDERS);
        EXPECTED.put("POST /api/v1/statistics/imports/{id}/dry-run", DECIDERS);
        EXPECTED.put("POST /api/v1/statistics/imports/{id}/run", DECIDERS);
        EXPECTED.put("GET /api/v1/statistics/figures", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/statistics/indicators", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/statistics/comparison", MONITORING_READERS);
        // Shadow reports (reports): the case workers and analysts of the report's organisation.
        EXPECTED.put("GET /reports", MONITORING_READERS);
        EXPECTED.put("POST /reports", MONITORING_READERS);
        EXPECTED.put("POST /reports/check", MONITORING_READERS);
        EXPECTED.put("POST /reports/sections/check", MONITORING_READERS);
        EXPECTED.put("POST /reports/blocks/check", MONITORING_READERS);
        EXPECTED.put("GET /reports/{id}", MONITORING_READERS);
        EXPECTED.put("POST /reports/{id}/sections", MONITORING_READERS);
        EXPECTED.put("POST /reports/{id}/sections/{section}", MONITORING_READERS);
        EXPECTED.put("POST /reports/{id}/sections/{section}/move", MONITORING_READERS);
        EXPECTED.put("POST /reports/{id}/sections/{section}/remove", MONITORING_READERS);
        EXPECTED.put("POST /reports/{id}/blocks", MONITORING_READERS);
        EXPECTED.put("POST /reports/{id}/blocks/{block}", MONITORING_READERS);
        EXPECTED.put("POST /reports/{id}/blocks/{block}/move", MONITORING_READERS);
        EXPECTED.put("POST /reports/{id}/blocks/{block}/remove", MONITORING_READERS);
        EXPECTED.put("POST /reports/{id}/editions", MONITORING_READERS);
        EXPECTED.put("GET /reports/{id}/editions", MONITORING_READERS);
        EXPECTED.put("GET /reports/{id}/editions/{number}", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/reports", MONITORING_READERS);
        EXPECTED.put("POST /api/v1/reports", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/reports/{id}", MONITORING_READERS);
        EXPECTED.put("POST /api/v1/reports/{id}/sections", MONITORING_READERS);
        EXPECTED.put("PUT /api/v1/reports/{id}/sections/{section}", MONITORING_READERS);
        EXPECTED.put("POST /api/v1/reports/{id}/sections/{section}/move", MONITORING_READERS);
        EXPECTED.put("DELETE /api/v1/reports/{id}/sections/{section}", MONITORING_READERS);
        EXPECTED.put("POST /api/v1/reports/{id}/sections/{section}/blocks", MONITORING_READERS);
        EXPECTED.put("POST /api/v1/reports/{id}/blocks/{block}/move", MONITORING_READERS);
        EXPECTED.put("PUT /api/v1/reports/{id}/blocks/{block}", MONITORING_READERS);
        EXPECTED.put("DELETE /api/v1/reports/{id}/blocks/{block}", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/reports/{id}/preview", MONITORING_READERS);
        EXPECTED.put("POST /api/v1/reports/{id}/editions", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/reports/{id}/editions", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/reports/{id}/editions/{number}", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/reports/{id}/download", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/reports/{id}/editions/{number}/download", MONITORING_READERS);
        EXPECTED.put("GET /reports/{id}/download", MONITORING_READERS);
        EXPECTED.put("GET /reports/{id}/editions/{number}/download", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/statistics/trends", MONITORING_READERS);
        EXPECTED.put("POST /places/imports", DECIDERS);
        EXPECTED.put("GET /places/imports/{id}", DECIDERS);
        EXPECTED.put("POST /places/imports/{id}/mapping", DECIDERS);
        EXPECTED.put("POST /places/imports/{id}/dry-run", DECIDERS);
        EXPECTED.put("POST /places/imports/{id}/run", DECIDERS);
        EXPECTED.put("POST /api/v1/places/imports", DECIDERS);
        EXPECTED.put("GET /api/v1/places/imports/{id}", DECIDERS);
        EXPECTED.put("PUT /api/v1/places/imports/{id}/mapping", DECIDERS);
        EXPECTED.put("POST /api/v1/places/imports/{id}/dry-run", DECIDERS);
        EXPECTED.put("POST /api/v1/places/imports/{id}/run", DECIDERS);
        EXPECTED.put("GET /events/{id}/justice", ALL);
        EXPECTED.put("GET /events/{id}/justice/steps/new", WORKERS);
        EXPECTED.put("POST /events/{id}/justice/steps", WORKERS);
        EXPECTED.put("POST /events/{id}/justice/steps/{stepId}/withdraw", WORKERS);
        EXPECTED.put("POST /events/{id}/justice/episodes", WORKERS);
        EXPECTED.put("POST /justice/episodes/{id}/moments", WORKERS);
        EXPECTED.put("GET /justice", WORKERS);
        EXPECTED.put("GET /justice/rules", ALL);
        EXPECTED.put("GET /justice/funnel", ALL);
        EXPECTED.put("GET /watch-list", ALL);
        EXPECTED.put("GET /watch-list.csv", ALL);
        EXPECTED.put("GET /api/v1/watch-list", ALL);
        EXPECTED.put("GET /api/v1/places/{id}/profile", ALL);
        EXPECTED.put("GET /justice/funnel.csv", ALL);
        EXPECTED.put("GET /justice/funnel/cases", ALL);
        EXPECTED.put("GET /api/v1/justice/funnel", ALL);
        EXPECTED.put("GET /api/v1/justice/funnel/breakdown", ALL);
        EXPECTED.put("GET /api/v1/justice/funnel/cases", ALL);
        EXPECTED.put("GET /api/v1/events/{id}/justice", ALL);
        EXPECTED.put("POST /api/v1/events/{id}/justice/steps", WORKERS);
        EXPECTED.put("POST /api/v1/events/{id}/justice/steps/{stepId}/withdrawal", WORKERS);
        EXPECTED.put("GET /api/v1/events/{id}/justice/flags", ALL);
        EXPECTED.put("GET /api/v1/events/{id}/detention-episodes", ALL);
        EXPECTED.put("POST /api/v1/events/{id}/detention-episodes", WORKERS);
        EXPECTED.put("GET /api/v1/detention-episodes/{id}", ALL);
        EXPECTED.put("POST /api/v1/detention-episodes/{id}/moments", WORKERS);
        EXPECTED.put("GET /api/v1/justice/overdue", WORKERS);
        EXPECTED.put("GET /api/v1/justice/rules", ALL);
        // The register of deaths and self-harm in custody (detention).
        EXPECTED.put("GET /deaths", ALL);
        EXPECTED.put("GET /deaths/new", CUSTODY_RECORDERS);
        EXPECTED.put("POST /deaths", CUSTODY_RECORDERS);
        EXPECTED.put("GET /deaths/{id}", ALL);
        EXPECTED.put("GET /deaths/{id}/edit", CUSTODY_RECORDERS);
        EXPECTED.put("POST /deaths/{id}", CUSTODY_RECORDERS);
        EXPECTED.put("POST /deaths/{id}/links", CUSTODY_RECORDERS);
        EXPECTED.put("POST /deaths/check", CUSTODY_RECORDERS);
        EXPECTED.put("POST /self-harm/check", CUSTODY_RECORDERS);
        EXPECTED.put("GET /self-harm", ALL);
        EXPECTED.put("POST /self-harm", CUSTODY_RECORDERS);
        EXPECTED.put("GET /self-harm/{id}/edit", CUSTODY_RECORDERS);
        EXPECTED.put("POST /self-harm/{id}", CUSTODY_RECORDERS);
        EXPECTED.put("GET /deaths/figures", ALL);
        EXPECTED.put("GET /deaths/figures.csv", ALL);
        EXPECTED.put("GET /api/v1/deaths", ALL);
        EXPECTED.put("POST /api/v1/deaths", CUSTODY_RECORDERS);
        EXPECTED.put("GET /api/v1/deaths/{id}", ALL);
        EXPECTED.put("PUT /api/v1/deaths/{id}", CUSTODY_RECORDERS);
        EXPECTED.put("GET /api/v1/deaths/{id}/proposed-links", CUSTODY_RECORDERS);
        EXPECTED.put("GET /api/v1/self-harm-incidents", ALL);
        EXPECTED.put("POST /api/v1/self-harm-incidents", CUSTODY_RECORDERS);
        EXPECTED.put("GET /api/v1/self-harm-incidents/{id}", ALL);
        EXPECTED.put("PUT /api/v1/self-harm-incidents/{id}", CUSTODY_RECORDERS);
        EXPECTED.put("GET /api/v1/custody-figures", ALL);
        EXPECTED.put("GET /deaths/imports/new", CUSTODY_RECORDERS);
        EXPECTED.put("POST /deaths/imports", CUSTODY_RECORDERS);
        EXPECTED.put("GET /deaths/imports/{id}", CUSTODY_RECORDERS);
        EXPECTED.put("POST /deaths/imports/{id}/mapping", CUSTODY_RECORDERS);
        EXPECTED.put("POST /deaths/imports/{id}/dry-run", CUSTODY_RECORDERS);
        EXPECTED.put("POST /deaths/imports/{id}/run", CUSTODY_RECORDERS);
        EXPECTED.put("POST /api/v1/custody-imports", CUSTODY_RECORDERS);
        EXPECTED.put("GET /api/v1/custody-imports/{id}", CUSTODY_RECORDERS);
        // Threats to human-rights defenders (defenders).
        EXPECTED.put("GET /defenders", ALL);
        EXPECTED.put("GET /defenders/new", WORKERS);
        EXPECTED.put("POST /defenders", WORKERS);
        EXPECTED.put("POST /defenders/check", WORKERS);
        EXPECTED.put("GET /defenders/{id}", ALL);
        EXPECTED.put("GET /defenders/{id}/edit", WORKERS);
        EXPECTED.put("POST /defenders/{id}", WORKERS);
        EXPECTED.put("GET /defenders/figures", MONITORING_READERS);
        EXPECTED.put("GET /defenders/figures.csv", MONITORING_READERS);
        // Trial monitoring (trials).
        EXPECTED.put("GET /trials", ALL);
        EXPECTED.put("GET /trials/new", WORKERS);
        EXPECTED.put("POST /trials", WORKERS);
        EXPECTED.put("POST /trials/check", WORKERS);
        EXPECTED.put("GET /trials/figures.csv", MONITORING_READERS);
        EXPECTED.put("GET /trials/{id}", ALL);
        EXPECTED.put("GET /trials/{id}/hearings/new", WORKERS);
        EXPECTED.put("POST /trials/{id}/hearings", WORKERS);
        EXPECTED.put("GET /trials/{id}/allegations/new", WORKERS);
        EXPECTED.put("POST /trials/{id}/allegations", WORKERS);
        EXPECTED.put("GET /trials/{id}/hearings/{hearingId}/edit", WORKERS);
        EXPECTED.put("POST /trials/{id}/hearings/{hearingId}", WORKERS);
        EXPECTED.put("GET /trials/{id}/allegations/{allegationId}/edit", WORKERS);
        EXPECTED.put("POST /trials/{id}/allegations/{allegationId}", WORKERS);
        EXPECTED.put("POST /trials/{id}/defendants/{defendant}/verdict", WORKERS);
        EXPECTED.put("GET /api/v1/defender-incidents", ALL);
        EXPECTED.put("POST /api/v1/defender-incidents", WORKERS);
        EXPECTED.put("GET /api/v1/defender-incidents/{id}", ALL);
        EXPECTED.put("PUT /api/v1/defender-incidents/{id}", WORKERS);
        EXPECTED.put("GET /api/v1/defender-incidents/figures", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/trials", ALL);
        EXPECTED.put("POST /api/v1/trials", WORKERS);
        EXPECTED.put("GET /api/v1/trials/figures", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/trials/checklist", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/trials/{id}", ALL);
        EXPECTED.put("POST /api/v1/trials/{id}/hearings", WORKERS);
        EXPECTED.put("POST /api/v1/trials/{id}/allegations", WORKERS);
        EXPECTED.put("PUT /api/v1/trials/{id}/hearings/{hearingId}", WORKERS);
        EXPECTED.put("PUT /api/v1/trials/{id}/allegations/{allegationId}", WORKERS);
        EXPECTED.put("PUT /api/v1/trials/{id}/defendants/{defendant}/verdict", WORKERS);
        // Non-refoulement cases (refoulement).
        EXPECTED.put("GET /refoulement", ALL);
        EXPECTED.put("GET /refoulement/new", WORKERS);
        EXPECTED.put("POST /refoulement", WORKERS);
        EXPECTED.put("POST /refoulement/check", WORKERS);
        EXPECTED.put("GET /refoulement/{id}", ALL);
        EXPECTED.put("GET /refoulement/{id}/edit", WORKERS);
        EXPECTED.put("POST /refoulement/{id}", WORKERS);
        EXPECTED.put("POST /refoulement/{id}/events", WORKERS);
        EXPECTED.put("POST /refoulement/{id}/events/check", WORKERS);
        EXPECTED.put("POST /refoulement/{id}/events/{eventId}", WORKERS);
        EXPECTED.put("POST /refoulement/{id}/events/{eventId}/removal", WORKERS);
        EXPECTED.put("GET /refoulement/figures", MONITORING_READERS);
        EXPECTED.put("GET /refoulement/figures.csv", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/refoulement-cases", ALL);
        EXPECTED.put("POST /api/v1/refoulement-cases", WORKERS);
        EXPECTED.put("GET /api/v1/refoulement-cases/{id}", ALL);
        EXPECTED.put("PUT /api/v1/refoulement-cases/{id}", WORKERS);
        EXPECTED.put("POST /api/v1/refoulement-cases/{id}/events", WORKERS);
        EXPECTED.put("PUT /api/v1/refoulement-cases/{id}/events/{eventId}", WORKERS);
        EXPECTED.put("POST /api/v1/refoulement-cases/{id}/events/{eventId}/removal", WORKERS);
        EXPECTED.put("GET /api/v1/refoulement-cases/figures", MONITORING_READERS);
        // The anonymised open dataset (documentation.publication): previewed and published by analysts and administrators.
        EXPECTED.put("GET /publication", EnumSet.of(Role.ADMINISTRATOR, Role.ANALYST));
        EXPECTED.put("POST /publication", EnumSet.of(Role.ADMINISTRATOR, Role.ANALYST));
        EXPECTED.put("GET /public/datasets/{id}/{file}", ANYONE);
        EXPECTED.put("GET /api/v1/publication/preview", EnumSet.of(Role.ADMINISTRATOR, Role.ANALYST));
        EXPECTED.put("GET /api/v1/publication/editions", ALL);
        // Recommendations to the state (recommendations).
        EXPECTED.put("GET /recommendations-tracker", MONITORING_READERS);
        EXPECTED.put("GET /recommendations-tracker/list", MONITORING_READERS);
        EXPECTED.put("GET /recommendations-tracker/reminders", MONITORING_READERS);
        EXPECTED.put("POST /recommendations-tracker/reviews", WORKERS);
        EXPECTED.put("GET /recommendations-tracker/new", WORKERS);
        EXPECTED.put("POST /recommendations-tracker", WORKERS);
        EXPECTED.put("POST /recommendations-tracker/check", WORKERS);
        EXPECTED.put("GET /recommendations-tracker/{id}", MONITORING_READERS);
        EXPECTED.put("POST /recommendations-tracker/{id}/claims", WORKERS);
        EXPECTED.put("POST /recommendations-tracker/{id}/assessments", WORKERS);
        EXPECTED.put("GET /recommendations-tracker/{id}/edit", WORKERS);
        EXPECTED.put("POST /recommendations-tracker/{id}/edit", WORKERS);
        EXPECTED.put("POST /recommendations-tracker/{id}/claims/{claimId}", WORKERS);
        EXPECTED.put("POST /recommendations-tracker/{id}/assessments/{assessmentId}", WORKERS);
        EXPECTED.put("GET /recommendations-tracker/imports/new", WORKERS);
        EXPECTED.put("POST /recommendations-tracker/imports", WORKERS);
        EXPECTED.put("GET /recommendations-tracker/imports/{id}", WORKERS);
        EXPECTED.put("POST /recommendations-tracker/imports/{id}/mapping", WORKERS);
        EXPECTED.put("POST /recommendations-tracker/imports/{id}/dry-run", WORKERS);
        EXPECTED.put("POST /recommendations-tracker/imports/{id}/run", WORKERS);
        EXPECTED.put("GET /recommendations-tracker/export.csv", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/recommendations-tracker", MONITORING_READERS);
        EXPECTED.put("POST /api/v1/recommendations-tracker", WORKERS);
        EXPECTED.put("GET /api/v1/recommendations-tracker/{id}", MONITORING_READERS);
        EXPECTED.put("POST /api/v1/recommendations-tracker/{id}/claims", WORKERS);
        EXPECTED.put("POST /api/v1/recommendations-tracker/{id}/assessments", WORKERS);
        EXPECTED.put("PUT /api/v1/recommendations-tracker/{id}", WORKERS);
        EXPECTED.put("PUT /api/v1/recommendations-tracker/{id}/claims/{claimId}", WORKERS);
        EXPECTED.put("PUT /api/v1/recommendations-tracker/{id}/assessments/{assessmentId}", WORKERS);
        EXPECTED.put("GET /api/v1/recommendations-tracker/dashboard", MONITORING_READERS);
        EXPECTED.put("GET /api/v1/recommendations-tracker/reminders", MONITORING_READERS);
        EXPECTED.put("POST /api/v1/recommendations-tracker/reviews", WORKERS);
        EXPECTED.put("POST /api/v1/recommendations-tracker/imports", WORKERS);
        EXPECTED.put("GET /api/v1/recommendations-tracker/imports/{id}", WORKERS);
        EXPECTED.put("PUT /api/v1/recommendations-tracker/imports/{id}/mapping", WORKERS);
        EXPECTED.put("POST /api/v1/recommendations-tracker/imports/{id}/dry-run", WORKERS);
        EXPECTED.put("POST /api/v1/recommendations-tracker/imports/{id}/run", WORKERS);
        EXPECTED.put("GET /api/v1/recommendations-tracker/export", MONITORING_READERS);
        EXPECTED.put("PUT /api/v1/custody-imports/{id}/mapping", CUSTODY_RECORDERS);
        EXPECTED.put("POST /api/v1/custody-imports/{id}/dry-run", CUSTODY_RECORDERS);
        EXPECTED.put("POST /api/v1/custody-imports/{id}/run", CUSTODY_RECORDERS);
        // Routes served by libraries, guarded by the URL rules of SecurityConfiguration.
        EXPECTED.put("GET /actuator/health", ANYONE);
        EXPECTED.put("GET /actuator/prometheus", ADMIN);
        EXPECTED.put("GET /actuator/info", ADMIN);
        EXPECTED.put("GET /v3/api-docs", ALL);
        EXPECTED.put("GET /api-docs", ALL);
    }

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired Users users;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    private final Map<Role, TestAccounts.Account> byRole = new LinkedHashMap<>();
    private TestAccounts.Account halfSignedIn;

    @BeforeAll
    void createAccounts() {
        for (Role role : Role.values()) {
            byRole.put(role, accounts.create(role, role.requiresSecondFactor()));
        }
        halfSignedIn = accounts.create(Role.DOCUMENTER, false);
    }

    @Test
    void everyRouteOfOursIsListedAndDeclaresTheAudienceTheTableSays() {
        var routes = new TreeSet<String>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.aigaq")) {
                continue;
            }
            var methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                var names = methods.isEmpty() ? List.of("GET", "POST", "PUT", "DELETE")
                        : methods.stream().map(Enum::name).toList();
                for (String method : names) {
                    String route = method + " " + pattern;
                    routes.add(route);
                    assertThat(EXPECTED).as("route %s is not in the access table", route).containsKey(route);
                    assertThat(audienceWord(HandlerAccess.audienceOf(handler)))
                            .as("audience declared on %s", route).isEqualTo(EXPECTED.get(route));
                }
            }
        }
        var listedButMissing = new TreeSet<>(EXPECTED.keySet());
        listedButMissing.removeAll(routes);
        listedButMissing.removeIf(r -> r.contains("/actuator/") || r.contains("api-docs"));
        assertThat(listedButMissing).as("routes in the table that the application does not have").isEmpty();
    }

    @Test
    void everyCallerGetsExactlyWhatTheTableSays() throws Exception {
        var failures = new ArrayList<String>();
        for (var route : EXPECTED.entrySet()) {
            String[] parts = route.getKey().split(" ", 2);
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            // Every path variable ({id}, {list}, {code}) gets a value that names no record.
            String path = parts[1].replaceAll("\\{[a-zA-Z]+}", "999999");
            Object audience = route.getValue();

            check(failures, route.getKey(), "anonymous", perform(method, path, null), ANYONE.equals(audience), Caller.ANONYMOUS);
            var pending = new PendingSignIn(halfSignedIn.id(), halfSignedIn.username(),
                    users.get(halfSignedIn.id()).securityStamp(), PendingSignIn.Step.ENROL, false);
            check(failures, route.getKey(), "half signed in", perform(method, path, pending),
                    ANYONE.equals(audience) || SIGNING_IN.equals(audience), Caller.PENDING);
            for (var role : byRole.entrySet()) {
                boolean admitted = ANYONE.equals(audience) || SIGNING_IN.equals(audience)
                        || (audience instanceof Set<?> roles && roles.contains(role.getKey()));
                check(failures, route.getKey(), role.getKey().name(),
                        perform(method, path, accounts.signedIn(role.getValue())), admitted, Caller.SIGNED_IN);
            }
        }
        assertThat(failures).isEmpty();
    }

    private enum Caller { ANONYMOUS, PENDING, SIGNED_IN }

    private static void check(List<String> failures, String route, String who, MvcResult result, boolean admitted,
                              Caller caller) {
        int status = result.getResponse().getStatus();
        String location = String.valueOf(result.getResponse().getHeader("Location"));
        boolean api = route.contains("/api/v1/") || route.contains("/actuator/") || route.contains("/v3/api-docs");
        boolean refused;
        if (caller == Caller.ANONYMOUS) {
            refused = api ? status == 401 : status == 302 && location.endsWith("/sign-in");
        } else if (caller == Caller.PENDING) {
            refused = api ? status == 403 : status == 302 && location.endsWith("/sign-in/enrol");
        } else {
            refused = status == 403;
        }
        boolean forbiddenAnyway = status == 401 || status == 403 || (status == 302 && location.endsWith("/sign-in"));
        if (admitted && forbiddenAnyway) {
            failures.add(route + ": " + who + " should be admitted but got " + status + " " + location);
        } else if (!admitted && !refused) {
            failures.add(route + ": " + who + " should be refused but got " + status + " " + location);
        }
    }

    private MvcResult perform(HttpMethod method, String path, Authentication authentication) throws Exception {
        var builder = request(method, path).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}");
        if (authentication != null) {
            var session = new MockHttpSession();
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                    new SecurityContextImpl(authentication));
            builder.session(session);
        }
        return mvc.perform(builder).andReturn();
    }

    private static Object audienceWord(HandlerAccess.Audience audience) {
        return switch (audience) {
            case HandlerAccess.Audience.Anyone a -> ANYONE;
            case HandlerAccess.Audience.SigningIn s -> SIGNING_IN;
            case HandlerAccess.Audience.EverySignedInUser e -> ALL;
            case HandlerAccess.Audience.Roles r -> EnumSet.copyOf(r.roles());
            case HandlerAccess.Audience.Nobody n -> "nobody";
        };
    }
}
