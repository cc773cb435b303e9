package io.tablewarden.store;

import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanStats;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RawResponse;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records a scan as the engine runs it: attach it as (part of) the scan's listener. The scan row is created
 * running by {@link #start}; each region's inventory, raw answers and results are written in one transaction
 * when its results arrive; {@link #finish} closes the row with the state and counts.
 *
 * <p>Listener calls come from the engine's worker threads. They only hand work to one writer thread, so the
 * scan never waits on the disk and the database sees one writer.
 */
public final class ScanRecorder implements ScanListener, AutoCloseable {

    private final ScanRepository scans;
    private final long scanId;
    private final ExecutorService writer;
    private final Map<String, List<RawResponse>> rawByRegion = new ConcurrentHashMap<>();
    private final Map<String, RegionInventory> inventoryByRegion = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();

    private ScanRecorder(ScanRepository scans, long scanId) {
        this.scans = scans;
        this.scanId = scanId;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tablewarden-store-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Creates the running scan row and returns a recorder for it. */
    public static ScanRecorder start(TablewardenStore store, NewScan scan) {
        return new ScanRecorder(store.scans(), store.scans().create(scan));
    }

    /** Id of the recorded scan. */
    public long scanId() {
        return scanId;
    }

    @Override
    public void scanStarted(String accountId, List<String> regions) {
        submit(() -> scans.identify(scanId, accountId, null, null, regions));
    }

    @Override
    public void rawResponse(RawResponse response) {
        rawByRegion.computeIfAbsent(response.region(), r -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(response);
    }

    @Override
    public void regionFinished(RegionInventory region, String message) {
        if (region != null) {
            inventoryByRegion.put(region.region(), region);
        }
    }

    @Override
    public void resultsReady(String region, List<CheckResult> results) {
        List<CheckResult> copy = List.copyOf(results);
        RegionInventory inventory = inventoryByRegion.remove(region);
        List<RawResponse> raw = rawByRegion.remove(region);
        List<RawResponse> rawCopy;
        if (raw == null) {
            rawCopy = List.of();
        } else {
            synchronized (raw) {
                rawCopy = List.copyOf(raw);
            }
        }
        submit(() -> scans.writeRegion(scanId, region, inventory, rawCopy, copy));
    }

    /**
     * Waits for the pending writes and ends the scan row.
     *
     * @param outcome    what the engine returned (null when it threw)
     * @param finishedAt end time, the one the reports show
     * @throws StoreException when any write failed
     */
    public void finish(ScanOutcome outcome, Instant finishedAt) {
        StoredScanState state = outcome == null ? StoredScanState.FAILED : stateOf(outcome.state());
        String reason = outcome == null ? "the scan stopped with an unexpected error" : outcome.failureReason();
        AccountInventory inventory = outcome == null ? null : outcome.inventory();
        ScanStats stats = outcome == null ? null : outcome.stats();
        drain();
        try {
            if (inventory != null && inventory.accountId() != null) {
                List<String> regions = new ArrayList<>();
                inventory.regions().forEach(r -> regions.add(r.region()));
                // No regions means the scan ended before discovery; the requested ones stay on record.
                scans.identify(scanId, inventory.accountId(), inventory.partition(), inventory.callerArn(),
                        regions.isEmpty() ? null : regions, inventory.accountAlias());
            }
            // What a region collected before its results could come (a cancelled scan) is kept all the same.
            Set<String> leftover = new TreeSet<>(rawByRegion.keySet());
            leftover.addAll(inventoryByRegion.keySet());
            for (String region : leftover) {
                List<RawResponse> raw = rawByRegion.getOrDefault(region, List.of());
                synchronized (raw) {
                    scans.writeRegion(scanId, region, inventoryByRegion.get(region), List.copyOf(raw), List.of());
                }
            }
            rawByRegion.clear();
            inventoryByRegion.clear();
            // Even after a failed region write the row is closed, so it never looks like a running scan.
            scans.finish(scanId, state, finishedAt, reason, stats);
        } catch (RuntimeException e) {
            firstFailure.compareAndSet(null, e);
        }
        RuntimeException failure = firstFailure.get();
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops the writer thread; pending writes are completed first. */
    @Override
    public void close() {
        drain();
    }

    private void drain() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(1, TimeUnit.MINUTES)) {
                firstFailure.compareAndSet(null, new StoreException("the database did not finish writing in time"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(Runnable write) {
        if (writer.isShutdown()) {
            return;
        }
        Future<?> ignored = writer.submit(() -> {
            // After a failed write the rest of the scan is not stored, but the scan itself goes on.
            if (firstFailure.get() != null) {
                return;
            }
            try {
                write.run();
            } catch (RuntimeException e) {
                firstFailure.compareAndSet(null, e);
            }
        });
    }

    static StoredScanState stateOf(ScanOutcome.ScanState state) {
        switch (state) {
            case COMPLETED:
                return StoredScanState.COMPLETED;
            case CANCELLED:
                return StoredScanState.CANCELLED;
            default:
                return StoredScanState.FAILED;
        }
    }
}
