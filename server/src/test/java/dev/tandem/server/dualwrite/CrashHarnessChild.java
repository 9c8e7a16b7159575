package dev.tandem.server.dualwrite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.UUID;

/**
 * The child JVM of {@link CrashHarnessTest}: both apps with live sync, confirming proforma invoices one after the
 * other until {@code target} are confirmed. The parent kills it with {@code kill -9} at random points and starts it
 * again; each start first lets the runtime resolve batches in doubt, then goes on where the data says it is.
 *
 * <p>Arguments: operations JDBC URL, finance JDBC URL, user, password, target number of confirmed invoices.
 * Prints {@code READY} once started and {@code DONE} when the target is reached.
 */
public final class CrashHarnessChild {

    private CrashHarnessChild() {
    }

    public static void main(String[] args) {
        int target = Integer.parseInt(args[4]);
        try (HikariDataSource operations = pool(args[0], args[2], args[3]);
             HikariDataSource finance = pool(args[1], args[2], args[3])) {
            SyncedWorld world = new SyncedWorld(operations, finance);
            if (!world.built()) {
                world.buildFinance("C-001");
                world.buildOperations("C-001");
            } else {
                world.attach();
            }
            world.startSync(true);
            System.out.println("READY");
            System.out.flush();
            while (confirmed(world) < target) {
                List<UUID> drafts = world.ops.context().jdbc().queryForList("SELECT invoiceid FROM invoice WHERE "
                        + "msdyn_projectinvoicestatus = 192350000", UUID.class);
                if (drafts.isEmpty()) {
                    world.readyTime(1, "1");
                    world.createInvoice();
                    continue;
                }
                world.ops.invoicing().confirmation().confirm(drafts.get(0));
            }
            world.runtime.close();
            System.out.println("DONE");
        }
    }

    private static int confirmed(SyncedWorld world) {
        return world.countOps("SELECT COUNT(*) FROM invoice WHERE msdyn_projectinvoicestatus = 192350002");
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(6);
        return new HikariDataSource(config);
    }
}
