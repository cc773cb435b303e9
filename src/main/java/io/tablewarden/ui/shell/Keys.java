package io.tablewarden.ui.shell;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The workbench's keyboard shortcuts, defined once so menus, handlers, tooltips and the shortcuts sheet agree.
 * Text for people always comes from {@link KeyCombination#getDisplayText()}: "Ctrl+R" on Linux and Windows, "⌘R"
 * on macOS.
 */
public final class Keys {

    public static final KeyCombination SCAN = shortcut(KeyCode.R);
    public static final KeyCombination SCAN_AGAIN = new KeyCodeCombination(KeyCode.F5);
    public static final KeyCombination EXPORT = shortcut(KeyCode.E);
    public static final KeyCombination QUIT = shortcut(KeyCode.Q);
    public static final KeyCombination FIND = shortcut(KeyCode.F);
    public static final KeyCombination DARK_THEME = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination SHORTCUTS = new KeyCodeCombination(KeyCode.F1);
    public static final KeyCombination COPY = shortcut(KeyCode.C);
    public static final KeyCombination MUTE = shortcut(KeyCode.M);
    public static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.ENTER);
    /** Control, not the shortcut modifier, on every system, as JavaFX's tab panes take it (⌘Tab is macOS's own). */
    public static final KeyCombination NEXT_TAB = new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN);
    public static final KeyCombination PREVIOUS_TAB = new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination EXTEND_SELECTION = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHIFT_DOWN);

    private Keys() {
    }

    /** Shortcut+{@code n} for the n-th sidebar page (1 to 9). */
    public static KeyCombination page(int n) {
        if (n < 1 || n > 9) {
            throw new IllegalArgumentException("pages 1 to 9 have a key, not " + n);
        }
        return shortcut(KeyCode.valueOf("DIGIT" + n));
    }

    /** A tooltip's text with its keys: "Scan the selected account (Ctrl+R or F5)". */
    public static String hint(String text, KeyCombination... keys) {
        return text + " (" + Arrays.stream(keys).map(KeyCombination::getDisplayText)
                .collect(Collectors.joining(" or ")) + ")";
    }

    /** A click with the shortcut modifier held: "Ctrl+click", "⌘click" on macOS. */
    public static String shortcutClick() {
        String a = shortcut(KeyCode.A).getDisplayText();
        return a.substring(0, a.length() - 1) + "click";
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
