package dev.tandem.server.security;

import dev.tandem.server.ServerError;
import dev.tandem.server.api.ProblemResponses;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sign-in and permissions of the web server (issue 15, docs/security.md), with Spring Security:
 * <ul>
 *   <li><b>The API</b> ({@code /api/**}, {@code /v3/api-docs}): HTTP Basic or a personal API token
 *       ({@code Authorization: Bearer tdm_…}); stateless (no session, so no cookie ever authenticates an API call and
 *       a page another site shows can't use one: that, not a CSRF token, is what protects the API's state-changing
 *       requests); a 401 carries no {@code WWW-Authenticate: Basic} challenge, so a browser never prompts for and
 *       never caches Basic credentials it would then send by itself. Each operation needs the permission
 *       {@link ApiPermissions} names; 401 and 403 are problem+json, a 403 naming the permission.</li>
 *   <li><b>The web pages</b> (everything else, {@code dev.tandem.server.web}): form sign-in at {@code /login} with a
 *       session, CSRF protection on; a page action needs the permission of its API operation
 *       ({@code @PreAuthorize}), and a refusal is the 403 page {@code /denied}, recorded in the security log.</li>
 *   <li><b>Every request</b>: its {@code Host} must be one the server answers for (DNS rebinding), CORS is closed
 *       unless {@code tandem.security.cors-allowed-origins} opens it.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSecurity {

    private static final Logger LOG = LoggerFactory.getLogger(WebSecurity.class);

    /** Host names every installation answers for. */
    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    @Bean
    SignInEvents signInEvents(UserStore users, SecurityLog log, SecurityProperties properties) {
        return new SignInEvents(users, log, properties);
    }

    @Bean
    AuthenticationManager tandemAuthenticationManager(UserStore users, Clock clock, SecurityProperties properties,
            ApplicationEventPublisher events) {
        ProviderManager manager = new ProviderManager(SignIn.addressLock(users), SignIn.passwords(users, clock,
                properties), SignIn.tokens(users, clock));
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /**
     * Health, for probes: public, and authenticating nothing even when a probe sends credentials, so it never waits
     * for a connection of the busy pools to look a user up (it must answer within a second however busy they are).
     */
    @Bean
    @Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain health(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/health", "/actuator/health", "/actuator/health/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager manager, SecurityLog log,
            SecurityProperties properties, @Qualifier("requestMappingHandlerMapping")
            ObjectProvider<RequestMappingHandlerMapping> mappings) throws Exception {
        AuthenticationEntryPoint entryPoint = WebSecurity::unauthorized;
        AuthenticationFilter tokens = new AuthenticationFilter(manager, request -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            ApiTokenAuthentication presented = new ApiTokenAuthentication(header.substring(7).trim());
            presented.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
            return presented;
        });
        tokens.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
        tokens.setSuccessHandler((request, response, authentication) -> { });
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator/**")
                .authenticationManager(manager)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .cors(cors -> cors.configurationSource(cors(properties)))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .addFilterBefore(tokens, BasicAuthenticationFilter.class)
                .addFilterAfter(new ActingUserFilter(), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied(log)))
                .authorizeHttpRequests(a -> {
                    a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    a.requestMatchers(HttpMethod.GET, "/api/health", "/actuator/health", "/actuator/health/**")
                            .permitAll();
                    a.requestMatchers("/api/me", "/api/me/**", "/v3/api-docs", "/v3/api-docs/**").authenticated();
                    for (ApiPermissions.Rule rule : ApiPermissions.rules()) {
                        a.requestMatchers(rule.method(), rule.pattern()).hasAuthority(rule.permission().text());
                    }
                    a.requestMatchers("/actuator/**").authenticated(); // what is not exposed answers 404
                    // No rule: a path no controller answers is a signed-in user's 404; an operation without a rule
                    // is closed to everyone (the matrix test finds it).
                    a.anyRequest().access((authentication, context) -> new AuthorizationDecision(
                            isSignedIn(authentication.get()) && !mapped(mappings, context.getRequest())));
                });
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager manager, SecurityProperties properties,
            SecurityLog log) throws Exception {
        AccessDeniedHandlerImpl deniedPage = new AccessDeniedHandlerImpl();
        deniedPage.setErrorPage("/denied");
        AccessDeniedHandler denied = (request, response, exception) -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            String user = auth == null ? null : auth.getName();
            log.record(SecurityEventType.PERMISSION_REFUSED, user, user, request.getRemoteAddr(),
                    request.getMethod() + " " + request.getRequestURI().substring(request.getContextPath().length())
                    + " (web page)");
            deniedPage.handle(request, response, exception);
        };
        http.authenticationManager(manager)
                .cors(cors -> cors.configurationSource(cors(properties)))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").permitAll())
                .addFilterAfter(new ActingUserFilter(), AuthorizationFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler(denied))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico")
                        .permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /** The host check: only loopback names and {@code tandem.security.allowed-hosts}. */
    @Bean
    HttpFirewall httpFirewall(SecurityProperties properties) {
        Set<String> allowed = new LinkedHashSet<>(LOOPBACK);
        properties.allowedHosts().forEach(h -> allowed.add(h.toLowerCase(Locale.ROOT)));
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHostnames(host -> host != null && allowed.contains(host.toLowerCase(Locale.ROOT)));
        return firewall;
    }

    /** A request the firewall refuses (a foreign Host, a malformed path) is a 400 problem, never a 500. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            LOG.info("Refused {} {} (Host {}): {}", request.getMethod(), request.getRequestURI(),
                    request.getHeader(HttpHeaders.HOST), rejected.getMessage());
            ProblemDetail problem = ProblemDetail.forStatus(400);
            problem.setTitle(ServerError.REQUEST_REFUSED.title());
            String reason = rejected.getMessage() == null ? "" : rejected.getMessage();
            problem.setDetail(reason.contains("untrusted") || reason.contains("host")
                    ? "The server does not answer for the host this request names (Host: "
                    + request.getServerName() + "); see tandem.security.allowed-hosts in docs/security.md."
                    : "The request was refused before it was read: " + rejected.getMessage());
            problem.setProperty(ProblemResponses.CODE, ServerError.REQUEST_REFUSED.code());
            ProblemResponses.write(response, problem, null);
        };
    }

    private static UrlBasedCorsConfigurationSource cors(SecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(properties.corsAllowedOrigins());
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key"));
            source.registerCorsConfiguration("/api/**", config);
        }
        return source;
    }

    private static boolean isSignedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Whether a controller answers the request (any method of its path: a wrong method is MVC's 405). */
    private static boolean mapped(ObjectProvider<RequestMappingHandlerMapping> mappings, HttpServletRequest request) {
        RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
        if (mapping == null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() != null && info.getPathPatternsCondition().getPatterns().stream()
                    .anyMatch(p -> p.matches(org.springframework.http.server.PathContainer.parsePath(path)))) {
                return true;
            }
        }
        return false;
    }

    /** 401 problem+json: what was wrong with the credentials, or that there were none. No Basic challenge. */
    static void unauthorized(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        ServerError code = failure instanceof LockedException ? ServerError.SIGN_IN_LOCKED
                : ServerError.SIGN_IN_REQUIRED;
        String detail = failure instanceof LockedException || failure instanceof org.springframework.security
                .authentication.DisabledException ? failure.getMessage()
                : !presented ? "Sign in: send HTTP Basic credentials or a personal API token as 'Authorization: "
                + "Bearer <token>' (docs/security.md)."
                : failure.getMessage() != null && failure.getMessage().contains("token") ? failure.getMessage()
                : "The user name or password is wrong.";
        ProblemDetail problem = ProblemDetail.forStatus(401);
        problem.setTitle(code.title());
        problem.setDetail(detail);
        problem.setProperty(ProblemResponses.CODE, code.code());
        ProblemResponses.write(response, problem, request.getRequestURI());
    }

    /** 403 problem+json naming the permission, and a security-log entry. */
    static AccessDeniedHandler denied(SecurityLog log) {
        return (request, response, denied) -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            String user = auth == null ? null : auth.getName();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String permission = ApiPermissions.required(request).map(Permission::text).orElse(null);
            String operation = request.getMethod() + " " + path;
            log.record(SecurityEventType.PERMISSION_REFUSED, user, user, request.getRemoteAddr(),
                    operation + (permission == null ? " (no rule: closed to everyone)" : " needs " + permission));
            ProblemDetail problem = ProblemDetail.forStatus(403);
            problem.setTitle(ServerError.PERMISSION_REFUSED.title());
            problem.setDetail(permission == null ? operation + " is open to no one."
                    : "User " + user + " lacks the permission " + permission + " ("
                    + Permission.valueOf(permissionName(permission)).description() + ") that " + operation
                    + " needs.");
            problem.setProperty(ProblemResponses.CODE, ServerError.PERMISSION_REFUSED.code());
            if (permission != null) {
                problem.setProperty("permission", permission);
            }
            ProblemResponses.write(response, problem, request.getRequestURI());
        };
    }

    private static String permissionName(String text) {
        for (Permission p : Permission.values()) {
            if (p.text().equals(text)) {
                return p.name();
            }
        }
        throw new IllegalArgumentException(text);
    }

    /** Makes the request's signed-in user the acting user of the apps' audit fields ({@link ActingUser}). */
    static final class ActingUserFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated() || auth.getName() == null
                    || "anonymousUser".equals(auth.getName())) {
                chain.doFilter(request, response);
                return;
            }
            try {
                ActingUser.during(auth.getName(), () -> chain.doFilter(request, response));
            } catch (ServletException | IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ServletException(e);
            }
        }
    }

}
