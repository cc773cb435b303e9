package io.tablewarden.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What was built: the version, when and from which commit. Maven writes {@code build.properties} next to this
 * class at build time; a class that runs without it (an IDE build) reports "unknown" rather than guessing.
 *
 * @param version the project version ({@code 0.1.0-SNAPSHOT})
 * @param time    when the build ran, ISO-8601 in UTC, or "unknown"
 * @param commit  the abbreviated id of the commit built, or "unknown" outside a git checkout
 */
public record BuildInfo(String version, String time, String commit) {

    private static final String UNKNOWN = "unknown";
    private static final BuildInfo CURRENT = load();

    /** The build of the running program. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /** One line for {@code --version} and the About box: {@code tablewarden 0.1.0 (built …, commit …)}. */
    public String describe() {
        return "tablewarden " + version + " (built " + time + ", commit " + commit + ")";
    }

    static BuildInfo load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return new BuildInfo(ProductInfo.version(), UNKNOWN, UNKNOWN);
            }
            Properties properties = new Properties();
            properties.load(in);
            return from(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged build.properties", e);
        }
    }

    /** Reads the filtered properties; a value Maven left unfilled ({@code ${…}}) counts as unknown. */
    static BuildInfo from(Properties properties) {
        String version = value(properties, "version");
        return new BuildInfo(UNKNOWN.equals(version) ? ProductInfo.version() : version,
                value(properties, "time"), value(properties, "commit"));
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.trim();
    }
}
