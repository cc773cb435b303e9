package io.tablewarden.cli;

import io.tablewarden.engine.ScanListener;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.report.TerminalText;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Scan progress on stderr. On a terminal it redraws one line ({@code \r}) with a bar over all regions;
 * otherwise (CI logs, redirected stderr) it prints plain lines, at most one per region every few seconds.
 * The engine calls it from worker threads, hence the synchronisation.
 */
public final class ProgressReporter implements ScanListener {

    static final int BAR_WIDTH = 24;
    static final int MAX_LINE = 100;
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long PLAIN_LINE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final Map<String, RegionProgress> regions = new LinkedHashMap<>();
    private int drawnLength;
    private long lastDraw = Long.MIN_VALUE;
    private String activity = "";

    public ProgressReporter(PrintStream err, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    private static final class RegionProgress {
        int done;
        int total;
        boolean finished;
        long lastPrinted = Long.MIN_VALUE;
    }

    @Override
    public synchronized void scanStarted(String accountId, List<String> regionNames) {
        regionNames.forEach(r -> regions.computeIfAbsent(r, k -> new RegionProgress()));
        line(String.format("Scanning account %s in %d region%s: %s", accountId, regionNames.size(),
                regionNames.size() == 1 ? "" : "s", String.join(", ", regionNames)));
    }

    @Override
    public synchronized void regionStarted(String region) {
        regions.computeIfAbsent(region, k -> new RegionProgress());
        activity = region + ": started";
        if (terminal) {
            draw(true);
        } else {
            err.println(TerminalText.clean(region) + ": started");
        }
    }

    @Override
    public synchronized void regionProgress(String region, int done, int total, String what) {
        RegionProgress p = regions.computeIfAbsent(region, k -> new RegionProgress());
        if (p.finished) {
            // A worker's late report after the region ended must not move the region backwards.
            return;
        }
        // Workers report concurrently, so an older count can arrive after a newer one: counts only grow.
        p.done = Math.max(p.done, done);
        p.total = Math.max(p.total, total);
        done = p.done;
        total = p.total;
        activity = what == null || what.isBlank() ? region : region + ": " + what;
        long now = nanoTime.getAsLong();
        if (terminal) {
            draw(false);
        } else if (done >= total || p.lastPrinted == Long.MIN_VALUE || now - p.lastPrinted >= PLAIN_LINE_NANOS) {
            p.lastPrinted = now;
            err.printf("%s: %d/%d resources%s%n", TerminalText.clean(region), done, total,
                    what == null || what.isBlank() ? "" : " (" + TerminalText.clean(what) + ")");
        }
    }

    @Override
    public synchronized void regionFinished(RegionInventory region, String message) {
        RegionProgress p = regions.computeIfAbsent(region.region(), k -> new RegionProgress());
        p.finished = true;
        p.done = p.total;
        String state = region.state() == null ? "finished" : region.state().name().toLowerCase(Locale.ROOT);
        boolean saysMore = message != null && !message.isBlank() && !message.equalsIgnoreCase(state);
        String text = region.region() + ": " + state + (saysMore ? " - " + message : "");
        if (terminal && region.state() == RegionInventory.RegionState.SCANNED) {
            activity = text;
            draw(true);
        } else {
            line(text);
        }
    }

    @Override
    public synchronized void resultsReady(String region, List<CheckResult> results) {
        if (!terminal) {
            long failed = results.stream().filter(r -> r.status() == Status.FAIL).count();
            long errors = results.stream().filter(r -> r.status() == Status.ERROR).count();
            err.printf("%s: %d results, %d FAIL, %d ERROR%n", TerminalText.clean(region), results.size(), failed,
                    errors);
        }
    }

    /** Clears the progress line so that whatever follows starts on a clean line. */
    public synchronized void finish() {
        if (terminal && drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }

    /** A message that stays: on a terminal it is printed above the bar, which is then redrawn. */
    private void line(String text) {
        if (terminal) {
            finish();
            err.println(TerminalText.clean(text));
            draw(true);
        } else {
            err.println(TerminalText.clean(text));
        }
    }

    private void draw(boolean force) {
        if (regions.isEmpty()) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (!force && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        String text = TerminalText.clean(barLine());
        String padding = text.length() < drawnLength ? " ".repeat(drawnLength - text.length()) : "";
        err.print("\r" + text + padding);
        err.flush();
        drawnLength = text.length();
    }

    /** e.g. {@code [##########..............]  42%  12/28 resources  1/3 regions  eu-west-1: DescribeTable orders} */
    String barLine() {
        int done = 0;
        int total = 0;
        int finished = 0;
        for (RegionProgress p : regions.values()) {
            done += p.done;
            total += p.total;
            finished += p.finished ? 1 : 0;
        }
        double fraction = total == 0 ? (double) finished / regions.size() : (double) done / total;
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        String text = String.format("[%s%s] %3d%%  %d/%d resources  %d/%d regions  %s", "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled), Math.round(fraction * 100), done, total, finished, regions.size(),
                activity);
        return text.length() > MAX_LINE ? text.substring(0, MAX_LINE - 3) + "..." : text;
    }
}
