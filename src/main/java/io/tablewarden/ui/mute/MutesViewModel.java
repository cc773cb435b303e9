package io.tablewarden.ui.mute;

import io.tablewarden.store.Mute;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.shell.StoreProblems;
import io.tablewarden.ui.shell.WorkbenchContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;

/** State of the "Manage mutes" view: every mute, expired ones included, and the unmute command. */
public final class MutesViewModel {

    private final WorkbenchContext context;
    private final Clock clock;
    private final ObservableList<Mute> mutes = FXCollections.observableArrayList();
    private final BooleanProperty changed = new SimpleBooleanProperty();

    public MutesViewModel(WorkbenchContext context) {
        this(context, Clock.systemUTC());
    }

    public MutesViewModel(WorkbenchContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
    }

    // Properties

    /** Every mute, oldest first. */
    public ObservableList<Mute> mutes() {
        return mutes;
    }

    /** Becomes true once a mute was removed here. */
    public BooleanProperty changedProperty() {
        return changed;
    }

    /** The title of the mute's check ("DynamoDB table has point-in-time recovery enabled"), or its id if unknown. */
    public String checkTitle(Mute mute) {
        return MuteViewModel.titleOf(context, mute.checkId());
    }

    /**
     * The resource a mute covers on two lines, so that nothing is cut: the resource's own part ("table/orders",
     * "table/tmp-*") over the rest of its ARN ("arn:aws:dynamodb:eu-west-1:111122223333"). An imported rule,
     * which has no single resource, gives what it covers.
     */
    public String resourceLines(Mute mute) {
        if (mute.rule() != null) {
            return mute.scope();
        }
        String arn = mute.resource();
        int colon = arn.lastIndexOf(':');
        return colon <= 0 || colon == arn.length() - 1 ? arn
                : arn.substring(colon + 1) + "\n" + arn.substring(0, colon);
    }

    /** Whether {@code mute} still applies. */
    public boolean isActive(Mute mute) {
        return mute.isActiveAt(Instant.now(clock));
    }

    // Commands

    /**
     * Loads the mutes and opens the list in a dialog until the user closes it. Without a database the user is
     * told why there is no list, and no dialog opens.
     *
     * @return whether a mute was removed
     */
    public boolean show() {
        if (context.store() == null) {
            context.showError("Mutes are not available", StoreProblems.NO_DATABASE, null);
            return false;
        }
        load();
        context.dialogs().open(this);
        return changed.get();
    }

    /** Reads the mutes again. */
    public void load() {
        TablewardenStore store = context.store();
        if (store == null) {
            context.showError("Mutes are not available", StoreProblems.NO_DATABASE, null);
            return;
        }
        context.executor().submit(() -> store.mutes().all(), mutes::setAll, failure ->
                context.showError("The mutes could not be read", StoreProblems.describe("read the mutes", failure),
                        failure));
    }

    /** Removes {@code mute}; then lists the mutes again and republishes the current scan. */
    public void unmute(Mute mute) {
        TablewardenStore store = context.store();
        if (mute == null || store == null) {
            return;
        }
        context.executor().submit(() -> store.mutes().remove(mute.id()), removed -> {
            changed.set(true);
            mutes.remove(mute);
            SnapshotRefresh.republish(context);
            context.notify("Unmuted \u201c" + MuteViewModel.titleOf(context, mute.checkId()) + "\u201d on "
                    + MuteViewModel.shortName(mute.resource()));
        }, failure -> context.showError("The mute could not be removed",
                StoreProblems.describe("remove the mute", failure), failure));
    }
}
