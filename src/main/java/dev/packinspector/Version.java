package dev.packinspector;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this build, as the POM's {@code <version>} names it ({@code 0.1.0-SNAPSHOT}): Maven
 * writes it into {@code dev/packinspector/version.properties}, and the command line's
 * {@code --version}, the window and the packaging script ({@code jlink/build-dist.sh}) all read it
 * from there. Immutable, thread-safe.
 */
public final class Version {
    private static final String RESOURCE = "version.properties";
    /** What {@link #current()} says when the classes were not built by Maven (the resource is missing or unfilled). */
    public static final String UNKNOWN = "unknown";
    private static final String CURRENT = read();

    private Version() {
    }

    /** This build's version, e.g. {@code 0.1.0-SNAPSHOT}; {@link #UNKNOWN} if the build did not record one. */
    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            var properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            // an unfiltered copy (an IDE that skips Maven's resource filtering) still says ${project.version}
            return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
