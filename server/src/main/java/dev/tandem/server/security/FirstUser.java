package dev.tandem.server.security;

import java.io.PrintStream;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The first start of {@code tandem serve} on a database without users creates {@value #ADMIN}, holding every role so
 * that the firm can start working and hand out narrower roles (docs/security.md). Its password is
 * {@code tandem.security.initial-admin-password} when set; otherwise a random one, printed once on standard output
 * (not through the log, which may be shipped elsewhere) and never stored in clear text.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class FirstUser implements ApplicationRunner {

    /** The first user's name. */
    public static final String ADMIN = "admin";

    private static final Logger LOG = LoggerFactory.getLogger(FirstUser.class);

    private final UserStore users;
    private final SecurityLog log;
    private final SecurityProperties properties;
    private final PrintStream console;

    public FirstUser(UserStore users, SecurityLog log, SecurityProperties properties) {
        this.users = users;
        this.log = log;
        this.properties = properties;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!users.isEmpty()) {
            return;
        }
        boolean given = !properties.initialAdminPassword().isBlank();
        String password = given ? properties.initialAdminPassword() : UserStore.randomPassword();
        try {
            users.create(ADMIN, password, EnumSet.allOf(Role.class), ActingUser.SYSTEM);
        } catch (dev.tandem.common.TandemException e) {
            if (e.errorCode() == dev.tandem.server.ServerError.DUPLICATE) {
                return; // another server of the same databases created it first
            }
            throw e;
        } catch (DuplicateKeyException e) {
            return;
        }
        log.record(SecurityEventType.USER_CREATED, ADMIN, ActingUser.SYSTEM, null,
                "first start: every role" + (given ? ", password from tandem.security.initial-admin-password" : ""));
        LOG.info("Created the first user '{}' with every role", ADMIN);
        if (!given) {
            console.println();
            console.println("First start: created user '" + ADMIN + "' with every role. Its password, shown this once:");
            console.println();
            console.println("    " + password);
            console.println();
            console.println("Sign in with it, create your users (tandem users add, or POST /api/admin/users) and change"
                    + " it (POST /api/me/password).");
            console.println();
            console.flush();
        }
    }
}
