package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.DatabaseUrls;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import picocli.CommandLine;

/**
 * {@code tandem serve} with table maps that do not validate: the start fails with exit code 1 and every problem
 * (file, line, rule) on stderr after {@code tandem:}; the log says "APPLICATION FAILED TO START" with the same
 * problems, and no stack trace reaches either. The maps come from {@code tandem.dualwrite.maps-dir}, given as a
 * system property as an operator would (or as environment variable TANDEM_DUALWRITE_MAPS_DIR).
 */
@ExtendWith(OutputCaptureExtension.class)
class ServeWithInvalidMapsTest {

    @Test
    void invalidMapsStopTheStartWithEveryProblemAndNoStackTrace(@TempDir Path maps, CapturedOutput output)
            throws Exception {
        Files.writeString(maps.resolve("broken.yaml"), """
                map: broken
                name: Broken
                version: 1.0.0.0
                source: operations/no_such_entity
                target: finance/ProjCDSActualsImportEntity
                key: [actualid]
                fields:
                  - msdyn_actualid = actualid
                """);
        Files.writeString(maps.resolve("unknown.yaml"), """
                map: unknown
                name: Unknown element
                version: 1.0.0.0
                source: operations/msdyn_actuals
                target: finance/ProjCDSActualsImportEntity
                key: [actualid]
                colour: blue
                fields:
                  - msdyn_actualid = actualid
                """);
        String suffix = Long.toHexString(System.nanoTime());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("tandem.operations.datasource.url", DatabaseUrls.h2Memory("invalid_maps_operations_" + suffix));
        properties.put("tandem.finance.datasource.url", DatabaseUrls.h2Memory("invalid_maps_finance_" + suffix));
        properties.put("tandem.dualwrite.maps-dir", maps.toString());
        properties.put("tandem.invoicing.scheduled-runs.enabled", "false");
        StringWriter err = new StringWriter();
        int exitCode;
        properties.forEach(System::setProperty);
        try {
            CommandLine cli = TandemCli.commandLine();
            cli.setOut(new PrintWriter(new StringWriter(), true));
            cli.setErr(new PrintWriter(err, true));
            exitCode = cli.execute("serve", "--port", "0");
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("tandem: Table maps in " + maps + " are not valid (2 files):")
                .contains("\nmaps/broken.yaml:4: DIPV1021 ")
                .contains("maps/unknown.yaml:7: TDM-FORMAT ")
                .doesNotContain("\tat ", "Exception");
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START", "maps/broken.yaml:4: DIPV1021",
                "maps/unknown.yaml:7: TDM-FORMAT", "tandem.dualwrite.maps-dir").doesNotContain("\tat ");
    }
}
