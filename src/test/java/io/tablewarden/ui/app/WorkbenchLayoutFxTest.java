package io.tablewarden.ui.app;

import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.export.ExportViewModel;
import io.tablewarden.ui.mute.MuteViewModel;
import io.tablewarden.ui.mute.MutesViewModel;
import io.tablewarden.ui.results.FindingsView;
import io.tablewarden.ui.scan.ScanViewModel;
import io.tablewarden.ui.shell.Dialogs;
import io.tablewarden.model.Status;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Cell;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.tablewarden.ui.app.TestWorkbenchWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's layout on the demo account at 1280×800 and 1920×1080, light and dark (headless): no label is cut
 * at 1280×800 (neither ellipsised nor clipped; table cells aside, whose text a narrow column may cut), the posture
 * matrix fits without a sideways scroll bar and shows every status whole, the resource's check list reads one line
 * per check and its code pane lies inside the detail, tables use the width they are given at 1920×1080, notices
 * leave the status bar readable. Every page, the findings' tabs and every dialog are written to
 * {@code target/screenshots/layout-*} to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchLayoutFxTest {

    static {
        // The headless screen must hold the largest window measured here (Monocle's default is 1280×800).
        System.setProperty("headless.geometry", "1920x1080-32");
    }

    @TempDir
    Path dir;

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        TestWorkbenchWindow.close(robot, stage, workbench);
    }

    @Test
    void atLaptopSizeNoLabelIsCut(FxRobot robot) throws Exception {
        List<String> cut = tour(robot, 1280, 800);
        assertEquals(List.of(), cut, "labels cut at 1280×800");
    }

    @Test
    void atFullHdTheTablesTakeTheFreeWidth(FxRobot robot) throws Exception {
        tour(robot, 1920, 1080);
        List<String> blank = new ArrayList<>();
        for (String page : List.of(WorkbenchPages.FINDINGS, WorkbenchPages.HISTORY)) {
            robot.interact(() -> {
                workbench.showPage(page);
                if (workbench.shell().pageView(page) instanceof FindingsView findings) {
                    findings.focusSearch();
                }
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (TableView<?> table : visible(stage.getScene().getRoot(), TableView.class)) {
                double used = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
                double width = table.getWidth();
                if (width - used > 40) {
                    blank.add(page + " " + table.getId() + ": columns use " + Math.round(used) + " of "
                            + Math.round(width) + " px");
                }
            }
        }
        robot.interact(() -> {
            workbench.showPage(WorkbenchPages.FINDINGS);
            ((javafx.scene.control.TabPane) workbench.shell().pageView(WorkbenchPages.FINDINGS).lookup(".tab-pane"))
                    .getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (TableView<?> table : visible(stage.getScene().getRoot(), TableView.class)) {
            double used = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
            if (table.getWidth() - used > 40) {
                blank.add("matrix " + table.getId() + ": columns use " + Math.round(used) + " of "
                        + Math.round(table.getWidth()) + " px");
            }
        }
        assertEquals(List.of(), blank);
    }

    @Test
    void aNoticeCoversNothing(FxRobot robot) throws Exception {
        open(robot, 1280, 800);
        Node page = robot.lookup(".page").query();
        Bounds pageBefore = page.localToScene(page.getBoundsInLocal());
        robot.interact(() -> workbench.notify("The demo account is scanned; its findings are on the Findings page."));
        WaitForAsyncUtils.waitForFxEvents();
        Node notice = robot.lookup(".notice").query();
        Bounds n = notice.localToScene(notice.getBoundsInLocal());
        assertTrue(n.getWidth() > 100 && n.getHeight() > 20, "the notice is shown: " + n);
        for (String other : List.of(".page", ".status-bar", ".tool-bar", ".sidebar", "#demo-scanned-banner")) {
            Node node = robot.lookup(other).query();
            Bounds b = node.localToScene(node.getBoundsInLocal());
            assertTrue(!n.intersects(b.getMinX() + 1, b.getMinY() + 1, b.getWidth() - 2, b.getHeight() - 2),
                    "the notice covers " + other + ": " + n + " " + b);
        }
        Bounds pageDuring = page.localToScene(page.getBoundsInLocal());
        assertTrue(pageDuring.getHeight() < pageBefore.getHeight(), "the page made room");
        assertEquals(List.of("The demo account is scanned; its findings are on the Findings page."),
                workbench.shell().noticesShown());
        Screenshots.write(robot, stage.getScene(), "layout-1280x800-notice-light");
    }

    /** Opens the window at the size, scans the demo account. */
    private void open(FxRobot robot, int width, int height) throws Exception {
        workbench = TestWorkbenchWindow.open(robot, stage, dir, TestWorkbenchWindow.engineBackend(), "Adwaita");
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        robot.interact(workbench::runScan);
        waitFor(() -> workbench.scans().stateProperty().get() == ScanViewModel.State.COMPLETED, 90);
    }

    /** Every page and tab, light and dark, then every dialog; returns the labels cut on the way. */
    private List<String> tour(FxRobot robot, int width, int height) throws Exception {
        open(robot, width, height);
        String size = width + "x" + height;
        List<String> cut = new ArrayList<>();
        for (boolean dark : List.of(false, true)) {
            robot.interact(() -> workbench.darkProperty().set(dark));
            String theme = dark ? "dark" : "light";
            for (String page : List.of(WorkbenchPages.PROFILES, WorkbenchPages.SCANS, WorkbenchPages.FINDINGS,
                    WorkbenchPages.COMPLIANCE, WorkbenchPages.HISTORY)) {
                robot.interact(() -> {
                    workbench.showPage(page);
                    if (workbench.shell().pageView(page) instanceof FindingsView findings) {
                        findings.focusSearch();
                    }
                });
                if (page.equals(WorkbenchPages.HISTORY)) {
                    waitFor(() -> !visible(stage.getScene().getRoot(), TableView.class).isEmpty()
                            && !visible(stage.getScene().getRoot(), TableView.class).get(0).getItems().isEmpty(), 20);
                }
                shoot(robot, stage.getScene().getRoot(), "layout-" + size + "-" + page + "-" + theme, cut, page);
            }
            FindingsView findings = (FindingsView) workbench.shell().pageView(WorkbenchPages.FINDINGS);
            robot.interact(() -> workbench.showPage(WorkbenchPages.FINDINGS));
            robot.interact(() -> {
                javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) findings.lookup(".tab-pane");
                tabs.getSelectionModel().select(1);
            });
            shoot(robot, stage.getScene().getRoot(), "layout-" + size + "-matrix-" + theme, cut, "matrix");
            cut.addAll(matrixProblems(robot, size));
            robot.interact(findings::focusSearch);
            String failing = workbench.currentScan().get().rows().stream()
                    .filter(r -> r.result().status() == Status.FAIL).findFirst().orElseThrow()
                    .result().resource().arn();
            robot.interact(() -> findings.openResource(failing, null));
            shoot(robot, stage.getScene().getRoot(), "layout-" + size + "-resource-" + theme, cut, "resource");
            cut.addAll(detailProblems(robot, size));
            Map<String, Runnable> dialogs = dialogs();
            for (Map.Entry<String, Runnable> dialog : dialogs.entrySet()) {
                shootDialog(robot, dialog.getValue(), "layout-" + size + "-dialog-" + dialog.getKey() + "-" + theme,
                        cut, dialog.getKey());
            }
        }
        robot.interact(() -> workbench.darkProperty().set(false));
        return cut.stream().distinct().toList();
    }

    private Map<String, Runnable> dialogs() {
        Dialogs dialogs = workbench.dialogs();
        Map<String, Runnable> all = new LinkedHashMap<>();
        all.put("add-profile", () -> {
            workbench.showPage(WorkbenchPages.PROFILES);
            ((Button) stage.getScene().lookup("#add-profile")).fire();
        });
        all.put("mute", () -> new MuteViewModel(workbench, workbench.currentScan().get().rows().stream()
                .filter(r -> r.result().status() == Status.FAIL).findFirst().orElseThrow().result()).ask());
        all.put("mutes", () -> new MutesViewModel(workbench).show());
        all.put("export", () -> ExportViewModel.exportCurrentScan(workbench));
        all.put("confirm", () -> dialogs.confirm(new Dialogs.Confirmation("Delete profile", "Delete the profile audit?",
                "Its section is removed from the AWS config file.", "Delete")));
        all.put("shortcuts", () -> workbench.shell().shortcuts().show());
        all.put("about", () -> workbench.about().show());
        return all;
    }

    private void shootDialog(FxRobot robot, Runnable open, String name, List<String> cut, String where)
            throws Exception {
        List<Window> before = new ArrayList<>(Window.getWindows());
        Platform.runLater(open);
        AtomicReference<Window> opened = new AtomicReference<>();
        waitFor(() -> {
            Window.getWindows().stream().filter(w -> !before.contains(w) && w.isShowing()).findFirst()
                    .ifPresent(opened::set);
            return opened.get() != null;
        }, 20);
        Window window = opened.get();
        shoot(robot, window.getScene().getRoot(), name, cut, where);
        robot.interact(() -> {
            if (window.getScene().getRoot() instanceof DialogPane pane) {
                for (ButtonType type : pane.getButtonTypes()) {
                    if (type.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE) {
                        ((Button) pane.lookupButton(type)).fire();
                        return;
                    }
                }
            }
            window.hide();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shoot(FxRobot robot, Parent root, String name, List<String> cut, String where) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(robot, root.getScene(), name);
        robot.interact(() -> {
            for (Labeled labeled : visible(root, Labeled.class)) {
                if (labeled instanceof Cell<?>) {
                    continue;
                }
                String problem = cutText(labeled);
                if (problem != null) {
                    cut.add(where + ": " + problem);
                }
            }
        });
    }

    /**
     * How a label's text is cut, or null when it shows whole: replaced by an ellipsis, or drawn wider than the
     * label (a graphic that does not shrink, a text without an ellipsis) and so clipped.
     */
    static String cutText(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isEmpty()) {
            return null;
        }
        Text shown = null;
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                shown = t;
            }
        }
        if (shown == null) {
            return null;
        }
        if (!text.equals(shown.getText()) && !labeled.isWrapText()
                && shown.getText().endsWith(labeled.getEllipsisString())) {
            return "\"" + text + "\" shown as \"" + shown.getText() + "\"";
        }
        double room = labeled.getWidth() - labeled.snappedLeftInset() - labeled.snappedRightInset();
        double drawn = shown.getLayoutBounds().getWidth();
        if (labeled.getWidth() > 0 && drawn > room + 1.5) {
            return "\"" + text + "\" is " + Math.round(drawn) + " px wide in " + Math.round(room) + " px";
        }
        return null;
    }

    /** The posture matrix fits the window without a horizontal scroll bar, and shows every status whole. */
    private List<String> matrixProblems(FxRobot robot, String size) {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            TableView<?> matrix = (TableView<?>) stage.getScene().lookup("#posture-matrix");
            for (Node bar : matrix.lookupAll(".scroll-bar")) {
                if (bar instanceof ScrollBar scroll && scroll.getOrientation() == Orientation.HORIZONTAL
                        && scroll.isVisible() && scroll.getMax() > scroll.getMin()) {
                    double used = matrix.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
                    problems.add("matrix at " + size + ": scrolls sideways (columns " + Math.round(used) + " px in "
                            + Math.round(matrix.getWidth()) + ")");
                }
            }
            // Every value whole but a long resource name, which the window's width may cut.
            for (Node cell : matrix.lookupAll(".table-cell")) {
                boolean name = cell instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                        && "matrix-resource".equals(c.getTableColumn().getId());
                String problem = cell.isVisible() && !name ? cutText((Labeled) cell) : null;
                if (problem != null) {
                    problems.add("matrix cell at " + size + ": " + problem);
                }
            }
        });
        return problems;
    }

    /**
     * The resource detail: one line per check in its list, and the remediation's code pane whole inside the
     * detail (long lines scroll inside the pane).
     */
    private List<String> detailProblems(FxRobot robot, String size) {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            Region list = (Region) stage.getScene().lookup(".detail-checks");
            for (Node node : list.lookupAll(".list-cell")) {
                if (node instanceof ListCell<?> cell && cell.isVisible() && !cell.isEmpty()) {
                    Labeled title = (Labeled) cell.lookupAll(".label").stream()
                            .filter(n -> !n.getStyleClass().contains("badge")).findFirst().orElseThrow();
                    double line = title.getFont().getSize() * 1.6;
                    if (title.getHeight() > line) {
                        problems.add("check list at " + size + ": \"" + title.getText() + "\" takes "
                                + Math.round(title.getHeight()) + " px");
                    }
                    String problem = cutText(title);
                    if (problem != null) {
                        problems.add("check list at " + size + ": " + problem);
                    }
                }
            }
            Region detail = (Region) stage.getScene().lookup("#detail-tabs");
            Bounds room = detail.localToScene(detail.getBoundsInLocal());
            for (Node code : detail.lookupAll(".code-view")) {
                if (code.isVisible() && code.getParent() != null && code.getParent().isVisible()) {
                    Bounds b = code.localToScene(code.getBoundsInLocal());
                    if (b.getWidth() > 0 && (b.getMaxX() > room.getMaxX() + 0.5 || b.getMinX() < room.getMinX())) {
                        problems.add("code pane at " + size + " is cut: " + b + " in " + room);
                    }
                    Node copy = code.lookup(".copy-button");
                    Bounds c = copy.localToScene(copy.getBoundsInLocal());
                    if (c.getMaxX() > room.getMaxX() + 0.5) {
                        problems.add("the Copy button at " + size + " is off the detail: " + c + " in " + room);
                    }
                }
            }
        });
        return problems;
    }

    /** The nodes of {@code type} under {@code root} that are on screen (visible, as are all their parents). */
    private static <T> List<T> visible(Parent root, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found;
    }

    private static <T> void collect(Node node, Class<T> type, List<T> found) {
        if (!node.isVisible()) {
            return;
        }
        if (type.isInstance(node)) {
            found.add(type.cast(node));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, type, found);
            }
        }
    }
}
