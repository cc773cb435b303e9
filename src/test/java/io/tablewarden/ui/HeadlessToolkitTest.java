package io.tablewarden.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headless toolkit the UI tests rely on: a themed window, a click, and a snapshot written as PNG. */
@ExtendWith(ApplicationExtension.class)
class HeadlessToolkitTest {

    private Label label;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        label = new Label("ready");
        Button button = new Button("Press");
        button.setId("press");
        button.setOnAction(e -> label.setText("pressed"));
        stage.setScene(new Scene(new VBox(12, label, button), 320, 120));
        stage.show();
    }

    @Test
    void clicksAndSnapshots(FxRobot robot) throws Exception {
        robot.clickOn("#press");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("pressed", label.getText());
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(label.getScene().snapshot(null)));
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Path png = out.resolve("headless-toolkit.png");
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", png.toFile());
        assertTrue(Files.size(png) > 500);
    }
}
