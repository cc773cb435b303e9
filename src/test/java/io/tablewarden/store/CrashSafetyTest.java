package io.tablewarden.store;

import io.tablewarden.engine.checks.CheckRunner;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a process that is recording a scan (SIGKILL, no shutdown hooks) at random moments and checks that the
 * database stays sound, earlier scans stay intact and the killed scan shows as interrupted.
 */
class CrashSafetyTest {

    private static final int ITERATIONS = 5;
    private static final long SEED = 20260301L;

    @TempDir
    Path dir;

    @Test
    void aScanKilledAtAnyPointLeavesASoundDatabase() throws Exception {
        Path db = dir.resolve("tw.db");
        long earlier;
        List<CheckResult> earlierResults = new ArrayList<>();
        try (TablewardenStore store = TablewardenStore.open(db)) {
            earlier = store.scans().create(StoreTestSupport.newScan("111122223333"));
            for (int i = 0; i < 300; i++) {
                earlierResults.add(StoreTestSupport.result("check", "111122223333", "t" + i,
                        i % 3 == 0 ? Status.FAIL : Status.PASS));
            }
            earlierResults.sort(CheckRunner.ORDER);
            store.scans().writeRegion(earlier, "eu-west-1", null, List.of(), earlierResults);
            store.scans().finish(earlier, StoredScanState.COMPLETED, StoreTestSupport.NOW, null, null);
        }
        ScanSummary before = summary(db, earlier);

        Random random = new Random(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            long delay = random.nextInt(2500);
            long killed = killDuringScan(db, delay);
            try (TablewardenStore store = TablewardenStore.open(db)) {
                assertEquals("ok", integrityCheck(store), "iteration " + i + ", killed after " + delay + " ms");
                ScanSummary after = store.scans().require(earlier);
                assertEquals(before, after, "the earlier scan is unchanged");
                assertTrue(earlierResults.equals(store.scans().results(earlier)), "the earlier results are unchanged");
                assertEquals(StoredScanState.INTERRUPTED, store.scans().require(killed).state(),
                        "iteration " + i + ", killed after " + delay + " ms");
            }
        }
    }

    /** Starts the recording child, kills it {@code delayMillis} after its scan row exists; returns the scan id. */
    private static long killDuringScan(Path db, long delayMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SlowRecordedScan.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            Long scanId = null;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("SCAN ")) {
                    scanId = Long.parseLong(line.substring(5).trim());
                    break;
                }
            }
            assertNotNull(scanId, "the child never started its scan");
            Thread.sleep(delayMillis);
            assertTrue(child.isAlive(), "the scan finished before it could be killed; make it slower");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            return scanId;
        } finally {
            child.destroyForcibly();
        }
    }

    private static ScanSummary summary(Path db, long id) {
        try (TablewardenStore store = TablewardenStore.open(db)) {
            return store.scans().require(id);
        }
    }

    private static String integrityCheck(TablewardenStore store) throws Exception {
        try (Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
