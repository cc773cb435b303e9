package io.tablewarden.ui.history;

import io.tablewarden.store.ScanSummary;
import io.tablewarden.store.StoredScanState;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the Scans page writes times, durations and states. */
public final class ScanFormat {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ScanFormat() {
    }

    /** Start time in the user's time zone. */
    public static String started(ScanSummary scan, ZoneId zone) {
        return STARTED.format(scan.startedAt().atZone(zone));
    }

    /** "1 min 5 s", "12 s", or a dash for a scan that never finished. */
    public static String duration(ScanSummary scan) {
        if (scan.finishedAt() == null) {
            return "—";
        }
        Duration d = Duration.between(scan.startedAt(), scan.finishedAt());
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 60) {
            return d.toMillis() < 1000 ? "< 1 s" : seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** State in words ("Completed", "Interrupted"); the view shows the failure reason as a tooltip. */
    public static String state(ScanSummary scan) {
        StoredScanState state = scan.state();
        return state.name().charAt(0) + state.name().substring(1).toLowerCase(Locale.ROOT);
    }
}
