package dev.tandem.server.security;

import dev.tandem.common.Page;
import dev.tandem.common.TandemException;
import dev.tandem.server.ServerError;
import dev.tandem.server.api.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users and their tokens over the API (issue 15, docs/security.md):
 * <ul>
 *   <li>{@code /api/me}: the signed-in user, their password and their personal API tokens (any signed-in user);</li>
 *   <li>{@code /api/admin/users}: users and roles ({@code user:manage}; reading needs {@code security:read});</li>
 *   <li>{@code /api/admin/security-events}: the security log ({@code security:read}).</li>
 * </ul>
 * A new token's value and a reset password are in the answer only, once; they are stored as hashes and never logged.
 * Refusals: 400 {@code INVALID_INPUT} (a rule of names, passwords, roles), 404 {@code NOT_FOUND}, 409
 * {@code DUPLICATE} (the user exists).
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AccountController {

    /** The signed-in user as {@code GET /api/me} shows them. */
    public record Me(String username, Set<Role> roles, List<String> permissions) {
    }

    /** {@code POST /api/me/tokens}: a name for the token, and optionally how many days it is valid (1 to 366). */
    public record TokenRequest(String name, Integer days) {
    }

    /** A token just created: {@code token} is its value, shown this once. */
    public record NewToken(String id, String name, Instant expiresAt, String token) {
    }

    /** {@code POST /api/me/password}: the current password and the new one. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /** {@code POST /api/admin/users}: a new user with a first password and at least one role. */
    public record NewUser(String username, String password, Set<String> roles) {
    }

    /** {@code PATCH /api/admin/users/{username}}: what to change; absent members stay. */
    public record UserPatch(Boolean enabled, Set<String> roles) {
    }

    /** A reset password, shown this once. */
    public record ResetPassword(String username, String password) {
    }

    private final UserStore users;
    private final SecurityLog log;
    private final Accounts accounts;

    public AccountController(UserStore users, SecurityLog log, Accounts accounts) {
        this.users = users;
        this.log = log;
        this.accounts = accounts;
    }

    @GetMapping("/api/me")
    Me me(Authentication auth) {
        UserStore.User user = users.require(auth.getName());
        return new Me(user.username(), user.roles(), user.roles().stream().flatMap(r -> r.permissions().stream())
                .map(Permission::text).distinct().sorted().toList());
    }

    /** Changes the signed-in user's own password; the current one must be given (a stolen session is not enough). */
    @PostMapping("/api/me/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange body, Authentication auth,
            HttpServletRequest request) {
        accounts.changeOwnPassword(auth.getName(), body == null ? null : body.currentPassword(),
                body == null ? null : body.newPassword(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/me/tokens")
    List<UserStore.Token> tokens(Authentication auth) {
        return users.tokens(auth.getName());
    }

    /** Creates a personal API token; its value is in this answer only. */
    @PostMapping("/api/me/tokens")
    ResponseEntity<NewToken> createToken(@RequestBody TokenRequest body, Authentication auth,
            HttpServletRequest request) {
        UserStore.CreatedToken created = accounts.createToken(auth.getName(), body == null ? null : body.name(),
                body == null ? null : body.days(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(new NewToken(created.token().id(),
                created.token().name(), created.token().expiresAt(), created.value()));
    }

    @DeleteMapping("/api/me/tokens/{tokenId}")
    UserStore.Token revokeToken(@PathVariable String tokenId, Authentication auth, HttpServletRequest request) {
        return accounts.revokeToken(auth.getName(), tokenId, request.getRemoteAddr());
    }

    @GetMapping("/api/admin/users")
    Page<UserStore.User> listUsers(PageRequest page) {
        return page.toPage(users.list((int) page.offset(), page.size()), users.count());
    }

    @GetMapping("/api/admin/users/{username}")
    UserStore.User user(@PathVariable String username) {
        return users.require(username);
    }

    @PostMapping("/api/admin/users")
    ResponseEntity<UserStore.User> createUser(@RequestBody NewUser body, Authentication auth,
            HttpServletRequest request) {
        if (body == null) {
            throw new TandemException(ServerError.INVALID_INPUT, "A user needs username, password and roles.");
        }
        UserStore.User user = accounts.create(body.username(), body.password(), body.roles(), auth.getName(),
                request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(user);
    }

    @PatchMapping("/api/admin/users/{username}")
    UserStore.User changeUser(@PathVariable String username, @RequestBody UserPatch body, Authentication auth,
            HttpServletRequest request) {
        UserStore.User user = users.require(username);
        if (body != null && body.roles() != null) {
            user = accounts.setRoles(username, body.roles(), auth.getName(), request.getRemoteAddr());
        }
        if (body != null && body.enabled() != null) {
            user = accounts.setEnabled(username, body.enabled(), auth.getName(), request.getRemoteAddr());
        }
        return user;
    }

    /** Sets a new random password for a user (and clears a lock); the password is in this answer only. */
    @PostMapping("/api/admin/users/{username}/reset-password")
    ResetPassword resetPassword(@PathVariable String username, Authentication auth, HttpServletRequest request) {
        return new ResetPassword(username, accounts.resetPassword(username, auth.getName(), request.getRemoteAddr()));
    }

    @GetMapping("/api/admin/security-events")
    Page<SecurityLog.Event> securityEvents(@RequestParam(required = false) String type, PageRequest page) {
        SecurityEventType wanted = null;
        if (type != null && !type.isBlank()) {
            try {
                wanted = SecurityEventType.valueOf(type.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TandemException(ServerError.INVALID_INPUT, "type: one of "
                        + java.util.Arrays.toString(SecurityEventType.values()) + ".", java.util.Map.of("field",
                        "type"));
            }
        }
        return page.toPage(log.page(wanted, (int) page.offset(), page.size()), log.count(wanted));
    }
}
