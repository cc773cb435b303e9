package io.tablewarden.ui.mute;

import io.tablewarden.store.StoredResult;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.history.RecordedScans;
import io.tablewarden.ui.history.ScanSnapshots;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list of mutes: an unmute clears the flag of the current scan. */
@ExtendWith(ApplicationExtension.class)
class MutesViewFxTest {

    private static Path dir;
    private static TablewardenStore store;
    private static long scanId;

    private TestWorkbenchContext context;
    private Scene scene;

    @BeforeAll
    static void record() throws Exception {
        dir = Files.createTempDirectory("mutes-view");
        store = TablewardenStore.open(dir.resolve("tw.db"));
        scanId = RecordedScans.record(store, "example-account.json", RecordedScans.FIRST);
        store.mutes().add(RecordedScans.PITR, RecordedScans.SCRATCH, "scratch data, rebuilt nightly", "auditor", null);
        store.mutes().add("dynamodb_table_tagged", "arn:aws:dynamodb:eu-north-1:" + RecordedScans.ACCOUNT
                + ":table/tmp-*", "temporary tables are never tagged", "auditor", Instant.parse("2026-01-31T23:00:00Z"));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Start
    void start(Stage stage) {
        Screenshots.theme(false);
        context = new TestWorkbenchContext().withStore(store).withProfileHome(dir);
        context.currentScan().set(ScanSnapshots.load(store, scanId, context.checks()));
        MutesViewModel model = new MutesViewModel(context);
        model.load();
        scene = new Scene(new MutesView(model), 980, 320);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void listsMutesAndUnmutes(FxRobot robot) {
        assertTrue(row().muted());
        TableView<?> table = robot.lookup("#mutes-table").queryAs(TableView.class);
        assertEquals(2, table.getItems().size());
        Screenshots.write(robot, scene, "mutes-light");
        robot.interact(() -> Screenshots.theme(true));
        Screenshots.write(robot, scene, "mutes-dark");
        robot.interact(() -> Screenshots.theme(false));

        robot.clickOn(robot.lookup("#mutes-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.clickOn("#mutes-unmute");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, table.getItems().size());
        assertFalse(row().muted());
    }

    private StoredResult row() {
        return context.currentScan().get().rows().stream()
                .filter(r -> r.result().checkId().equals(RecordedScans.PITR)
                        && r.result().resource().arn().equals(RecordedScans.SCRATCH))
                .findFirst().orElseThrow();
    }
}
