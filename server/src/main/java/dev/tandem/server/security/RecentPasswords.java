package dev.tandem.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder with a short memory of the passwords it has just verified (issue 15). bcrypt costs about
 * 0.1 s of CPU by design; HTTP Basic sends the password with every API call, so a script calling the API with Basic
 * paid it on every request (the API fuzz test went from 26 s to 11 minutes). A password that matched its stored hash
 * is remembered for {@code ttl}, as an HMAC-SHA-256 (with a key drawn at start and never stored) of the password and
 * that hash: a later call with the same password and the same stored hash is answered from memory. Only matches are
 * remembered, so every wrong password still costs a full bcrypt; a changed password changes the stored hash and
 * misses. At most {@value #CAPACITY} entries, the oldest dropped. Personal API tokens are the cheaper way for
 * scripts; this keeps Basic usable.
 */
final class RecentPasswords implements PasswordEncoder {

    /** Entries kept at most. */
    static final int CAPACITY = 10_000;

    private final PasswordEncoder delegate;
    private final Clock clock;
    private final Duration ttl;
    private final SecretKeySpec key;
    private final Map<String, Instant> verified = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > CAPACITY;
        }
    };

    RecentPasswords(PasswordEncoder delegate, Clock clock, Duration ttl) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = mac(rawPassword + "\u0000" + encodedPassword);
        Instant now = clock.instant();
        synchronized (verified) {
            Instant until = verified.get(entry);
            if (until != null && until.isAfter(now)) {
                return true;
            }
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (verified) {
                verified.put(entry, now.plus(ttl));
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
