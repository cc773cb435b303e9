package io.tablewarden.store;

import io.tablewarden.model.CheckResult;

/**
 * A stored result and whether an active mute covers it. Muting never changes the status: the FAIL stays a FAIL.
 *
 * @param result the result as the check produced it
 * @param muted  an unexpired mute matches its check and resource
 */
public record StoredResult(CheckResult result, boolean muted) {
}
