package io.tablewarden.ui.scan;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The scan state of one region as the scan page lists it. Changed on the UI thread only. */
public final class RegionStatus {

    /** Where the region is; INCOMPLETE: scanned, but some calls failed and their checks are ERROR. */
    public enum Phase { WAITING, SCANNING, DONE, INCOMPLETE, SKIPPED, FAILED, CANCELLED }

    private final String region;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("waiting");
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.WAITING);
    private final StringProperty detail = new SimpleStringProperty("");

    public RegionStatus(String region) {
        this.region = region;
    }

    public String region() {
        return region;
    }

    /** 0..1, or -1 while the number of resources is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** The current activity, the count of results, or why the region stopped. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    /** Why the region stopped or which of its calls failed, with what to do; empty when all went well. */
    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    void update(Phase newPhase, double newProgress, String newMessage) {
        update(newPhase, newProgress, newMessage, "");
    }

    void update(Phase newPhase, double newProgress, String newMessage, String newDetail) {
        phase.set(newPhase);
        progress.set(newProgress);
        message.set(newMessage);
        detail.set(newDetail == null ? "" : newDetail);
    }
}
