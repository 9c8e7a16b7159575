package dev.tandem.server.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.TandemException;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.operations.OperationsSchema;
import dev.tandem.operations.actuals.AdjustmentStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.invoicing.InvoiceStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 11, acceptance 2: random sequences of the month end's steps — approve, edit a draft, confirm, credit,
 * import from staging, post the integration journals, post the invoice proposals — under a profile that accrues
 * revenue or not; after every step the nine invariants hold (DESIGN §4 and Tandem's 8 and 9) ({@link Reconciliation}), invariant 7 (the
 * ledger's WIP agrees with the subledger) among them. A step that does not apply (nothing to confirm) does nothing; a
 * step Finance or Project Operations refuses (a proposal whose lines wait for the journal) is a refusal, never a
 * broken invariant. jqwik shrinks a failing sequence and reports its seed. Subclasses supply the database kind.
 */
abstract class MonthEndProperties {

    /** One step of a month end; {@code hours} and {@code chargeable} are used by the steps that need them. */
    record Step(Kind kind, int hours, boolean chargeable) {
        @Override
        public String toString() {
            return switch (kind) {
                case APPROVE -> "approve " + hours + " h";
                case EDIT_DRAFT -> chargeable ? "edit draft to " + hours + " h" : "edit draft to non-chargeable";
                default -> kind.name().toLowerCase().replace('_', ' ');
            };
        }
    }

    enum Kind { APPROVE, CREATE_INVOICE, EDIT_DRAFT, CONFIRM, CREDIT, IMPORT, POST_JOURNAL, POST_PROPOSAL }

    abstract DatabaseKind kind();

    /**
     * Sequences of one to three "episodes", each the shape of a month end with every part optional or repeated —
     * approvals, maybe a journal posting, maybe an invoice, edits of its draft, maybe a confirmation, then a random
     * mix of imports, journal postings and proposal postings, maybe a credit — and random steps mixed in between. Pure
     * random sequences almost never reach a posted invoice (approve → journal → invoice → confirm → journal → post
     * in that order); episodes do, while still producing every out-of-order case along the way.
     */
    @Provide
    Arbitrary<List<Step>> monthEnds() {
        Arbitrary<Step> any = step(Arbitraries.of(Kind.class));
        Arbitrary<Step> finance = step(Arbitraries.of(Kind.IMPORT, Kind.POST_JOURNAL, Kind.POST_PROPOSAL));
        Arbitrary<List<Step>> episode = Combinators.combine(
                step(Arbitraries.just(Kind.APPROVE)).list().ofMinSize(1).ofMaxSize(3),
                maybe(step(Arbitraries.just(Kind.POST_JOURNAL)), 80),
                maybe(step(Arbitraries.just(Kind.CREATE_INVOICE)), 90),
                step(Arbitraries.just(Kind.EDIT_DRAFT)).list().ofMaxSize(2),
                maybe(step(Arbitraries.just(Kind.CONFIRM)), 85),
                Arbitraries.oneOf(finance.list().ofMaxSize(3), canonical(Kind.POST_JOURNAL, Kind.POST_PROPOSAL),
                        canonical(Kind.POST_JOURNAL, Kind.POST_PROPOSAL)),
                Arbitraries.oneOf(Arbitraries.just(List.<Step>of()), canonical(Kind.CREDIT),
                        canonical(Kind.CREDIT, Kind.CONFIRM, Kind.POST_JOURNAL, Kind.POST_PROPOSAL)),
                any.list().ofMaxSize(2)).as((approvals, journal, create, edits, confirm, mix, credit, noise) -> {
                    List<Step> steps = new ArrayList<>(approvals);
                    steps.addAll(journal);
                    steps.addAll(create);
                    steps.addAll(edits);
                    steps.addAll(confirm);
                    steps.addAll(mix);
                    steps.addAll(credit);
                    steps.addAll(noise);
                    return steps;
                });
        return episode.list().ofMinSize(1).ofMaxSize(3).map(episodes -> {
            List<Step> all = new ArrayList<>();
            episodes.forEach(all::addAll);
            return all;
        });
    }

    private static Arbitrary<Step> step(Arbitrary<Kind> kinds) {
        return Combinators.combine(kinds, Arbitraries.integers().between(1, 10), Arbitraries.of(true, true, false))
                .as(Step::new);
    }

    /** These steps in this order. */
    private static Arbitrary<List<Step>> canonical(Kind... kinds) {
        List<Arbitrary<Step>> steps = Arrays.stream(kinds).map(k -> step(Arbitraries.just(k))).toList();
        return Combinators.combine(steps).as(list -> list);
    }

    /** The step in a list of one, {@code percent} % of the time, else an empty list. */
    private static Arbitrary<List<Step>> maybe(Arbitrary<Step> step, int percent) {
        return Arbitraries.integers().between(1, 100).flatMap(n -> n <= percent ? step.map(List::of)
                : Arbitraries.just(List.of()));
    }

    /**
     * 40 tries per database kind: about 85 % of them reach a posted invoice (see {@link #monthEnds}); each try builds
     * its own pair of databases.
     */
    @Property(tries = 40, edgeCases = EdgeCasesMode.NONE)
    void everyInvariantHoldsAfterEveryStep(@ForAll("monthEnds") List<Step> steps, @ForAll boolean accrueRevenue) {
        HikariDataSource operationsDb = TestDatabases.create(kind(), Arrays.asList(OperationsSchema.LOCATIONS));
        HikariDataSource financeDb = TestDatabases.create(kind(), Arrays.asList(FinanceSchema.LOCATIONS));
        WipWorld world = null;
        try {
            world = new WipWorld(operationsDb, financeDb, accrueRevenue);
            List<String> done = new ArrayList<>();
            for (Step s : steps) {
                String outcome = apply(world, s);
                done.add(s + (outcome == null ? "" : " (" + outcome + ")"));
                ReconcileReport report = world.reconcile();
                assertThat(report.ok()).as("after %s:%n%s", done, report).isTrue();
                assertThat(report.invariants()).hasSize(9);
            }
            // What the sequences reached, in the property's report, and a floor on it so that the property can't
            // silently stop reaching posted invoices: most tries post one, so a run of 40 tries
            // where none does means the generator broke (the chance of it by luck is below 1 in 10,000).
            int posted = world.opsDb.queryForObject("SELECT COUNT(*) FROM invoice WHERE msdyn_projectinvoicestatus = ?",
                    Integer.class, InvoiceStatus.POSTED.value());
            boolean credited = world.opsDb.queryForObject("SELECT COUNT(*) FROM invoice WHERE msdyn_hascorrections = TRUE AND "
                    + "msdyn_projectinvoicestatus = ?", Integer.class, InvoiceStatus.POSTED.value()) > 0;
            boolean replaced = world.opsDb.queryForObject("SELECT COUNT(*) FROM msdyn_actual WHERE msdyn_adjustmentstatus"
                    + " = ? AND msdyn_invoice IS NOT NULL", Integer.class, AdjustmentStatus.ADJUSTED.value()) > 0;
            Statistics.label("posted invoices").collect(Math.min(posted, 3));
            Statistics.label("credit note posted").collect(credited);
            Statistics.label("edited original replaced").collect(replaced);
            Statistics.label("posted invoices").coverage(c -> c.checkQuery(values -> (Integer) values.get(0) > 0)
                    .count(n -> n >= 1));
            BigDecimal[] trial = world.trialBalance();
            assertThat(trial[0]).as("trial balance after %s", done).isZero();
            assertThat(trial[1]).as("trial balance in accounting currency after %s", done).isZero();
        } finally {
            if (world != null) {
                world.close();
            }
            TestDatabases.destroy(kind(), operationsDb);
            TestDatabases.destroy(kind(), financeDb);
        }
    }

    /** Applies a step; answers what happened when it did not simply apply (nothing to do, refused). */
    private static String apply(WipWorld w, Step s) {
        try {
            switch (s.kind()) {
                case APPROVE -> w.approve(BigDecimal.valueOf(s.hours()));
                case CREATE_INVOICE -> {
                    return w.createInvoice() == null ? "nothing Ready" : null;
                }
                case EDIT_DRAFT -> {
                    UUID draft = latest(w, InvoiceStatus.DRAFT);
                    if (draft == null) {
                        return "no draft";
                    }
                    LineDetail d = w.details(draft).stream().filter(x -> x.sourceActualId() != null && !x.correction())
                            .findFirst().orElse(null);
                    if (d == null) {
                        return "no detail to edit";
                    }
                    w.edit(d.id(), s.chargeable() ? DetailEdit.quantity(BigDecimal.valueOf(s.hours()))
                            : new DetailEdit(BillingType.NON_CHARGEABLE, null, null, null, null, null, null));
                }
                case CONFIRM -> {
                    UUID draft = latest(w, InvoiceStatus.DRAFT);
                    if (draft == null) {
                        return "no draft";
                    }
                    w.confirm(draft);
                }
                case CREDIT -> {
                    UUID posted = latest(w, InvoiceStatus.POSTED);
                    if (posted == null) {
                        return "nothing posted";
                    }
                    w.creditInFull(posted);
                }
                case IMPORT -> w.importFromStaging();
                // As the periodic "Post integration journal" follows "Import from staging" (§8).
                case POST_JOURNAL -> w.importAndPostJournals();
                case POST_PROPOSAL -> {
                    UUID confirmed = latest(w, InvoiceStatus.CONFIRMED);
                    if (confirmed == null) {
                        return "nothing confirmed";
                    }
                    w.postProposal(confirmed);
                }
                default -> throw new IllegalStateException(s.toString());
            }
            return null;
        } catch (TandemException refused) {
            return "refused " + refused.errorCode().code();
        }
    }

    /** The newest invoice in {@code status}, or {@code null}. */
    private static UUID latest(WipWorld w, InvoiceStatus status) {
        List<UUID> ids = w.opsDb.queryForList("SELECT invoiceid FROM invoice WHERE msdyn_projectinvoicestatus = ? "
                + "ORDER BY invoicenumber DESC", UUID.class, status.value());
        return ids.isEmpty() ? null : ids.get(0);
    }
}
