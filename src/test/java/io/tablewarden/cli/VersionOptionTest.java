package io.tablewarden.cli;

import io.tablewarden.report.BuildInfo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code tablewarden --version} names the version, the build time and the commit. */
class VersionOptionTest {

    @Test
    void versionPrintsTheBuild() {
        CliHarness cli = new CliHarness();
        assertEquals(0, cli.run("--version"));
        BuildInfo build = BuildInfo.current();
        assertEquals("tablewarden " + build.version() + " (built " + build.time() + ", commit " + build.commit()
                + ")", cli.out().trim());
    }
}
