package dev.tandem.common.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Base class of every suite that touches a database: the whole class runs once on H2 and once on PostgreSQL,
 * and each test method gets a fresh, migrated database.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(DatabaseKind.class)
public abstract class DatabaseTest {

    @Parameter
    protected DatabaseKind database;

    private HikariDataSource dataSource;

    /** Flyway locations of the schema under test, e.g. {@code classpath:db/operations}. */
    protected abstract List<String> migrationLocations();

    @BeforeEach
    void openDatabase() {
        dataSource = TestDatabases.create(database, migrationLocations());
    }

    @AfterEach
    void closeDatabase() {
        TestDatabases.destroy(database, dataSource);
    }

    /** The fresh database of the current test. */
    protected DataSource dataSource() {
        return dataSource;
    }
}
