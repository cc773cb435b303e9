package io.tablewarden.ui.app;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** A calm stand-in for a page that is not part of this build yet. */
public final class ComingSoonPage {

    private ComingSoonPage() {
    }

    /** A sidebar entry whose page says what it will offer. */
    public static WorkbenchPage page(String id, String title, Ikon icon, String tooltip, String promise) {
        return new WorkbenchPage(id, title, icon, tooltip, context -> {
            FontIcon big = new FontIcon(icon);
            big.setIconSize(48);
            // The theme sizes icons through CSS, which would win over the size set in code.
            big.setStyle("-fx-icon-size: 48px;");
            Label heading = new Label(title + " is coming soon");
            heading.getStyleClass().add("page-title");
            Label text = new Label(promise);
            text.getStyleClass().add("page-subtitle");
            text.setWrapText(true);
            text.setMaxWidth(460);
            text.setAlignment(Pos.CENTER);
            text.setStyle("-fx-text-alignment: center;");
            VBox box = new VBox(14, big, heading, text);
            box.setId("coming-soon-" + id);
            box.getStyleClass().addAll("page", "coming-soon");
            box.setAlignment(Pos.CENTER);
            return box;
        });
    }
}
