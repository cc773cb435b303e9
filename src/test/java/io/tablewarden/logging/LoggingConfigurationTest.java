package io.tablewarden.logging;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log's level switch, its place (never the user's real data folder in tests) and its escaping. */
class LoggingConfigurationTest {

    @Test
    void debugOnlyWithTheVariable() {
        assertEquals("INFO", LogLevel.of(Map.of()));
        assertEquals("INFO", LogLevel.of(Map.of("TABLEWARDEN_DEBUG", "0")));
        assertEquals("DEBUG", LogLevel.of(Map.of("TABLEWARDEN_DEBUG", "1")));
    }

    @Test
    void testsLogUnderTheBuildFolderAndTheSdkStaysAtWarn() {
        Path folder = LogFolder.folder().toAbsolutePath();
        assertTrue(folder.startsWith(Path.of("target").toAbsolutePath()), folder.toString());
        assertFalse(LoggerFactory.getLogger("software.amazon.awssdk.auth").isInfoEnabled());
        assertFalse(LoggerFactory.getLogger("org.apache.http.wire").isInfoEnabled());
        assertTrue(LoggerFactory.getLogger("software.amazon.awssdk.auth").isWarnEnabled());
    }

    @Test
    void controlAndBidiCharactersFromAccountDataAreReplaced() throws Exception {
        Path log = LogFolder.folder().resolve(LogFolder.FILE_NAME);
        Logger logger = LoggerFactory.getLogger(LoggingConfigurationTest.class);
        logger.info("table {} seen", "evil\u001b]0;owned\u0007\nFAKE LINE\u202Egnp.exe");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("table evil?]0;owned??FAKE LINE?gnp.exe seen"), text);
        assertFalse(text.contains("\u001b"));
        assertFalse(text.contains("\u202E"));
    }
}
