package dev.tandem.server.security;

import dev.tandem.common.TandemException;
import dev.tandem.server.ServerError;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A permission checked inside an operation, where the request's content decides (resuming a map by discarding its
 * queue needs {@code queue:discard} besides the route's {@code map:resume}).
 */
public final class Permissions {

    private Permissions() {
    }

    /**
     * Refuses unless the signed-in user holds {@code permission}.
     *
     * @throws TandemException 403 {@code PERMISSION_REFUSED} naming the permission (member {@code permission})
     */
    public static void require(Permission permission, String what) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean held = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> permission.text().equals(a.getAuthority()));
        if (!held) {
            throw new TandemException(ServerError.PERMISSION_REFUSED, "User " + (auth == null ? "(none)"
                    : auth.getName()) + " lacks the permission " + permission.text() + " (" + permission.description()
                    + ") that " + what + " needs.", Map.of("permission", permission.text()));
        }
    }
}
