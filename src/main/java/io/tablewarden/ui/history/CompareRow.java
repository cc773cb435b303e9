package io.tablewarden.ui.history;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.store.FindingChange;

/**
 * One line of the comparison table.
 *
 * @param checkId      check
 * @param resourceName table or cluster name
 * @param resourceArn  its ARN
 * @param region       its region
 * @param before       status in the older scan, or null
 * @param after        status in the newer scan, or null
 * @param statusText   the newest explanation of the result
 */
public record CompareRow(String checkId, String resourceName, String resourceArn, String region, Status before,
                         Status after, String statusText) {

    static CompareRow of(FindingChange change) {
        CheckResult r = change.latest();
        return new CompareRow(r.checkId(), r.resource().name(), r.resource().arn(), r.resource().region(),
                change.statusBefore(), change.statusAfter(), r.statusText());
    }
}
