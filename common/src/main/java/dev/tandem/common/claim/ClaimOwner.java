package dev.tandem.common.claim;

import dev.tandem.common.Ids;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.UUID;

/**
 * Who holds a claim of work (an integration journal being posted, a bulk confirmation job being processed): one
 * process instance. {@code id} is a UUID made when the process starts, so a restarted process on the same host and
 * with the same pid is a different owner; {@code host} and {@code pid} are there for people reading the claim.
 *
 * <p>{@link #current()} is this process. Tests make other owners with {@link #of} to stand for other processes.
 *
 * @param id   the process instance id
 * @param host the host name the process runs on (as the JVM sees it)
 * @param pid  the operating-system process id
 */
public record ClaimOwner(UUID id, String host, long pid) {

    private static final ClaimOwner CURRENT = new ClaimOwner(Ids.newId(), hostName(), ProcessHandle.current().pid());

    public ClaimOwner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
    }

    /** This process: the same owner for every app and database of the JVM. */
    public static ClaimOwner current() {
        return CURRENT;
    }

    /** Another owner (a test's stand-in for a second process). */
    public static ClaimOwner of(String host, long pid) {
        return new ClaimOwner(Ids.newId(), host, pid);
    }

    /** How people read the owner: {@code host:pid}, cut to 255 characters (the claim columns' length). */
    public String label() {
        String label = host + ":" + pid;
        return label.length() <= 255 ? label : label.substring(0, 255);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
