package dev.tandem.server;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The test-only endpoints under {@code /api/probe} (ServerContract's ProbeController) are outside the permission
 * matrix, which closes any endpoint it has no rule for: here they need a signed-in user only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class TestProbeSecurity {

    /** The path prefix of the test-only endpoints. */
    public static final String PROBES = "/api/probe/";

    @Bean
    @Order(0)
    SecurityFilterChain probes(HttpSecurity http, AuthenticationManager manager) throws Exception {
        return http.securityMatcher(PROBES + "**").authenticationManager(manager)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> { })
                .authorizeHttpRequests(a -> a.anyRequest().authenticated()).build();
    }
}
