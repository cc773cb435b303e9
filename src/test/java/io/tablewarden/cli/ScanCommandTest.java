package io.tablewarden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static io.tablewarden.cli.CliHarness.outcome;
import static io.tablewarden.cli.CliHarness.results;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanCommandTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void failingFindingGivesExitThreeAndTextReportOnStdout() {
        CliHarness cli = new CliHarness();
        int code = cli.run("scan", "--profile", "audit", "--region", "eu-west-1", "--no-progress");
        assertEquals(ExitCodes.FINDINGS, code, cli.err());
        String out = cli.out();
        assertTrue(out.contains("scan of account 210987654321 (aws)"), out);
        assertTrue(out.contains("orders  [AWS::DynamoDB::Table, eu-west-1]"), out);
        assertTrue(out.contains("Table orders has point-in-time recovery disabled."), out);
        assertFalse(out.contains("Table orders has 2 tags."), "passing results only counted");
        assertTrue(out.lines().anyMatch(l -> l.matches("dynamodb_tables_pitr_enabled\\s+0\\s+1\\s+0\\s+0")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("total\\s+1\\s+1\\s+0\\s+0")), out);
        assertEquals("", cli.err(), "no progress, no summary twice");
    }

    @Test
    void noFailGivesExitZero() {
        CliHarness cli = new CliHarness();
        cli.runner = (checks, request, listener, cancellation) -> outcome(ScanOutcome.ScanState.COMPLETED,
                results(Status.PASS));
        assertEquals(ExitCodes.OK, cli.run("scan", "--no-progress"));
        assertTrue(cli.out().contains("No failing findings."), cli.out());
    }

    @Test
    void anErrorResultMakesTheScanIncomplete() {
        CliHarness cli = new CliHarness();
        cli.runner = (checks, request, listener, cancellation) -> outcome(ScanOutcome.ScanState.COMPLETED,
                results(Status.ERROR));
        assertEquals(ExitCodes.INCOMPLETE, cli.run("scan", "--no-progress"));
        assertEquals("tablewarden: incomplete scan: 1 result is ERROR (the report says which calls failed)",
                cli.err().strip());
    }

    @Test
    void incompleteWinsOverFindings() {
        CliHarness cli = new CliHarness();
        cli.runner = (checks, request, listener, cancellation) -> outcome(ScanOutcome.ScanState.COMPLETED,
                List.of(results(Status.FAIL).get(0), results(Status.ERROR).get(0)));
        assertEquals(ExitCodes.INCOMPLETE, cli.run("scan", "--no-progress"));
        assertTrue(cli.out().contains("Table orders has point-in-time recovery disabled."), "the FAIL is reported");
    }

    @Test
    void aRegionThatFailedMakesTheScanIncompleteEvenWithoutErrorResults() {
        CliHarness cli = new CliHarness();
        cli.runner = (checks, request, listener, cancellation) -> {
            ScanOutcome passing = outcome(ScanOutcome.ScanState.COMPLETED, results(Status.PASS));
            AccountInventory inventory = new AccountInventory(CliHarness.ACCOUNT, "aws", null, Instant.now(),
                    List.of(new RegionInventory("eu-central-1", RegionInventory.RegionState.FAILED,
                            new CollectionError("region eu-central-1", "SdkClientException", "connection reset",
                                    CollectionError.Kind.OTHER), null, null, null, null, Map.of())));
            return new ScanOutcome(passing.state(), inventory, passing.results(), passing.stats(), null);
        };
        assertEquals(ExitCodes.INCOMPLETE, cli.run("scan", "--no-progress"));
        assertEquals("tablewarden: incomplete scan: 1 region was not scanned whole (the report says which calls"
                + " failed)", cli.err().strip());
    }

    @Test
    void aStoredScanWithoutResultsIsNotReportedAsWhole(@TempDir Path dir) {
        Path db = dir.resolve("scans.db");
        CliHarness cli = new CliHarness();
        cli.runner = (checks, request, listener, cancellation) -> outcome(ScanOutcome.ScanState.COMPLETED,
                List.of());
        assertEquals(ExitCodes.OK, cli.run("scan", "--no-progress", "--db", db.toString()), cli.err());
        CliHarness report = new CliHarness();
        assertEquals(ExitCodes.INCOMPLETE, report.run("report", "--db", db.toString(), "1"));
        assertEquals("tablewarden: scan 1 is incomplete: it holds no result", report.err().strip());
        assertTrue(report.out().contains("No failing findings."), "the report is still written: " + report.out());
    }

    @Test
    void aStoredScanThatFailedIsNotReportedAsWhole(@TempDir Path dir) {
        Path db = dir.resolve("scans.db");
        CliHarness cli = new CliHarness();
        cli.runner = (checks, request, listener, cancellation) -> outcome(ScanOutcome.ScanState.FAILED, List.of());
        assertEquals(ExitCodes.NOT_RUN, cli.run("scan", "--no-progress", "--db", db.toString()));
        CliHarness report = new CliHarness();
        assertEquals(ExitCodes.INCOMPLETE, report.run("report", "--db", db.toString(), "1"));
        assertEquals("tablewarden: scan 1 is incomplete: it ended failed", report.err().strip());
    }

    @Test
    void theHelpDocumentsEveryExitCode() {
        CliHarness cli = new CliHarness();
        assertEquals(ExitCodes.OK, cli.run("scan", "--help"));
        String help = cli.out().replaceAll("\\s+", " ");
        for (String code : List.of("0 nothing failed", "3 at least one FAIL", "4 incomplete", "1 the scan could not"
                + " run", "2 bad usage", "130 interrupted")) {
            assertTrue(help.contains(code), code + " in " + help);
        }
    }

    @Test
    void failedScanGivesExitOneWithTheReason() {
        CliHarness cli = new CliHarness();
        cli.runner = (checks, request, listener, cancellation) -> outcome(ScanOutcome.ScanState.FAILED, List.of());
        assertEquals(ExitCodes.NOT_RUN, cli.run("scan", "--no-progress"));
        assertEquals("tablewarden: scan failed: The security token included in the request is invalid.",
                cli.err().strip());
        assertEquals("", cli.out());
    }

    @Test
    void passesOptionsToTheScanRequest() {
        CliHarness cli = new CliHarness();
        cli.run("scan", "--profile", "audit", "--region", "eu-west-1,us-east-1", "--region", "eu-west-1",
                "--endpoint-url", "http://localhost:8000", "--checks", "dynamodb_table_tagged",
                "--concurrency", "4", "--required-tag-keys", "team,env", "--trusted-account", "123123123123",
                "--min-recovery-period-days", "35", "--backup-vault-lock-check", "--max-recovery-point-age-hours", "24",
                "--min-provisioned-read-capacity", "5", "--target-write-utilization", "70", "--no-progress");
        ScanRequest request = cli.requests.get(0);
        assertEquals("audit", request.connection().profile());
        assertEquals("http://localhost:8000", request.connection().endpointUrl().toString());
        assertEquals("eu-west-1", request.connection().defaultRegion());
        assertNull(request.connection().staticCredentials());
        assertEquals(List.of("eu-west-1", "us-east-1"), request.regions());
        assertEquals(Set.of("dynamodb_table_tagged"), request.checkIds());
        assertEquals(4, request.concurrency());
        assertEquals(List.of("team", "env"), request.parameters().requiredTagKeys());
        assertEquals(Set.of("123123123123"), request.parameters().trustedAccountIds());
        assertEquals(35, request.parameters().minRecoveryPeriodDays());
        assertTrue(request.parameters().backupVaultLockCheck());
        assertEquals(24, request.parameters().maxRecoveryPointAgeHours());
        assertEquals(5, request.parameters().minProvisionedReadCapacity());
        assertEquals(70, request.parameters().targetWriteUtilization());
        assertNull(request.parameters().targetReadUtilization());
    }

    @Test
    void fixtureScansTheSimulatorAndStopsIt(@TempDir Path dir) throws Exception {
        Path fixture = Files.writeString(dir.resolve("account.json"), "{}");
        CliHarness cli = new CliHarness();
        cli.run("scan", "--fixture", fixture.toString(), "--no-progress");
        ScanRequest request = cli.requests.get(0);
        assertEquals(CliHarness.SIMULATOR_URL, request.connection().endpointUrl());
        assertTrue(request.connection().staticCredentials() != null, "simulator credentials");
        assertEquals(List.of("start account.json 0", "closed"), cli.simulatorEvents);
    }

    @Test
    void machineFormatOnStdoutMovesTheSummaryToStderr() throws Exception {
        CliHarness cli = new CliHarness();
        int code = cli.run("scan", "--demo", "--output-format", "OCSF", "--no-progress");
        assertEquals(ExitCodes.FINDINGS, code);
        JsonNode findings = mapper.readTree(cli.out());
        assertEquals(2, findings.size());
        assertEquals("dynamodb_tables_pitr_enabled", findings.get(0).path("metadata").path("event_code").asText());
        assertEquals("DynamoDB.2", findings.get(0).path("unmapped").path("compliance")
                .path("AWS-Foundational-Security-Best-Practices").get(0).asText());
        assertTrue(cli.err().startsWith("Summary:"), cli.err());
        assertTrue(cli.err().lines().anyMatch(l -> l.matches("total\\s+1\\s+1\\s+0\\s+0")), cli.err());
    }

    @Test
    void writesReportAndStatsFiles(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("findings.csv");
        Path stats = dir.resolve("stats.json");
        Files.writeString(report, "stale");
        CliHarness cli = new CliHarness();
        int code = cli.run("scan", "--demo", "--output-format", "csv", "--output", report.toString(),
                "--stats", stats.toString(), "--no-progress");
        assertEquals(ExitCodes.FINDINGS, code, cli.err());
        String csv = Files.readString(report);
        assertTrue(csv.startsWith("account,account_alias,region,resource_type,"), csv);
        assertEquals(3, csvRecords(csv), "header plus one record per result");
        JsonNode json = mapper.readTree(stats.toFile());
        assertEquals(10, json.path("apiCalls").path("total").asInt());
        assertEquals(1, json.path("results").path("FAIL").asInt());
        assertEquals(1, json.path("results").path("PASS").asInt());
        assertEquals(0, json.path("results").path("ERROR").asInt());
        assertTrue(cli.out().startsWith("Summary:"), "summary on stdout when the report goes to a file");
        assertTrue(cli.err().contains("written to " + report), cli.err());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }

    @Test
    void nativeJsonCarriesScanFacts() throws Exception {
        CliHarness cli = new CliHarness();
        cli.run("scan", "--demo", "--output-format", "json", "--no-progress");
        JsonNode root = mapper.readTree(cli.out());
        assertEquals("210987654321", root.path("scan").path("account").asText());
        assertEquals("COMPLETED", root.path("scan").path("state").asText());
        assertEquals("2026-01-02T03:04:05Z", root.path("scan").path("started").asText());
        assertEquals(2, root.path("results").size());
    }

    @Test
    void ctrlCCancelsTheScanAndExitsPromptly() throws Exception {
        AtomicReference<Runnable> onInterrupt = new AtomicReference<>();
        CliHarness cli = new CliHarness();
        cli.interrupts = callback -> {
            onInterrupt.set(callback);
            return () -> { };
        };
        AtomicReference<Thread> hookThread = new AtomicReference<>();
        cli.runner = (checks, request, listener, cancellation) -> {
            // The shutdown hook runs on its own thread while the scan is still going.
            Thread hook = new Thread(onInterrupt.get());
            hookThread.set(hook);
            hook.start();
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (!cancellation.isCancelled() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return outcome(cancellation.isCancelled() ? ScanOutcome.ScanState.CANCELLED
                    : ScanOutcome.ScanState.COMPLETED, List.of());
        };
        long start = System.nanoTime();
        int code = cli.run("scan", "--demo", "--no-progress");
        hookThread.get().join(2000);
        assertEquals(ExitCodes.INTERRUPTED, code);
        assertEquals("tablewarden: scan cancelled", cli.err().strip());
        assertFalse(hookThread.get().isAlive(), "the hook returns once the scan has wound down");
        assertTrue(System.nanoTime() - start < 3_000_000_000L);
        assertEquals(List.of("demo 0", "closed"), cli.simulatorEvents);
    }

    /** Counts RFC 4180 records: line breaks inside quoted fields (multi-line remediation) do not end a record. */
    private static int csvRecords(String csv) {
        int records = 0;
        boolean quoted = false;
        boolean content = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                records++;
                content = false;
                continue;
            }
            content = true;
        }
        return content ? records + 1 : records;
    }
}
