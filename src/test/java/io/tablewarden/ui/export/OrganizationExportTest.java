package io.tablewarden.ui.export;

import io.tablewarden.app.MemberRoleSettings;
import io.tablewarden.app.OrganizationListener;
import io.tablewarden.app.OrganizationScanResult;
import io.tablewarden.app.OrganizationScanService;
import io.tablewarden.app.OrganizationScope;
import io.tablewarden.app.ScanService;
import io.tablewarden.app.ScanTarget;
import io.tablewarden.cli.Cli;
import io.tablewarden.cli.CliContext;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.store.OrganizationScanAccount;
import io.tablewarden.store.OrganizationScanSummary;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.history.HistoryViewModel;
import io.tablewarden.ui.model.ScanSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stored organisation scan of the demo organisation in the workbench: History lists it with its accounts and
 * opens it whole (or one account's scan), and its export is the organisation's report, byte for byte what
 * {@code tablewarden report --organization} writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationExportTest {

    @TempDir
    static Path dir;

    private TablewardenStore store;
    private OrganizationScanResult scanned;
    private final List<Check> checks = CheckRegistry.builtIn().all();

    @BeforeAll
    void scanTheDemoOrganisation() {
        store = TablewardenStore.open(dir.resolve("tw.db"));
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        checks.forEach(c -> ids.add(c.id()));
        ScanRequest request = new ScanRequest(null, List.of(), ids, CheckParameters.defaults(),
                ScanRequest.DEFAULT_CONCURRENCY, ScanRequest.DEFAULT_CALL_TIMEOUT, ScanRequest.DEFAULT_MAX_ATTEMPTS);
        scanned = new OrganizationScanService(ScanService.standard(checks)).run(ScanTarget.DEMO,
                OrganizationScope.all(), MemberRoleSettings.defaults(), request,
                OrganizationScanService.DEFAULT_OVERALL_CONCURRENCY, store, OrganizationListener.NONE,
                new CancellationToken());
        assertNotNull(scanned.organizationScanId());
    }

    @AfterAll
    void close() {
        store.close();
    }

    private TestWorkbenchContext opened() {
        TestWorkbenchContext context = new TestWorkbenchContext().withStore(store).withProfileHome(dir);
        HistoryViewModel history = new HistoryViewModel(context);
        history.load();
        history.openOrganization(history.organizationScans().get(0));
        return context;
    }

    @Test
    void historyListsTheOrganisationScanWithItsAccountsAndOpensIt() {
        TestWorkbenchContext context = new TestWorkbenchContext().withStore(store).withProfileHome(dir);
        HistoryViewModel history = new HistoryViewModel(context);
        history.load();
        assertEquals(1, history.organizationScans().size());
        OrganizationScanSummary org = history.organizationScans().get(0);
        assertEquals(6, org.accounts().size());
        assertEquals("o-nw7k2p9x4q · 6 accounts: 4 scanned, 1 refused, 1 suspended",
                HistoryViewModel.organizationLabel(org));
        assertEquals(4, history.scans().size(), "each scanned account's scan is listed as well");

        history.openOrganization(org);
        ScanSnapshot open = context.currentScan().get();
        assertTrue(open.isOrganization());
        assertEquals(org.id(), open.organization().organizationScanId());
        assertEquals(List.of("compliance"), context.shownPages);

        OrganizationScanAccount payments = org.accounts().stream()
                .filter(a -> a.accountId().equals("222233334444")).findFirst().orElseThrow();
        history.openAccount(payments);
        assertEquals(payments.scanId(), context.currentScan().get().scanId());
        assertTrue(!context.currentScan().get().isOrganization());
    }

    @Test
    void aMuteRefreshesTheFlagsOfEveryAccountsResults() {
        TestWorkbenchContext context = opened();
        ScanSnapshot before = context.currentScan().get();
        io.tablewarden.store.StoredResult failing = before.rows().stream()
                .filter(r -> r.result().resource().accountId().equals("222233334444")
                        && r.result().status() == io.tablewarden.model.Status.FAIL && !r.muted())
                .findFirst().orElseThrow();
        store.mutes().add(failing.result().checkId(), failing.result().resource().arn(), "accepted by payments",
                "alice", null);
        try {
            io.tablewarden.ui.mute.SnapshotRefresh.republish(context);
            ScanSnapshot after = context.currentScan().get();
            assertTrue(after.isOrganization(), "still the organisation scan");
            assertEquals(before.rows().size(), after.rows().size());
            assertTrue(after.rows().stream().anyMatch(r -> r.muted()
                    && r.result().identity().equals(failing.result().identity())), "the muted finding is flagged");
        } finally {
            store.mutes().all().forEach(m -> store.mutes().remove(m.id()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"HTML", "CSV", "OCSF", "ASFF", "JSON"})
    void theExportIsTheOrganisationsReport(ExportFormat format) throws Exception {
        TestWorkbenchContext context = opened();
        ExportViewModel model = new ExportViewModel(context, context.currentScan().get());
        model.formatProperty().set(format);
        assertTrue(model.suggestedFileName().startsWith("tablewarden-organization-"), model.suggestedFileName());
        Path exported = dir.resolve("exported-org." + format.extension());
        model.fileProperty().set(exported);
        AtomicBoolean ok = new AtomicBoolean();
        model.export(ok::set);
        assertTrue(ok.get(), String.join("\n", context.errors));

        Path fromCli = dir.resolve("cli-org." + format.extension());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext std = CliContext.standard();
        CliContext cli = new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, () -> checks, std.scanRunner(),
                std.simulators(), std.interrupts(), std.clock(), std.nanoTime(), false);
        int code = Cli.run(cli, "report", "--db", store.file().toString(), "--organization",
                String.valueOf(scanned.organizationScanId()), "--output-format", format.outputFormat().toString(),
                "--output", fromCli.toString());
        assertTrue(code == 0 || code == 4, "exit " + code + ": " + err.toString(StandardCharsets.UTF_8));
        assertArrayEquals(Files.readAllBytes(fromCli), Files.readAllBytes(exported));
        String text = Files.readString(exported);
        for (String account : List.of("111122223333", "222233334444", "333344445555", "555566667777")) {
            assertTrue(text.contains(account), format + " names account " + account);
        }
    }

    @Test
    void theFixScriptCoversEveryAccountSayingWhoRunsIt() throws Exception {
        TestWorkbenchContext context = opened();
        ExportViewModel model = new ExportViewModel(context, context.currentScan().get());
        model.formatProperty().set(ExportFormat.SCRIPT);
        Path exported = dir.resolve("org.sh");
        model.fileProperty().set(exported);
        AtomicBoolean ok = new AtomicBoolean();
        model.export(ok::set);
        assertTrue(ok.get(), String.join("\n", context.errors));
        String script = Files.readString(exported);
        assertTrue(script.contains("# account 222233334444 (northwind-payments): run with role"
                + " OrganizationAccountAccessRole assumed from the management account's credentials"), script);
        assertTrue(script.contains("# account 111122223333 (northwind-retail-prod): run with the management"
                + " account's credentials"), script);
        assertTrue(script.indexOf("# ===== account 111122223333") < script.indexOf("# ===== account 222233334444"));
    }
}
