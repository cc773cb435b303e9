package io.tablewarden.cli;

/**
 * Where Ctrl-C reaches a command. Production registers a JVM shutdown hook; tests register nothing or
 * fire the callback themselves, so no test ever installs a process-wide hook.
 */
@FunctionalInterface
public interface Interrupts {

    /**
     * Runs {@code callback} when the user interrupts the process. Closing the returned handle removes it.
     * The callback may block briefly to let the command wind down before the JVM exits.
     */
    Registration onInterrupt(Runnable callback);

    /** Removes a callback; never throws. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** A shutdown hook per callback. */
    static Interrupts shutdownHooks() {
        return callback -> {
            Thread hook = new Thread(callback, "tablewarden-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            return () -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // The JVM is already shutting down; the hook is running or has run, nothing to remove.
                }
            };
        };
    }

    /** Never interrupts. */
    static Interrupts none() {
        return callback -> () -> {
        };
    }
}
