package io.tablewarden.app;

import java.net.URI;
import java.nio.file.Path;

/** An account served on loopback by the local simulator, as the rest of the tool sees it. */
public interface LocalAccount extends AutoCloseable {

    /** Base URL every AWS client should use. */
    URI endpoint();

    /**
     * An enabled region of the served account: global calls are signed for it, and the example command
     * printed by {@code simulate} uses it.
     */
    String exampleRegion();

    /** Stops serving. */
    @Override
    void close();

    /** Why {@code fixture}, which is not a regular file, cannot be served. */
    static String notAFixtureFile(Path fixture) {
        return fixture.toFile().isDirectory() ? "fixture " + fixture + " is a folder, not a file"
                : "fixture file not found: " + fixture;
    }
}
