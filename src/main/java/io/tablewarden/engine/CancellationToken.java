package io.tablewarden.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Cooperative cancellation of a scan: workers poll it, blocking waits register a callback. */
public final class CancellationToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            callbacks.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Runs {@code callback} on cancellation (immediately if already cancelled). */
    public void onCancel(Runnable callback) {
        callbacks.add(callback);
        if (cancelled.get()) {
            callback.run();
        }
    }
}
