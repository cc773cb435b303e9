package io.tablewarden.cli;

import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.RegionInventory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressReporterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private static RegionInventory region(String name, RegionInventory.RegionState state) {
        return new RegionInventory(name, state, null, null, null, null, null, Map.of());
    }

    @Test
    void plainModePrintsLinesAndThrottlesProgressPerRegion() {
        ProgressReporter progress = new ProgressReporter(err, false, nanos::get);
        progress.scanStarted("210987654321", List.of("eu-west-1", "us-east-1"));
        progress.regionStarted("eu-west-1");
        progress.regionProgress("eu-west-1", 1, 40, "DescribeTable orders");
        progress.regionProgress("eu-west-1", 2, 40, "DescribeTable users");
        advanceMillis(6000);
        progress.regionProgress("eu-west-1", 12, 40, null);
        progress.regionProgress("eu-west-1", 40, 40, null);
        progress.regionFinished(region("eu-west-1", RegionInventory.RegionState.SCANNED), null);
        progress.resultsReady("eu-west-1", CliHarness.results(Status.FAIL));
        progress.regionFinished(region("us-east-1", RegionInventory.RegionState.DISABLED), "region not enabled");
        progress.finish();
        assertEquals(String.join("\n",
                "Scanning account 210987654321 in 2 regions: eu-west-1, us-east-1",
                "eu-west-1: started",
                "eu-west-1: 1/40 resources (DescribeTable orders)",
                "eu-west-1: 12/40 resources",
                "eu-west-1: 40/40 resources",
                "eu-west-1: scanned",
                "eu-west-1: 2 results, 1 FAIL, 0 ERROR",
                "us-east-1: disabled - region not enabled",
                ""), text());
        assertFalse(text().contains("\r"));
    }

    @Test
    void terminalModeRedrawsOneLineAndClearsItAtTheEnd() {
        ProgressReporter progress = new ProgressReporter(err, true, nanos::get);
        progress.scanStarted("210987654321", List.of("eu-west-1", "us-east-1"));
        progress.regionStarted("eu-west-1");
        advanceMillis(200);
        progress.regionProgress("eu-west-1", 10, 40, "DescribeTable orders");
        String afterFirst = text();
        progress.regionProgress("eu-west-1", 11, 40, "DescribeTable users");
        assertEquals(afterFirst, text(), "redraws at most every 100 ms");
        advanceMillis(200);
        progress.regionProgress("eu-west-1", 20, 40, "DescribeTable users");
        String text = text();
        assertTrue(text.startsWith("Scanning account 210987654321 in 2 regions: eu-west-1, us-east-1\n"), text);
        String last = text.substring(text.lastIndexOf('\r') + 1);
        assertEquals("[############............]  50%  20/40 resources  0/2 regions  eu-west-1: DescribeTable users",
                last.stripTrailing());
        assertFalse(text.substring(text.indexOf('\n') + 1).contains("\n"), "the bar never starts a new line");

        progress.regionFinished(region("us-east-1", RegionInventory.RegionState.FAILED), "endpoint unreachable");
        assertTrue(text().contains("\rus-east-1: failed - endpoint unreachable\n\r["), "problems stay above the bar");

        progress.finish();
        String end = text();
        assertTrue(end.endsWith("\r"), "line cleared for what follows");
        String cleared = end.substring(end.lastIndexOf('\r', end.length() - 2) + 1, end.length() - 1);
        assertTrue(cleared.isBlank() && !cleared.isEmpty(), "the bar is overwritten with blanks");
    }

    @Test
    void barLineIsCappedToTheTerminalWidthWeAssume() {
        ProgressReporter progress = new ProgressReporter(err, true, nanos::get);
        progress.scanStarted("210987654321", List.of("eu-west-1"));
        progress.regionProgress("eu-west-1", 1, 2, "DescribeTable " + "x".repeat(200));
        assertEquals(ProgressReporter.MAX_LINE, progress.barLine().length());
        assertTrue(progress.barLine().endsWith("..."));
    }

    @Test
    void scanCommandShowsPlainProgressWhenStderrIsNoTerminal() {
        CliHarness cli = new CliHarness();
        cli.runner = (checks, request, listener, cancellation) -> {
            listener.scanStarted(CliHarness.ACCOUNT, List.of("eu-west-1"));
            listener.regionStarted("eu-west-1");
            listener.regionProgress("eu-west-1", 1, 1, "DescribeTable orders");
            return CliHarness.outcome(ScanOutcome.ScanState.COMPLETED, CliHarness.results(Status.PASS));
        };
        cli.run("scan", "--demo");
        assertTrue(cli.err().contains("eu-west-1: 1/1 resources (DescribeTable orders)"), cli.err());
        CliHarness quiet = new CliHarness();
        quiet.runner = cli.runner;
        quiet.run("scan", "--demo", "--no-progress");
        assertEquals("", quiet.err());
    }

    @Test
    void scanCommandDrawsTheBarOnATerminal() {
        CliHarness cli = new CliHarness();
        cli.terminal = true;
        cli.runner = (checks, request, listener, cancellation) -> {
            listener.scanStarted(CliHarness.ACCOUNT, List.of("eu-west-1"));
            listener.regionProgress("eu-west-1", 1, 2, "DescribeTable orders");
            return CliHarness.outcome(ScanOutcome.ScanState.COMPLETED, CliHarness.results(Status.PASS));
        };
        cli.run("scan", "--demo");
        assertTrue(cli.err().contains("\r[############............]  50%"), cli.err());
    }

    @Test
    void countsNeverGoBackwardsWhenReportsArriveOutOfOrder() {
        ProgressReporter progress = new ProgressReporter(err, false, nanos::get);
        progress.scanStarted("210987654321", List.of("eu-west-1"));
        progress.regionProgress("eu-west-1", 6, 8, "table a");
        advanceMillis(6000);
        progress.regionProgress("eu-west-1", 5, 8, "table b");
        progress.regionFinished(region("eu-west-1", RegionInventory.RegionState.SCANNED), null);
        progress.regionProgress("eu-west-1", 7, 8, "late");
        String out = text();
        assertTrue(out.contains("eu-west-1: 6/8 resources (table b)"), out);
        assertFalse(out.contains("5/8"), out);
        assertFalse(out.contains("late"), out);
    }

    @Test
    void aMessageThatOnlyRepeatsTheStateIsLeftOut() {
        ProgressReporter progress = new ProgressReporter(err, false, nanos::get);
        progress.regionFinished(region("eu-west-1", RegionInventory.RegionState.CANCELLED), "cancelled");
        assertEquals("eu-west-1: cancelled\n", text());
    }
}
