package io.tablewarden.ui.shell;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The dialogs a view model may open. View models decide which dialog opens when and what follows from the
 * answer; the workbench answers through {@link FxDialogs}, tests through a scripted implementation, so every
 * dialog flow is tested without a toolkit. Call on the UI thread: each method waits for the user's answer.
 */
public interface Dialogs {

    /**
     * A question with one action and Cancel.
     *
     * @param title        the window title
     * @param question     the question, in one line
     * @param details      what the action does and what follows from it
     * @param confirmLabel the action's button, a verb ("Delete")
     */
    record Confirmation(String title, String question, String details, String confirmLabel) {
    }

    /**
     * A request for one line of text, such as a new name.
     *
     * @param title   the window title and heading
     * @param label   the field's label
     * @param initial the text the field starts with
     * @param problem what is wrong with a candidate text, or an empty string when it may be accepted
     */
    record TextRequest(String title, String label, String initial, UnaryOperator<String> problem) {
    }

    /**
     * A request for a file to write.
     *
     * @param title         the window title
     * @param suggestedName the file name offered
     * @param typeName      the kind of file, for the type filter ("CSV")
     * @param extension     the file name extension without the dot
     * @param initialFolder the folder the chooser opens in, or null for the platform's choice
     */
    record SaveFileRequest(String title, String suggestedName, String typeName, String extension,
                           Path initialFolder) {

        /** A request that lets the platform choose the folder. */
        public SaveFileRequest(String title, String suggestedName, String typeName, String extension) {
            this(title, suggestedName, typeName, extension, null);
        }
    }

    /** Asks the question; true only when the user chose the action. */
    boolean confirm(Confirmation confirmation);

    /** Asks for a text; empty when the user cancelled. The answer is trimmed and has no problem. */
    Optional<String> askText(TextRequest request);

    /** Asks for a file to write; empty when the user cancelled. */
    Optional<Path> chooseFileToSave(SaveFileRequest request);

    /**
     * Shows {@code folder} in the desktop's file manager, creating it first when it is missing.
     *
     * @return false when the desktop could not be asked (the caller then names the folder instead)
     */
    boolean openFolder(Path folder);

    /**
     * Opens the dialog that presents {@code model} (a form's or a list's view model) and waits until it closes.
     *
     * @return true when the user completed it (saved, signed in, exported), false when it was cancelled or closed
     */
    boolean open(Object model);
}
