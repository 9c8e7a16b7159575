package dev.tandem.operations.invoicing.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsError;
import dev.tandem.operations.OperationsTestBase;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.masterdata.MasterData.ProjectInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** §3.5 "Generate Invoice Schedule" [D:SCHED]: run dates from the frequency, cutoff = run date − 1, Not Run. */
class InvoiceScheduleTest extends OperationsTestBase {

    private InvoiceSchedules schedules() {
        return ops.invoicing().schedules();
    }

    @Test
    void monthlyScheduleHasOneNotRunRowPerMonthWithTheCutoffTheDayBefore() {
        List<InvoiceScheduleRow> rows = schedules().generate(line, InvoiceFrequency.monthly(1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));

        assertThat(rows).extracting(InvoiceScheduleRow::invoiceRunDate, InvoiceScheduleRow::transactionCutoffDate,
                InvoiceScheduleRow::runStatus).containsExactly(
                tuple(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31), RunStatus.NOT_RUN),
                tuple(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 28), RunStatus.NOT_RUN),
                tuple(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 31), RunStatus.NOT_RUN),
                tuple(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 30), RunStatus.NOT_RUN),
                tuple(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 5, 31), RunStatus.NOT_RUN));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.contractLineId()).isEqualTo(line);
            assertThat(r.contractId()).isEqualTo(contract);
            assertThat(r.runDetail()).isNull();
            assertThat(r.runOn()).isNull();
            assertThat(r.invoiceIds()).isEmpty();
        });
        assertThat(schedules().schedule(line)).isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT createdby FROM tdm_invoiceschedule WHERE tdm_invoicescheduleid = ?",
                String.class, rows.get(0).id())).isEqualTo("pm@example.test");
    }

    @Test
    void monthEndRunsOnTheLastDayOfEachMonth() {
        List<InvoiceScheduleRow> rows = schedules().generate(line, InvoiceFrequency.monthly(31),
                LocalDate.of(2026, 1, 15), LocalDate.of(2026, 4, 30));

        assertThat(rows).extracting(InvoiceScheduleRow::invoiceRunDate).containsExactly(LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30));
        assertThat(rows.get(1).transactionCutoffDate()).isEqualTo(LocalDate.of(2026, 2, 27));
    }

    @Test
    void weeklyBiweeklyAndExplicitDatesFallAfterTheStartAndUpToTheEnd() {
        LocalDate start = LocalDate.of(2026, 3, 2);
        assertThat(InvoiceFrequency.weekly().runDates(start, LocalDate.of(2026, 3, 23))).containsExactly(
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 23));
        assertThat(InvoiceFrequency.biweekly().runDates(start, LocalDate.of(2026, 3, 29))).containsExactly(
                LocalDate.of(2026, 3, 16));

        List<InvoiceScheduleRow> rows = schedules().generate(line, InvoiceFrequency.dates(List.of(
                LocalDate.of(2026, 5, 15), LocalDate.of(2026, 4, 10))), start, LocalDate.of(2026, 12, 31));

        assertThat(rows).extracting(InvoiceScheduleRow::invoiceRunDate, InvoiceScheduleRow::transactionCutoffDate)
                .containsExactly(tuple(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 9)),
                        tuple(LocalDate.of(2026, 5, 15), LocalDate.of(2026, 5, 14)));
    }

    @Test
    void anEndBeforeTheStartIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> schedules().generate(line, InvoiceFrequency.monthly(1), LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 5, 31)))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(OperationsError.INVALID_INPUT);
                    assertThat(e.detail()).contains("2026-05-31", "before", "2026-06-01");
                });
        assertThat(count("tdm_invoiceschedule")).isZero();
    }

    @Test
    void aFixedPriceLineGetsNoDateSchedule() {
        UUID fpProject = ops.masterData().createProject(new ProjectInput("P-FP", "Fixed scope", unit, customer));
        UUID fixed = ops.contracts().addLine(contract, new ContractLineInput("Fixed scope", BillingMethod.FIXED_PRICE,
                fpProject, true, true, true, false, List.of(), null, new BigDecimal("10000")));

        assertThatThrownBy(() -> schedules().generate(fixed, InvoiceFrequency.monthly(1), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30)))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(OperationsError.INVALID_INPUT);
                    assertThat(e.detail()).contains("Fixed scope", "Fixed Price", "Time and Material", "milestone");
                });
        assertThat(count("tdm_invoiceschedule")).isZero();
    }

    @Test
    void aRunDateTheLineAlreadyHasIsRefusedAndNothingIsWritten() {
        schedules().generate(line, InvoiceFrequency.monthly(1), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));

        assertThatThrownBy(() -> schedules().generate(line, InvoiceFrequency.monthly(1), LocalDate.of(2026, 2, 15),
                LocalDate.of(2026, 5, 31)))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(OperationsError.DUPLICATE);
                    assertThat(e.detail()).contains("Development", "2026-03-01").doesNotContain("2026-04-01");
                });
        assertThat(schedules().schedule(line)).hasSize(2);

        // Extending the schedule past its last run date is allowed.
        schedules().generate(line, InvoiceFrequency.monthly(1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31));
        assertThat(schedules().schedule(line)).extracting(InvoiceScheduleRow::invoiceRunDate).containsExactly(
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1));
    }

    @Test
    void badFrequenciesAndEmptyRangesAreRefused() {
        assertThatThrownBy(() -> InvoiceFrequency.monthly(32)).isInstanceOf(TandemException.class)
                .hasMessageContaining("1-31");
        assertThatThrownBy(() -> InvoiceFrequency.dates(List.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1))))
                .isInstanceOf(TandemException.class).hasMessageContaining("differ");
        assertThatThrownBy(() -> schedules().generate(line, InvoiceFrequency.dates(List.of(LocalDate.of(2026, 1, 1))),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.detail()).contains("[2026-01-01]",
                        "not after the start date"));
        assertThatThrownBy(() -> schedules().generate(line, InvoiceFrequency.weekly(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 5)))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.detail())
                        .contains("No invoice run date", "every 7 days"));
        assertThat(count("tdm_invoiceschedule")).isZero();
    }
}
