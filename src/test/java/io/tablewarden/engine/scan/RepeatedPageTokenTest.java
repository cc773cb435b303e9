package io.tablewarden.engine.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanOutcome.ScanState;
import io.tablewarden.engine.collect.Pages;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.RegionError;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.KmsKeyInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.tablewarden.engine.scan.FullScanTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service that hands back the page token it was asked with (moto does so for Application Auto Scaling past
 * 100 targets) must not hang the scan: for every paginated call the scan makes, the simulator's
 * {@code repeatPageTokens} fault serves that call's second page with the same token forever, and the scan
 * still ends, with the listing's error naming the call.
 */
class RepeatedPageTokenTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dynamodb:ListTables", "dynamodb:ListTagsOfResource",
            "application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScalingPolicies",
            "backup:ListBackupPlans", "backup:ListBackupSelections", "backup:ListRecoveryPointsByResource",
            "dax:DescribeClusters", "dax:ListTags", "kms:ListAliases"})
    void aRepeatedPageTokenStopsTheListingWithAnErrorNamingTheCall(String operation) throws Exception {
        ObjectNode fixture = withSecondBackupPlanAndSelection(ScanFaultsTest.pagingFixture());
        // Tables' own tag listings run only when the region-wide one is refused (ADR 0011).
        String refusal = operation.equals("dynamodb:ListTagsOfResource")
                ? ",\"accessDenied\":[{\"action\":\"tag:GetResources\"}]" : "";
        SimulatedAccount.withFaults(fixture, "{\"repeatPageTokens\":[\"" + operation + "\"]" + refusal + "}");
        try (SimulatedAccount account = SimulatedAccount.start(fixture,
                SimulatorOptions.builder().pageSize(1).build())) {
            ScanOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> account.scan(account.request(List.of("eu-north-1"), 4)));
            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            assertTrue(account.simulator.requestCount(operation) >= 2, "the listing must have paged");
            RegionInventory region = outcome.inventory().regions().get(0);
            if (operation.equals("kms:ListAliases")) {
                // Alias names only decorate a key: unknown (null), never a guess, and the keys are still judged.
                for (KmsKeyInventory key : region.kmsKeys().values()) {
                    assertNull(ok(key.metadata()).aliases());
                }
                return;
            }
            List<CollectionError> stopped = region.failedCalls().stream()
                    .filter(e -> e.permission().equals(operation)).collect(Collectors.toList());
            assertTrue(!stopped.isEmpty(), "the failure is recorded: " + region.failedCalls());
            stopped.forEach(e -> assertEquals(Pages.REPEATED_TOKEN, e.errorCode(), e.toString()));
            assertTrue(stopped.get(0).describe().startsWith(operation + " failed (RepeatedPageToken)"),
                    stopped.get(0).describe());
            if (operation.equals("dax:ListTags")) {
                return; // no check reads DAX tags; the region's message names the failed call
            }
            List<String> named = outcome.results().stream()
                    .filter(r -> r.status() == Status.ERROR && r.statusText().contains(operation))
                    .map(CheckResult::checkId).collect(Collectors.toList());
            List<RegionError> regionErrors = RegionError.of(outcome.inventory());
            regionErrors.forEach(e -> assertEquals(operation, e.call()));
            assertTrue(!named.isEmpty() || !regionErrors.isEmpty(),
                    "an ERROR result or a region error names " + operation);
            if (operation.equals("dynamodb:ListTables") || operation.equals("dax:DescribeClusters")) {
                // Two pages were read before the token came back: their resources keep their results.
                RegionError error = regionErrors.get(0);
                assertEquals(2, error.itemsRead());
                assertTrue(error.message().startsWith("could not list all "
                        + (operation.startsWith("dax") ? "DAX clusters" : "tables") + " in eu-north-1: " + operation
                        + " failed (RepeatedPageToken)"), error.message());
                assertTrue(error.message().endsWith(", 2 " + error.listed() + " read before the failure"),
                        error.message());
                assertTrue(outcome.results().stream().noneMatch(r -> r.resource().arn().endsWith("*")),
                        "no made-up resource");
                Set<String> judged = outcome.results().stream()
                        .filter(r -> r.resource().arn().contains(operation.startsWith("dax") ? ":cache/" : ":table/"))
                        .map(r -> r.resource().arn()).collect(Collectors.toSet());
                assertEquals(2, judged.size(), judged.toString());
            }
        }
    }

    /** A second plan with a second selection, so that both Backup listings have two pages at page size 1. */
    private static ObjectNode withSecondBackupPlanAndSelection(ObjectNode fixture) {
        ArrayNode plans = (ArrayNode) fixture.at("/regions/eu-north-1/backup/BackupPlans");
        ObjectNode first = (ObjectNode) plans.get(0);
        ArrayNode selections = (ArrayNode) first.get("Selections");
        ObjectNode selection = selections.get(0).deepCopy();
        selection.put("SelectionId", "sel-0002");
        ((ObjectNode) selection.get("BackupSelection")).put("SelectionName", "team-tagged-2");
        selections.add(selection);
        ObjectNode plan = first.deepCopy();
        plan.put("BackupPlanId", "5b1d6c2e-aaaa-4bbb-8ccc-000000000002");
        plan.put("BackupPlanArn", "arn:aws:backup:eu-north-1:210987654321:backup-plan:"
                + "5b1d6c2e-aaaa-4bbb-8ccc-000000000002");
        plan.put("BackupPlanName", "daily-35d-copy");
        ((ObjectNode) plan.get("BackupPlan")).put("BackupPlanName", "daily-35d-copy");
        plans.add(plan);
        return fixture;
    }
}
