package io.tablewarden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tablewarden bench} on a small account: every figure of every run, the naive run and the worst ratio. */
class BenchCommandTest {

    @Test
    void printsEveryRunAndWritesItsFigures(@TempDir Path dir) throws Exception {
        CliHarness cli = new CliHarness();
        Path json = dir.resolve("bench.json");
        assertEquals(0, cli.run("bench", "--tables", "30", "--regions", "2", "--latency-ms", "5",
                "--concurrency", "4,8", "--server", "in-process", "--store", "--store-results", "600",
                "--filter-rows", "2000",
                "--json", json.toString()), cli.err());
        List<String> lines = cli.out().lines().toList();
        assertTrue(lines.get(0).startsWith("30 tables in 2 regions, 5 ms per answer"), cli.out());
        assertTrue(lines.get(1).matches("run\\s+conc\\s+calls\\s+/table\\s+wall ms\\s+floor ms\\s+ratio\\s+calls/s"
                + "\\s+retries\\s+client ms\\s+server ms\\s+heap MB"), lines.get(1));
        assertTrue(lines.get(2).matches("scan\\s+4\\s+\\d+\\s+\\d+\\.\\d\\d\\s+\\d+.*"), lines.get(2));
        assertTrue(lines.get(3).matches("scan\\s+8\\s+\\d+.*"), lines.get(3));
        assertTrue(lines.get(4).matches("naive\\s+1\\s+\\d+.*"), lines.get(4));
        assertTrue(lines.get(5).startsWith("speed-up over one call at a time: "), lines.get(5));
        assertTrue(lines.get(0).contains("every scan stored"), lines.get(0));
        assertTrue(lines.get(6).matches("store: 600 results \\(40 tables in 4 regions\\) written in [\\d,]+ ms, "
                + "[\\d,]+ results/s \\(target: 150,000 in 3,000 ms or less\\)"), lines.get(6));
        assertTrue(lines.get(7).matches("findings filter: 2,000 results loaded and sorted in \\d+ ms; typing and "
                + "deleting \"table-3712\" \\(20 keystrokes\\): median \\d+\\.\\d ms, worst \\d+\\.\\d ms per keystroke "
                + "\\(target: 100 ms or less\\)"), lines.get(7));
        assertTrue(lines.get(8).matches("worst ratio to the latency floor: \\d+\\.\\d\\d \\(.*\\)"), lines.get(8));

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(30, root.path("tables").asInt());
        assertEquals(600, root.path("store").path("results").asInt());
        JsonNode filter = root.path("findingsFilter");
        assertEquals(2000, filter.path("rows").asInt());
        JsonNode keys = filter.path("keystrokes");
        assertEquals(20, keys.size());
        // The workbench's own filter ran: a prefix finds some tables, a name no table has none, no search all rows.
        assertEquals("table-3", keys.get(6).path("text").asText());
        int some = keys.get(6).path("visible").asInt();
        assertTrue(some > 0 && some < 2000, keys.get(6).toString());
        assertEquals("table-3712", keys.get(9).path("text").asText());
        assertTrue(keys.get(9).path("visible").asInt() == 0, keys.get(9).toString());
        assertEquals(2000, keys.get(19).path("visible").asInt());
        JsonNode runs = root.path("runs");
        assertEquals(3, runs.size());
        assertTrue(runs.get(2).path("naive").asBoolean());
        long calls = runs.get(0).path("calls").asLong();
        for (JsonNode run : runs) {
            // every run scans the same account the same way
            assertEquals(calls, run.path("calls").asLong(), run.toString());
            assertEquals(run.path("calls").asDouble() * 5 / run.path("concurrency").asInt(),
                    run.path("floorMillis").asDouble(), 1e-6);
            assertTrue(run.path("clientCpuMsPerCall").asDouble() > 0, run.toString());
            assertTrue(run.path("serverCpuMsPerCall").asDouble() > 0, run.toString());
            assertTrue(run.path("peakHeapMb").asLong() > 0, run.toString());
            assertTrue(run.path("results").asInt() > 0, run.toString());
            JsonNode ops = run.path("callsByOperation");
            assertEquals(30, ops.path("dynamodb:DescribeTable").asInt());
            assertFalse(ops.has("dynamodb:ListTagsOfResource"), ops.toString());
            assertEquals(2, ops.path("tag:GetResources").asInt(), ops.toString());
        }
    }

    @Test
    void refusesSettingsItCannotMeasure() {
        for (String[] args : List.of(new String[] {"bench", "--regions", "0"},
                new String[] {"bench", "--regions", "18"},
                new String[] {"bench", "--latency-ms", "0"},
                new String[] {"bench", "--concurrency", "0"},
                new String[] {"bench", "--server", "remote"})) {
            CliHarness cli = new CliHarness();
            assertEquals(ExitCodes.USAGE, cli.run(args), String.join(" ", args) + ": " + cli.err());
            assertTrue(cli.err().startsWith("tablewarden: "), cli.err());
        }
    }
}
