package io.tablewarden.ui.results;

import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.shell.WorkbenchContext;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The view of the Findings page: the findings table, the posture matrix and the resource detail as three tabs over the
 * current scan. Ctrl+F focuses the search box.
 */
public final class FindingsView extends StackPane {

    private final FindingsViewModel findings = new FindingsViewModel();
    private final MatrixViewModel matrix = new MatrixViewModel();
    private final ResourceDetailViewModel detail = new ResourceDetailViewModel();
    private final TabPane tabs = new TabPane();
    private final Tab findingsTab;
    private final Tab matrixTab;
    private final Tab detailTab;
    private final FindingsTableView tableView;
    private final ResourceDetailView detailView;

    /** @param navigation the requests of other pages: a check's failures, a resource's detail */
    public FindingsView(WorkbenchContext context, ResultsNavigation navigation) {
        getStyleClass().add("results-page");
        tableView = new FindingsTableView(findings, context, this::openFinding);
        MatrixView matrixView = new MatrixView(matrix, this::openResource);
        detailView = new ResourceDetailView(detail, context);
        findingsTab = tab("Findings", Feather.LIST, tableView);
        matrixTab = tab("Posture matrix", Feather.GRID, matrixView);
        detailTab = tab("Resource", Feather.DATABASE, detailView);
        tabs.getTabs().setAll(findingsTab, matrixTab, detailTab);
        tabs.setId("findings-tabs");

        Label empty = new Label("No scan to show yet.\nRun a scan or open one from the history, and its findings "
                + "appear here.");
        empty.getStyleClass().add("empty-hint");
        empty.setGraphic(new FontIcon(Feather.INBOX));
        VBox emptyState = new VBox(12, empty, EmptyStates.openLastScanButton(context));
        emptyState.getStyleClass().add("empty-state");

        getChildren().setAll(tabs, emptyState);
        setPadding(new Insets(16));
        context.currentScan().addListener((obs, old, scan) -> show(scan, emptyState));
        show(context.currentScan().get(), emptyState);

        navigation.checkRequestProperty().addListener((obs, old, checkId) -> showFailuresOf(checkId));
        navigation.resourceRequestProperty().addListener((obs, old, arn) -> {
            if (arn != null) {
                openResource(arn, null);
            }
        });
        navigation.accountRequestProperty().addListener((obs, old, account) -> showFailuresOfAccount(account));
        // The shell creates pages lazily, on the showPage that follows a request: honour what came before.
        showFailuresOf(navigation.checkRequestProperty().get());
        showFailuresOfAccount(navigation.accountRequestProperty().get());
        if (navigation.resourceRequestProperty().get() != null) {
            openResource(navigation.resourceRequestProperty().get(), null);
        }
        KeyCombination find = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (find.match(e)) {
                focusSearch();
                e.consume();
            }
        });
    }

    /** Shows the findings tab and focuses its search box (the shell may call this for Ctrl+F). */
    public void focusSearch() {
        tabs.getSelectionModel().select(findingsTab);
        tableView.focusSearch();
    }

    /** Opens the detail of a resource, with {@code checkId}'s result selected when given. */
    public void openResource(String arn, String checkId) {
        detail.open(arn, checkId);
        tabs.getSelectionModel().select(detailTab);
        // The keys now belong to the detail (Ctrl+Tab moves between the forms of the fix); the focus would
        // otherwise stay on the hidden findings table. Later, once the tab's content is shown.
        javafx.application.Platform.runLater(detailView::focusChecks);
    }

    private void showFailuresOf(String checkId) {
        if (checkId != null) {
            findings.showFailuresOf(checkId);
            tabs.getSelectionModel().select(findingsTab);
        }
    }

    private void showFailuresOfAccount(String accountId) {
        if (accountId != null) {
            findings.showFailuresOfAccount(accountId);
            tabs.getSelectionModel().select(findingsTab);
        }
    }

    FindingsViewModel findingsModel() {
        return findings;
    }

    MatrixViewModel matrixModel() {
        return matrix;
    }

    ResourceDetailView detailView() {
        return detailView;
    }

    TabPane tabs() {
        return tabs;
    }

    private void openFinding(StoredResult row) {
        openResource(row.result().resource().arn(), row.result().checkId());
    }

    private void show(io.tablewarden.ui.model.ScanSnapshot scan, VBox emptyState) {
        findings.snapshotProperty().set(scan);
        matrix.snapshotProperty().set(scan);
        detail.snapshotProperty().set(scan);
        emptyState.setVisible(scan == null);
        tabs.setVisible(scan != null);
    }

    private static Tab tab(String title, Feather icon, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setGraphic(new FontIcon(icon));
        tab.setClosable(false);
        return tab;
    }
}
