package dev.tandem.server.dualwrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.dualwrite.runtime.DualWriteSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's settings from {@code tandem.dualwrite.*} and where the map files come from. */
class DualWriteSettingsTest {

    private static DualWriteProperties properties(String homeApp, Duration liveTimeout, long queueLimit, Path maps) {
        return new DualWriteProperties(true, true, homeApp, liveTimeout, queueLimit, Duration.ofMinutes(5), 1000, 200,
                Duration.ofSeconds(5), DualWriteSettings.RETRY_INITIAL_INTERVAL, DualWriteSettings.RETRY_MAX_INTERVAL,
                DualWriteSettings.OUTBOX_RETENTION, maps);
    }

    @Test
    void theDefaultsAreTheRuntimesDefaults() {
        DualWriteSettings settings = properties("operations", Duration.ofMinutes(2), 1_000_000, null).settings();

        assertThat(settings).isEqualTo(DualWriteSettings.defaults());
    }

    @Test
    void aValueOutOfRangeNamesItsProperty() {
        assertThatThrownBy(() -> properties("crm", Duration.ofMinutes(2), 1, null).settings())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tandem.dualwrite.home-app must be operations or finance, not 'crm'");
        assertThatThrownBy(() -> properties("finance", Duration.ZERO, 1, null).settings())
                .hasMessageStartingWith("tandem.dualwrite.live-timeout ");
        assertThatThrownBy(() -> properties("finance", Duration.ofSeconds(1), 0, null).settings())
                .hasMessageStartingWith("tandem.dualwrite.queue-limit ");
    }

    @Test
    void theMapsDirectoryGivesItsYamlFilesInNameOrderNamedUnderMaps(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.yml"), "map: b");
        Files.writeString(dir.resolve("a.yaml"), "map: a");
        Files.writeString(dir.resolve("notes.txt"), "not a map");
        Files.createDirectory(dir.resolve("old.yaml"));

        Map<String, String> files = MapFiles.read(dir);

        assertThat(files).containsExactly(Map.entry("maps/a.yaml", "map: a"), Map.entry("maps/b.yml", "map: b"));
    }

    @Test
    void aMapsDirectoryThatDoesNotExistIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> MapFiles.read(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tandem.dualwrite.maps-dir names no directory: ");
    }

    @Test
    void withoutADirectoryTheMapsPackagedFromTheRepositoryAreRead() throws Exception {
        Map<String, String> files = MapFiles.read(null);

        assertThat(files).containsKey("maps/msdyn_actuals.yaml");
        assertThat(files.get("maps/msdyn_actuals.yaml")).isEqualTo(Files.readString(Path.of("../maps/msdyn_actuals.yaml")));
        try (var repository = Files.list(Path.of("../maps"))) {
            assertThat(files).hasSize((int) repository.filter(p -> p.toString().endsWith(".yaml")).count());
        }
    }
}
