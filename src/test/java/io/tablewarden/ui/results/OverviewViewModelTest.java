package io.tablewarden.ui.results;

import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.ui.results.OverviewViewModel.ControlState;
import io.tablewarden.ui.results.OverviewViewModel.ControlStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tablewarden.ui.results.TestSnapshots.PITR;
import static io.tablewarden.ui.results.TestSnapshots.TAGGED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OverviewViewModelTest {

    private final OverviewViewModel vm = new OverviewViewModel();

    @Test
    void countsByStatusAndSeverityAndPassRate() {
        vm.snapshotProperty().set(TestSnapshots.small());
        assertEquals(15, vm.totalProperty().get());
        assertEquals(5, vm.statusCounts().get(Status.FAIL));
        assertEquals(6, vm.statusCounts().get(Status.PASS));
        assertEquals(3, vm.statusCounts().get(Status.ERROR));
        assertEquals(1, vm.statusCounts().get(Status.NOT_APPLICABLE));
        assertEquals(1, vm.mutedProperty().get());
        assertEquals(4, vm.resourcesProperty().get(), "three tables and one cluster; a region is no resource");
        assertEquals(1, vm.failuresBySeverity().get(Severity.LOW));
        assertEquals(4, vm.failuresBySeverity().get(Severity.MEDIUM));
        assertEquals(0, vm.failuresBySeverity().get(Severity.HIGH));
        assertEquals(6 / 11.0, vm.passRateProperty().get(), 1e-9);
    }

    @Test
    void aControlFailsWhenAnyResourceFailsAndShowsErrorsAndMissingData() {
        vm.snapshotProperty().set(TestSnapshots.small());
        List<ControlStatus> controls = vm.controls();
        assertEquals(OverviewViewModel.CONTROLS, controls.stream().map(ControlStatus::control).toList());
        assertEquals(ControlState.NO_DATA, controls.get(0).state(), "DynamoDB.1 was not scanned");
        assertNull(controls.get(0).checkId());
        assertEquals(ControlState.FAILED, controls.get(1).state());
        assertEquals(2, controls.get(1).failed());
        assertEquals(4, controls.get(1).total(), "three tables and the region-wide error");
        assertEquals(ControlState.FAILED, controls.get(2).state());
        assertEquals(ControlState.FAILED, controls.get(4).state(), "muting never hides a failure");
        assertEquals(ControlState.FAILED, controls.get(5).state());
        assertEquals(ControlState.ERROR, controls.get(6).state(), "DAX TLS could not be evaluated");
    }

    @Test
    void topFailingChecksMostFailuresFirst() {
        vm.snapshotProperty().set(TestSnapshots.small());
        assertEquals(List.of(PITR, "dynamodb_accelerator_cluster_encryption_enabled",
                        "dynamodb_table_deletion_protection_enabled", TAGGED),
                vm.topFailing().stream().map(OverviewViewModel.CheckSummary::checkId).toList());
        assertEquals(6, vm.checks().size());
    }

    @Test
    void anAllPassingControlPassesAndNoScanIsAllZero() {
        vm.snapshotProperty().set(TestSnapshots.snapshot(List.of(
                TestSnapshots.table(PITR, "eu-west-1", "orders", Status.PASS, false),
                TestSnapshots.table(PITR, "eu-west-1", "cart", Status.NOT_APPLICABLE, false))));
        assertEquals(ControlState.PASSED, vm.controls().get(1).state());
        assertEquals(1.0, vm.passRateProperty().get(), 1e-9);
        vm.snapshotProperty().set(null);
        assertEquals(0, vm.totalProperty().get());
        assertEquals(0, vm.statusCounts().get(Status.FAIL));
        assertEquals(0.0, vm.passRateProperty().get(), 1e-9);
        vm.controls().forEach(c -> assertEquals(ControlState.NO_DATA, c.state()));
    }
}
