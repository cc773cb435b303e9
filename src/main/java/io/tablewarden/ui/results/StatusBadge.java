package io.tablewarden.ui.results;

import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import javafx.scene.control.Label;

import java.util.Locale;

/** Small coloured labels that always carry their word too, so colour is never the only signal. */
final class StatusBadge {

    private StatusBadge() {
    }

    static Label of(Status status) {
        Label badge = new Label(ResultLabels.status(status));
        badge.getStyleClass().addAll("badge", "badge-status", "badge-" + ResultLabels.styleSuffix(status));
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return badge;
    }

    static Label severity(Severity severity) {
        Label badge = new Label(ResultLabels.severity(severity));
        badge.getStyleClass().addAll("badge", "badge-severity", "severity-" + severity.name().toLowerCase(Locale.ROOT));
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return badge;
    }

    static Label muted() {
        Label badge = new Label("Muted");
        badge.getStyleClass().addAll("badge", "badge-muted");
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return badge;
    }

    static Label plain(String text) {
        Label badge = new Label(text);
        badge.getStyleClass().addAll("badge", "badge-plain");
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return badge;
    }
}
