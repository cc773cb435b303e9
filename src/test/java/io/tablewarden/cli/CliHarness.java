package io.tablewarden.cli;

import io.tablewarden.app.LocalAccount;
import io.tablewarden.app.LocalAccounts;
import io.tablewarden.app.ScanRunner;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.ScanStats;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process with captured streams, a canned engine and a fake simulator. */
final class CliHarness {

    static final String ACCOUNT = "210987654321";
    static final String PITR = "dynamodb_tables_pitr_enabled";
    static final String TAGGED = "dynamodb_table_tagged";
    static final URI SIMULATOR_URL = URI.create("http://127.0.0.1:4566");

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final List<ScanRequest> requests = new ArrayList<>();
    final List<String> simulatorEvents = new ArrayList<>();
    boolean terminal;
    /** Each reading is a second later, so progress throttling never hides an update in tests. */
    final java.util.concurrent.atomic.AtomicLong fakeNanos = new java.util.concurrent.atomic.AtomicLong();
    Interrupts interrupts = Interrupts.none();
    ScanRunner runner = (checks, request, listener, cancellation) -> {
        requests.add(request);
        return outcome(ScanOutcome.ScanState.COMPLETED, results(Status.FAIL));
    };
    LocalAccounts simulators = new LocalAccounts() {
        @Override
        public LocalAccount start(Path fixture, int port) {
            simulatorEvents.add("start " + fixture.getFileName() + " " + port);
            return account();
        }

        @Override
        public LocalAccount startDemo(int port) {
            simulatorEvents.add("demo " + port);
            return account();
        }
    };

    LocalAccount account() {
        return new LocalAccount() {
            @Override
            public URI endpoint() {
                return SIMULATOR_URL;
            }

            @Override
            public String exampleRegion() {
                return "eu-west-1";
            }

            @Override
            public void close() {
                simulatorEvents.add("closed");
            }
        };
    }

    int run(String... args) {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal, CliContext::availableChecks, runner,
                simulators, interrupts, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
                () -> fakeNanos.addAndGet(1_000_000_000L), false);
        return Cli.run(ctx, args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    static ResourceRef table(String name) {
        return new ResourceRef("arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/" + name, name, ResourceType.TABLE,
                "eu-west-1", ACCOUNT);
    }

    /** Two results on table orders: PITR with {@code pitrStatus}, tags passing. */
    static List<CheckResult> results(Status pitrStatus) {
        return List.of(
                new CheckResult(PITR, table("orders"), pitrStatus, Severity.MEDIUM,
                        "Table orders has point-in-time recovery " + (pitrStatus == Status.PASS ? "enabled." : "disabled."),
                        Map.of("PointInTimeRecoveryStatus", "DISABLED"),
                        Map.of("table_name", "orders", "region", "eu-west-1")),
                new CheckResult(TAGGED, table("orders"), Status.PASS, Severity.LOW, "Table orders has 2 tags.",
                        Map.of(), Map.of("table_name", "orders")));
    }

    static ScanOutcome outcome(ScanOutcome.ScanState state, List<CheckResult> results) {
        AccountInventory inventory = new AccountInventory(ACCOUNT, "aws", "arn:aws:iam::" + ACCOUNT + ":user/auditor",
                Instant.parse("2026-01-02T03:04:05Z"), List.of());
        ScanStats stats = new ScanStats(10, Map.of("dynamodb:DescribeTable", 4L), 1, 0, 900, 3, 16, 1, 1,
                Map.of());
        return new ScanOutcome(state, inventory, results, stats, state == ScanOutcome.ScanState.FAILED
                ? "The security token included in the request is invalid." : null);
    }
}
