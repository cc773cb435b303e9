package io.tablewarden.store;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static io.tablewarden.store.StoreTestSupport.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingComparisonTest {

    private static final String ACCOUNT = "111122223333";

    @TempDir
    Path dir;

    @Test
    void everyKindOfChangeIsNamed() {
        List<CheckResult> older = List.of(
                result("pitr", ACCOUNT, "fixed", Status.FAIL),
                result("pitr", ACCOUNT, "still", Status.FAIL),
                result("pitr", ACCOUNT, "broke", Status.PASS),
                result("pitr", ACCOUNT, "unreadable", Status.PASS),
                result("pitr", ACCOUNT, "gone", Status.FAIL));
        List<CheckResult> newer = List.of(
                result("pitr", ACCOUNT, "fixed", Status.PASS),
                result("pitr", ACCOUNT, "still", Status.FAIL),
                result("pitr", ACCOUNT, "broke", Status.FAIL),
                result("pitr", ACCOUNT, "unreadable", Status.ERROR),
                result("pitr", ACCOUNT, "born", Status.FAIL));

        ScanComparison c = FindingComparison.compare(1, older, 2, newer);

        assertEquals(List.of("broke", "born"), names(c.newFailures()));
        assertEquals(List.of("fixed"), names(c.fixed()));
        assertEquals(List.of("still"), names(c.stillFailing()));
        assertEquals(List.of("fixed", "broke", "unreadable"), names(c.statusChanges()));
        assertEquals(Status.ERROR, c.statusChanges().get(2).statusAfter());
        assertEquals(List.of("born"), names(c.newResources()));
        assertEquals(List.of("gone"), names(c.removedResources()));
    }

    @Test
    void scansOfDifferentAccountsAreRefused() {
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("tw.db"))) {
            long a = store.scans().create(StoreTestSupport.newScan(ACCOUNT));
            long b = store.scans().create(StoreTestSupport.newScan("444455556666"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FindingComparison.compare(store.scans(), a, b));
            assertTrue(e.getMessage().contains("same account"), e.getMessage());
        }
    }

    @Test
    void onlyWhatBothScansLookedAtIsCompared() {
        // The newer scan ran one check in one region: the other check and region must not read as removed.
        java.util.Set<String> checks = FindingComparison.commonChecks(List.of(), List.of("pitr"));
        assertEquals(java.util.Set.of("pitr"), checks);
        java.util.Set<String> regions = java.util.Set.of("eu-west-1");
        CheckResult otherRegion = new CheckResult("pitr", new io.tablewarden.model.ResourceRef(
                "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/far", "far", io.tablewarden.model.ResourceType.TABLE,
                "us-east-1", ACCOUNT), Status.FAIL, io.tablewarden.model.Severity.MEDIUM, "far", null, null);
        List<CheckResult> older = FindingComparison.inScope(List.of(
                result("pitr", ACCOUNT, "t1", Status.FAIL),
                result("tagged", ACCOUNT, "t1", Status.FAIL),
                result("tagged", ACCOUNT, "only-tagged", Status.PASS),
                otherRegion), checks, regions);
        List<CheckResult> newer = FindingComparison.inScope(List.of(
                result("pitr", ACCOUNT, "t1", Status.FAIL)), checks, regions);

        ScanComparison c = FindingComparison.compare(1, older, 2, newer);

        assertEquals(List.of("t1"), names(c.stillFailing()));
        assertTrue(c.removedResources().isEmpty(), "nothing outside the common scope is removed");
        assertTrue(c.newFailures().isEmpty());
    }

    @Test
    void bothScansRunningEveryCheckCompareEverything() {
        assertEquals(null, FindingComparison.commonChecks(List.of(), List.of()));
        assertEquals(java.util.Set.of("a"), FindingComparison.commonChecks(List.of("a", "b"), List.of("a", "c")));
    }

    private static List<String> names(List<FindingChange> changes) {
        return changes.stream().map(ch -> ch.latest().resource().name()).collect(Collectors.toList());
    }
}
