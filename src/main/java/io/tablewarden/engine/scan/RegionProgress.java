package io.tablewarden.engine.scan;

import io.tablewarden.engine.ScanListener;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts units of work in one region (a table, a service part, a key) and reports them with the current call. */
final class RegionProgress {

    private final String region;
    private final ScanListener listener;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();

    RegionProgress(String region, ScanListener listener) {
        this.region = region;
        this.listener = listener;
    }

    void addWork(int units) {
        total.addAndGet(units);
    }

    void activity(String text) {
        listener.regionProgress(region, done.get(), total.get(), text);
    }

    void finished(String what) {
        listener.regionProgress(region, done.incrementAndGet(), total.get(), what);
    }
}
