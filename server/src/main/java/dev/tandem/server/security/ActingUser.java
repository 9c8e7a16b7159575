package dev.tandem.server.security;

import java.util.function.Supplier;

/**
 * Who is acting: the name both apps write into their audit fields ({@code createdby}, {@code modifiedby},
 * {@code tdm_approvedby}, …) instead of a constant (issue 15).
 *
 * <p>A request's signed-in user is set for the request's duration ({@link #during}); it is an inheritable
 * thread-local, so the dual-write runtime's worker threads (a new virtual thread per task, created by the request's
 * thread) write the Finance rows a Project Operations change causes with the same name. Without a signed-in user
 * (a periodic job, the command line) the process's fallback acts: {@code tandem.acting-user}, which
 * {@code tandem run} and {@code tandem reconcile} set to the operating-system user or their {@code --as} user, and
 * which is {@value #SYSTEM} for the server's own work.
 */
public final class ActingUser implements Supplier<String> {

    /** The fallback name of work no user started (periodic jobs of the server). */
    public static final String SYSTEM = "system";

    private static final InheritableThreadLocal<String> CURRENT = new InheritableThreadLocal<>();

    private final String fallback;

    /** @param fallback who acts when no user is signed in on the thread; blank: {@value #SYSTEM} */
    public ActingUser(String fallback) {
        this.fallback = fallback == null || fallback.isBlank() ? SYSTEM : fallback.trim();
    }

    /** The signed-in user of this thread (or of the request thread that created it), else the fallback. */
    @Override
    public String get() {
        String user = CURRENT.get();
        return user != null ? user : fallback;
    }

    /** Runs {@code work} with {@code user} acting on this thread and the threads it creates meanwhile. */
    public static void during(String user, ThrowingRunnable work) throws Exception {
        String previous = CURRENT.get();
        CURRENT.set(user);
        try {
            work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Work that may throw what a servlet filter chain throws. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
