package io.tablewarden.ui.results;

import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.shell.Stylesheets;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the theme resolves for a selected row and for pop-ups, read from the styled nodes rather than from
 * screenshots: the selected row of the findings table and of the posture matrix stands out from the rows around
 * it in both themes (and its text stays readable), the matrix marks the row with one band rather than an outline
 * per cell, and in the dark theme a context menu and a drop-down have no bright frame.
 */
@ExtendWith(ApplicationExtension.class)
class SelectionAndPopupLookFxTest {

    /** Contrast ratio (WCAG) a selected row's background keeps against an unselected row's. */
    private static final double ROW_CONTRAST = 1.25;
    /** Contrast ratio of the matrix's row band against the page behind the table. */
    private static final double BAND_CONTRAST = 3.0;
    /** Contrast ratio of a selected row's text against its background. */
    private static final double TEXT_CONTRAST = 4.5;
    /** Relative luminance a pop-up's frame and face stay under in the dark theme (white is 1). */
    private static final double DARK_LUMINANCE = 0.06;

    private Stage stage;
    private FindingsView findings;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @Test
    void aSelectedFindingStandsOutInBothThemes(FxRobot robot) throws Exception {
        open(robot);
        for (boolean dark : List.of(false, true)) {
            robot.interact(() -> Screenshots.theme(dark));
            TableView<?> table = findingsTable();
            select(robot, table, 2);
            Color page = pageColour();
            Color selected = rowColour(robot, table, 2, page);
            for (int other : List.of(1, 3)) {
                Color unselected = rowColour(robot, table, other, page);
                assertTrue(contrast(selected, unselected) >= ROW_CONTRAST, theme(dark) + ": selected row " + selected
                        + " against row " + other + " " + unselected + " is " + contrast(selected, unselected));
            }
            for (Color text : textColours(robot, table, 2)) {
                assertTrue(contrast(text, selected) >= TEXT_CONTRAST, theme(dark) + ": text " + text + " on "
                        + selected + " is " + contrast(text, selected));
            }
            Screenshots.write(robot, stage.getScene(), "selection-findings-" + theme(dark));
        }
    }

    @Test
    void theMatrixMarksTheSelectedRowWithOneBand(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> findings.tabs().getSelectionModel().select(1));
        for (boolean dark : List.of(false, true)) {
            robot.interact(() -> Screenshots.theme(dark));
            TableView<?> table = (TableView<?>) findings.lookup("#posture-matrix");
            select(robot, table, 2);
            Color page = pageColour();
            // The row's own cells (resource, type, region, fails) show the row's selected background.
            Color selected = rowColour(robot, table, 2, page);
            for (int other : List.of(1, 3)) {
                Color unselected = rowColour(robot, table, other, page);
                assertTrue(contrast(selected, unselected) >= ROW_CONTRAST, theme(dark) + ": selected matrix row "
                        + selected + " against row " + other + " " + unselected);
            }
            // The status cells keep their colours; a band above and below them runs across the whole row, with no
            // stroke between one cell and the next.
            List<Region> cells = new ArrayList<>();
            robot.interact(() -> row(table, 2).lookupAll(".matrix-cell").forEach(n -> cells.add((Region) n)));
            assertTrue(cells.size() > 10, "the row's status cells: " + cells.size());
            robot.interact(() -> {
                for (Region cell : cells) {
                    Border border = cell.getBorder();
                    assertNotNull(border, "a band on the selected row's cell");
                    Insets widths = border.getInsets();
                    assertEquals(0, widths.getLeft(), 0.01, "no stroke at a cell's left: " + cell);
                    assertEquals(0, widths.getRight(), 0.01, "no stroke at a cell's right: " + cell);
                    assertTrue(widths.getTop() >= 2 && widths.getBottom() >= 2, "a band of 2 px: " + widths);
                    BorderStroke stroke = border.getStrokes().get(0);
                    for (Paint paint : List.of(stroke.getTopStroke(), stroke.getBottomStroke())) {
                        Color band = over((Color) paint, page);
                        assertTrue(contrast(band, page) >= BAND_CONTRAST, theme(dark) + ": band " + band
                                + " on page " + page + " is " + contrast(band, page));
                    }
                }
                for (Region cell : List.copyOf(row(table, 1).lookupAll(".matrix-cell")).stream()
                        .map(Region.class::cast).toList()) {
                    Border border = cell.getBorder();
                    boolean band = border != null && !border.getStrokes().isEmpty()
                            && border.getInsets().getTop() >= 2;
                    assertTrue(!band, "an unselected row has no band: " + cell);
                }
            });
            Screenshots.write(robot, stage.getScene(), "selection-matrix-" + theme(dark));
        }
    }

    @Test
    void darkPopUpsHaveNoBrightFrame(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> Screenshots.theme(true));
        TableView<?> table = findingsTable();
        select(robot, table, 0);

        // The findings row's context menu.
        AtomicReference<ContextMenu> menu = new AtomicReference<>();
        robot.interact(() -> {
            TableRow<?> row = (TableRow<?>) row(table, 0);
            menu.set(row.getContextMenu());
            var at = row.localToScreen(row.getBoundsInLocal());
            menu.get().show(row, at.getMinX() + 20, at.getMaxY());
        });
        assertDark(robot, popUp(menu.get()).getScene().getRoot(), ".context-menu", "the findings' context menu");
        robot.interact(() -> menu.get().hide());

        // The posture matrix's region drop-down (a plain combo box).
        robot.interact(() -> findings.tabs().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> regions = (ComboBox<?>) findings.lookupAll(".combo-box").stream()
                .filter(n -> n instanceof ComboBox<?> box && box.getItems().contains("All regions"))
                .findFirst().orElseThrow();
        List<Window> before = new ArrayList<>(Window.getWindows());
        robot.interact(regions::show);
        Window dropDown = newPopUp(before);
        assertDark(robot, dropDown.getScene().getRoot(), ".list-view", "the matrix's region drop-down");
        robot.interact(regions::hide);

        // The findings' status filter (ControlsFX's check combo box).
        robot.interact(() -> findings.tabs().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        CheckComboBox<?> status = (CheckComboBox<?>) findings.lookup("#status-filter");
        before = new ArrayList<>(Window.getWindows());
        robot.interact(status::show);
        Window checks = newPopUp(before);
        assertDark(robot, checks.getScene().getRoot(), ".list-view", "the status filter's drop-down");
        Screenshots.write(robot, checks.getScene(), "popup-status-filter-dark");
        robot.interact(status::hide);
    }

    private void open(FxRobot robot) throws Exception {
        ScanSnapshot scan = DemoScan.snapshot();
        TestWorkbenchContext context = new TestWorkbenchContext().openingResourcesOnFindingsPage();
        context.currentScan().set(scan);
        robot.interact(() -> {
            findings = new FindingsView(context, context.navigation());
            Scene scene = new Scene(findings, 1280, 800);
            Stylesheets.install(scene);
            stage.setScene(scene);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<?> findingsTable() {
        return (TableView<?>) findings.lookup("#findings-table");
    }

    private static void select(FxRobot robot, TableView<?> table, int index) {
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(index);
            table.getFocusModel().focus(index);
            table.scrollTo(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            table.applyCss();
            table.layout();
        });
        assertTrue(table.isFocused(), "the table has the focus");
    }

    /** The row at {@code index} as it is drawn. */
    private static IndexedCell<?> row(TableView<?> table, int index) {
        return table.lookupAll(".table-row-cell").stream()
                .map(n -> (IndexedCell<?>) n)
                .filter(r -> r.getIndex() == index && r.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no row " + index + " drawn"));
    }

    /** What a row paints under its cells, over the page behind the table. */
    private static Color rowColour(FxRobot robot, TableView<?> table, int index, Color page) {
        AtomicReference<Color> colour = new AtomicReference<>();
        robot.interact(() -> {
            IndexedCell<?> row = row(table, index);
            Color face = paint(row.getBackground(), over(paint(table.getBackground(), page), page));
            // A cell that paints a background of its own (none of the text cells does) would cover the row's.
            colour.set(face);
        });
        return colour.get();
    }

    /** The text colours of a row's cells that show text. */
    private static List<Color> textColours(FxRobot robot, TableView<?> table, int index) {
        List<Color> colours = new ArrayList<>();
        robot.interact(() -> {
            for (Node cell : row(table, index).lookupAll(".table-cell")) {
                if (cell instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()
                        && labeled.getTextFill() instanceof Color fill) {
                    colours.add(fill);
                }
            }
        });
        assertTrue(!colours.isEmpty(), "the row shows text");
        return colours;
    }

    private Color pageColour() {
        Region root = (Region) stage.getScene().getRoot();
        root.applyCss();
        Color fill = stage.getScene().getFill() instanceof Color c ? c : Color.WHITE;
        return paint(root.getBackground(), fill);
    }

    /** The colour a background's solid fills paint when laid one over the other onto {@code under}. */
    private static Color paint(Background background, Color under) {
        Color result = under;
        if (background == null) {
            return result;
        }
        for (BackgroundFill fill : background.getFills()) {
            if (fill.getFill() instanceof Color colour && fill.getInsets().getTop() <= 1
                    && fill.getInsets().getBottom() <= 1) {
                result = over(colour, result);
            }
        }
        return result;
    }

    private static Color over(Color top, Color under) {
        double a = top.getOpacity();
        return new Color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a), 1);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static String theme(boolean dark) {
        return dark ? "dark" : "light";
    }

    private static PopupWindow popUp(ContextMenu menu) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, menu::isShowing);
        WaitForAsyncUtils.waitForFxEvents();
        return menu;
    }

    private static Window newPopUp(List<Window> before) throws Exception {
        AtomicReference<Window> found = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            Window.getWindows().stream().filter(w -> !before.contains(w) && w.isShowing() && w instanceof PopupWindow)
                    .findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return found.get();
    }

    /**
     * The pop-up's face ({@code selector} inside its window) paints from its very edge, in dark colours only, has
     * a dark border if any, and no drop shadow: without a compositing window manager the shadow's margin is drawn
     * as a bright frame around the menu.
     */
    private static void assertDark(FxRobot robot, Parent root, String selector, String what) {
        robot.interact(() -> {
            root.applyCss();
            root.layout();
            // The pop-up's window holds a bridge node with the pop-up's style class; the face is the styled
            // region that paints.
            Region face = root.lookupAll(selector).stream()
                    .filter(n -> n instanceof Region r && r.getBackground() != null).map(Region.class::cast)
                    .findFirst().orElse(null);
            assertNotNull(face, what + ": " + selector + " in the pop-up");
            assertEquals(null, face.getEffect(), what + ": a shadow's margin shows as a frame without compositing");
            Background background = face.getBackground();
            assertNotNull(background, what + " paints a background");
            assertTrue(!background.getFills().isEmpty(), what + " paints a background");
            BackgroundFill outer = background.getFills().get(0);
            assertEquals(Insets.EMPTY, outer.getInsets(), what + ": the face starts at the pop-up's edge");
            for (BackgroundFill fill : background.getFills()) {
                Color colour = (Color) fill.getFill();
                assertTrue(luminance(over(colour, Color.BLACK)) < DARK_LUMINANCE
                                && (colour.getOpacity() > 0.99 || fill != outer),
                        what + ": a light or see-through fill " + colour + " at " + fill.getInsets());
            }
            Border border = face.getBorder();
            if (border != null) {
                for (BorderStroke stroke : border.getStrokes()) {
                    for (Paint paint : List.of(stroke.getTopStroke(), stroke.getRightStroke(),
                            stroke.getBottomStroke(), stroke.getLeftStroke())) {
                        if (paint instanceof Color colour && colour.getOpacity() > 0) {
                            assertTrue(luminance(colour) < DARK_LUMINANCE * 3, what + ": a light border " + colour);
                        }
                    }
                }
            }
            Window window = root.getScene().getWindow();
            double inset = Math.abs(face.localToScene(0, 0).getX()) + Math.abs(face.localToScene(0, 0).getY());
            assertTrue(inset < 1 || window == null, what + ": the face sits " + inset
                    + " px inside its window; the margin around it would show");
        });
    }
}
