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
        model.format().set(format);
        assertFalse(model.ready().get());
        model.file().set(exported);
        assertTrue(model.ready().get());
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
    void aFolderThatDoesNotExistGivesTheNextStep() {
        ExportViewModel model = new ExportViewModel(context, context.currentScan().get());
        model.file().set(dir.resolve("missing").resolve("report.csv"));
        AtomicBoolean ok = new AtomicBoolean(true);
        model.export(ok::set);
        assertFalse(ok.get());
        assertTrue(context.errors.get(0).contains("does not exist. Choose another folder"), context.errors.get(0));
        assertFalse(model.writing().get());
    }

    @Test
    void suggestsAFileNamePerFormat() {
        ExportViewModel model = new ExportViewModel(context, context.currentScan().get());
        model.format().set(ExportFormat.CSV);
        assertEquals("tablewarden-scan-" + scanId + ".csv", model.suggestedFileName());
    }
}
