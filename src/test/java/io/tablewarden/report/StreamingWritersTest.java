package io.tablewarden.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tablewarden.report.ReportFixtures.PITR;
import static io.tablewarden.report.ReportFixtures.report;
import static io.tablewarden.report.ReportFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OCSF and native JSON writers write each result as soon as it is built instead of building the whole
 * document first: a scan of half a million results would otherwise need its whole report in memory at once.
 *
 * <p>Each result carries a probe in its evidence that notes, when the writer turns the evidence into JSON, how
 * many bytes have reached the stream so far. A writer that builds the document first has written nothing when it
 * reads the last result; a streaming one has written nearly everything.
 */
class StreamingWritersTest {

    private static final int RESULTS = 300;

    @Test
    void ocsfFindingsReachTheStreamWhileLaterOnesAreStillToBeBuilt() throws IOException {
        assertStreams(new OcsfReportWriter(), root -> root.size());
    }

    @Test
    void nativeJsonResultsReachTheStreamWhileLaterOnesAreStillToBeBuilt() throws IOException {
        assertStreams(new NativeJsonReportWriter(), root -> root.path("results").size());
    }

    @Test
    void theStreamedDocumentIsTheDocumentTheTreeWouldHaveGiven() throws IOException {
        // The same indentation and the same closing line end as writing the whole tree at once.
        ScanReport report = report(ReportFixtures.sampleResults());
        for (ReportWriter writer : List.of(new OcsfReportWriter(), new NativeJsonReportWriter())) {
            String text = ReportFixtures.render(writer, report);
            JsonNode tree = ReportJson.MAPPER.readTree(text);
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            ReportJson.write(tree, whole);
            assertEquals(whole.toString(java.nio.charset.StandardCharsets.UTF_8), text, writer.getClass().getName());
        }
    }

    private static void assertStreams(ReportWriter writer, java.util.function.ToIntFunction<JsonNode> count)
            throws IOException {
        CountingStream out = new CountingStream();
        List<Long> seen = new ArrayList<>();
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < RESULTS; i++) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("PointInTimeRecoveryStatus", "DISABLED");
            evidence.put("probe", new Probe(out, seen));
            io.tablewarden.model.ResourceRef ref = table("eu-west-1", "table-" + i);
            results.add(new CheckResult(PITR, ref, Status.FAIL, Severity.MEDIUM,
                    "Table table-" + i + " has point-in-time recovery disabled.", evidence,
                    Map.of("table_name", ref.name(), "table_arn", ref.arn(), "region", ref.region(),
                            "account_id", ref.accountId())));
        }

        writer.write(report(results), out);

        assertEquals(RESULTS, seen.size(), "every result's evidence was written once");
        long total = out.bytes.size();
        long beforeLast = seen.get(seen.size() - 1);
        assertTrue(beforeLast > total * 9 / 10, "when the last result was built, " + beforeLast + " of "
                + total + " bytes were already written");
        assertEquals(RESULTS, count.applyAsInt(new ObjectMapper().readTree(out.bytes.toByteArray())));
    }

    /** Evidence value that notes how much of the report was written when the writer reads it. */
    public static final class Probe {
        private final CountingStream out;
        private final List<Long> seen;

        Probe(CountingStream out, List<Long> seen) {
            this.out = out;
            this.seen = seen;
        }

        public long getWrittenBefore() {
            long written = out.bytes.size();
            seen.add(written);
            return written;
        }
    }

    private static final class CountingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }
    }
}
