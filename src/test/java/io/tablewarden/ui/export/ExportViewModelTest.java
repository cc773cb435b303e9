package io.tablewarden.ui.export;

import io.tablewarden.cli.Cli;
import io.tablewarden.cli.CliContext;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.history.RecordedScans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportViewModelTest {

    @TempDir
    Path dir;

    private TablewardenStore store;
    private TestWorkbenchContext context;
    private long scanId;

    @BeforeEach
    void record() throws Exception {
        store = TablewardenStore.open(dir.resolve("tw.db"));
        scanId = RecordedScans.record(store, "example-account.json", RecordedScans.FIRST);
        // A mute makes the exported files carry its reason, as the command line's do.
        store.mutes().add("*", "arn:aws:dynamodb:*:*:table/invoices", "accepted by the owner", "alice", null);
        context = new TestWorkbenchContext().withStore(store).withProfileHome(dir).withCurrentScan(scanId);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void writesTheSameFileAsTheReportCommand(ExportFormat format) throws Exception {
        Path exported = dir.resolve("exported." + format.extension());
        ExportViewModel model = new ExportViewModel(context, context.currentScan().get());
        model.formatProperty().set(format);
        assertFalse(model.readyProperty().get());
        model.fileProperty().set(exported);
        assertTrue(model.readyProperty().get());
        AtomicBoolean ok = new AtomicBoolean();
        model.export(ok::set);
        assertTrue(ok.get(), String.join("\n", context.errors));
        assertEquals(1, context.notices.size());

        Path fromCli = dir.resolve("cli." + format.extension());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext std = CliContext.standard();
        CliContext cli = new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, context::checks, std.scanRunner(),
                std.simulators(), std.interrupts(), std.clock(), std.nanoTime(), false);
        int code = Cli.run(cli, "report", "--db", store.file().toString(), String.valueOf(scanId),
                "--output-format", format.outputFormat().toString(), "--output", fromCli.toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertArrayEquals(Files.readAllBytes(fromCli), Files.readAllBytes(exported));
    }

    @Test
    void aFolderThatDoesNotExistGivesTheNextStep() throws Exception {
        ExportViewModel model = new ExportViewModel(context, context.currentScan().get());
        // Missing folders are created; a plain file where the folder should be cannot become one.
        Files.writeString(dir.resolve("missing"), "a file, not a folder");
        model.fileProperty().set(dir.resolve("missing").resolve("report.csv"));
        AtomicBoolean ok = new AtomicBoolean(true);
        model.export(ok::set);
        assertFalse(ok.get());
        assertTrue(context.errors.get(0).contains("does not exist. Choose another folder"), context.errors.get(0));
        assertFalse(model.writingProperty().get());
    }

    @Test
    void suggestsAFileNamePerFormat() {
        ExportViewModel model = new ExportViewModel(context, context.currentScan().get());
        String[][] expected = {{"HTML", "html"}, {"OCSF", "ocsf.json"}, {"ASFF", "asff"}, {"CSV", "csv"},
                {"SCRIPT", "sh"}, {"JSON", "json"}};
        assertEquals(expected.length, ExportFormat.values().length);
        for (String[] e : expected) {
            model.formatProperty().set(ExportFormat.valueOf(e[0]));
            assertEquals("tablewarden-scan-" + scanId + "." + e[1], model.suggestedFileName());
        }
    }

    @Test
    void theExportedReportNamesTheMuteAndTheScan() throws Exception {
        ExportViewModel model = new ExportViewModel(context, context.currentScan().get());
        model.formatProperty().set(ExportFormat.CSV);
        Path exported = dir.resolve("muted.csv");
        model.fileProperty().set(exported);
        AtomicBoolean ok = new AtomicBoolean();
        model.export(ok::set);
        assertTrue(ok.get(), String.join("\n", context.errors));
        String csv = Files.readString(exported);
        String invoices = csv.lines().filter(l -> l.contains("table/invoices,")).findFirst().orElseThrow();
        assertTrue(invoices.contains(",yes,accepted by the owner,"), invoices);
        // first_seen and scan_id close every row (before the finding uid): the recorded scan is the first sighting.
        assertTrue(csv.contains("," + RecordedScans.FIRST + "," + scanId + ",tablewarden-"), csv);
    }
}
