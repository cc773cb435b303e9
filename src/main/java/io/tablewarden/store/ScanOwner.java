package io.tablewarden.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the process that started a scan still runs. The start time guards against a recycled PID: a new
 * process with the same number started later than the recorded one.
 */
final class ScanOwner {

    private ScanOwner() {
    }

    static boolean isAlive(long pid, String recordedStart) {
        if (pid <= 0) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Optional<Instant> start = handle.get().info().startInstant();
        if (recordedStart == null || start.isEmpty()) {
            return true;
        }
        return start.get().equals(Instant.parse(recordedStart));
    }
}
