package io.tablewarden.ui.results;

import io.tablewarden.report.CheckExplanation;
import io.tablewarden.ui.TestWorkbenchContext;
import io.tablewarden.ui.shell.Stylesheets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resource detail's Learn tab shows the selected result's check explained, and follows the selection. */
@ExtendWith(ApplicationExtension.class)
class ResourceDetailLearnFxTest {

    private ResourceDetailViewModel model;

    @Start
    void start(Stage stage) {
        model = new ResourceDetailViewModel();
        model.snapshotProperty().set(TestSnapshots.small());
        model.open(TestSnapshots.tableArn("eu-west-1", "orders"), TestSnapshots.PITR);
        Scene scene = new Scene(new ResourceDetailView(model, new TestWorkbenchContext()), 1100, 760);
        Stylesheets.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void learnExplainsTheSelectedCheck(FxRobot robot) {
        TabPane tabs = robot.lookup("#detail-tabs").queryAs(TabPane.class);
        assertEquals(List.of("Finding", "Learn"), tabs.getTabs().stream().map(t -> t.getText()).toList());
        robot.clickOn(robot.lookup(".tab-label").match(n -> n instanceof Label l && l.getText().equals("Learn"))
                .queryAs(Label.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Learn", tabs.getSelectionModel().getSelectedItem().getText());
        List<String> texts = texts(robot);
        assertEquals("DynamoDB table has point-in-time recovery enabled", texts.get(0));
        assertTrue(texts.contains(CheckExplanation.FALSE_POSITIVE), String.valueOf(texts));
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("1. Turn on point-in-time recovery")), String.valueOf(texts));

        robot.interact(() -> model.open(TestSnapshots.tableArn("eu-west-1", "orders"), TestSnapshots.TAGGED));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("DynamoDB table carries tags", texts(robot).get(0));
    }

    private static List<String> texts(FxRobot robot) {
        VBox body = robot.lookup("#learn-body").queryAs(VBox.class);
        return body.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}
