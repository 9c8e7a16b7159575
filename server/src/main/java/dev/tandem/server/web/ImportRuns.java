package dev.tandem.server.web;

import dev.tandem.common.TandemException;
import dev.tandem.finance.Finance;
import dev.tandem.finance.journal.ImportFromStaging.ImportResult;
import dev.tandem.server.security.ActingUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Import from staging started from a page (§8): the run the API's {@code POST …/import-from-staging} makes
 * ({@code Finance.importFromStaging().run}), on a thread of its own so that the page answers at once and shows the
 * run's progress while it goes (htmx polls it), and the accountant can leave the page and come back to it. The last
 * run of each legal entity is kept in this server's memory: its start, the rows pending then, and once it ends what
 * it did or the domain's refusal. Progress is the pending rows the import has taken since it started, which Finance
 * counts from another transaction as each page of the import commits.
 *
 * <p>One run per legal entity at a time from the pages: starting one while the last still runs shows that one.
 * Finance itself keeps concurrent runs (a page, the API, the periodic job) from importing a row twice.
 */
@Component
class ImportRuns {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRuns.class);

    /** One run: its end is written by the run's thread and read by the pages'. */
    static final class Run {
        private final String dataAreaId;
        private final String user;
        private final OffsetDateTime started;
        private final long pendingAtStart;
        private volatile OffsetDateTime finished;
        private volatile ImportResult result;
        private volatile String refusedCode;
        private volatile String refused;

        Run(String dataAreaId, String user, OffsetDateTime started, long pendingAtStart) {
            this.dataAreaId = dataAreaId;
            this.user = user;
            this.started = started;
            this.pendingAtStart = pendingAtStart;
        }

        public String dataAreaId() {
            return dataAreaId;
        }

        /** Who started it. */
        public String user() {
            return user;
        }

        public OffsetDateTime started() {
            return started;
        }

        /** When it ended; {@code null} while it runs. */
        public OffsetDateTime finished() {
            return finished;
        }

        /** What it did; {@code null} while it runs or when it was refused. */
        public ImportResult result() {
            return result;
        }

        /** The refusal's error code, when the domain refused it. */
        public String refusedCode() {
            return refusedCode;
        }

        /** Why it stopped, when it did not finish. */
        public String refused() {
            return refused;
        }

        public boolean running() {
            return finished == null;
        }
    }

    /** A run and where it stands: rows taken of those pending at its start, and that as a percentage. */
    record Progress(Run run, long done, long of, int percent) {
    }

    private final Finance finance;
    private final Clock clock;
    private final Map<String, Run> last = new ConcurrentHashMap<>();

    ImportRuns(Finance finance, Clock clock) {
        this.finance = finance;
        this.clock = clock;
    }

    /** Starts a run in the legal entity as {@code user}, unless one runs already; answers {@code null} then. */
    synchronized Run start(String dataAreaId, String user) {
        Run current = last.get(dataAreaId);
        if (current != null && current.running()) {
            return null;
        }
        Run run = new Run(dataAreaId, user, OffsetDateTime.now(clock), finance.stagingQueries().pending(dataAreaId));
        last.put(dataAreaId, run);
        Thread.ofVirtual().name("import-from-staging-" + dataAreaId).start(() -> execute(run));
        return run;
    }

    /** The legal entity's last run from a page, with its progress. */
    Optional<Progress> progress(String dataAreaId) {
        Run run = last.get(dataAreaId);
        if (run == null) {
            return Optional.empty();
        }
        long of = run.pendingAtStart;
        long done;
        if (!run.running() && run.result != null) {
            done = of;
        } else {
            done = Math.max(0, Math.min(of, of - finance.stagingQueries().pending(dataAreaId)));
        }
        int percent = of == 0 ? (run.running() ? 0 : 100) : (int) (done * 100 / of);
        return Optional.of(new Progress(run, done, of, percent));
    }

    private void execute(Run run) {
        try {
            ActingUser.during(run.user, () -> run.result = finance.importFromStaging().run(run.dataAreaId));
        } catch (TandemException e) {
            run.refusedCode = e.errorCode().code();
            run.refused = e.detail();
        } catch (Exception e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Import from staging in {} started from a page failed (reference {})", run.dataAreaId,
                    reference, e);
            run.refused = "The import stopped before the end; what it imported until then stays. The server's log "
                    + "has the details under reference " + reference + ".";
        } finally {
            run.finished = OffsetDateTime.now(clock);
        }
    }
}
