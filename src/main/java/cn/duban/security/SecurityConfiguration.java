package cn.duban.security;

import cn.duban.identity.DubanGroups;
import cn.duban.identity.GroupAuthorities;
import cn.duban.web.ProblemResponses;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors. Machines (Camunda's REST API under /engine-rest and Duban's API under /api) authenticate every request
 * with HTTP Basic against the Camunda users; the engine then checks its authorizations as that user. People use
 * the Camunda webapps under /camunda, which have their own login, session and CSRF protection, and Duban's pages
 * under /duban, whose calls to /api carry that same login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ENGINE = "default";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper json)
            throws Exception {
        String admin = GroupAuthorities.of(DubanGroups.CAMUNDA_ADMIN);
        // Path patterns, not MVC patterns: /engine-rest is served by Camunda's Jersey servlet, not by Spring MVC.
        http.securityMatcher(new OrRequestMatcher(
                        path("/engine-rest/**"),
                        path("/api/**"),
                        path("/v3/api-docs/**"),
                        path("/swagger-ui.html"),
                        path("/actuator/**")))
                // Which role may call which path of /api and /engine-rest is listed in AccessPolicy
                // (AccessPolicyFilter).
                .authorizeHttpRequests(requests -> requests
                        // A password oracle that the login throttle would not see, in any spelling; nothing needs it.
                        .requestMatchers(RequestPaths.passwordOracles())
                        .denyAll()
                        // Load balancers probe health without credentials (status only; details for administrators).
                        .requestMatchers(
                                path(HttpMethod.GET, "/actuator/health"), path(HttpMethod.GET, "/actuator/health/**"))
                        .permitAll()
                        .requestMatchers(path("/actuator/**"))
                        .hasAnyAuthority(admin, GroupAuthorities.of(DubanGroups.MONITORING))
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.basicChallenge(json)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.basicChallenge(json))
                        .accessDeniedHandler(ProblemResponses.forbidden(json)))
                // The API never creates a session nor changes the webapps' session that Duban's pages use.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                // Basic authentication is stateless; a webapp session must send WebappSessionAuthenticationFilter's
                // header.
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterBefore(new CrossSiteRequestFilter(json), BasicAuthenticationFilter.class)
                .addFilterBefore(new WebappSessionAuthenticationFilter(ENGINE), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .addFilterAfter(new AccessPolicyFilter(json, ENGINE), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // The first administrator comes from the environment, never from a web page anyone can open.
                        .requestMatchers(path("/camunda/api/admin/setup/**"))
                        .denyAll()
                        // The webapps' copy of the password oracle.
                        .requestMatchers(RequestPaths.passwordOracles())
                        .denyAll()
                        // The webapps authenticate their own API calls and protect them against CSRF.
                        .requestMatchers(path("/camunda/**"), path("/"), path("/error"), path("/favicon.ico"))
                        .permitAll()
                        // Duban's pages are static; the data they show comes from /api with the webapps' login.
                        .requestMatchers(path("/duban/**"))
                        .permitAll()
                        // The public progress page's data (信息公开): plans the office published, read-only, no login.
                        .requestMatchers(path(HttpMethod.GET, "/public/plans/*"))
                        .permitAll()
                        // Swagger UI's static files; its page (/swagger-ui.html) and the API description need a login.
                        .requestMatchers(path("/swagger-ui/**"))
                        .permitAll()
                        // Static libraries of Duban's pages (the dashboard's charts).
                        .requestMatchers(path("/webjars/**"))
                        .permitAll()
                        // The webapps probe this optional page on their login screen; it does not exist (404).
                        .requestMatchers(path("/camunda-welcome"))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.noChallenge(json)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
                // The webapps' own APIs (and their copy of the engine API) by role, as AccessPolicy lists them.
                .addFilterAfter(new AccessPolicyFilter(json, ENGINE), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
