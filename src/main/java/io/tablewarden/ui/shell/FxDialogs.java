package io.tablewarden.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The dialogs of the workbench window. Generic questions are built here; the dialog of each form's view model is
 * registered once by the composition root ({@link #register}). Every dialog gets the workbench's stylesheets,
 * belongs to the workbench window, and is sized to its content and centred on the window when shown
 * ({@link DialogPlacement}).
 */
public final class FxDialogs implements Dialogs {

    /** Builds the dialog that presents a view model of type {@code M}. */
    @FunctionalInterface
    public interface Factory<M> {
        Dialog<?> create(M model, Window owner);
    }

    private final Supplier<Window> owner;
    private final Map<Class<?>, Factory<?>> factories = new LinkedHashMap<>();
    private Consumer<String> showDocument;

    /** @param owner the window dialogs belong to; may supply null */
    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Makes {@link #open} show {@code factory}'s dialog for models of exactly {@code type}. */
    public <M> FxDialogs register(Class<M> type, Factory<? super M> factory) {
        factories.put(type, factory);
        return this;
    }

    /** Opens folders with {@code showDocument} (the application's host services); without it none opens. */
    public FxDialogs openingDocumentsWith(Consumer<String> showDocument) {
        this.showDocument = showDocument;
        return this;
    }

    @Override
    public boolean openFolder(Path folder) {
        if (showDocument == null) {
            return false;
        }
        try {
            Files.createDirectories(folder);
            showDocument.accept(folder.toUri().toString());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        prepare(alert);
        alert.setTitle(confirmation.title());
        alert.setHeaderText(confirmation.question());
        alert.setContentText(confirmation.details());
        ButtonType action = new ButtonType(confirmation.confirmLabel(), ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(action, ButtonType.CANCEL);
        return alert.showAndWait().filter(action::equals).isPresent();
    }

    @Override
    public Optional<String> askText(TextRequest request) {
        Dialog<String> dialog = new Dialog<>();
        prepare(dialog);
        dialog.setTitle(request.title());
        dialog.setHeaderText(request.title());
        TextField field = new TextField(request.initial());
        field.setId("dialog-text");
        Label problem = new Label();
        problem.setId("dialog-text-problem");
        problem.getStyleClass().add("form-problem");
        // No red text before the user has typed: the offered text may well need changing (a taken name), and
        // the disabled OK button already says so.
        javafx.beans.property.BooleanProperty edited = new javafx.beans.property.SimpleBooleanProperty();
        field.textProperty().addListener(o -> edited.set(true));
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> edited.get() ? request.problem().apply(field.getText()) : "", field.textProperty(), edited));
        GridPane grid = FormGrid.create();
        grid.addRow(0, new Label(request.label()), field);
        grid.add(problem, 1, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(Bindings.createBooleanBinding(
                () -> !request.problem().apply(field.getText()).isEmpty(), field.textProperty()));
        dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText().trim() : null);
        dialog.setOnShown(e -> field.requestFocus());
        return dialog.showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToSave(SaveFileRequest request) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(request.title());
        chooser.setInitialFileName(request.suggestedName());
        if (request.initialFolder() != null && java.nio.file.Files.isDirectory(request.initialFolder())) {
            chooser.setInitialDirectory(request.initialFolder().toFile());
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(request.typeName(),
                "*." + request.extension()));
        File file = chooser.showSaveDialog(focusedOrOwner());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public boolean open(Object model) {
        Dialog<?> dialog = create(model);
        Window window = owner();
        if (dialog.getOwner() == null && window != null) {
            dialog.initOwner(window);
        }
        Stylesheets.install(dialog.getDialogPane());
        DialogPlacement.install(dialog);
        return dialog.showAndWait().filter(answer -> !Boolean.FALSE.equals(answer)).isPresent();
    }

    @SuppressWarnings("unchecked")
    private <M> Dialog<?> create(M model) {
        Factory<? super M> factory = (Factory<? super M>) factories.get(model.getClass());
        if (factory == null) {
            throw new IllegalArgumentException("No dialog is registered for " + model.getClass().getName());
        }
        return factory.create(model, owner());
    }

    private void prepare(Dialog<?> dialog) {
        Window window = owner();
        if (window != null) {
            dialog.initOwner(window);
        }
        Stylesheets.install(dialog.getDialogPane());
        DialogPlacement.install(dialog);
    }

    private Window owner() {
        return owner == null ? null : owner.get();
    }

    /** The focused window, so a file chooser opened from a dialog belongs to that dialog; else the owner. */
    private Window focusedOrOwner() {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst().orElseGet(this::owner);
    }
}
