package dev.tandem.server.security;

import dev.tandem.common.TandemException;
import dev.tandem.server.ServerError;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What an administrator or a user does to accounts, with its security-log entry (issue 15, docs/security.md): the one
 * place the API ({@link AccountController}) and the web pages go through, so both check and record the same way.
 * {@code actor} is the signed-in user who acts, {@code address} the client's address as the log keeps it.
 */
@Service
public class Accounts {

    private final UserStore users;
    private final SecurityLog log;
    private final SecurityProperties properties;

    public Accounts(UserStore users, SecurityLog log, SecurityProperties properties) {
        this.users = users;
        this.log = log;
        this.properties = properties;
    }

    /**
     * Creates a user with a first password and at least one role ({@code project-manager}, …).
     *
     * @throws TandemException INVALID_INPUT naming the field (user name, password rules, unknown role); DUPLICATE
     */
    public UserStore.User create(String username, String password, Set<String> roleNames, String actor,
            String address) {
        UserStore.User user = users.create(username, password, roles(roleNames), actor);
        log.record(SecurityEventType.USER_CREATED, user.username(), actor, address,
                "roles " + user.roles().stream().map(Role::text).toList());
        return user;
    }

    /** Replaces a user's roles. @throws TandemException NOT_FOUND; INVALID_INPUT for no or an unknown role */
    public UserStore.User setRoles(String username, Set<String> roleNames, String actor, String address) {
        users.require(username);
        UserStore.User user = users.setRoles(username, roles(roleNames), actor);
        log.record(SecurityEventType.USER_CHANGED, username, actor, address,
                "roles " + user.roles().stream().map(Role::text).toList());
        return user;
    }

    /** Enables or disables a user (a disabled user can't sign in, nor use a token). @throws TandemException NOT_FOUND */
    public UserStore.User setEnabled(String username, boolean enabled, String actor, String address) {
        users.require(username);
        UserStore.User user = users.setEnabled(username, enabled, actor);
        log.record(SecurityEventType.USER_CHANGED, username, actor, address, enabled ? "enabled" : "disabled");
        return user;
    }

    /** Sets a new random password (and clears a lock); answers it, to be shown once. */
    public String resetPassword(String username, String actor, String address) {
        users.require(username);
        String password = UserStore.randomPassword();
        users.setPassword(username, password, actor);
        log.record(SecurityEventType.PASSWORD_CHANGED, username, actor, address, "reset by " + actor);
        return password;
    }

    /**
     * Changes the signed-in user's own password; the current one must be given (a stolen session is not enough).
     *
     * @throws TandemException INVALID_INPUT naming {@code currentPassword} or the new password's rule
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String address) {
        UserStore.Stored stored = users.stored(username).orElseThrow();
        if (currentPassword == null || !users.encoder().matches(currentPassword, stored.passwordHash())) {
            throw new TandemException(ServerError.INVALID_INPUT, "currentPassword: is not the current password.",
                    Map.of("field", "currentPassword"));
        }
        users.setPassword(username, newPassword, username);
        log.record(SecurityEventType.PASSWORD_CHANGED, username, username, address, "changed by the user");
    }

    /**
     * Creates a personal API token of the user, valid {@code days} (1 to 366; null: the configured default); its
     * value is in the answer only.
     */
    public UserStore.CreatedToken createToken(String username, String name, Integer days, String address) {
        int valid = days == null ? properties.tokenDays() : days;
        if (valid < 1 || valid > 366) {
            throw new TandemException(ServerError.INVALID_INPUT, "days: a token is valid for 1 to 366 days.",
                    Map.of("field", "days"));
        }
        UserStore.CreatedToken created = users.createToken(username, name, Duration.ofDays(valid));
        log.record(SecurityEventType.TOKEN_CREATED, username, username, address, "token " + created.token().id()
                + " '" + created.token().name() + "', valid until " + created.token().expiresAt());
        return created;
    }

    /** Revokes one of the user's tokens. @throws TandemException NOT_FOUND */
    public UserStore.Token revokeToken(String username, String tokenId, String address) {
        UserStore.Token token = users.revokeToken(username, tokenId);
        log.record(SecurityEventType.TOKEN_REVOKED, username, username, address,
                "token " + tokenId + " '" + token.name() + "'");
        return token;
    }

    /** Role names as the API takes them, refused with the list of known roles. */
    static Set<Role> roles(Set<String> names) {
        if (names == null || names.isEmpty()) {
            throw new TandemException(ServerError.INVALID_INPUT, "roles: a user needs at least one role ("
                    + Role.names() + ").", Map.of("field", "roles"));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(Role.of(name).orElseThrow(() -> new TandemException(ServerError.INVALID_INPUT, "roles: '"
                    + name + "' is not a role; the roles are " + Role.names() + ".", Map.of("field", "roles"))));
        }
        return roles;
    }
}
