package dev.tandem.server.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tandem.security.*} (docs/security.md, "Settings").
 *
 * @param initialAdminPassword the first administrator's password when {@code tandem serve} starts on a database
 *                             without users; empty (the default): a random one is generated and printed once
 * @param maxFailedSignIns     failed sign-ins in a row after which a user is locked
 * @param maxFailedSignInsPerAddress failed sign-ins from one client address (whatever user names they try), each
 *                             within {@code lockDuration} of the one before, after which the address is locked: higher
 *                             than the user's, since behind a proxy many users share one address (see
 *                             docs/security.md on {@code server.forward-headers-strategy})
 * @param lockDuration         how long such a lock lasts
 * @param allowedHosts         host names (and addresses) a request's {@code Host} header may name, besides
 *                             {@code localhost}, {@code 127.0.0.1} and {@code ::1}; any other is refused (DNS
 *                             rebinding)
 * @param corsAllowedOrigins   origins a browser may call the API from; empty (the default): none, CORS is closed
 * @param tokenDays            how long a personal API token is valid when its creator names no expiry
 */
@ConfigurationProperties("tandem.security")
public record SecurityProperties(
        @DefaultValue("") String initialAdminPassword,
        @DefaultValue("10") int maxFailedSignIns,
        @DefaultValue("50") int maxFailedSignInsPerAddress,
        @DefaultValue("PT15M") Duration lockDuration,
        @DefaultValue("") List<String> allowedHosts,
        @DefaultValue("") List<String> corsAllowedOrigins,
        @DefaultValue("90") int tokenDays) {

    public SecurityProperties {
        if (maxFailedSignIns < 1) {
            throw new IllegalArgumentException("tandem.security.max-failed-sign-ins must be at least 1");
        }
        if (maxFailedSignInsPerAddress < 1) {
            throw new IllegalArgumentException("tandem.security.max-failed-sign-ins-per-address must be at least 1");
        }
        if (lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("tandem.security.lock-duration must be positive");
        }
        allowedHosts = allowedHosts.stream().map(String::trim).filter(h -> !h.isEmpty()).toList();
        corsAllowedOrigins = corsAllowedOrigins.stream().map(String::trim).filter(h -> !h.isEmpty()).toList();
    }
}
