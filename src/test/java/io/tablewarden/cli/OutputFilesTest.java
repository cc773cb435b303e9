package io.tablewarden.cli;

import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tablewarden.cli.CliHarness.outcome;
import static io.tablewarden.cli.CliHarness.results;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --output} and {@code --stats} never follow or replace a symbolic link or a read-only file without
 * {@code --force}, and a path that cannot be written is refused before the scan runs, naming the reason.
 */
class OutputFilesTest {

    @TempDir
    Path dir;

    private final AtomicInteger scans = new AtomicInteger();

    private CliHarness cli() {
        CliHarness cli = new CliHarness();
        cli.runner = (checks, request, listener, cancellation) -> {
            scans.incrementAndGet();
            return outcome(ScanOutcome.ScanState.COMPLETED, results(Status.PASS));
        };
        return cli;
    }

    @Test
    void aSymbolicLinkIsRefusedBeforeTheScanAndItsTargetIsUntouched() throws Exception {
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Path link = createLink(dir.resolve("report.json"), precious);
        CliHarness cli = cli();
        assertEquals(ExitCodes.NOT_RUN, cli.run("scan", "--no-progress", "--output", link.toString()));
        assertEquals(0, scans.get(), "refused before scanning");
        assertTrue(cli.err().contains("it is a symbolic link (to " + precious + ")"), cli.err());
        assertTrue(cli.err().contains("--force"), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep me", Files.readString(precious));

        CliHarness stats = cli();
        assertEquals(ExitCodes.NOT_RUN, stats.run("scan", "--no-progress", "--stats", link.toString()));
        assertEquals(0, scans.get());
    }

    @Test
    void withForceTheLinkItselfIsReplacedNeverItsTarget() throws Exception {
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Path link = createLink(dir.resolve("report.json"), precious);
        CliHarness cli = cli();
        assertEquals(ExitCodes.OK, cli.run("scan", "--no-progress", "--output-format", "json", "--output",
                link.toString(), "--force"), cli.err());
        assertFalse(Files.isSymbolicLink(link));
        assertTrue(Files.readString(link).contains("\"results\""), Files.readString(link));
        assertEquals("keep me", Files.readString(precious));
    }

    @Test
    void aReadOnlyFileIsRefusedWithoutForceAndReplacedWithIt() throws Exception {
        Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
                .contains("posix"));
        Path report = Files.writeString(dir.resolve("report.txt"), "last week's report");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("r--r--r--"));
        CliHarness cli = cli();
        assertEquals(ExitCodes.NOT_RUN, cli.run("scan", "--no-progress", "--output", report.toString()));
        assertEquals(0, scans.get());
        assertTrue(cli.err().contains("the file is read-only"), cli.err());
        assertEquals("last week's report", Files.readString(report));

        assertEquals(ExitCodes.OK, cli().run("scan", "--no-progress", "--output", report.toString(), "--force"));
        assertTrue(Files.readString(report).contains("No failing findings."));
    }

    @Test
    void aMissingFolderIsNamedBeforeTheScan() {
        CliHarness cli = cli();
        Path target = dir.resolve("missing/report.txt");
        assertEquals(ExitCodes.NOT_RUN, cli.run("scan", "--no-progress", "--output", target.toString()));
        assertEquals(0, scans.get());
        assertTrue(cli.err().contains("folder " + target.getParent() + " does not exist"), cli.err());
    }

    private static Path createLink(Path link, Path target) throws Exception {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            Assumptions.abort("symbolic links are not available here: " + e.getMessage());
            return link;
        }
    }
}
