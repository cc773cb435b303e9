package io.tablewarden.report;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build facts behind {@code --version}, as Maven's resource filtering wrote them. */
class BuildInfoTest {

    @Test
    void theBuildWroteVersionTimeAndCommit() {
        BuildInfo build = BuildInfo.current();
        assertTrue(build.version().matches("\\d+\\.\\d+\\.\\d+.*"), build.version());
        assertTrue(build.time().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), build.time());
        // Built from a git checkout (as every build of this repository is) the commit is an abbreviated id.
        assertTrue(build.commit().matches("[0-9a-f]{7,40}"), build.commit());
        assertEquals("tablewarden " + build.version() + " (built " + build.time() + ", commit " + build.commit()
                + ")", build.describe());
    }

    @Test
    void placeholdersMavenLeftUnfilledReadAsUnknown() {
        Properties properties = new Properties();
        properties.setProperty("version", "0.3.0");
        properties.setProperty("time", "${build.time}");
        properties.setProperty("commit", "${git.commit.id.abbrev}");
        BuildInfo build = BuildInfo.from(properties);
        assertEquals(new BuildInfo("0.3.0", "unknown", "unknown"), build);
    }
}
