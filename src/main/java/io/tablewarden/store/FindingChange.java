package io.tablewarden.store;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;

/**
 * One finding identity seen in one or both of two scans.
 *
 * @param before the result in the older scan, or null when it had none
 * @param after  the result in the newer scan, or null when it has none
 */
public record FindingChange(CheckResult before, CheckResult after) {

    /** The result that names the finding (the newer one when both exist). */
    public CheckResult latest() {
        return after != null ? after : before;
    }

    /** Status in the older scan, or null. */
    public Status statusBefore() {
        return before == null ? null : before.status();
    }

    /** Status in the newer scan, or null. */
    public Status statusAfter() {
        return after == null ? null : after.status();
    }
}
