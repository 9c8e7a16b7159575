package dev.tandem.server.security;

import dev.tandem.common.TandemException;
import dev.tandem.server.CommandContexts;
import dev.tandem.server.TandemVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code tandem users add|list|disable|enable|reset-password|token}: manages users on the databases {@code tandem
 * serve} uses, without the server (docs/security.md). A new or reset password and a new token are printed once, on
 * standard output, and stored only as hashes. The actor recorded in the security log is the operating-system user.
 * Exit code 0, or 1 with one line {@code tandem: <reason>} when a rule refuses.
 */
@Command(name = "users", mixinStandardHelpOptions = true, versionProvider = TandemVersion.class,
        description = "Manage users, their roles and their API tokens (on the databases serve uses).",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class,
            UsersCommand.Enable.class, UsersCommand.ResetPassword.class, UsersCommand.NewToken.class})
public final class UsersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The operating-system user, who acts in the security log. */
    static String osUser() {
        String name = System.getProperty("user.name");
        return name == null || name.isBlank() ? ActingUser.SYSTEM : name;
    }

    /** What every subcommand shares: the settings as --name=value and the store. */
    abstract static class Base implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = CommandContexts.start(settings.toArray(String[]::new))) {
                PrintWriter out = spec.commandLine().getOut();
                int code = work(context.getBean(UserStore.class), context.getBean(SecurityLog.class), out);
                out.flush();
                return code;
            } catch (TandemException e) {
                spec.commandLine().getErr().println("tandem: " + e.getMessage());
                return 1;
            }
        }

        abstract int work(UserStore users, SecurityLog log, PrintWriter out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Create a user with one or more roles.",
        "Roles: project-manager, accountant, integration-admin, viewer, administrator.",
        "Without --password-stdin a random password is printed once."})
    static final class Add extends Base {
        @Parameters(index = "0", paramLabel = "<username>")
        String username;

        @Option(names = "--role", required = true, paramLabel = "<role>", description = "A role; repeat for several.")
        List<String> roles;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        int work(UserStore users, SecurityLog log, PrintWriter out) {
            String password = passwordStdin ? readLine() : UserStore.randomPassword();
            Set<Role> wanted = Accounts.roles(new java.util.LinkedHashSet<>(roles));
            UserStore.User user = users.create(username, password, wanted, osUser());
            log.record(SecurityEventType.USER_CREATED, username, osUser(), null, "roles "
                    + user.roles().stream().map(Role::text).toList() + " (command line)");
            out.println("Created user " + username + " with roles " + user.roles().stream().map(Role::text).toList()
                    + ".");
            if (!passwordStdin) {
                out.println("Password (shown this once): " + password);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users, their roles and state.")
    static final class ListUsers extends Base {
        @Override
        int work(UserStore users, SecurityLog log, PrintWriter out) {
            java.time.Instant now = java.time.Instant.now();
            for (int offset = 0; ; offset += 500) {
                List<UserStore.User> page = users.list(offset, 500);
                for (UserStore.User u : page) {
                    out.printf("%-30s %-9s %s%n", u.username(), !u.enabled() ? "disabled" : u.lockedAt(now)
                            ? "locked" : "enabled", u.roles().stream().map(Role::text).toList());
                }
                if (page.size() < 500) {
                    return 0;
                }
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user: no sign-in, their tokens stop working.")
    static final class Disable extends Base {
        @Parameters(index = "0", paramLabel = "<username>")
        String username;

        @Override
        int work(UserStore users, SecurityLog log, PrintWriter out) {
            users.setEnabled(username, false, osUser());
            log.record(SecurityEventType.USER_CHANGED, username, osUser(), null, "disabled (command line)");
            out.println("Disabled user " + username + ".");
            return 0;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a user again (clears a lock).")
    static final class Enable extends Base {
        @Parameters(index = "0", paramLabel = "<username>")
        String username;

        @Override
        int work(UserStore users, SecurityLog log, PrintWriter out) {
            users.setEnabled(username, true, osUser());
            log.record(SecurityEventType.USER_CHANGED, username, osUser(), null, "enabled (command line)");
            out.println("Enabled user " + username + ".");
            return 0;
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a new random password (printed once) and clear a lock.")
    static final class ResetPassword extends Base {
        @Parameters(index = "0", paramLabel = "<username>")
        String username;

        @Override
        int work(UserStore users, SecurityLog log, PrintWriter out) {
            String password = UserStore.randomPassword();
            users.setPassword(username, password, osUser());
            log.record(SecurityEventType.PASSWORD_CHANGED, username, osUser(), null, "reset (command line)");
            out.println("New password of " + username + " (shown this once): " + password);
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Create a personal API token for a user (printed once).")
    static final class NewToken extends Base {
        @Parameters(index = "0", paramLabel = "<username>")
        String username;

        @Option(names = "--name", required = true, description = "What the token is for, e.g. the tool using it.")
        String name;

        @Option(names = "--days", defaultValue = "90", description = "Days the token is valid (1 to 366; default 90).")
        int days;

        @Override
        int work(UserStore users, SecurityLog log, PrintWriter out) {
            if (days < 1 || days > 366) {
                throw new TandemException(dev.tandem.server.ServerError.INVALID_INPUT,
                        "--days: a token is valid for 1 to 366 days.");
            }
            UserStore.CreatedToken created = users.createToken(username, name, Duration.ofDays(days));
            log.record(SecurityEventType.TOKEN_CREATED, username, osUser(), null, "token " + created.token().id()
                    + " '" + created.token().name() + "' (command line)");
            out.println("Token " + created.token().id() + " of " + username + ", valid until "
                    + created.token().expiresAt() + " (shown this once):");
            out.println(created.value());
            return 0;
        }
    }

    private static String readLine() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new TandemException(dev.tandem.server.ServerError.INVALID_INPUT,
                        "--password-stdin: standard input is empty.");
            }
            return line;
        } catch (IOException e) {
            throw new TandemException(dev.tandem.server.ServerError.INVALID_INPUT, "--password-stdin: "
                    + e.getMessage());
        }
    }
}
