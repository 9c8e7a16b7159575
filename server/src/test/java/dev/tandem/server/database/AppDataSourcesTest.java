package dev.tandem.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.DatabaseUrls;
import dev.tandem.server.database.TandemProperties.DataSourceSettings;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AppDataSourcesTest {

    @Test
    void withoutAUrlAnAppGetsAnH2FileUnderData() {
        DataSourceSettings resolved = AppDataSources.resolve("finance", new DataSourceSettings(null, null, null));

        assertThat(resolved.url()).isEqualTo(DatabaseUrls.h2File(Path.of("data"), "finance"));
        assertThat(resolved.username()).isEqualTo("sa");
    }

    @Test
    void aConfiguredUrlIsUsedAsGiven() {
        DataSourceSettings configured =
                new DataSourceSettings("jdbc:postgresql://db.internal:5432/finance", "tandem", "s3cret");

        assertThat(AppDataSources.resolve("finance", configured)).isSameAs(configured);
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertThat(new DataSourceSettings("jdbc:postgresql://db/x", "tandem", "s3cret").toString())
                .doesNotContain("s3cret").contains("<set>");
    }

    @Test
    void aFailedMigrationClosesThePool() {
        AtomicBoolean migrated = new AtomicBoolean();
        HikariDataSource[] seen = new HikariDataSource[1];
        DataSourceSettings memory = new DataSourceSettings(DatabaseUrls.h2Memory("app_datasources_test"), "sa", "");

        assertThatThrownBy(() -> AppDataSources.openMigrated("probe", memory, dataSource -> {
            seen[0] = (HikariDataSource) dataSource;
            migrated.set(true);
            throw new IllegalStateException("migration V7 failed");
        })).hasMessage("migration V7 failed");

        assertThat(migrated).isTrue();
        assertThat(seen[0].isClosed()).isTrue();
    }
}
