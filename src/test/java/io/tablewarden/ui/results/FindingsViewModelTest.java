package io.tablewarden.ui.results;

import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.ScanSnapshot;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static io.tablewarden.ui.results.TestSnapshots.DAX_SSE;
import static io.tablewarden.ui.results.TestSnapshots.PITR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingsViewModelTest {

    private final FindingsViewModel vm = new FindingsViewModel();

    @Test
    void showsEverythingUntilFiltered() {
        vm.snapshotProperty().set(TestSnapshots.small());
        assertEquals(15, vm.visibleCountProperty().get());
        assertEquals(5, vm.failCountProperty().get());
        assertEquals(List.of("ap-south-1", "eu-west-1", "us-east-1"), vm.availableRegions());
        assertEquals(List.of("DynamoDB.2", "DynamoDB.3", "DynamoDB.5", "DynamoDB.6", "DynamoDB.7"),
                vm.availableControls());
    }

    @Test
    void combinesFilters() {
        vm.snapshotProperty().set(TestSnapshots.small());
        vm.statuses().add(Status.FAIL);
        assertEquals(5, vm.visibleCountProperty().get());
        vm.regions().add("us-east-1");
        assertEquals(2, vm.visibleCountProperty().get());
        vm.checkIds().add(PITR);
        assertEquals(1, vm.visibleCountProperty().get());
        assertEquals("audit-log", vm.sortedRows().get(0).result().resource().name());
        vm.clearFilters();
        assertEquals(15, vm.visibleCountProperty().get());
    }

    @Test
    void filtersBySeverityControlTextAndMuted() {
        vm.snapshotProperty().set(TestSnapshots.small());
        vm.severities().add(Severity.HIGH);
        assertTrue(vm.sortedRows().stream().allMatch(r -> r.result().checkId().equals(TestSnapshots.KMS_USABLE)));
        vm.severities().clear();

        vm.controls().add("DynamoDB.3");
        assertEquals(1, vm.visibleCountProperty().get());
        assertEquals(DAX_SSE, vm.sortedRows().get(0).result().checkId());
        vm.controls().clear();

        vm.searchTextProperty().set("  AUDIT-log ");
        assertEquals(4, vm.visibleCountProperty().get());
        vm.searchTextProperty().set("point-in-time");
        assertTrue(vm.sortedRows().stream().allMatch(r -> r.result().checkId().equals(PITR)), "matches titles");
        vm.searchTextProperty().set("");

        vm.showMutedProperty().set(false);
        assertEquals(14, vm.visibleCountProperty().get());
        assertFalse(vm.sortedRows().stream().anyMatch(StoredResult::muted));
    }

    @Test
    void sortsByAnyComparator() {
        vm.snapshotProperty().set(TestSnapshots.small());
        vm.comparatorProperty().set(Comparator.comparing((StoredResult r) -> r.result().resource().name())
                .reversed());
        assertEquals("session-cache", vm.sortedRows().get(0).result().resource().name());
        vm.statuses().add(Status.ERROR);
        assertEquals(List.of("session-cache", "audit-log", "ap-south-1"),
                vm.sortedRows().stream().map(r -> r.result().resource().name()).toList());
    }

    @Test
    void overviewShortcutShowsTheFailuresOfOneCheck() {
        vm.snapshotProperty().set(TestSnapshots.small());
        vm.searchTextProperty().set("orders");
        vm.showFailuresOf(PITR);
        assertEquals("", vm.searchTextProperty().get());
        assertEquals(2, vm.visibleCountProperty().get());
    }

    @Test
    void aNewScanDropsFiltersItCannotMatchAndAnEmptyOneShowsNothing() {
        vm.snapshotProperty().set(TestSnapshots.small());
        vm.regions().add("ap-south-1");
        vm.snapshotProperty().set(TestSnapshots.snapshot(List.of(
                TestSnapshots.table(PITR, "eu-west-1", "orders", Status.FAIL, false))));
        assertTrue(vm.regions().isEmpty());
        assertEquals(1, vm.visibleCountProperty().get());
        vm.snapshotProperty().set(null);
        assertEquals(0, vm.visibleCountProperty().get());
        assertNull(vm.metadataOf(PITR));
    }

    @Test
    void copiesTheFilledCliOfAFinding() {
        ScanSnapshot scan = TestSnapshots.small();
        vm.snapshotProperty().set(scan);
        String cli = vm.cliFor(scan.rows().get(0));
        assertTrue(cli.startsWith("aws dynamodb update-continuous-backups --region eu-west-1"), cli);
        assertTrue(cli.contains("--table-name orders"));
        assertFalse(cli.contains("{{"));
    }

    @Test
    void filters150000ResultsAndStaysCorrect() {
        ScanSnapshot scan = TestSnapshots.large(150_000);
        vm.snapshotProperty().set(scan);
        assertEquals(150_000, vm.visibleCountProperty().get());

        vm.statuses().add(Status.FAIL);
        long expectedFails = scan.rows().stream().filter(r -> r.result().status() == Status.FAIL).count();
        assertEquals(expectedFails, vm.visibleCountProperty().get());
        assertEquals(expectedFails, vm.failCountProperty().get());

        vm.regions().add("region-3");
        vm.showMutedProperty().set(false);
        long expected = scan.rows().stream().filter(r -> r.result().status() == Status.FAIL && !r.muted()
                && r.result().resource().region().equals("region-3")).count();
        assertEquals(expected, vm.visibleCountProperty().get());

        vm.searchTextProperty().set("table-3712");
        long named = scan.rows().stream().filter(r -> r.result().status() == Status.FAIL && !r.muted()
                && r.result().resource().region().equals("region-3")
                && r.result().resource().name().contains("table-3712")).count();
        assertEquals(named, vm.visibleCountProperty().get());

        vm.clearFilters();
        vm.comparatorProperty().set(Comparator.comparing((StoredResult r) -> r.result().resource().name()));
        assertEquals(150_000, vm.sortedRows().size());
        assertEquals("table-0", vm.sortedRows().get(0).result().resource().name());
    }

    @Test
    void opensOnFailuresThenErrorsEachWorstSeverityFirst() {
        vm.snapshotProperty().set(TestSnapshots.small());
        List<StoredResult> rows = List.copyOf(vm.sortedRows());
        List<Status> statuses = rows.stream().map(r -> r.result().status()).toList();
        int lastFail = statuses.lastIndexOf(Status.FAIL);
        int firstError = statuses.indexOf(Status.ERROR);
        int lastError = statuses.lastIndexOf(Status.ERROR);
        int firstPass = statuses.indexOf(Status.PASS);
        assertEquals(0, statuses.indexOf(Status.FAIL), "a failure first: " + statuses);
        assertTrue(lastFail < firstError && lastError < firstPass
                && firstPass < statuses.indexOf(Status.NOT_APPLICABLE), statuses.toString());
        for (int i = 1; i <= lastFail; i++) {
            assertTrue(rows.get(i - 1).result().severity().compareTo(rows.get(i).result().severity()) >= 0,
                    "failures by severity, worst first: " + rows.subList(0, lastFail + 1));
        }
    }

    @Test
    void filterTitlesSayWhatTheyLetThroughNotACountOfTicks() {
        assertEquals("Status: any", FindingsViewModel.filterTitle("Status", List.of(), 4));
        assertEquals("Status: any", FindingsViewModel.filterTitle("Status", List.of("A", "B", "C", "D"), 4));
        assertEquals("Status: Fail", FindingsViewModel.filterTitle("Status", List.of("Fail"), 4));
        assertEquals("Status: Fail, Error", FindingsViewModel.filterTitle("Status", List.of("Fail", "Error"), 4));
        assertEquals("Check: 1 of 14", FindingsViewModel.filterTitle("Check",
                List.of("DynamoDB table has point-in-time recovery enabled"), 14));
        assertEquals("Severity: 3 of 5", FindingsViewModel.filterTitle("Severity",
                List.of("Critical", "High", "Medium"), 5));
    }

    @Test
    void theSearchIgnoresCaseWithoutCopyingTheText() {
        assertTrue(FindingsViewModel.contains("Orders-EU", "rs-e"));
        assertTrue(FindingsViewModel.contains("arn:aws:dynamodb:eu-west-1:123:table/Orders", "table/orders"));
        assertTrue(FindingsViewModel.contains("x", ""));
        assertFalse(FindingsViewModel.contains("Orders", "orders-"));
        assertFalse(FindingsViewModel.contains(null, "a"));
        assertFalse(FindingsViewModel.contains("abc", "abd"));
    }
}
