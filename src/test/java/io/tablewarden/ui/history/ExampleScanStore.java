package io.tablewarden.ui.history;

import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.TestWorkbenchContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * For the tests of one class, registered as a static {@code @RegisterExtension} field: a scan database in a
 * temporary folder holding the example account's scan of {@link RecordedScans#FIRST}. It is recorded before the
 * class's own {@code @BeforeAll} methods run; after the last test the database is closed and the folder deleted.
 */
public final class ExampleScanStore implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private TablewardenStore store;
    private long scanId;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("example-scan");
        store = TablewardenStore.open(dir.resolve("tw.db"));
        scanId = RecordedScans.record(store, "example-account.json", RecordedScans.FIRST);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            for (Path p : deepestFirst) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The temporary folder, which holds the database. */
    public Path dir() {
        return dir;
    }

    public TablewardenStore store() {
        return store;
    }

    /** Id of the recorded scan. */
    public long scanId() {
        return scanId;
    }

    /** A new context over the database, with the recorded scan current and the folder as the home folder. */
    public TestWorkbenchContext context() {
        return new TestWorkbenchContext().withStore(store).withProfileHome(dir).withCurrentScan(scanId);
    }
}
