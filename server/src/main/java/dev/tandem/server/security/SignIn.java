package dev.tandem.server.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The ways to sign in (docs/security.md): a user name and password (HTTP Basic on the API, the form on the web
 * pages), checked by Spring Security's {@link DaoAuthenticationProvider} against the stored hash, and a personal
 * API token; both refused while the client address is locked, and a password sign-in while the user is locked or
 * disabled, each with a message that says so and until when.
 */
final class SignIn {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private SignIn() {
    }

    /** Loads users for the password check. */
    static UserDetailsService users(UserStore store, Clock clock) {
        return username -> store.stored(username).map(s -> new TandemUserDetails(s.user(), s.passwordHash(),
                clock.instant())).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** The password provider, with Tandem's messages for a locked or disabled user. */
    static DaoAuthenticationProvider passwords(UserStore store, Clock clock, SecurityProperties properties) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users(store, clock));
        provider.setPasswordEncoder(new RecentPasswords(store.encoder(), clock, java.time.Duration.ofMinutes(5)));
        provider.setPreAuthenticationChecks(checks(properties));
        return provider;
    }

    private static UserDetailsChecker checks(SecurityProperties properties) {
        return details -> {
            if (details instanceof TandemUserDetails user && user.lockedUntil() != null) {
                throw new LockedException("Sign-in for " + user.getUsername() + " is locked until "
                        + TIME.format(user.lockedUntil()) + " after " + properties.maxFailedSignIns()
                        + " failed sign-ins in a row; even the right password is refused until then. An "
                        + "administrator can unlock it by setting a new password or enabling the user.");
            }
            if (!details.isEnabled()) {
                throw new DisabledException("User " + details.getUsername() + " is disabled; an administrator can "
                        + "enable it again.");
            }
        };
    }

    /** Personal API tokens: known, not revoked, not expired, of an enabled user who is not locked. */
    static AuthenticationProvider tokens(UserStore store, Clock clock) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                ApiTokenAuthentication presented = (ApiTokenAuthentication) authentication;
                UserStore.Token token = store.match(presented.value()).orElseThrow(() ->
                        new BadCredentialsException("The API token is not valid."));
                Instant now = clock.instant();
                if (!token.usableAt(now)) {
                    throw new BadCredentialsException("The API token " + token.id() + " is "
                            + (token.revokedAt() != null ? "revoked" : "expired") + ".");
                }
                UserStore.User user = store.find(token.username()).orElseThrow(() ->
                        new BadCredentialsException("The API token is not valid."));
                if (!user.enabled()) {
                    throw new DisabledException("User " + user.username() + " is disabled; their tokens don't work.");
                }
                if (user.lockedAt(now)) {
                    throw new LockedException("Sign-in for " + user.username() + " is locked until "
                            + TIME.format(user.lockedUntil()) + "; their tokens don't work until then.");
                }
                store.used(token);
                ApiTokenAuthentication result = new ApiTokenAuthentication(user.username(), token.id(),
                        TandemUserDetails.authorities(user));
                result.setDetails(authentication.getDetails());
                return result;
            }

            @Override
            public boolean supports(Class<?> type) {
                return ApiTokenAuthentication.class.isAssignableFrom(type);
            }
        };
    }

    /** Refuses every sign-in from a locked client address before any other check. */
    static AuthenticationProvider addressLock(UserStore store) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                String address = SignInEvents.address(authentication);
                Optional<Instant> until = address == null ? Optional.empty() : store.addressLockedUntil(address);
                if (until.isPresent()) {
                    throw new LockedException("Sign-in from " + address + " is locked until "
                            + TIME.format(until.get()) + " after too many failed sign-ins from this address.");
                }
                return null; // not decided here: the next provider checks the credentials
            }

            @Override
            public boolean supports(Class<?> type) {
                return true;
            }
        };
    }
}
