package io.tablewarden.ui.tasks;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way screens run work off the UI thread. Production runs work on a small pool and delivers
 * callbacks on the JavaFX thread; tests use {@link DirectTaskExecutor}, which runs everything at once on the
 * calling thread, so ViewModels are tested without a toolkit.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread.
     *
     * @return a handle that cancels the work (interrupting it) if it has not finished
     */
    <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread (from any thread). */
    void onUiThread(Runnable action);

    /** Handle of submitted work. */
    interface Cancellable {
        void cancel();
    }
}
