package dev.tandem.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.operations.OperationsSchema;
import dev.tandem.server.TandemCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code tandem users} as an administrator runs it on the databases (issue 15): a new user's password and a token are
 * printed once and work, the list shows roles and state, a disabled user shows so, a bad role is refused with the
 * roles named. Subclasses supply the database kind.
 */
abstract class UsersCommandContract {

    private HikariDataSource operationsDb;
    private HikariDataSource financeDb;

    abstract DatabaseKind kind();

    @BeforeEach
    void databases() {
        operationsDb = TestDatabases.create(kind(), Arrays.asList(OperationsSchema.LOCATIONS));
        financeDb = TestDatabases.create(kind(), Arrays.asList(FinanceSchema.LOCATIONS));
    }

    @AfterEach
    void dropDatabases() {
        TestDatabases.destroy(kind(), operationsDb);
        TestDatabases.destroy(kind(), financeDb);
    }

    private record Result(int code, String out, String err) {
    }

    private Result users(String... words) {
        List<String> args = new ArrayList<>(List.of("users"));
        args.addAll(List.of(words));
        args.addAll(dev.tandem.server.ServerDatabases.commandLineSettings("operations", operationsDb));
        args.addAll(dev.tandem.server.ServerDatabases.commandLineSettings("finance", financeDb));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TandemCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aUserAndATokenAreCreatedPrintedOnceAndWork() {
        Result added = users("add", "anna", "--role", "project-manager", "--role", "viewer");
        assertThat(added.code()).as(added.err()).isZero();
        String password = added.out().lines().filter(l -> l.startsWith("Password (shown this once): ")).findFirst()
                .orElseThrow().substring("Password (shown this once): ".length());
        UserStore store = new UserStore(operationsDb, Clock.systemUTC());
        assertThat(store.encoder().matches(password, store.stored("anna").orElseThrow().passwordHash())).isTrue();
        assertThat(store.require("anna").roles()).containsExactlyInAnyOrder(Role.PROJECT_MANAGER, Role.VIEWER);

        Result token = users("token", "anna", "--name", "nightly export", "--days", "30");
        assertThat(token.code()).as(token.err()).isZero();
        String value = token.out().lines().filter(l -> l.startsWith(UserStore.TOKEN_PREFIX)).findFirst().orElseThrow();
        assertThat(store.match(value)).hasValueSatisfying(t -> assertThat(t.username()).isEqualTo("anna"));

        assertThat(users("list").out()).containsPattern("anna\\s+enabled\\s+\\[project-manager, viewer]");
        assertThat(users("disable", "anna").code()).isZero();
        assertThat(users("list").out()).containsPattern("anna\\s+disabled");
        Result reset = users("reset-password", "anna");
        String fresh = reset.out().substring(reset.out().lastIndexOf(' ') + 1).trim();
        assertThat(store.encoder().matches(fresh, store.stored("anna").orElseThrow().passwordHash())).isTrue();
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(operationsDb).queryForList(
                "SELECT event_type FROM security_event WHERE username = 'anna' ORDER BY event_id", String.class))
                .containsExactly("USER_CREATED", "TOKEN_CREATED", "USER_CHANGED", "PASSWORD_CHANGED");
    }

    @Test
    void anUnknownRoleIsRefusedWithTheRolesNamed() {
        Result refused = users("add", "ben", "--role", "boss");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).startsWith("tandem: roles: 'boss' is not a role").contains("project-manager",
                "accountant", "integration-admin", "viewer", "administrator");
        assertThat(users("list").out()).doesNotContain("ben");
    }
}
