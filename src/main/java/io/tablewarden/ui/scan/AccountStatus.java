package io.tablewarden.ui.scan;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One account of a running organisation scan as the scan page shows it: what it is doing, how far its regions
 * are, and (below) each region's state or the account-level error. Changed on the UI thread only.
 */
public final class AccountStatus {

    /** Where an account of the organisation scan is. */
    public enum Phase { WAITING, SCANNING, DONE, INCOMPLETE, ERROR, SKIPPED, CANCELLED }

    private final String accountId;
    private final String name;
    private final String unitPath;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.WAITING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("waiting");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");

    public AccountStatus(String accountId, String name, String unitPath) {
        this.accountId = accountId;
        this.name = name == null ? "" : name;
        this.unitPath = unitPath == null ? "" : unitPath;
    }

    public String accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String unitPath() {
        return unitPath;
    }

    /** "222222222222 Payments". */
    public String label() {
        return name.isEmpty() ? accountId : accountId + " " + name;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the account's regions are not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One short line: what the account is doing or how it ended. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Each region's state while it runs, or the account-level error in full; empty when there is nothing more. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    void update(Phase newPhase, double newProgress, String newMessage, String newDetail) {
        phase.set(newPhase);
        progress.set(newProgress);
        message.set(newMessage);
        detail.set(newDetail == null ? "" : newDetail);
    }
}
