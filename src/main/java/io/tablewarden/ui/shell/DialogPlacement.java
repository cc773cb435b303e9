package io.tablewarden.ui.shell;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

import java.util.List;

/**
 * Gives every dialog the size of its content and a place centred on its owner, once it is on screen.
 *
 * <p>Under an X11 window manager the JavaFX 21 toolkit asks for a new window's size before the window is
 * mapped, and some window managers (openbox among them) then map it at 200×200 in a corner: a form without its
 * Save and Cancel buttons, its title bar off the screen. So the size and the place are given again when the
 * window has been shown, which every window manager honours. On a toolkit that got it right the second request
 * changes nothing.
 *
 * <p>While a modal dialog is open the toolkit fixes its owner's size (minimum = maximum = current size), which
 * makes openbox drop the owner's maximized state. A main window that was maximized when the dialog opened is
 * maximized again when the dialog closes.
 */
public final class DialogPlacement {

    /** Room kept between a dialog and the edges of the screen's usable area. */
    static final double SCREEN_MARGIN = 16;

    private DialogPlacement() {
    }

    /** Sizes and centres {@code dialog} each time it is shown. Call once, before it is shown. */
    public static void install(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        Scene scene = pane.getScene();
        Window window = scene == null ? null : scene.getWindow();
        if (window == null) {
            return;
        }
        boolean[] ownerWasMaximized = new boolean[1];
        window.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> {
            Stage owner = ownerStage(window);
            ownerWasMaximized[0] = owner != null && owner.isMaximized();
        });
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            place(window, pane);
            // The window manager answers the first request asynchronously, and content such as an alert's details
            // link reports its final size only after the next layout pass: ask again after both.
            Platform.runLater(() -> {
                place(window, pane);
                Platform.runLater(() -> place(window, pane));
            });
            // A window manager slowed down by a busy machine may map the window after all three requests, in a
            // corner with its title bar off the screen, and a late layout pass may still grow the content: look
            // again a little later and place the window again if it is not wholly on the screen or is smaller
            // than its content (a window the user has moved stays where it is otherwise).
            for (Duration delay : RECHECKS) {
                PauseTransition later = new PauseTransition(delay);
                later.setOnFinished(done -> {
                    if (window.isShowing() && (offScreen(bounds(window), usableArea(window))
                            || smallerThanContent(window, pane))) {
                        place(window, pane);
                    }
                });
                later.play();
            }
        });
        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            Stage owner = ownerStage(window);
            if (ownerWasMaximized[0] && owner != null) {
                // After the toolkit has released the owner's size, which happens once this event is handled.
                Platform.runLater(() -> {
                    if (owner.isShowing() && !owner.isMaximized()) {
                        owner.setMaximized(true);
                    }
                });
            }
        });
    }

    /** When a shown dialog is checked again for a place the window manager got wrong. */
    private static final List<Duration> RECHECKS = List.of(Duration.millis(300), Duration.millis(1200));

    private static Rectangle2D bounds(Window window) {
        return new Rectangle2D(window.getX(), window.getY(), Math.max(1, window.getWidth()),
                Math.max(1, window.getHeight()));
    }

    /** Whether the window's scene is narrower or lower than its content asks for (a late layout pass grew it). */
    private static boolean smallerThanContent(Window window, DialogPane pane) {
        Scene scene = window.getScene();
        Dimension2D content = contentSize(pane);
        return scene.getWidth() + 0.5 < content.getWidth() || scene.getHeight() + 0.5 < content.getHeight();
    }

    /** The size the dialog's content asks for: at least its minimum, else its preferred size. */
    private static Dimension2D contentSize(DialogPane pane) {
        pane.applyCss();
        double width = Math.max(pane.minWidth(-1), pane.prefWidth(-1));
        return new Dimension2D(width, Math.max(pane.minHeight(width), pane.prefHeight(width)));
    }

    /** Whether a window at {@code bounds} reaches outside {@code area} (one pixel of rounding allowed). */
    static boolean offScreen(Rectangle2D bounds, Rectangle2D area) {
        return bounds.getMinX() < area.getMinX() - 1 || bounds.getMinY() < area.getMinY() - 1
                || bounds.getMaxX() > area.getMaxX() + 1 || bounds.getMaxY() > area.getMaxY() + 1;
    }

    private static Stage ownerStage(Window window) {
        return window instanceof Stage stage && stage.getOwner() instanceof Stage owner ? owner : null;
    }

    /** Gives {@code window} at least its content's preferred size and centres it on its owner. */
    static void place(Window window, DialogPane pane) {
        if (!window.isShowing()) {
            return;
        }
        Scene scene = window.getScene();
        Dimension2D content = contentSize(pane);
        double contentWidth = content.getWidth();
        double contentHeight = content.getHeight();
        // What the decorations add: known once the window is on screen, zero where the toolkit does not report it.
        double frameWidth = Math.max(0, window.getWidth() - scene.getWidth());
        double frameHeight = Math.max(0, window.getHeight() - scene.getHeight());
        Rectangle2D area = usableArea(window);
        // Never smaller than the content, never larger than the screen; a larger size already given stays.
        double width = Math.ceil(Math.min(Math.max(contentWidth + frameWidth, window.getWidth()),
                area.getWidth() - 2 * SCREEN_MARGIN));
        double height = Math.ceil(Math.min(Math.max(contentHeight + frameHeight, window.getHeight()),
                area.getHeight() - 2 * SCREEN_MARGIN));
        Rectangle2D where = centred(width, height, ownerBounds(window), area);
        window.setWidth(width);
        window.setHeight(height);
        window.setX(where.getMinX());
        window.setY(where.getMinY());
    }

    /**
     * Where a window of {@code width}×{@code height} goes: centred across its owner and a third of the way down
     * (as JavaFX places dialogs), or centred on the screen without an owner; always inside {@code area}.
     */
    public static Rectangle2D centred(double width, double height, Rectangle2D owner, Rectangle2D area) {
        Rectangle2D around = owner != null ? owner : area;
        double x = around.getMinX() + (around.getWidth() - width) / 2;
        double y = owner != null ? around.getMinY() + (around.getHeight() - height) / 3
                : around.getMinY() + (around.getHeight() - height) / 2;
        x = Math.max(area.getMinX(), Math.min(x, area.getMaxX() - width));
        y = Math.max(area.getMinY(), Math.min(y, area.getMaxY() - height));
        return new Rectangle2D(Math.round(x), Math.round(y), width, height);
    }

    private static Rectangle2D ownerBounds(Window window) {
        Window owner = window instanceof javafx.stage.Stage stage ? stage.getOwner() : null;
        if (owner == null || !owner.isShowing()) {
            return null;
        }
        return new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
    }

    /** The usable area of the screen the owner (or else the window) is on. */
    private static Rectangle2D usableArea(Window window) {
        Window reference = window instanceof javafx.stage.Stage stage && stage.getOwner() != null
                ? stage.getOwner() : window;
        List<Screen> screens = Screen.getScreensForRectangle(reference.getX(), reference.getY(),
                Math.max(1, reference.getWidth()), Math.max(1, reference.getHeight()));
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }
}
