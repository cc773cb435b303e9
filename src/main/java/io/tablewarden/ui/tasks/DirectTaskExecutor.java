package io.tablewarden.ui.tasks;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and callbacks immediately on the calling thread: for ViewModel tests without a toolkit. */
public final class DirectTaskExecutor implements TaskExecutor {

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return () -> { };
        }
        onSuccess.accept(value);
        return () -> { };
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }
}
