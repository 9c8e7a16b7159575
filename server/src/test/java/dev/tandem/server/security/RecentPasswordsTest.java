package dev.tandem.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.junit.jupiter.api.Test;

/** The encoder's memory of verified passwords: only matches, only for the same stored hash, only for a while. */
class RecentPasswordsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder slow = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return "{plain}" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return encoded.equals("{plain}" + raw);
        }
    };

    @Test
    void aVerifiedPasswordIsRememberedForItsHashAndTimeOnlyAndAWrongOneNever() {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-07T10:00:00Z"));
        RecentPasswords encoder = new RecentPasswords(slow, clock, Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            assertThat(encoder.matches("wrong", "{plain}right")).isFalse();
        }
        assertThat(checks).hasValue(3);
        for (int i = 0; i < 3; i++) {
            assertThat(encoder.matches("right", "{plain}right")).isTrue();
        }
        assertThat(checks).hasValue(4);
        assertThat(encoder.matches("right", "{plain}changed")).isFalse();
        assertThat(checks).hasValue(5);
        clock.advance(Duration.ofMinutes(6));
        assertThat(encoder.matches("right", "{plain}right")).isTrue();
        assertThat(checks).hasValue(6);
    }
}
