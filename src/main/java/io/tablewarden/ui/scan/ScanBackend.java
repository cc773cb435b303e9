package io.tablewarden.ui.scan;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.profiles.ProfileEnvironment;

import java.util.List;

/**
 * The blocking work behind the scan page, called on a worker thread: run a scan and list a target's enabled
 * regions. Production uses {@link EngineScanBackend}; tests may feed scripted events instead.
 */
public interface ScanBackend {

    /**
     * Runs a scan against {@code target} and returns when it ends. The request's connection is ignored:
     * the backend connects to the target itself.
     */
    ScanOutcome scan(ScanTarget target, ScanRequest request, ScanListener listener, CancellationToken cancellation)
            throws Exception;

    /** The regions {@code target}'s account has enabled, sorted by name. */
    List<String> enabledRegions(ScanTarget target) throws Exception;

    /**
     * This backend reading AWS profiles from {@code profiles}: the files the workbench shows are the files
     * its scans use. A backend that does not read profiles returns itself.
     */
    default ScanBackend forProfiles(ProfileEnvironment profiles) {
        return this;
    }
}
