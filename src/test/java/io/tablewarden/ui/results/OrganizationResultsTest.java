package io.tablewarden.ui.results;

import io.tablewarden.model.Status;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.OrganizationContext;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.results.AccountsMatrixViewModel.AccountRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tablewarden.ui.results.OrganizationSnapshots.ANALYTICS;
import static io.tablewarden.ui.results.OrganizationSnapshots.DEV;
import static io.tablewarden.ui.results.OrganizationSnapshots.LEGACY;
import static io.tablewarden.ui.results.OrganizationSnapshots.MANAGEMENT;
import static io.tablewarden.ui.results.OrganizationSnapshots.PAYMENTS;
import static io.tablewarden.ui.results.OrganizationSnapshots.PITR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organisation scan on the results pages: the Account filter and labels of the findings table, the accounts ×
 * controls view worst first, and the copied fixes saying per account which credentials run them.
 */
class OrganizationResultsTest {

    @Test
    void theFindingsTableFiltersByAccountAndNamesIt() {
        FindingsViewModel vm = new FindingsViewModel();
        vm.snapshotProperty().set(TestSnapshots.small());
        assertFalse(vm.organizationProperty().get(), "one account: no Account column");
        assertTrue(vm.availableAccounts().isEmpty());

        vm.snapshotProperty().set(OrganizationSnapshots.organization());
        assertTrue(vm.organizationProperty().get());
        assertEquals(List.of(MANAGEMENT, PAYMENTS, ANALYTICS), List.copyOf(vm.availableAccounts()),
                "the accounts with results, by id");
        assertEquals("222222222222 (Payments)", vm.accountLabel(PAYMENTS));
        assertEquals(7, vm.visibleCountProperty().get());

        vm.accounts().add(PAYMENTS);
        assertEquals(3, vm.visibleCountProperty().get());
        assertTrue(vm.sortedRows().stream().allMatch(r -> r.result().resource().accountId().equals(PAYMENTS)));
        vm.accounts().add(ANALYTICS);
        assertEquals(5, vm.visibleCountProperty().get());
        vm.statuses().add(Status.FAIL);
        assertEquals(3, vm.visibleCountProperty().get(), "filters combine");

        vm.clearFilters();
        vm.searchTextProperty().set("analytics");
        assertEquals(2, vm.visibleCountProperty().get(), "the search finds an account by name");

        vm.showFailuresOfAccount(MANAGEMENT);
        assertEquals(1, vm.visibleCountProperty().get());
        assertEquals("", vm.searchTextProperty().get());

        vm.snapshotProperty().set(TestSnapshots.small());
        assertTrue(vm.accounts().isEmpty(), "a one-account scan drops the account filter");
        assertEquals(5, vm.visibleCountProperty().get(), "the status filter stays: the one account's failures");
    }

    @Test
    void theAccountsAreRatedPerControlWorstFirst() {
        AccountsMatrixViewModel vm = new AccountsMatrixViewModel();
        vm.snapshotProperty().set(TestSnapshots.small());
        assertTrue(vm.rows().isEmpty(), "one account: no accounts × controls view");

        vm.snapshotProperty().set(OrganizationSnapshots.organization());
        List<String> order = vm.rows().stream().map(AccountRow::accountId).toList();
        assertEquals(List.of(DEV, PAYMENTS, MANAGEMENT, ANALYTICS, LEGACY), order,
                "refused first, then worst pass rate first, the suspended account last");
        AccountRow payments = vm.rows().get(1);
        assertEquals(0.0, payments.overall().rate());
        assertEquals(3, payments.overall().fail());
        AccountRow management = vm.rows().get(2);
        assertEquals(0.5, management.overall().rate());
        assertEquals(1.0, vm.rows().get(3).overall().rate());
        assertEquals(-1, vm.rows().get(0).overall().rate(), "nothing to rate in a refused account");
        assertTrue(vm.rows().get(0).message().contains("TablewardenAudit"));

        // the columns: the Security Hub controls of the checks that ran, in their order
        assertEquals(List.of("DynamoDB.2", "DynamoDB.5", "DynamoDB.6"), List.copyOf(vm.controls()));
        assertEquals(0.0, management.tally("DynamoDB.2").rate(), "PITR fails");
        assertEquals(1.0, management.tally("DynamoDB.6").rate(), "deletion protection passes");
        assertEquals(-1, management.tally("DynamoDB.5").rate(), "no tagging result in the management account");
        assertEquals(1, payments.tally("DynamoDB.5").fail());
    }

    @Test
    void aCopiedFixSaysWhichCredentialsRunItInItsAccount() {
        ScanSnapshot scan = OrganizationSnapshots.organization();
        FindingsViewModel vm = new FindingsViewModel();
        vm.snapshotProperty().set(scan);
        StoredResult payments = row(scan, PAYMENTS, PITR);
        String single = vm.cliFor(payments);
        assertTrue(single.startsWith("# account 222222222222 (Payments): run with role TablewardenAudit assumed"
                + " from profile client-mgmt\n"), single);
        assertTrue(single.contains("--table-name ledger"), single);
        String own = vm.cliFor(row(scan, MANAGEMENT, PITR));
        assertTrue(own.startsWith("# account 111111111111 (Management): run with profile client-mgmt\n"), own);

        String script = vm.scriptFor(scan.rows());
        int management = script.indexOf("# ===== account 111111111111");
        int paymentsHeader = script.indexOf("# ===== account 222222222222");
        assertTrue(management > 0 && paymentsHeader > management, "grouped by account:\n" + script);
        assertTrue(script.indexOf("# account 222222222222 (Payments): run with role TablewardenAudit assumed from"
                + " profile client-mgmt") > paymentsHeader, script);
        assertEquals(1, count(script, "# account 222222222222 (Payments)"), "one note per account");
        assertFalse(script.contains("333333333333"), "analytics fails nothing");

        // one account's scan: nothing about roles
        FindingsViewModel single1 = new FindingsViewModel();
        single1.snapshotProperty().set(TestSnapshots.small());
        StoredResult failing = TestSnapshots.small().rows().stream()
                .filter(r -> r.result().status() == Status.FAIL && r.result().checkId().equals(PITR)).findFirst()
                .orElseThrow();
        assertFalse(single1.cliFor(failing).contains("run with"));
        assertFalse(single1.scriptFor(List.of(failing)).contains("run with"));
    }

    @Test
    void theDetailShowsTheAccountAndItsCopiedFixCarriesIt() {
        ScanSnapshot scan = OrganizationSnapshots.organization();
        ResourceDetailViewModel vm = new ResourceDetailViewModel();
        vm.snapshotProperty().set(scan);
        vm.open(row(scan, PAYMENTS, PITR).result().resource().arn(), PITR);
        assertEquals("Account 222222222222 (Payments): run with role TablewardenAudit assumed from profile"
                + " client-mgmt", vm.accountProperty().get());
        ResourceDetailViewModel.RemediationTab cli = vm.remediationTabs(vm.selectedProperty().get()).get(0);
        assertTrue(cli.text().startsWith("# account 222222222222 (Payments)"), cli.text());

        vm.snapshotProperty().set(TestSnapshots.small());
        vm.open(TestSnapshots.tableArn("eu-west-1", "orders"), PITR);
        assertEquals("", vm.accountProperty().get());
        assertFalse(vm.remediationTabs(vm.selectedProperty().get()).get(0).text().contains("run with"));
    }

    @Test
    void aHostileAccountNameCannotEndTheComment() {
        ScanSnapshot scan = OrganizationSnapshots.organization();
        OrganizationContext org = scan.organization();
        List<OrganizationContext.Account> accounts = new java.util.ArrayList<>(org.accounts());
        accounts.set(1, new OrganizationContext.Account(PAYMENTS, "Pay\nrm -rf / #\u202e", "Production", "scanned",
                null, 2L));
        ScanSnapshot hostile = new ScanSnapshot(null, scan.info(), scan.rows(), scan.metadata(),
                new OrganizationContext(org.organizationScanId(), org.organizationId(), org.callerAccountId(),
                        org.profile(), org.roleName(), accounts));
        FindingsViewModel vm = new FindingsViewModel();
        vm.snapshotProperty().set(hostile);
        String single = vm.cliFor(row(hostile, PAYMENTS, PITR));
        assertFalse(single.contains("\nrm -rf"), single);
        assertFalse(single.contains("\u202e"), single);
        String script = vm.scriptFor(hostile.rows());
        assertFalse(script.contains("\nrm -rf"), script);
        assertFalse(script.contains("\u202e"));
    }

    private static StoredResult row(ScanSnapshot scan, String account, String check) {
        return scan.rows().stream().filter(r -> r.result().resource().accountId().equals(account)
                && r.result().checkId().equals(check)).findFirst().orElseThrow();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
