package io.tablewarden.engine.scan;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.TableInventory;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.FaultSettings;
import io.tablewarden.simulator.FaultSettings.AccessRule;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tags come from tag:GetResources, one listing per region; each table's ListTagsOfResource is the fallback when
 * the listing is refused, and the results are the same either way (ADR 0011).
 */
class BulkTagsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    private record Scan(ScanOutcome outcome, Map<String, Long> requests) {
    }

    private static Scan scan(SimulatorOptions.Builder options, List<AccessRule> denied) throws Exception {
        return scan(options, FaultSettings.NONE.withAccessDenied(denied));
    }

    private static Scan scan(SimulatorOptions.Builder options, FaultSettings faults) throws Exception {
        try (AccountSimulator demo = AccountSimulator.startDemo(options.shiftRecoveryPointsToNow(false).faults(faults)
                .build())) {
            ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(demo.endpoint(), "us-east-1"),
                    List.of(), java.util.Set.of(), CheckParameters.defaults(), 8, Duration.ofSeconds(10), 4);
            ScanOutcome outcome = new ScanEngine(CheckRegistry.builtIn().all()).withClock(CLOCK)
                    .run(request, ScanListener.NONE, new CancellationToken());
            assertEquals(ScanOutcome.ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            return new Scan(outcome, demo.requestCounts());
        }
    }

    private static List<String> verdicts(ScanOutcome outcome) {
        return outcome.results().stream()
                .map(r -> r.checkId() + " | " + r.resource().arn() + " | " + r.status() + " | " + r.statusText()
                        + " | " + r.evidence())
                .sorted().collect(Collectors.toList());
    }

    private static Map<String, String> tags(ScanOutcome outcome) {
        Map<String, String> out = new TreeMap<>();
        for (RegionInventory region : outcome.inventory().regions()) {
            if (region.tables() == null || region.tables().value() == null) {
                continue;
            }
            for (TableInventory t : region.tables().value()) {
                assertNotNull(t.tags(), t.arn());
                out.put(t.arn(), t.tags().isOk() ? t.tags().value().toString() : "failed");
            }
        }
        return out;
    }

    @Test
    void theRegionWideListingReplacesEveryTablesOwnCallAndGivesTheSameResults() throws Exception {
        Scan bulk = scan(SimulatorOptions.builder(), List.of());
        Scan perTable = scan(SimulatorOptions.builder(), List.of(new AccessRule("tag:GetResources", null)));
        assertEquals(0, bulk.requests().getOrDefault("dynamodb:ListTagsOfResource", 0L), bulk.requests().toString());
        long regionsWithTables = bulk.outcome().inventory().regions().stream()
                .filter(r -> r.tables() != null && r.tables().value() != null && !r.tables().value().isEmpty())
                .count();
        assertEquals(regionsWithTables, bulk.requests().get("tag:GetResources"));
        long tables = tags(perTable.outcome()).size();
        assertEquals(tables, perTable.requests().get("dynamodb:ListTagsOfResource"));
        assertTrue(tags(bulk.outcome()).values().stream().anyMatch(t -> !t.equals("[]")), "some tables have tags");
        assertFalse(tags(bulk.outcome()).containsValue("failed"));
        assertEquals(tags(perTable.outcome()), tags(bulk.outcome()));
        assertEquals(verdicts(perTable.outcome()), verdicts(bulk.outcome()));
    }

    @Test
    void smallPagesAreFollowedToTheEnd() throws Exception {
        Scan paged = scan(SimulatorOptions.builder().pageSize(1), List.of());
        Scan whole = scan(SimulatorOptions.builder(), List.of());
        assertTrue(paged.requests().get("tag:GetResources") > whole.requests().get("tag:GetResources"),
                paged.requests().toString());
        assertEquals(tags(whole.outcome()), tags(paged.outcome()));
        assertEquals(verdicts(whole.outcome()), verdicts(paged.outcome()));
    }

    @Test
    void aListingThatStopsHalfWayFallsBackToEachTablesOwnCall() throws Exception {
        // The bulk listing hands back its token forever; the scan stops it and reads every table's tags itself.
        Scan looping = scan(SimulatorOptions.builder().pageSize(1),
                FaultSettings.NONE.withRepeatedPageTokens(java.util.Set.of("tag:GetResources")));
        Scan whole = scan(SimulatorOptions.builder(), List.of());
        assertTrue(looping.requests().get("dynamodb:ListTagsOfResource") >= tags(whole.outcome()).size(),
                looping.requests().toString());
        assertEquals(tags(whole.outcome()), tags(looping.outcome()));
        assertEquals(verdicts(whole.outcome()), verdicts(looping.outcome()));
    }

    @Test
    void whenBothAreRefusedTheErrorNamesBothPermissions() throws Exception {
        Scan refused = scan(SimulatorOptions.builder(), List.of(new AccessRule("tag:GetResources", null),
                new AccessRule("dynamodb:ListTagsOfResource", null)));
        List<CollectionError> errors = new ArrayList<>();
        for (RegionInventory region : refused.outcome().inventory().regions()) {
            if (region.tables() != null && region.tables().value() != null) {
                region.tables().value().forEach(t -> errors.add(t.tags().error()));
            }
        }
        assertFalse(errors.isEmpty());
        for (CollectionError e : errors) {
            assertEquals("dynamodb:ListTagsOfResource", e.permission());
            assertEquals("tag:GetResources", e.alternative());
            assertTrue(e.describe().contains("grant tag:GetResources or dynamodb:ListTagsOfResource"), e.describe());
        }
        List<CheckResult> tagErrors = refused.outcome().results().stream()
                .filter(r -> r.status() == Status.ERROR && r.statusText().contains("tag:GetResources")
                        && r.statusText().contains("dynamodb:ListTagsOfResource"))
                .collect(Collectors.toList());
        assertFalse(tagErrors.isEmpty(), "the ERROR results name both permissions");
    }
}
