package dev.tandem.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Tandem's version, as Maven wrote it into {@code application.properties} ({@code tandem.version}) at build time.
 * Read without starting Spring, so {@code tandem version} answers at once.
 */
public final class TandemVersion implements IVersionProvider {

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        Properties properties = new Properties();
        try (InputStream in = TandemVersion.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("application.properties is unreadable", e);
        }
        return properties.getProperty("tandem.version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tandem " + current()};
    }
}
