package io.tablewarden.ui.results;

import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.Status;
import io.tablewarden.store.StoredResult;

import java.util.Map;

/**
 * One resource of the posture matrix with its result per check.
 *
 * @param resource the table or DAX cluster
 * @param cells    result per check id; a check that does not apply to this kind of resource is absent
 */
public record MatrixRow(ResourceRef resource, Map<String, StoredResult> cells) {

    public MatrixRow {
        cells = Map.copyOf(cells);
    }

    /** The cell of one check, or null when the check did not evaluate this resource. */
    public MatrixCell cell(String checkId) {
        StoredResult row = cells.get(checkId);
        return row == null ? null : new MatrixCell(row.result().status(), row.muted());
    }

    /** Failing checks, muted ones included (muting never changes a status). */
    public int failCount() {
        return count(Status.FAIL);
    }

    public int count(Status status) {
        int n = 0;
        for (StoredResult row : cells.values()) {
            if (row.result().status() == status) {
                n++;
            }
        }
        return n;
    }

    /**
     * What a matrix cell shows.
     *
     * @param status the result's status
     * @param muted  whether a mute covers it
     */
    public record MatrixCell(Status status, boolean muted) {

        /** Text for the cell and for screen readers: the status word, marked when muted. */
        public String text() {
            return ResultLabels.status(status) + (muted ? " (muted)" : "");
        }
    }
}
