package io.tablewarden.ui.shell;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Dialogs for tests of dialog flows, answered from a script without a toolkit. Each question takes the next
 * scripted answer of its kind and is recorded; a question without a scripted answer fails the test, unless a
 * fallback (the real dialogs, in a TestFX test) is set to answer it.
 */
public final class ScriptedDialogs implements Dialogs {

    /** Every question asked, in order: the request record or the opened model. */
    public final List<Object> asked = new ArrayList<>();

    private final Deque<Boolean> confirmations = new ArrayDeque<>();
    private final Deque<Optional<String>> texts = new ArrayDeque<>();
    private final Deque<Optional<Path>> files = new ArrayDeque<>();
    private final Deque<Predicate<Object>> forms = new ArrayDeque<>();
    private Dialogs fallback;

    /** Questions with no scripted answer go to {@code dialogs}. */
    public ScriptedDialogs fallingBackTo(Dialogs dialogs) {
        this.fallback = dialogs;
        return this;
    }

    /** The next confirmation is answered with {@code yes}. */
    public ScriptedDialogs confirming(boolean yes) {
        confirmations.add(yes);
        return this;
    }

    /** The next text request is answered with {@code text}, or cancelled when it is null. */
    public ScriptedDialogs answeringText(String text) {
        texts.add(Optional.ofNullable(text));
        return this;
    }

    /** The next file request is answered with {@code file}, or cancelled when it is null. */
    public ScriptedDialogs choosingFile(Path file) {
        files.add(Optional.ofNullable(file));
        return this;
    }

    /**
     * The next opened dialog is played by {@code user}: it gets the model, acts on it as the user would (fills
     * fields, presses the dialog's buttons through the model's commands) and answers whether the dialog was
     * completed.
     */
    public <M> ScriptedDialogs completing(Class<M> type, Predicate<M> user) {
        forms.add(model -> user.test(type.cast(model)));
        return this;
    }

    /** The next opened dialog is closed without doing anything. */
    public ScriptedDialogs cancelling() {
        forms.add(model -> false);
        return this;
    }

    /** The questions asked of one kind, in order. */
    public <T> List<T> asked(Class<T> type) {
        return asked.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        asked.add(confirmation);
        if (confirmations.isEmpty() && fallback != null) {
            return fallback.confirm(confirmation);
        }
        return next(confirmations, confirmation);
    }

    @Override
    public Optional<String> askText(TextRequest request) {
        asked.add(request);
        if (texts.isEmpty() && fallback != null) {
            return fallback.askText(request);
        }
        Optional<String> answer = next(texts, request).map(String::trim);
        answer.ifPresent(text -> {
            String problem = request.problem().apply(text);
            if (!problem.isEmpty()) {
                throw new AssertionError("The dialog would not accept \"" + text + "\": " + problem);
            }
        });
        return answer;
    }

    @Override
    public Optional<Path> chooseFileToSave(SaveFileRequest request) {
        asked.add(request);
        if (files.isEmpty() && fallback != null) {
            return fallback.chooseFileToSave(request);
        }
        return next(files, request);
    }

    /** Records the folder (as a {@link Path} in {@link #asked}); nothing opens. */
    @Override
    public boolean openFolder(Path folder) {
        asked.add(folder);
        return true;
    }

    @Override
    public boolean open(Object model) {
        asked.add(model);
        if (forms.isEmpty() && fallback != null) {
            return fallback.open(model);
        }
        return next(forms, model).test(model);
    }

    private static <T> T next(Deque<T> answers, Object question) {
        if (answers.isEmpty()) {
            throw new AssertionError("No answer scripted for " + question);
        }
        return answers.removeFirst();
    }
}
