package io.tablewarden.ui.results;

import io.tablewarden.model.Status;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.ScanSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tablewarden.ui.results.TestSnapshots.PITR;
import static io.tablewarden.ui.results.TestSnapshots.TAGGED;
import static io.tablewarden.ui.results.TestSnapshots.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyScriptBuilderTest {

    @Test
    void buildsOneScriptFromTheFailingSelectionOnlyOncePerFinding() {
        StoredResult ordersPitr = table(PITR, "eu-west-1", "orders", Status.FAIL, false);
        StoredResult auditPitr = table(PITR, "us-east-1", "audit-log", Status.FAIL, false);
        StoredResult paymentsPitr = table(PITR, "eu-west-1", "payments", Status.PASS, false);
        StoredResult auditTags = table(TAGGED, "us-east-1", "audit-log", Status.FAIL, true);
        ScanSnapshot scan = TestSnapshots.snapshot(List.of(ordersPitr, auditPitr, paymentsPitr, auditTags));

        String script = CopyScriptBuilder.build(List.of(ordersPitr, paymentsPitr, auditPitr, ordersPitr, auditTags),
                scan);

        assertTrue(script.startsWith("#!/usr/bin/env bash\n"));
        assertFalse(script.contains("{{"), script);
        assertFalse(script.contains("payments"), "a passing result has nothing to fix");
        assertTrue(script.contains("\nset -euo pipefail\n"), "the same script as the script report format");
        assertEquals(1, count(script, "# --- table orders: " + PITR), "a duplicate selection is written once");
        assertTrue(script.contains("# --- table audit-log: " + TAGGED), "muted failures the user selected are fixed");
        assertTrue(script.indexOf("# --- table orders") < script.indexOf("# --- table audit-log"),
                "grouped by region: eu-west-1 before us-east-1");
        assertTrue(script.contains("aws dynamodb update-continuous-backups --region us-east-1"));
    }

    @Test
    void isEmptyWithoutFailures() {
        StoredResult pass = table(PITR, "eu-west-1", "payments", Status.PASS, false);
        assertEquals("", CopyScriptBuilder.build(List.of(pass), TestSnapshots.snapshot(List.of(pass))));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
