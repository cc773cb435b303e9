package io.tablewarden.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** Test support: switch the AtlantaFX theme and write a scene to {@code target/screenshots/<name>.png}. */
public final class Screenshots {

    public static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** Applies the light or dark Primer theme (call on the FX thread or through {@code robot.interact}). */
    public static void theme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Lets layout and CSS settle, snapshots {@code scene} and writes it; returns the file. */
    public static Path write(FxRobot robot, Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            image.set(scene.snapshot(null));
        });
        try {
            Files.createDirectories(FOLDER);
            Path png = FOLDER.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", png.toFile());
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
