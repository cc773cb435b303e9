package io.tablewarden.ui.app;

import javafx.collections.ListChangeListener;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The application icon on every window: the main window, dialogs, alerts and choosers' owners alike. The window
 * manager picks the size it needs for the title bar, the task switcher and the taskbar from the whole PNG set,
 * which Maven copies from {@code icons/} (rendered from the SVG there).
 */
public final class AppIcons {

    /** The sizes put on each window; larger ones only matter to installers, which take them from icons/. */
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    /** One icon set and one window-list listener for the whole process, which every window shares alike. */
    private static final java.util.concurrent.atomic.AtomicBoolean INSTALLED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private AppIcons() {
    }

    /**
     * Gives every window opened from now on, and every one already open, the icon set. Call on the UI thread;
     * calling it again does nothing.
     */
    public static void installOnEveryWindow() {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        // Dialogs are separate stages made deep inside the pages; the window list sees every one of them as it opens.
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(AppIcons::apply);
            }
        });
        Window.getWindows().forEach(AppIcons::apply);
    }

    /** Puts the icon set on {@code window} when it is a stage without icons of its own. */
    static void apply(Window window) {
        if (window instanceof Stage stage && stage.getIcons().isEmpty()) {
            stage.getIcons().setAll(images());
        }
    }

    /** The icon set, largest last, loaded once (on first use). */
    static List<Image> images() {
        return IconSet.IMAGES;
    }

    /** Loaded when first asked for: the JVM's class initialisation makes it happen once. */
    private static final class IconSet {
        private static final List<Image> IMAGES = load();

        private static List<Image> load() {
            List<Image> loaded = new ArrayList<>();
            for (int size : SIZES) {
                String name = "icons/tablewarden-" + size + ".png";
                try (InputStream in = AppIcons.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalStateException("the application icon " + name + " is not packaged");
                    }
                    loaded.add(new Image(in));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot read the application icon " + name, e);
                }
            }
            return List.copyOf(loaded);
        }
    }
}
