package io.tablewarden.ui.scan;

import io.tablewarden.app.ScanService;
import io.tablewarden.app.ScanTarget;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.store.OrganizationScanSummary;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.model.OrganizationContext;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.scan.OrganizationScanViewModel.AccountChoice;
import io.tablewarden.ui.tasks.DirectTaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The organisation half of the scan page on the demo organisation (management account, payments and analytics in
 * Production, dev without its role, sandbox, and a suspended legacy account in Development), through the real
 * application layer and the simulator; work runs at once on the test thread.
 */
class OrganizationScanViewModelTest {

    private static final String MANAGEMENT = "111122223333";
    private static final String PAYMENTS = "222233334444";
    private static final String ANALYTICS = "333344445555";
    private static final String DEV = "444455556666";
    private static final String SANDBOX = "555566667777";
    private static final String LEGACY = "666677778888";

    private final ObjectProperty<ScanSnapshot> current = new SimpleObjectProperty<>();

    private ScanViewModel page(TablewardenStore store) {
        ScanViewModel vm = new ScanViewModel(new DirectTaskExecutor(),
                ScanService.standard(CheckRegistry.builtIn().all()), CheckRegistry.builtIn().all(), store, current,
                Clock.systemUTC());
        vm.targetProperty().set(ScanTarget.DEMO);
        vm.scopeProperty().set(ScanViewModel.Scope.ORGANIZATION);
        return vm;
    }

    private static Set<String> ticked(OrganizationScanViewModel org) {
        return Set.copyOf(org.selectedAccountIds());
    }

    @Test
    void theAccountsAreListedAndChosenByHandAllOrByUnit() {
        ScanViewModel page = page(null);
        OrganizationScanViewModel org = page.organization();
        assertFalse(org.listed());
        assertTrue(page.canStartProperty().get(), "without a list every account is scanned");

        org.listAccounts();
        assertTrue(org.listed(), page.problemProperty().get());
        assertEquals("o-nw7k2p9x4q", org.organizationIdProperty().get());
        assertEquals(List.of(MANAGEMENT, PAYMENTS, ANALYTICS, DEV, SANDBOX, LEGACY).stream().sorted().toList(),
                org.accounts().stream().map(AccountChoice::id).sorted().toList());
        AccountChoice legacy = choice(org, LEGACY);
        assertFalse(legacy.selectable(), "suspended");
        assertEquals("SUSPENDED", legacy.status());
        assertTrue(choice(org, MANAGEMENT).own());
        assertEquals(Set.of(MANAGEMENT, PAYMENTS, ANALYTICS, DEV, SANDBOX), ticked(org),
                "every account that can be scanned is ticked at first");
        assertEquals(List.of("(root)", "Development", "Production"), List.copyOf(org.units()));

        legacy.selectedProperty().set(true);
        assertFalse(legacy.selectedProperty().get(), "a suspended account cannot be ticked");

        org.selectUnit("Production");
        assertEquals(Set.of(PAYMENTS, ANALYTICS), ticked(org));
        assertFalse(org.includeOwnAccountProperty().get(), "the management account is not in Production");
        org.selectUnit("Development");
        assertEquals(Set.of(DEV, SANDBOX), ticked(org), "the suspended account of the OU stays unticked");

        org.selectNone();
        assertEquals(0, org.selectedCountProperty().get());
        assertFalse(page.canStartProperty().get(), "nothing ticked");
        page.start();
        assertNull(current.get(), "nothing was scanned");

        org.includeOwnAccountProperty().set(true);
        assertEquals(Set.of(MANAGEMENT), ticked(org), "the own-account box ticks the management account");
        choice(org, MANAGEMENT).selectedProperty().set(false);
        assertFalse(org.includeOwnAccountProperty().get(), "and unticking it clears the box");

        org.selectAll();
        assertEquals(Set.of(MANAGEMENT, PAYMENTS, ANALYTICS, DEV, SANDBOX), ticked(org));
        assertTrue(org.scope().includeOwnAccount());
        assertTrue(org.scope().accountIds().contains(LEGACY), "named, so that the scan lists it as suspended");
        assertTrue(page.canStartProperty().get());

        org.selectNone();
        page.targetProperty().set(ScanTarget.profile("another-client"));
        assertFalse(org.listedProperty().get(), "the list is of another profile's organisation");
        assertTrue(org.scope().everyAccount(), "until listed again, every account");
        assertTrue(page.canStartProperty().get());
        page.targetProperty().set(ScanTarget.DEMO);
        assertTrue(org.listedProperty().get());
        assertFalse(page.canStartProperty().get(), "back to the listed organisation with nothing ticked");
    }

    @Test
    void theDemoOrganisationIsScannedRecordedAndShownPerAccount(@TempDir Path dir) {
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("scans.db"))) {
            ScanViewModel page = page(store);
            OrganizationScanViewModel org = page.organization();
            List<ScanSnapshot> published = new java.util.ArrayList<>();
            current.addListener((o, was, now) -> published.add(now));
            page.start();
            assertTrue(published.size() >= 2, "results so far are published while the accounts run");
            ScanSnapshot running = published.get(0);
            assertEquals("RUNNING", running.info().state());
            assertTrue(running.isOrganization() && !running.rows().isEmpty());
            assertTrue(running.rows().size() <= published.get(published.size() - 1).rows().size());
            assertEquals(ScanViewModel.State.COMPLETED, page.stateProperty().get(), page.problemProperty().get());
            assertTrue(page.activityProperty().get().contains("1 account could not be scanned"),
                    page.activityProperty().get());

            ScanSnapshot scan = current.get();
            assertTrue(scan.isOrganization());
            OrganizationContext context = scan.organization();
            assertNotNull(context.organizationScanId(), "recorded");
            assertEquals("o-nw7k2p9x4q", context.organizationId());
            assertEquals("OrganizationAccountAccessRole", context.roleName());
            Set<String> withResults = scan.rows().stream().map(r -> r.result().resource().accountId())
                    .collect(Collectors.toSet());
            assertEquals(Set.of(MANAGEMENT, PAYMENTS, ANALYTICS, SANDBOX), withResults);
            assertEquals("error", context.account(DEV).outcome());
            assertEquals("suspended", context.account(LEGACY).outcome());
            int stored = 0;
            for (OrganizationContext.Account a : context.accounts()) {
                if (a.scanId() != null) {
                    stored += store.scans().resultsWithMutes(a.scanId()).size();
                }
            }
            assertEquals(stored, scan.rows().size(), "every scanned account's stored results, no more");
            assertEquals(scan.rows().size(), page.resultCountProperty().get());

            AccountStatus dev = row(org, DEV);
            assertEquals(AccountStatus.Phase.ERROR, dev.phaseProperty().get());
            assertTrue(dev.detailProperty().get().contains("OrganizationAccountAccessRole")
                    && dev.detailProperty().get().contains("trust policy"), dev.detailProperty().get());
            assertEquals(AccountStatus.Phase.SKIPPED, row(org, LEGACY).phaseProperty().get());
            for (String id : List.of(MANAGEMENT, PAYMENTS, ANALYTICS, SANDBOX)) {
                AccountStatus r = row(org, id);
                assertEquals(AccountStatus.Phase.DONE, r.phaseProperty().get(), id + ": " + r.messageProperty().get());
                assertEquals(1.0, r.progressProperty().get());
                assertTrue(r.detailProperty().get().contains("us-east-1 done"), r.detailProperty().get());
            }
            assertTrue(page.regionRows().isEmpty(), "an organisation scan shows accounts, not one account's regions");

            OrganizationScanSummary summary = store.organizationScans().require(context.organizationScanId());
            assertEquals("completed", summary.state());
        }
    }

    @Test
    void onlyTheTickedAccountsAreScannedWithTheRoleGiven() {
        ScanViewModel page = page(null);
        OrganizationScanViewModel org = page.organization();
        org.listAccounts();
        org.selectNone();
        choice(org, PAYMENTS).selectedProperty().set(true);
        org.roleNameProperty().set("NoSuchAuditRole");
        page.start();
        assertEquals(ScanViewModel.State.COMPLETED, page.stateProperty().get(), page.problemProperty().get());
        OrganizationContext context = current.get().organization();
        assertNull(context.organizationScanId(), "no database: nothing recorded");
        assertEquals("error", context.account(PAYMENTS).outcome(), "the role does not exist in payments");
        assertTrue(context.account(PAYMENTS).message().contains("NoSuchAuditRole"));
        assertEquals("excluded", context.account(MANAGEMENT).outcome());
        assertEquals("excluded", context.account(ANALYTICS).outcome());
        assertEquals("suspended", context.account(LEGACY).outcome(), "listed as suspended, not as left out");
        assertTrue(current.get().rows().isEmpty());

        org.roleNameProperty().set("not a role name");
        page.start();
        assertTrue(page.problemProperty().get().contains("not a role name"), page.problemProperty().get());
    }

    @Test
    void cancelStopsEveryAccountAndKeepsWhatArrived() {
        ScanViewModel page = page(null);
        // cancel as soon as the first account reports a region
        page.activityProperty().addListener((o, was, now) -> {
            if (now != null && now.matches("\\d{12} .*")) {
                page.cancel();
            }
        });
        page.start();
        assertEquals(ScanViewModel.State.CANCELLED, page.stateProperty().get(), page.problemProperty().get());
        assertTrue(page.activityProperty().get().startsWith("Organisation scan cancelled"),
                page.activityProperty().get());
        assertTrue(current.get().isOrganization(), "what arrived is kept");
        assertEquals("CANCELLED", current.get().info().state());
        assertTrue(page.organization().accountRows().stream()
                        .anyMatch(r -> r.phaseProperty().get() == AccountStatus.Phase.CANCELLED),
                "accounts not finished show as cancelled: " + page.organization().accountRows().stream()
                        .map(r -> r.accountId() + " " + r.phaseProperty().get() + " " + r.messageProperty().get())
                        .toList());
        assertTrue(page.organization().accountRows().stream()
                .noneMatch(r -> r.phaseProperty().get() == AccountStatus.Phase.WAITING
                        || r.phaseProperty().get() == AccountStatus.Phase.SCANNING));
        assertFalse(page.isRunning());
    }

    @Test
    void switchingBackToOneAccountScansOneAccount() {
        ScanViewModel page = page(null);
        page.organization().listAccounts();
        page.organization().selectNone();
        choice(page.organization(), SANDBOX).selectedProperty().set(true);
        page.start();
        assertFalse(page.organization().accountRows().isEmpty());
        page.scopeProperty().set(ScanViewModel.Scope.ONE_ACCOUNT);
        page.start();
        assertEquals(ScanViewModel.State.COMPLETED, page.stateProperty().get(), page.problemProperty().get());
        assertFalse(current.get().isOrganization());
        assertTrue(page.organization().accountRows().isEmpty());
        assertFalse(page.regionRows().isEmpty());
    }

    private static AccountChoice choice(OrganizationScanViewModel org, String id) {
        return org.accounts().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private static AccountStatus row(OrganizationScanViewModel org, String id) {
        return org.accountRows().stream().filter(a -> a.accountId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + id));
    }
}
