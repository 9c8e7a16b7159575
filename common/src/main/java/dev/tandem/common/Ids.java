package dev.tandem.common;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Row identifiers. Tandem uses time-ordered UUIDs (version 7): they are globally unique like Dataverse GUIDs, so a
 * row keeps its id across both apps, and they sort by creation time, which keeps B-tree inserts at the index's end.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    /** A new version-7 UUID. Thread-safe. */
    public static UUID newId() {
        return GENERATOR.generate();
    }
}
