package io.tablewarden.ui.mute;

import io.tablewarden.store.Mute;
import io.tablewarden.store.MuteRule;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.history.ExampleScanStore;
import io.tablewarden.ui.history.RecordedScans;
import io.tablewarden.ui.shell.Stylesheets;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mute imported from a Prowler mutelist: the workbench shows its reason and what the rule covers. */
@ExtendWith(ApplicationExtension.class)
class ImportedMuteFxTest {

    @RegisterExtension
    static final ExampleScanStore EXAMPLE = new ExampleScanStore();

    private TestWorkbenchContext context;

    @BeforeAll
    static void importRule() {
        MuteRule rule = new MuteRule("*", RecordedScans.PITR, List.of("eu-north-1"), List.of("^scratch$"), List.of(),
                null, List.of(), null);
        EXAMPLE.store().mutes().addAll(List.of(new Mute(0, RecordedScans.PITR, "^scratch$",
                "imported from mutelist.yaml", "auditor", null, null, rule)));
    }

    @Start
    void start(Stage stage) {
        context = EXAMPLE.context();
        MutesViewModel model = new MutesViewModel(context);
        model.load();
        Scene scene = new Scene(new MutesView(model), 980, 320);
        Stylesheets.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theRowSaysWhyAndWhatTheRuleCovers(FxRobot robot) {
        TableView<?> table = robot.lookup("#mutes-table").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        assertEquals("imported from mutelist.yaml", cell(table, "Reason"));
        String resource = cell(table, "Resource");
        assertTrue(resource.contains("check " + RecordedScans.PITR) && resource.contains("regions eu-north-1")
                && resource.contains("resources ^scratch$"), resource);
        StoredResult scratch = context.currentScan().get().rows().stream()
                .filter(r -> r.result().checkId().equals(RecordedScans.PITR)
                        && r.result().resource().arn().equals(RecordedScans.SCRATCH))
                .findFirst().orElseThrow();
        assertTrue(scratch.muted(), "the rule mutes the finding it covers");
    }

    private static String cell(TableView<?> table, String title) {
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (title.equals(column.getText())) {
                return String.valueOf(column.getCellData(0));
            }
        }
        throw new AssertionError("no column " + title);
    }
}
