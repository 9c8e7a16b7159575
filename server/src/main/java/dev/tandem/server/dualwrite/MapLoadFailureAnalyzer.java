package dev.tandem.server.dualwrite;

import dev.tandem.dualwrite.map.MapLoadException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports table maps that stop the server's start as what they are, a configuration problem, not a crash: Spring
 * Boot then logs "APPLICATION FAILED TO START" with every problem (file, line, rule) and what to do, and no stack
 * trace (that goes to the debug log only). {@code tandem serve} prints the same problems after {@code tandem:}.
 * Registered in {@code META-INF/spring.factories}.
 */
class MapLoadFailureAnalyzer extends AbstractFailureAnalyzer<MapLoadException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MapLoadException cause) {
        return new FailureAnalysis(cause.getMessage(), "Correct the table maps (the rules are in docs/dual-write.md, "
                + "\"Validation\"); the maps come from the server jar's maps/ or from the directory in property "
                + DualWriteProperties.PREFIX + ".maps-dir. Or start without the runtime: " + DualWriteProperties.ENABLED
                + "=false.", cause);
    }
}
