package io.tablewarden.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliContextTest {

    @Test
    void terminalDevicesAreRecognised() {
        assertTrue(CliContext.isTerminalDevice("/dev/pts/3"));
        assertTrue(CliContext.isTerminalDevice("/dev/tty1"));
        assertFalse(CliContext.isTerminalDevice("pipe:[123456]"));
        assertFalse(CliContext.isTerminalDevice("scan.log"));
        assertFalse(CliContext.isTerminalDevice("/dev/null"));
    }
}
