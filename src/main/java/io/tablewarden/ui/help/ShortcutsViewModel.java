package io.tablewarden.ui.help;

import io.tablewarden.ui.shell.Dialogs;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.List;

/**
 * The keyboard shortcuts sheet. Keys are written by {@link KeyCombination#getDisplayText()}, so the sheet says
 * what this platform's keyboard has (Ctrl on Linux and Windows, ⌘ on macOS).
 */
public final class ShortcutsViewModel {

    /**
     * One line of the sheet.
     *
     * @param group  where the shortcut works ("Window", "Findings")
     * @param action what it does
     * @param keys   the keys, as the platform writes them
     */
    public record Shortcut(String group, String action, String keys) {
    }

    private final List<Shortcut> shortcuts = new ArrayList<>();
    private final Dialogs dialogs;

    public ShortcutsViewModel(Dialogs dialogs) {
        this.dialogs = dialogs;
    }

    // properties

    public List<Shortcut> shortcuts() {
        return List.copyOf(shortcuts);
    }

    // commands

    /**
     * Adds a line; menu texts lose their mnemonic underscore and trailing ellipsis. A second key for an action
     * already listed joins its line.
     */
    public ShortcutsViewModel add(String group, String action, KeyCombination keys) {
        String text = plain(action);
        for (int i = 0; i < shortcuts.size(); i++) {
            Shortcut line = shortcuts.get(i);
            if (line.group().equals(group) && line.action().equals(text)) {
                // One action with two keys is one line: "Ctrl+R or F5".
                shortcuts.set(i, new Shortcut(group, text, line.keys() + " or " + keys.getDisplayText()));
                return this;
            }
        }
        shortcuts.add(new Shortcut(group, text, keys.getDisplayText()));
        return this;
    }

    /** Opens the sheet. */
    public void show() {
        dialogs.open(this);
    }

    static String plain(String menuText) {
        String text = menuText.replace("__", "\u0000").replace("_", "").replace("\u0000", "_");
        return text.endsWith("…") ? text.substring(0, text.length() - 1) : text;
    }
}
