package io.tablewarden.engine.scan;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so that an abandoned call can never keep the application alive. */
final class DaemonThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();

    DaemonThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread t = new Thread(task, prefix + "-" + counter.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
