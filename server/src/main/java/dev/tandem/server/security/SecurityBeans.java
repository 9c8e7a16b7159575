package dev.tandem.server.security;

import dev.tandem.server.database.OperationsDatabase;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The security beans every context has, the command line's too ({@code tandem users}, {@code tandem run}): the
 * user store, the security log and who acts. The web's sign-in and permissions are {@link WebSecurity}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityBeans {

    /** The property {@code tandem run} and {@code tandem reconcile} set to the user they act as. */
    public static final String ACTING_USER = "tandem.acting-user";

    @Bean
    UserStore userStore(@OperationsDatabase DataSource operations, Clock clock) {
        return new UserStore(operations, clock);
    }

    @Bean
    SecurityLog securityLog(@OperationsDatabase DataSource operations, Clock clock) {
        return new SecurityLog(operations, clock);
    }

    @Bean
    ActingUser actingUser(@Value("${" + ACTING_USER + ":}") String fallback) {
        return new ActingUser(fallback);
    }
}
