package dev.tandem.server.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in user as Spring Security holds them: the authorities are the permissions of the user's roles
 * ({@code invoice:confirm}, …) and the roles themselves ({@code ROLE_project-manager}, for the pages' tags).
 */
public final class TandemUserDetails extends User {

    private final Instant lockedUntil;
    private final int failedSignIns;

    TandemUserDetails(UserStore.User user, String passwordHash, Instant now) {
        super(user.username(), passwordHash, user.enabled(), true, true, !user.lockedAt(now), authorities(user));
        this.lockedUntil = user.lockedAt(now) ? user.lockedUntil() : null;
        this.failedSignIns = user.failedSignIns();
    }

    /** The permissions and roles of a user, as granted authorities. */
    static Collection<GrantedAuthority> authorities(UserStore.User user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : user.roles()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.text()));
            role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.text())));
        }
        return authorities;
    }

    /** Until when sign-in is locked, or {@code null}. */
    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** Failed sign-ins in a row before this one. */
    public int failedSignIns() {
        return failedSignIns;
    }
}
