package io.tablewarden.ui.tasks;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Background work on a small daemon pool; callbacks on the JavaFX application thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService pool;

    public FxTaskExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "workbench-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Future<?> future = pool.submit(() -> {
            try {
                T value = work.call();
                onUiThread(() -> onSuccess.accept(value));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception | Error e) {
                onUiThread(() -> onFailure.accept(e));
            }
        });
        return () -> future.cancel(true);
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
