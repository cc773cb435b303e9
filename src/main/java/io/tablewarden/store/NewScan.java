package io.tablewarden.store;

import io.tablewarden.model.CheckParameters;

import java.time.Instant;
import java.util.List;

/**
 * What is known about a scan when it starts.
 *
 * @param profileName     AWS profile used, or null (only its name is kept)
 * @param accountId       audited account when already known, else null (set when the engine learns it)
 * @param regions         regions requested (empty: every enabled region)
 * @param checkIds        checks run
 * @param parameters      check parameters
 * @param toolVersion     version of the tool
 * @param startedAt       start time, the one the reports show
 * @param reevaluationOf  the scan whose inventory this one re-evaluates, or null for a live scan
 */
public record NewScan(String profileName, String accountId, List<String> regions, List<String> checkIds,
                      CheckParameters parameters, String toolVersion, Instant startedAt, Long reevaluationOf) {
    public NewScan {
        regions = regions == null ? List.of() : List.copyOf(regions);
        checkIds = checkIds == null ? List.of() : List.copyOf(checkIds);
        parameters = parameters == null ? CheckParameters.defaults() : parameters;
    }
}
