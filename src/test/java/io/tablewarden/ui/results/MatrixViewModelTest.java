package io.tablewarden.ui.results;

import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tablewarden.ui.results.TestSnapshots.DAX_SSE;
import static io.tablewarden.ui.results.TestSnapshots.DAX_TLS;
import static io.tablewarden.ui.results.TestSnapshots.DELETION;
import static io.tablewarden.ui.results.TestSnapshots.KMS_USABLE;
import static io.tablewarden.ui.results.TestSnapshots.PITR;
import static io.tablewarden.ui.results.TestSnapshots.TAGGED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatrixViewModelTest {

    private final MatrixViewModel vm = new MatrixViewModel();

    private List<String> names() {
        return vm.sortedRows().stream().map(r -> r.resource().name()).toList();
    }

    @Test
    void oneRowPerResourceAndOneColumnPerCheckControlsFirst() {
        vm.snapshotProperty().set(TestSnapshots.small());
        assertEquals(List.of("orders", "payments", "session-cache", "audit-log"), names(),
                "by region, type, name; the region-wide error is no resource");
        assertEquals(List.of(PITR, DAX_SSE, TAGGED, DELETION, DAX_TLS, KMS_USABLE), vm.columns());
    }

    @Test
    void cellsCarryStatusAndMuteAndStayEmptyWhereACheckDoesNotApply() {
        vm.snapshotProperty().set(TestSnapshots.small());
        MatrixRow orders = vm.sortedRows().get(0);
        assertEquals(new MatrixRow.MatrixCell(Status.FAIL, false), orders.cell(PITR));
        assertEquals(new MatrixRow.MatrixCell(Status.FAIL, true), orders.cell(DELETION));
        assertEquals("FAIL (muted)", orders.cell(DELETION).text());
        assertEquals("N/A", orders.cell(KMS_USABLE).text());
        assertNull(orders.cell(DAX_SSE));
        assertEquals(2, orders.failCount());
        MatrixRow cache = vm.sortedRows().get(2);
        assertEquals(Status.ERROR, cache.cell(DAX_TLS).status());
    }

    @Test
    void filtersByRegionTypeTextAndFailures() {
        vm.snapshotProperty().set(TestSnapshots.small());
        vm.regionProperty().set("eu-west-1");
        assertEquals(List.of("orders", "payments", "session-cache"), names());
        vm.resourceTypeProperty().set(ResourceType.DAX_CLUSTER);
        assertEquals(List.of("session-cache"), names());
        vm.resourceTypeProperty().set(null);
        vm.onlyFailingProperty().set(true);
        assertEquals(List.of("orders", "session-cache"), names());
        vm.regionProperty().set(null);
        vm.searchTextProperty().set("AUDIT");
        assertEquals(List.of("audit-log"), names());
    }

    @Test
    void sortsAndForgetsARegionTheNextScanLacks() {
        vm.snapshotProperty().set(TestSnapshots.small());
        vm.sortedRows().setComparator((a, b) -> Integer.compare(b.failCount(), a.failCount()));
        assertTrue(vm.sortedRows().get(0).failCount() >= 2);
        vm.regionProperty().set("us-east-1");
        vm.snapshotProperty().set(TestSnapshots.snapshot(List.of(
                TestSnapshots.table(PITR, "eu-west-1", "orders", Status.PASS, false))));
        assertNull(vm.regionProperty().get());
        assertEquals(List.of("orders"), names());
        vm.snapshotProperty().set(null);
        assertTrue(vm.sortedRows().isEmpty());
        assertTrue(vm.columns().isEmpty());
    }
}
