package dev.tandem.server.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A personal API token ({@code Authorization: Bearer tdm_…}): before authentication it holds the presented value,
 * after it the user it belongs to and their authorities. The value is never kept once checked.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private transient String value;
    private final String username;
    private final String tokenId;

    /** A presented token, not yet checked. */
    ApiTokenAuthentication(String value) {
        super(List.of());
        this.value = value;
        this.username = null;
        this.tokenId = null;
        setAuthenticated(false);
    }

    /** A checked token of {@code username}. */
    ApiTokenAuthentication(String username, String tokenId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.username = username;
        this.tokenId = tokenId;
        super.setAuthenticated(true);
    }

    String value() {
        return value;
    }

    /** The token's user, once checked; {@code null} before. */
    public String username() {
        return username;
    }

    /** The id of the token (its public part), once checked. */
    public String tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public void eraseCredentials() {
        value = null;
        super.eraseCredentials();
    }
}
