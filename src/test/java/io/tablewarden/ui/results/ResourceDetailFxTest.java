package io.tablewarden.ui.results;

import io.tablewarden.model.Status;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.shell.Stylesheets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resource detail in a window: Ctrl+Tab moves between the remediation forms once the detail has the focus,
 * the console steps read as a numbered list, the check list's status badges share one width, and the evidence
 * takes only the height its rows need. Screenshots go to {@code target/screenshots/results-detail-*.png}.
 */
@ExtendWith(ApplicationExtension.class)
class ResourceDetailFxTest {

    private final TestWorkbenchContext context = new TestWorkbenchContext().openingResourcesOnFindingsPage();
    private FindingsView page;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Screenshots.theme(false);
        page = new FindingsView(context, context.navigation());
        scene = new Scene(page, 1280, 800);
        Stylesheets.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void openOrdersFromTheTable(FxRobot robot) {
        robot.interact(() -> context.currentScan().set(TestSnapshots.small()));
        @SuppressWarnings("unchecked")
        TableView<StoredResult> table = (TableView<StoredResult>) page.lookup("#findings-table");
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                StoredResult row = table.getItems().get(i);
                if (row.result().checkId().equals(TestSnapshots.PITR)
                        && row.result().resource().name().equals("orders")) {
                    table.getSelectionModel().clearAndSelect(i);
                }
            }
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String selectedForm() {
        return page.detailView().remediationTabs().getSelectionModel().getSelectedItem().getText();
    }

    private String selectedPageTab() {
        return page.tabs().getSelectionModel().getSelectedItem().getText();
    }

    @Test
    void ctrlTabSwitchesTheRemediationFormsOnceTheFocusIsInTheDetail(FxRobot robot) {
        openOrdersFromTheTable(robot);
        assertEquals("Resource", selectedPageTab());
        assertEquals("CLI", selectedForm());
        assertTrue(isInside(scene.getFocusOwner(), page.detailView()),
                "opening a finding puts the focus in the detail: " + scene.getFocusOwner());

        robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("CloudFormation", selectedForm());
        assertEquals("Resource", selectedPageTab(), "the page's own tabs stay where they are");

        robot.press(KeyCode.CONTROL).type(KeyCode.TAB).type(KeyCode.TAB).type(KeyCode.TAB).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("CLI", selectedForm(), "after Console comes CLI again");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Console", selectedForm(), "Ctrl+Shift+Tab goes back");
        assertEquals("Resource", selectedPageTab());

        // Focus on the page's tab headers: Ctrl+Tab is theirs again.
        robot.interact(() -> page.tabs().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Findings", selectedPageTab());
        assertEquals("Console", selectedForm());
    }

    @Test
    void consoleStepsAreANumberedListNotCode(FxRobot robot) {
        openOrdersFromTheTable(robot);
        robot.interact(() -> page.detailView().remediationTabs().getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        Node steps = page.detailView().lookup("#console-steps");
        assertTrue(steps != null && steps.isVisible(), "the console tab shows the steps list");
        List<String> numbers = steps.lookupAll(".step-number").stream().map(n -> ((Label) n).getText())
                .collect(Collectors.toList());
        List<String> texts = steps.lookupAll(".step-text").stream().map(n -> ((Label) n).getText())
                .collect(Collectors.toList());
        assertFalse(texts.isEmpty());
        assertEquals(texts.size(), numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals((i + 1) + ".", numbers.get(i));
            assertFalse(texts.get(i).matches("^\\d+\\..*"), "the step's own text carries no number: " + texts.get(i));
        }
        assertTrue(texts.stream().anyMatch(t -> t.contains("orders")), "filled with the table's name: " + texts);
        assertTrue(steps.lookupAll(".lineno").isEmpty(), "no line numbers");
        // Five rows of evidence: all shown, no scroll bar, no empty area.
        EvidenceTree evidence = (EvidenceTree) page.detailView().lookup(".evidence-tree");
        assertEquals(5, evidence.getExpandedItemCount());
        assertFalse(evidence.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof javafx.scene.control.ScrollBar bar
                        && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .anyMatch(Node::isVisible), "the evidence's five rows need no scroll bar");
        Screenshots.write(robot, scene, "results-detail-console-light");
    }

    @Test
    void statusBadgesOfTheCheckListShareOneWidthAndTheEvidenceFitsItsRows(FxRobot robot) throws Exception {
        ScanSnapshot demo = DemoScan.snapshot();
        String arn = demo.rows().stream().filter(r -> r.result().status() == Status.FAIL)
                .filter(r -> r.result().resource().type() == io.tablewarden.model.ResourceType.TABLE)
                .map(r -> r.result().resource().arn()).findFirst().orElseThrow();
        robot.interact(() -> {
            context.currentScan().set(demo);
            page.openResource(arn, null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(robot, scene, "results-detail-light");

        Set<Double> widths = page.detailView().lookupAll(".detail-checks .badge-status").stream()
                .filter(Node::isVisible).map(n -> Math.rint(n.getLayoutBounds().getWidth()))
                .collect(Collectors.toSet());
        assertFalse(widths.isEmpty());
        assertEquals(1, widths.size(), "PASS, FAIL, ERROR and N/A badges of one width: " + widths);

        EvidenceTree evidence = (EvidenceTree) page.detailView().lookup(".evidence-tree");
        int rows = evidence.getExpandedItemCount();
        double rowHeight = evidence.getFixedCellSize() > 0 ? evidence.getFixedCellSize() : 24;
        assertTrue(evidence.getHeight() <= (rows + 2) * rowHeight + 30,
                "no large empty area under " + rows + " rows: " + evidence.getHeight());
        CodeView cli = page.detailView().codeView("CLI");
        long lines = Math.min(30, cli.text().lines().count());
        assertTrue(cli.getHeight() >= lines * 16 + 30,
                "the code pane shows the " + lines + " lines of the fix: " + cli.getHeight());

        robot.interact(() -> Screenshots.theme(true));
        Screenshots.write(robot, scene, "results-detail-dark");
        robot.interact(() -> Screenshots.theme(false));
    }

    private static boolean isInside(Node node, Node parent) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }
}
