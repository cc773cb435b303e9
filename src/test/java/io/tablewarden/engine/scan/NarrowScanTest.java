package io.tablewarden.engine.scan;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.inventory.InventoryPart;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan of a few checks asks AWS only for what they read, and gives exactly the results the full scan gives
 * for them: each check's {@code needs()} is complete.
 */
class NarrowScanTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private static AccountSimulator demo;
    private static ScanOutcome full;

    @BeforeAll
    static void scanEverything() throws Exception {
        demo = AccountSimulator.startDemo(SimulatorOptions.builder().shiftRecoveryPointsToNow(true).build());
        full = scan(Set.of());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static ScanOutcome scan(Set<String> checkIds) {
        ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(demo.endpoint(), "us-east-1"), List.of(),
                checkIds, CheckParameters.defaults(), 8, Duration.ofSeconds(10), 4);
        ScanOutcome outcome = new ScanEngine(CheckRegistry.builtIn().all()).withClock(CLOCK)
                .run(request, ScanListener.NONE, new CancellationToken());
        assertEquals(ScanOutcome.ScanState.COMPLETED, outcome.state(), outcome.failureReason());
        return outcome;
    }

    private static List<String> verdicts(List<CheckResult> results, String checkId) {
        return results.stream().filter(r -> r.checkId().equals(checkId))
                .map(r -> r.resource().arn() + " | " + r.status() + " | " + r.statusText() + " | " + r.evidence())
                .sorted().collect(Collectors.toList());
    }

    @Test
    void everyCheckAloneGivesWhatTheFullScanGivesForIt() {
        for (Check check : CheckRegistry.builtIn().all()) {
            ScanOutcome alone = scan(Set.of(check.id()));
            List<String> expected = verdicts(full.results(), check.id());
            assertFalse(expected.isEmpty(), check.id());
            assertEquals(expected, verdicts(alone.results(), check.id()), check.id());
            assertTrue(alone.stats().apiCalls() <= full.stats().apiCalls(), check.id());
        }
    }

    @Test
    void aPitrScanAsksOnlyForTablesAndTheirContinuousBackups() {
        ScanOutcome pitr = scan(Set.of("dynamodb_tables_pitr_enabled"));
        Map<String, Long> calls = pitr.stats().apiCallsByOperation();
        Set<String> services = calls.keySet().stream().map(op -> op.substring(0, op.indexOf(':')))
                .collect(Collectors.toSet());
        assertEquals(Set.of("sts", "ec2", "dynamodb", "iam"), services, calls.toString());
        assertEquals(Set.of("dynamodb:ListTables", "dynamodb:DescribeTable", "dynamodb:DescribeContinuousBackups"),
                calls.keySet().stream().filter(op -> op.startsWith("dynamodb:")).collect(Collectors.toSet()));
        assertTrue(pitr.stats().apiCalls() * 2 < full.stats().apiCalls(),
                pitr.stats().apiCalls() + " calls against " + full.stats().apiCalls());
        // What was not asked for is absent, not empty.
        pitr.inventory().regions().forEach(r -> {
            assertNull(r.daxClusters(), r.region());
            assertNull(r.backup(), r.region());
            assertNull(r.autoScaling(), r.region());
            assertTrue(r.kmsKeys().isEmpty(), r.region());
            r.tables().value().forEach(t -> assertNull(t.tags(), t.name()));
        });
    }

    @Test
    void theDaxChecksNeedOnlyDax() {
        ScanOutcome dax = scan(CheckRegistry.builtIn().all().stream()
                .filter(c -> c.needs().equals(Set.of(InventoryPart.DAX))).map(Check::id).collect(Collectors.toSet()));
        assertEquals(3, dax.results().stream().map(CheckResult::checkId).distinct().count());
        assertFalse(dax.stats().apiCallsByOperation().containsKey("dynamodb:DescribeContinuousBackups"));
        assertTrue(dax.stats().apiCallsByOperation().containsKey("dax:DescribeClusters"));
    }
}
