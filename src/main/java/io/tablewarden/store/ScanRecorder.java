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
 * running by {@link #start}; raw answers are written as they come, {@value #RAW_CHUNK} at a time, so a large
 * region's answers do not wait in memory for the region to end; each region's inventory, its last raw answers and
 * its results are written in one transaction when its results arrive; {@link #finish} closes the row with the
 * state and counts.
 *
 * <p>Listener calls come from the engine's worker threads. They only hand work to one writer thread, so the
 * scan never waits on the disk and the database sees one writer.
 */
public final class ScanRecorder implements ScanListener, AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScanRecorder.class);

    private final ScanRepository scans;
    private final long scanId;
    private final ExecutorService writer;
    /** Raw answers written together ahead of their region's results. */
    static final int RAW_CHUNK = 1_000;

    /** Raw answers not yet handed to the writer, per region; guarded by itself. */
    private final Map<String, List<RawResponse>> rawByRegion = new java.util.HashMap<>();
    private final Map<String, RegionInventory> inventoryByRegion = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
    /** What could not be stored (a region's results, the scanned account), in the order it was lost. */
    private final Set<String> lost = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());

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
        submit("the scanned account", () -> scans.identify(scanId, accountId, null, null, regions));
    }

    @Override
    public boolean wantsRawResponses() {
        return true;
    }

    @Override
    public void rawResponse(RawResponse response) {
        List<RawResponse> full = null;
        synchronized (rawByRegion) {
            List<RawResponse> pending = rawByRegion.computeIfAbsent(response.region(), r -> new ArrayList<>());
            pending.add(response);
            if (pending.size() >= RAW_CHUNK) {
                full = pending;
                rawByRegion.remove(response.region());
            }
        }
        if (full != null) {
            List<RawResponse> chunk = full;
            submit("raw answers of " + response.region(), () -> scans.writeRaw(scanId, chunk));
        }
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
        List<RawResponse> raw;
        synchronized (rawByRegion) {
            raw = rawByRegion.remove(region);
        }
        List<RawResponse> rawCopy = raw == null ? List.of() : raw;
        submit("the results of " + region, () -> scans.writeRegion(scanId, region, inventory, rawCopy, copy));
    }

    /**
     * Waits for the pending writes and ends the scan row. A scan whose results could not all be stored (the
     * database stayed locked past the retry budget, the disk is full) is stored {@code incomplete} with the reason,
     * never {@code completed}; a cancelled or failed one keeps its state and the reason is added to its own.
     *
     * @param outcome    what the engine returned (null when it threw)
     * @param finishedAt end time, the one the reports show
     * @return the scan as stored
     * @throws IncompleteScanException when some results could not be stored; the row says so
     * @throws StoreException          when the scan row itself could not be closed
     */
    public ScanSummary finish(ScanOutcome outcome, Instant finishedAt) {
        StoredScanState state = outcome == null ? StoredScanState.FAILED : stateOf(outcome.state());
        String reason = outcome == null ? "the scan stopped with an unexpected error" : outcome.failureReason();
        AccountInventory inventory = outcome == null ? null : outcome.inventory();
        ScanStats stats = outcome == null ? null : outcome.stats();
        drain();
        if (inventory != null && inventory.accountId() != null) {
            List<String> regions = new ArrayList<>();
            inventory.regions().forEach(r -> regions.add(r.region()));
            // No regions means the scan ended before discovery; the requested ones stay on record.
            write("the scanned account", () -> scans.identify(scanId, inventory.accountId(), inventory.partition(),
                    inventory.callerArn(), regions.isEmpty() ? null : regions, inventory.accountAlias()));
        }
        // What a region collected before its results could come (a cancelled scan) is kept all the same.
        Map<String, List<RawResponse>> pendingRaw;
        synchronized (rawByRegion) {
            pendingRaw = new java.util.HashMap<>(rawByRegion);
            rawByRegion.clear();
        }
        Set<String> leftover = new TreeSet<>(pendingRaw.keySet());
        leftover.addAll(inventoryByRegion.keySet());
        for (String region : leftover) {
            List<RawResponse> rawCopy = pendingRaw.getOrDefault(region, List.of());
            write("what " + region + " collected", () -> scans.writeRegion(scanId, region,
                    inventoryByRegion.get(region), rawCopy, List.of()));
        }
        inventoryByRegion.clear();
        RuntimeException failure = firstFailure.get();
        if (failure != null) {
            String storage = "not everything could be stored (" + String.join(", ", lost) + "): "
                    + failure.getMessage();
            if (state == StoredScanState.COMPLETED) {
                state = StoredScanState.INCOMPLETE;
                reason = storage;
            } else {
                reason = reason == null ? storage : reason + "; " + storage;
            }
        }
        // Even after a failed region write the row is closed, so it never looks like a running scan.
        scans.finish(scanId, state, finishedAt, reason, stats);
        ScanSummary stored = scans.require(scanId);
        if (failure != null) {
            throw new IncompleteScanException(stored, failure);
        }
        return stored;
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

    private void submit(String what, Runnable write) {
        if (writer.isShutdown()) {
            return;
        }
        Future<?> ignored = writer.submit(() -> attempt(what, write));
    }

    /**
     * Runs one write unless an earlier one failed: after a failure (each write already waited through a busy
     * database for the whole retry budget) the rest is not stored, but the scan itself goes on. Either way what is
     * lost is noted, so {@link #finish} can say it.
     */
    private void attempt(String what, Runnable write) {
        if (firstFailure.get() != null) {
            lost.add(what);
            return;
        }
        write(what, write);
    }

    /** Runs one write now (the scan has ended, so waiting costs no results); a failure is noted. */
    private void write(String what, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            lost.add(what);
            firstFailure.compareAndSet(null, e);
            LOG.warn("could not store {} of scan {}", what, scanId, e);
        } catch (OutOfMemoryError e) {
            // On the writer thread nobody would see it: the write is lost and the scan must not look complete.
            lost.add(what);
            firstFailure.compareAndSet(null, new StoreException("out of memory while storing " + what, e));
            LOG.warn("ran out of memory storing {} of scan {}", what, scanId, e);
        }
    }

    static StoredScanState stateOf(ScanOutcome.ScanState state) {
        return switch (state) {
            case COMPLETED -> StoredScanState.COMPLETED;
            case CANCELLED -> StoredScanState.CANCELLED;
            case FAILED -> StoredScanState.FAILED;
        };
    }
}
