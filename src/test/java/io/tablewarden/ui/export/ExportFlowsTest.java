package io.tablewarden.ui.export;

import io.tablewarden.app.StoredScans;
import io.tablewarden.report.OutputFormat;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.history.RecordedScans;
import io.tablewarden.ui.shell.Dialogs;
import io.tablewarden.ui.shell.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export flow with scripted dialogs: no scan, the file question, the written report. */
class ExportFlowsTest {

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private TablewardenStore store;
    private TestWorkbenchContext context;
    private long scanId;

    @BeforeEach
    void record() throws Exception {
        store = TablewardenStore.open(dir.resolve("tw.db"));
        scanId = RecordedScans.record(store, "example-account.json", RecordedScans.FIRST);
        context = new TestWorkbenchContext().withStore(store).withProfileHome(dir).withDialogs(dialogs);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void withoutAScanOnScreenTheUserIsToldAndNoDialogOpens() {
        assertFalse(ExportViewModel.exportCurrentScan(context));
        assertTrue(dialogs.asked.isEmpty());
        assertEquals(1, context.notices.size());
        assertTrue(context.notices.get(0).startsWith("Open or run a scan first"), context.notices.get(0));
    }

    @Test
    void theChosenFileGetsTheReportInTheChosenFormat() throws Exception {
        context.withCurrentScan(scanId);
        Path target = dir.resolve("out.csv");
        dialogs.choosingFile(target).completing(ExportViewModel.class, model -> {
            model.formatProperty().set(ExportFormat.CSV);
            model.chooseFile();
            AtomicBoolean written = new AtomicBoolean();
            model.export(written::set);
            return written.get();
        });

        assertTrue(ExportViewModel.exportCurrentScan(context));
        Dialogs.SaveFileRequest asked = dialogs.asked(Dialogs.SaveFileRequest.class).get(0);
        assertEquals("tablewarden-scan-" + scanId + ".csv", asked.suggestedName());
        assertEquals("csv", asked.extension());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        OutputFormat.CSV.writer().write(new StoredScans(store, context.checks()).report(scanId), expected);
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(target));
    }

    @ParameterizedTest
    @CsvSource({"HTML, html, <!DOCTYPE html>", "ASFF, asff, [{", "SCRIPT, sh, #!/usr/bin/env bash"})
    void theClientFormatsAreOfferedWithTheirExtensionsAndWrittenOwnerOnly(ExportFormat format, String extension,
                                                                           String start) throws Exception {
        context.withCurrentScan(scanId);
        Path target = dir.resolve("report." + extension);
        dialogs.choosingFile(target).completing(ExportViewModel.class, model -> {
            model.formatProperty().set(format);
            model.chooseFile();
            AtomicBoolean written = new AtomicBoolean();
            model.export(written::set);
            return written.get();
        });

        assertTrue(ExportViewModel.exportCurrentScan(context), String.join("\n", context.errors));
        Dialogs.SaveFileRequest asked = dialogs.asked(Dialogs.SaveFileRequest.class).get(0);
        assertEquals("tablewarden-scan-" + scanId + "." + extension, asked.suggestedName());
        assertEquals(extension, asked.extension());
        assertTrue(Files.readString(target).startsWith(start), format + " starts with " + start);
        if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
            // Like every report: the fix script is run with bash, so it needs no execute bit.
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(target));
        }
    }

    @Test
    void theChooserStartsInTheDocumentsFolderThenInTheFolderOfTheLastExport() throws Exception {
        context.withCurrentScan(scanId);
        Path documents = Files.createDirectories(dir.resolve("Documents"));
        Path reports = Files.createDirectories(dir.resolve("client-reports"));
        dialogs.choosingFile(reports.resolve("first.csv")).completing(ExportViewModel.class, model -> {
            model.formatProperty().set(ExportFormat.CSV);
            model.chooseFile();
            AtomicBoolean written = new AtomicBoolean();
            model.export(written::set);
            return written.get();
        });
        assertTrue(ExportViewModel.exportCurrentScan(context), String.join("\n", context.errors));
        assertEquals(documents, dialogs.asked(Dialogs.SaveFileRequest.class).get(0).initialFolder(),
                "the first export starts in the documents folder, not the current directory");

        dialogs.choosingFile(null).completing(ExportViewModel.class, model -> {
            model.chooseFile();
            return false;
        });
        ExportViewModel.exportCurrentScan(context);
        assertEquals(reports, dialogs.asked(Dialogs.SaveFileRequest.class).get(1).initialFolder(),
                "the next one where the last one went");
    }

    @Test
    void withoutADocumentsFolderTheChooserStartsAtHome() {
        assertEquals(dir, ExportViewModel.documentsFolder(dir, java.util.Map.of()));
        assertEquals(dir, ExportViewModel.documentsFolder(dir, java.util.Map.of("XDG_DOCUMENTS_DIR", "$HOME/none")));
    }

    @Test
    void aCancelledFileChoiceLeavesNothingToExport() {
        context.withCurrentScan(scanId);
        dialogs.choosingFile(null).completing(ExportViewModel.class, model -> {
            model.chooseFile();
            assertNull(model.fileProperty().get());
            assertFalse(model.readyProperty().get());
            return false;
        });

        assertFalse(ExportViewModel.exportCurrentScan(context));
        assertEquals(1, dialogs.asked(Dialogs.SaveFileRequest.class).size());
        assertTrue(context.notices.isEmpty());
    }
}
