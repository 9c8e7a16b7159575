package dev.tandem.server.security;

import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Counts failed sign-ins and locks (issue 15): the {@code maxFailedSignIns}-th failure in a row of a user locks the
 * user, and the {@code maxFailedSignInsPerAddress}-th of a client address (whatever user names it tries) the address,
 * for {@code lockDuration}. Writes the
 * security log's sign-in entries: every failure, every lock, and each sign-in to the web pages (an API call signs
 * in on every request, so its successes are not logged one by one).
 */
public class SignInEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SignInEvents.class);

    private final UserStore users;
    private final SecurityLog log;
    private final SecurityProperties properties;

    public SignInEvents(UserStore users, SecurityLog log, SecurityProperties properties) {
        this.users = users;
        this.log = log;
        this.properties = properties;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String username = attempt instanceof ApiTokenAuthentication token ? token.username() : attempt.getName();
        String address = address(attempt);
        String reason = event.getException().getMessage();
        log.record(SecurityEventType.SIGN_IN_FAILED, username, username, address, reason);
        if (!(event instanceof AuthenticationFailureBadCredentialsEvent)) {
            return; // a locked or disabled user: already refused, not one more guess
        }
        if (username != null && !(attempt instanceof ApiTokenAuthentication)) {
            Optional<Instant> locked = users.failed(username, properties.maxFailedSignIns(),
                    properties.lockDuration());
            locked.ifPresent(until -> {
                LOG.warn("User {} locked until {} after {} failed sign-ins", username, until,
                        properties.maxFailedSignIns());
                log.record(SecurityEventType.LOCKED_OUT, username, username, address, "user locked until " + until
                        + " after " + properties.maxFailedSignIns() + " failed sign-ins in a row");
            });
        }
        if (address != null) {
            int max = properties.maxFailedSignInsPerAddress();
            users.addressFailed(address, max, properties.lockDuration()).ifPresent(until -> {
                LOG.warn("Client address {} locked until {} after {} failed sign-ins", address, until, max);
                log.record(SecurityEventType.LOCKED_OUT, username, username, address, "address locked until " + until
                        + " after " + max + " failed sign-ins in a row");
            });
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof TandemUserDetails user && user.failedSignIns() > 0) {
            users.succeeded(user.getUsername());
        }
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        log.record(SecurityEventType.SIGN_IN, auth.getName(), auth.getName(), address(auth), "web sign-in");
    }

    static String address(Authentication authentication) {
        return authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }
}
