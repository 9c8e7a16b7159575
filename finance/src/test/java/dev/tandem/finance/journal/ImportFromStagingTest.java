package dev.tandem.finance.journal;

import static dev.tandem.finance.StagedActuals.actual;
import static dev.tandem.finance.StagedActuals.billed;
import static dev.tandem.finance.StagedActuals.cost;
import static dev.tandem.finance.StagedActuals.unbilled;
import static dev.tandem.finance.StagedActuals.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.finance.FinanceError;
import dev.tandem.finance.StagedActuals;
import dev.tandem.finance.journal.ImportFromStaging.ImportError;
import dev.tandem.finance.journal.ImportFromStaging.ImportResult;
import dev.tandem.finance.staging.StagingRow;
import dev.tandem.finance.tax.SalesTax;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Import from staging (§3.8, §5 step 5, §8): one line per actual, journals per period, errors, billed sales. */
class ImportFromStagingTest extends JournalTestBase {

    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate MARCH_20 = LocalDate.of(2026, 3, 20);
    private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);

    private void periodUnit(String unit) {
        jdbc.update("UPDATE legal_entity SET journalperiodunit = ?", unit);
    }

    @Test
    void oneLinePerActualInOneJournalPerMonthOfTheAccountingDate() {
        Map<String, Object> march = cost("800.00", "USD", MARCH_2);
        Map<String, Object> marchSales = with(unbilled("1600.00", "USD", MARCH_20), "quantity", new BigDecimal("8"));
        marchSales.put("unitprice", new BigDecimal("200"));
        // The staged accounting date wins over the document date for grouping.
        Map<String, Object> april = with(cost("100.00", "USD", MARCH_20), "accountingdate", APRIL_1);
        stage(march, marchSales, april);

        ImportResult result = importAll();

        assertThat(result.lines()).isEqualTo(3);
        assertThat(result.errors()).isZero();
        assertThat(result.journals()).containsExactly("PIJ-000001", "PIJ-000002");
        List<Journal> journals = journal().journals(LE, JournalStatus.DRAFT);
        assertThat(journals).extracting(Journal::periodStart).containsExactly(LocalDate.of(2026, 3, 1), APRIL_1);
        assertThat(journals).extracting(Journal::lines).containsExactly(2, 1);
        assertThat(journals).extracting(Journal::periodUnit).containsOnly(PeriodUnit.MONTHS);

        JournalLine sales = lineOf((UUID) marchSales.get("actualid"));
        assertThat(sales.journalId()).isEqualTo("PIJ-000001");
        assertThat(sales.transType()).isEqualTo(StagingRow.UNBILLED_SALES);
        assertThat(sales.projectId()).isEqualTo(PROJECT);
        assertThat(sales.contractId()).isEqualTo(CONTRACT);
        assertThat(sales.categoryId()).isEqualTo("Development");
        assertThat(sales.quantity()).isEqualByComparingTo("8");
        assertThat(sales.unitPrice()).isEqualByComparingTo("200");
        assertThat(sales.amount()).isEqualByComparingTo("1600.00");
        assertThat(sales.currency()).isEqualTo("USD");
        assertThat(sales.transDate()).isEqualTo(MARCH_20);
        assertThat(sales.accountingDate()).isEqualTo(MARCH_20);
        assertThat(sales.exchangeRate()).isEqualByComparingTo("1");
        assertThat(sales.linePropertyId()).isEqualTo("Chargeable");
        assertThat(sales.customerAccount()).isEqualTo(CUSTOMER);
        assertThat(sales.status()).isEqualTo(JournalStatus.DRAFT);
        assertThat(sales.voucher()).isNull();
        assertThat(lineOf((UUID) april.get("actualid")).accountingDate()).isEqualTo(APRIL_1);
    }

    @Test
    void theStagingRowIsMarkedProcessedAndLinkedToItsLineThroughTheOutbox() {
        UUID actual = stage(cost("800.00", "USD", MARCH_2)).get(0);

        importAll();

        JournalLine line = lineOf(actual);
        assertThat(staged(actual)).containsEntry("isprocessed", true).containsEntry("integrationcount", 1)
                .containsEntry("projadvancedjournalline", line.lineId()).containsEntry("isjournalized", false);
        List<String> images = jdbc.queryForList("SELECT payload FROM dw_outbox WHERE entity = 'ProjCDSActualsImportEntity' "
                + "AND integration_key = ? AND operation = 'UPDATE'", String.class, actual.toString());
        assertThat(images).singleElement().asString().contains(line.lineId().toString()).contains("\"isprocessed\":true");
    }

    @Test
    void theLegalEntitysPeriodUnitGroupsByDayYearOrNotAtAll() {
        stage(cost("1.00", "USD", MARCH_2), cost("2.00", "USD", MARCH_2), cost("3.00", "USD", MARCH_20),
                cost("4.00", "USD", LocalDate.of(2025, 12, 31)));
        periodUnit("DAYS");
        assertThat(importAll().journals()).hasSize(3);

        stage(cost("5.00", "USD", MARCH_2), cost("6.00", "USD", LocalDate.of(2025, 12, 31)));
        periodUnit("YEARS");
        ImportResult years = importAll();
        assertThat(years.journals()).hasSize(2);
        assertThat(years.journals().stream().map(j -> journal().journal(LE, j).periodStart()))
                .containsExactlyInAnyOrder(LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1));

        stage(cost("7.00", "USD", MARCH_2), cost("8.00", "USD", LocalDate.of(2025, 12, 31)));
        periodUnit("ALL");
        ImportResult all = importAll();
        assertThat(all.journals()).singleElement().satisfies(j -> {
            assertThat(journal().journal(LE, j).periodStart()).isNull();
            assertThat(journal().journal(LE, j).lines()).isEqualTo(2);
        });
    }

    @Test
    void aSecondRunFindsNothingLeft() {
        stage(cost("800.00", "USD", MARCH_2), unbilled("1600.00", "USD", MARCH_2));
        importAll();

        ImportResult again = importAll();

        assertThat(again.lines()).isZero();
        assertThat(again.journals()).isEmpty();
        assertThat(count("projintegrationjournalline")).isEqualTo(2);
        assertThat(count("projintegrationjournal")).isOne();
    }

    @Test
    void aMissingExchangeRateLeavesTheRowUnprocessedAndLogsAnErrorNamingTheActual() {
        UUID usd = stage(cost("800.00", "USD", MARCH_2)).get(0);
        UUID gbp = stage(with(unbilled("1000.00", "GBP", MARCH_2), "contractid", "PC-GBP")).get(0);

        ImportResult result = importAll();

        assertThat(result.lines()).isOne();
        assertThat(result.errors()).isOne();
        assertThat(journal().lineOfActual(gbp)).isEmpty();
        assertThat(staged(gbp)).containsEntry("isprocessed", false).containsEntry("integrationcount", 0)
                .containsEntry("projadvancedjournalline", null);
        assertThat(staged(usd)).containsEntry("isprocessed", true);
        List<ImportError> errors = finance.importFromStaging().errors(LE, 10);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.actualId()).isEqualTo(gbp);
            assertThat(e.errorCode()).isEqualTo(FinanceError.EXCHANGE_RATE_NOT_FOUND.code());
            assertThat(e.message()).contains("Unable to import actual " + gbp, "GBP → USD", "2026-03-02");
        });

        finance.rates().store("ECB", "GBP", "USD", LocalDate.of(2026, 3, 1), new BigDecimal("1.2700000000"));
        ImportResult retry = importAll();

        assertThat(retry.lines()).isOne();
        assertThat(lineOf(gbp).exchangeRate()).isEqualByComparingTo("1.27");
        assertThat(staged(gbp)).containsEntry("isprocessed", true).containsEntry("integrationcount", 1);
    }

    @Test
    void theLinePropertyComesFromTheBillingTypeDefaults() {
        UUID chargeable = stage(unbilled("10.00", "USD", MARCH_2)).get(0);
        UUID nonChargeable = stage(with(cost("10.00", "USD", MARCH_2), "billingtype", StagedActuals.NON_CHARGEABLE))
                .get(0);
        UUID notSpecified = stage(with(cost("10.00", "USD", MARCH_2), "billingtype", null)).get(0);

        importAll();

        assertThat(lineOf(chargeable).linePropertyId()).isEqualTo("Chargeable");
        assertThat(lineOf(nonChargeable).linePropertyId()).isEqualTo("NonChargeable");
        assertThat(lineOf(notSpecified).linePropertyId()).isNull();
    }

    @Test
    void billedSalesAreOfferedToTheProposalImportAfterTheJournalRowsAndOtherTypesStay() {
        List<List<StagingRow>> offered = new ArrayList<>();
        List<Integer> linesWhenOffered = new ArrayList<>();
        ImportFromStaging importer = new ImportFromStaging(finance.context(), finance.postingSetup(), finance.numbers(),
                finance.rates(), new NoSalesTax(), rows -> {
                    offered.add(rows);
                    linesWhenOffered.add(count("projintegrationjournalline"));
                }, 2);
        List<UUID> billed = stage(billed("1.00", "USD", MARCH_2), billed("2.00", "USD", MARCH_2),
                billed("3.00", "USD", MARCH_2));
        UUID resourcingCost = stage(actual(192350007, "4.00", "USD", MARCH_2)).get(0);
        stage(cost("5.00", "USD", MARCH_2));

        ImportResult result = importer.run(LE);

        assertThat(result.lines()).isOne();
        assertThat(result.billedSalesRows()).isEqualTo(3);
        assertThat(offered).extracting(List::size).containsExactly(2, 1);
        assertThat(offered.stream().flatMap(List::stream).map(StagingRow::actualId)).containsExactlyInAnyOrderElementsOf(
                billed);
        assertThat(linesWhenOffered).containsOnly(1);
        for (UUID id : billed) {
            assertThat(staged(id)).containsEntry("isprocessed", false);
        }
        assertThat(staged(resourcingCost)).containsEntry("isprocessed", false);
    }

    @Test
    void rowsAreReadInPagesUntilNoneIsLeft() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            ids.addAll(stage(cost(i + ".00", "USD", MARCH_2.plusDays(i % 3))));
        }
        ImportFromStaging importer = new ImportFromStaging(finance.context(), finance.postingSetup(), finance.numbers(),
                finance.rates(), new NoSalesTax(), BilledSalesImport.NONE, 5);

        ImportResult result = importer.run(LE);

        assertThat(result.lines()).isEqualTo(23);
        assertThat(result.journals()).containsExactly("PIJ-000001");
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT actualid) FROM projintegrationjournalline", Integer.class))
                .isEqualTo(23);
    }

    @Test
    void aDeletedUnpostedLineIsInsertedAgainByTheNextImport() {
        UUID actual = stage(cost("800.00", "USD", MARCH_2)).get(0);
        importAll();
        JournalLine first = lineOf(actual);

        journal().deleteLine(first.lineId());

        assertThat(journal().lineOfActual(actual)).isEmpty();
        assertThat(staged(actual)).containsEntry("isprocessed", false).containsEntry("projadvancedjournalline", null);
        importAll();
        JournalLine second = lineOf(actual);
        assertThat(second.lineId()).isNotEqualTo(first.lineId());
        assertThat(second.amount()).isEqualByComparingTo("800.00");
        assertThat(staged(actual)).containsEntry("isprocessed", true).containsEntry("integrationcount", 2)
                .containsEntry("projadvancedjournalline", second.lineId());
    }

    @Test
    void aJournalPostedWhileTheRunIsStillImportingGetsNoFurtherLines() throws Exception {
        stage(unbilled("1.00", "USD", MARCH_2));
        stage(with(unbilled("2.00", "USD", MARCH_2), "contractid", "PC-002"));
        // Pages of one row; while the second page is being read, another user posts the first page's journal.
        AtomicInteger calls = new AtomicInteger();
        SalesTax postsMeanwhile = new SalesTax() {
            @Override
            public String defaultTaxGroup(String dataAreaId, String projectId, String contractId, String customer) {
                if (calls.incrementAndGet() == 2) {
                    ExecutorService other = Executors.newSingleThreadExecutor();
                    try {
                        other.submit(() -> journal().post(LE, "PIJ-000001")).get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        other.shutdownNow();
                    }
                }
                return null;
            }

            @Override
            public TaxResult calculate(String dataAreaId, String taxGroup, String itemTaxGroup, BigDecimal amount,
                                       String currency, LocalDate date) {
                return TaxResult.none();
            }
        };
        ImportFromStaging importer = new ImportFromStaging(finance.context(), finance.postingSetup(), finance.numbers(),
                finance.rates(), postsMeanwhile, BilledSalesImport.NONE, 1);

        ImportResult result = importer.run(LE);

        assertThat(result.journals()).containsExactly("PIJ-000001", "PIJ-000002");
        assertThat(journal().journal(LE, "PIJ-000001").status()).isEqualTo(JournalStatus.POSTED);
        assertThat(journal().journal(LE, "PIJ-000001").lines()).isOne();
        assertThat(journal().journal(LE, "PIJ-000002").status()).isEqualTo(JournalStatus.DRAFT);
        assertThat(journal().journal(LE, "PIJ-000002").lines()).isOne();
    }

    /**
     * §3.8 Category: the actual's transaction category when it is a project category of the legal entity, else the
     * project category default of the line's classification, else none (and no error).
     */
    @Test
    void theCategoryIsTheActualsProjectCategoryElseTheDefaultOfItsClassificationElseNone() {
        finance.setup().createProjectCategory(LE, "Hours", "Hours");
        finance.setup().createProjectCategory(LE, "Travel", "Travel and expenses");
        finance.setup().setProjectCategoryDefault(LE, StagedActuals.TIME, "Hours");
        finance.setup().setProjectCategoryDefault(LE, 192350001, "Travel");
        Map<String, Object> direct = unbilled("1600.00", "USD", MARCH_2);
        Map<String, Object> unknownTime = with(cost("800.00", "USD", MARCH_2), "transactioncategoryid", "Consulting");
        Map<String, Object> noCategoryTime = with(cost("100.00", "USD", MARCH_2), "transactioncategoryid", null);
        Map<String, Object> expense = with(with(cost("80.00", "USD", MARCH_2), "transactionclassification", 192350001),
                "transactioncategoryid", "Hotel");
        Map<String, Object> material = with(with(cost("60.00", "USD", MARCH_2), "transactionclassification",
                192350002), "transactioncategoryid", "Cables");
        stage(direct, unknownTime, noCategoryTime, expense, material);

        ImportResult result = importAll();

        assertThat(result.lines()).isEqualTo(5);
        assertThat(result.errors()).isZero();
        assertThat(lineOf((UUID) direct.get("actualid")).categoryId()).isEqualTo("Development");
        assertThat(lineOf((UUID) unknownTime.get("actualid")).categoryId()).isEqualTo("Hours");
        assertThat(lineOf((UUID) noCategoryTime.get("actualid")).categoryId()).isEqualTo("Hours");
        assertThat(lineOf((UUID) expense.get("actualid")).categoryId()).isEqualTo("Travel");
        // Neither a project category nor a default for Material: the line has no category, and no error is logged.
        assertThat(lineOf((UUID) material.get("actualid")).categoryId()).isNull();
        assertThat(finance.importFromStaging().errors(LE, 10)).isEmpty();
    }

    @Test
    void aCategoryDefaultNeedsAProjectCategoryOfTheLegalEntityAndAClassificationThatHasDefaults() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> finance.setup().setProjectCategoryDefault(LE,
                StagedActuals.TIME, "Nowhere")).isInstanceOf(dev.tandem.common.TandemException.class)
                .hasMessageContaining("Nowhere");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> finance.setup().setProjectCategoryDefault(LE,
                690970000, "Development")).isInstanceOf(dev.tandem.common.TandemException.class)
                .hasMessageContaining("690970000");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> finance.setup().createProjectCategory(LE,
                "Development", "again")).isInstanceOf(dev.tandem.common.TandemException.class)
                .hasMessageContaining("already exists");
    }
}
