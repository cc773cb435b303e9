package io.tablewarden.ui.scan;

import io.tablewarden.app.ReportBuilder;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.report.ScanReport;
import io.tablewarden.ui.tasks.TaskExecutor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Gathers a running scan's events on the engine's worker threads and hands the UI thread one consistent
 * view at a time. While a view is waiting to be applied, further events only change the gathered state,
 * so a burst of progress events costs the UI thread one update rather than hundreds.
 */
final class LiveScan implements ScanListener {

    /** One region as the UI shows it. */
    record RegionView(RegionStatus.Phase phase, double progress, String message, String detail) {
        RegionView(RegionStatus.Phase phase, double progress, String message) {
            this(phase, progress, message, "");
        }
    }

    /** Everything the UI needs at one moment. */
    record View(LiveScan scan, Map<String, RegionView> regions, double progress, String activity,
                List<CheckResult> results, boolean resultsChanged) {

        ScanReport.ScanInfo info(String state, Instant finished, AccountInventory inventory) {
            return ReportBuilder.liveInfo(state, inventory, scan.accountId, new ArrayList<>(regions.keySet()),
                    scan.parameters, scan.started, finished);
        }
    }

    final CancellationToken cancellation = new CancellationToken();
    final Instant started;
    private final CheckParameters parameters;
    private final Consumer<View> apply;
    private final TaskExecutor executor;
    private final AtomicBoolean flushPending = new AtomicBoolean();

    private final Map<String, RegionView> regions = new LinkedHashMap<>();
    private final List<CheckResult> results = new ArrayList<>();
    private volatile String accountId;
    private String activity;
    private boolean regionsKnown;
    private boolean resultsChanged;

    LiveScan(Consumer<View> apply, TaskExecutor executor, List<String> requested, Instant started,
             CheckParameters parameters) {
        this.apply = apply;
        this.executor = executor;
        this.started = started;
        this.parameters = parameters;
        requested.forEach(r -> regions.put(r, new RegionView(RegionStatus.Phase.WAITING, 0, "waiting")));
    }

    @Override
    public void scanStarted(String account, List<String> scanRegions) {
        synchronized (this) {
            accountId = account;
            regionsKnown = true;
            for (String r : scanRegions) {
                regions.putIfAbsent(r, new RegionView(RegionStatus.Phase.WAITING, 0, "waiting"));
            }
            activity = "Scanning " + scanRegions.size() + " regions of account " + account;
        }
        schedule();
    }

    @Override
    public void regionStarted(String region) {
        synchronized (this) {
            regions.put(region, new RegionView(RegionStatus.Phase.SCANNING, -1, "listing resources"));
        }
        schedule();
    }

    @Override
    public void regionProgress(String region, int done, int total, String what) {
        synchronized (this) {
            double fraction = total <= 0 ? -1 : Math.min(1.0, done / (double) total);
            regions.put(region, new RegionView(RegionStatus.Phase.SCANNING, fraction,
                    done + " of " + total + (what == null || what.isBlank() ? "" : " · " + what)));
            if (what != null && !what.isBlank()) {
                activity = region + ": " + what;
            }
        }
        schedule();
    }

    @Override
    public void regionFinished(RegionInventory region, String message) {
        RegionView view = switch (region.state()) {
            case SCANNED -> {
                List<CollectionError> failed = region.failedCalls();
                yield new RegionView(failed.isEmpty() ? RegionStatus.Phase.DONE : RegionStatus.Phase.INCOMPLETE, 1,
                        region.contents(), failed.isEmpty() ? "" : CollectionError.summary(failed));
            }
            case DISABLED -> new RegionView(RegionStatus.Phase.SKIPPED, 0, "skipped",
                    region.regionError() == null ? "" : region.regionError().message());
            case CANCELLED -> new RegionView(RegionStatus.Phase.CANCELLED, 0, "cancelled");
            case FAILED -> new RegionView(RegionStatus.Phase.FAILED, 0, "failed",
                    region.regionError() == null ? "" : region.regionError().describe());
        };
        synchronized (this) {
            regions.put(region.region(), view);
        }
        schedule();
    }

    @Override
    public void resultsReady(String region, List<CheckResult> regionResults) {
        synchronized (this) {
            results.addAll(regionResults);
            resultsChanged = true;
            RegionView r = regions.get(region);
            if (r != null && (r.phase() == RegionStatus.Phase.DONE
                    || r.phase() == RegionStatus.Phase.INCOMPLETE)) {
                regions.put(region, new RegionView(r.phase(), 1, regionResults.size() + " results", r.detail()));
            }
        }
        schedule();
    }

    String accountId() {
        return accountId;
    }

    /** Applies the gathered state now (on the UI thread), so the end of a scan shows its last events. */
    void flushNow() {
        flushPending.set(false);
        apply.accept(view());
    }

    /** A consistent copy of the gathered state; marks the results as seen. */
    synchronized View view() {
        double overall = -1;
        if (regionsKnown && !regions.isEmpty()) {
            double sum = 0;
            for (RegionView r : regions.values()) {
                boolean ended = r.phase() != RegionStatus.Phase.WAITING && r.phase() != RegionStatus.Phase.SCANNING;
                sum += ended ? 1 : Math.max(0, r.progress());
            }
            overall = sum / regions.size();
        }
        View v = new View(this, new LinkedHashMap<>(regions), overall, activity, List.copyOf(results), resultsChanged);
        resultsChanged = false;
        return v;
    }

    private void schedule() {
        if (flushPending.compareAndSet(false, true)) {
            executor.onUiThread(() -> {
                if (flushPending.compareAndSet(true, false)) {
                    apply.accept(view());
                }
            });
        }
    }
}
