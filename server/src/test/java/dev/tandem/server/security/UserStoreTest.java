package dev.tandem.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.server.database.ServerSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The user store's rules on H2 and PostgreSQL: names, passwords, tokens, and the per-address lock (issue 15). */
@ParameterizedClass(name = "[{0}]")
@EnumSource(DatabaseKind.class)
class UserStoreTest {

    @Parameter
    DatabaseKind kind;

    private com.zaxxer.hikari.HikariDataSource db;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T10:00:00Z"));

    private UserStore store() {
        db = TestDatabases.create(kind, java.util.Arrays.asList(dev.tandem.operations.OperationsSchema.LOCATIONS));
        ServerSchema.migrate(db);
        return new UserStore(db, clock);
    }

    @AfterEach
    void close() {
        if (db != null) {
            TestDatabases.destroy(kind, db);
        }
    }

    @Test
    void namesPasswordsAndRolesAreCheckedWithTheRuleNamed() {
        UserStore users = store();
        assertThatThrownBy(() -> users.create("has space", "long-enough-password", EnumSet.of(Role.VIEWER), "t"))
                .isInstanceOf(TandemException.class).hasMessageContaining("username");
        assertThatThrownBy(() -> users.create("short", "short", EnumSet.of(Role.VIEWER), "t"))
                .hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> users.create("noroles", "long-enough-password", EnumSet.noneOf(Role.class), "t"))
                .hasMessageContaining("at least one role");
        users.create("anna", "long-enough-password", EnumSet.of(Role.VIEWER, Role.ACCOUNTANT), "t");
        assertThatThrownBy(() -> users.create("anna", "long-enough-password", EnumSet.of(Role.VIEWER), "t"))
                .hasMessageContaining("already exists");
        assertThat(users.require("anna").roles()).containsExactlyInAnyOrder(Role.VIEWER, Role.ACCOUNTANT);
        assertThat(users.stored("anna").orElseThrow().passwordHash()).startsWith("{bcrypt}")
                .doesNotContain("long-enough-password");
    }

    @Test
    void aTokenMatchesOnlyItsOwnSecretAndNotOnceRevokedOrExpired() {
        UserStore users = store();
        users.create("tom", "long-enough-password", EnumSet.of(Role.VIEWER), "t");
        UserStore.CreatedToken token = users.createToken("tom", "ci", Duration.ofDays(1));
        assertThat(users.match(token.value())).hasValueSatisfying(t -> assertThat(t.usableAt(clock.instant())).isTrue());
        assertThat(users.match(token.value() + "x")).isEmpty();
        assertThat(users.match("tdm_" + token.token().id() + "_wrong")).isEmpty();
        assertThat(users.match("Basic abc")).isEmpty();
        clock.advance(Duration.ofDays(2));
        assertThat(users.match(token.value()).orElseThrow().usableAt(clock.instant())).isFalse();
        UserStore.CreatedToken second = users.createToken("tom", "cli", Duration.ofDays(1));
        users.revokeToken("tom", second.token().id());
        assertThat(users.match(second.value()).orElseThrow().usableAt(clock.instant())).isFalse();
        assertThat(users.tokens("tom")).hasSize(2);
    }

    @Test
    void failuresFromOneAddressLockItOnlyWhenTheyComeInARow() {
        UserStore users = store();
        Duration lock = Duration.ofMinutes(15);
        for (int i = 0; i < 4; i++) {
            assertThat(users.addressFailed("10.0.0.9", 5, lock)).isEmpty();
        }
        clock.advance(Duration.ofMinutes(20)); // the run is broken: the count starts again
        for (int i = 0; i < 4; i++) {
            assertThat(users.addressFailed("10.0.0.9", 5, lock)).isEmpty();
        }
        assertThat(users.addressLockedUntil("10.0.0.9")).isEmpty();
        assertThat(users.addressFailed("10.0.0.9", 5, lock)).contains(clock.instant().plus(lock));
        assertThat(users.addressLockedUntil("10.0.0.9")).contains(clock.instant().plus(lock));
        assertThat(users.addressLockedUntil("10.0.0.10")).isEmpty();
        clock.advance(lock.plusSeconds(1));
        assertThat(users.addressLockedUntil("10.0.0.9")).isEmpty();
    }

    @Test
    void aUsersFailuresLockThemAndANewPasswordUnlocks() {
        UserStore users = store();
        users.create("lea", "long-enough-password", EnumSet.of(Role.VIEWER), "t");
        for (int i = 0; i < 2; i++) {
            assertThat(users.failed("lea", 3, Duration.ofMinutes(5))).isEmpty();
        }
        assertThat(users.failed("lea", 3, Duration.ofMinutes(5))).isPresent();
        assertThat(users.require("lea").lockedAt(clock.instant())).isTrue();
        users.setPassword("lea", "another-long-password", "admin");
        assertThat(users.require("lea").lockedAt(clock.instant())).isFalse();
        assertThat(users.failed("nobody", 3, Duration.ofMinutes(5))).isEmpty();
    }
}
