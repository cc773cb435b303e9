package io.tablewarden.ui.app;

import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.Screenshots;
import io.tablewarden.ui.scan.ScanViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.tablewarden.ui.app.TestWorkbenchWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consultant's first organisation scan, clicked through the real window (headless) on the demo organisation:
 * Organisation on the Scans page, list the accounts, start; the accounts' progress with the refused member's
 * error; the Compliance page's accounts × controls view; the findings' Account column and filter. Screenshots of
 * the organisation views go to {@code target/screenshots/organization-*}.
 */
@ExtendWith(ApplicationExtension.class)
class OrganizationWorkbenchFxTest {

    private static final String PAYMENTS = "222233334444";
    private static final String DEV = "444455556666";
    private static final String LEGACY = "666677778888";

    @TempDir
    Path dir;

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        TestWorkbenchWindow.close(robot, stage, workbench);
    }

    @Test
    void scanTheDemoOrganisationAndBrowseItsAccounts(FxRobot robot) throws Exception {
        workbench = TestWorkbenchWindow.open(robot, stage, dir, TestWorkbenchWindow.engineBackend(), "Adwaita");
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
            workbench.showPage(WorkbenchPages.SCANS);
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#scan-scope-organization");
        assertEquals(ScanViewModel.Scope.ORGANIZATION, workbench.scans().scopeProperty().get());
        robot.clickOn("#org-list-accounts");
        TableView<?> accounts = robot.lookup("#org-accounts").queryAs(TableView.class);
        waitFor(() -> accounts.getItems().size() == 6, 30);
        Screenshots.write(robot, stage.getScene(), "organization-1280x800-accounts-light");
        // the suspended account is listed with its status and stays unticked
        io.tablewarden.ui.scan.OrganizationScanViewModel.AccountChoice legacy = accounts.getItems().stream()
                .map(a -> (io.tablewarden.ui.scan.OrganizationScanViewModel.AccountChoice) a)
                .filter(a -> a.id().equals(LEGACY)).findFirst().orElseThrow();
        assertEquals("SUSPENDED", legacy.status());
        robot.interact(() -> legacy.selectedProperty().set(true));
        assertFalse(legacy.selectedProperty().get(), "a suspended account cannot be ticked");

        robot.clickOn("#scan-start");
        waitFor(() -> workbench.scans().stateProperty().get() == ScanViewModel.State.COMPLETED, 180);
        assertTrue(workbench.currentScan().get().isOrganization());
        Node devRow = robot.lookup("#account-row-" + DEV).query();
        String devText = robot.from(devRow).lookup(".region-detail").queryAs(Label.class).getText();
        assertTrue(devText.contains("OrganizationAccountAccessRole") && devText.contains("trust policy"), devText);
        assertTrue(devRow.getStyleClass().contains("failed"));
        Screenshots.write(robot, stage.getScene(), "organization-1280x800-progress-light");

        robot.interact(() -> workbench.showPage(WorkbenchPages.COMPLIANCE));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> matrix = robot.lookup("#accounts-matrix").queryAs(TableView.class);
        assertTrue(matrix.isVisible());
        List<String> order = matrix.getItems().stream()
                .map(r -> ((io.tablewarden.ui.results.AccountsMatrixViewModel.AccountRow) r).accountId()).toList();
        assertEquals(DEV, order.get(0), "the refused account first: " + order);
        assertEquals(LEGACY, order.get(order.size() - 1), "the suspended account last: " + order);
        assertTrue(matrix.getColumns().size() > 3, "a column per Security Hub control");
        Screenshots.write(robot, stage.getScene(), "organization-1280x800-compliance-light");

        robot.interact(() -> workbench.showPage(WorkbenchPages.FINDINGS));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<StoredResult> findings = robot.lookup("#findings-table").queryAs(TableView.class);
        TableColumn<?, ?> accountColumn = findings.getColumns().stream()
                .filter(c -> "account-column".equals(c.getId())).findFirst().orElseThrow();
        assertTrue(accountColumn.isVisible());
        Set<String> before = accountsShown(findings);
        assertTrue(before.size() >= 4, "every scanned account's findings: " + before);
        @SuppressWarnings("unchecked")
        CheckComboBox<String> accountFilter = robot.lookup("#account-filter").queryAs(CheckComboBox.class);
        assertTrue(accountFilter.isVisible());
        robot.interact(() -> accountFilter.getCheckModel().check(PAYMENTS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of(PAYMENTS), accountsShown(findings));
        assertTrue(String.valueOf(accountColumn.getCellData(0)).startsWith(PAYMENTS + " (northwind-payments)"));
        Screenshots.write(robot, stage.getScene(), "organization-1280x800-findings-light");

        // back to one account: no Account column or filter
        robot.interact(() -> {
            workbench.showPage(WorkbenchPages.SCANS);
            workbench.scans().scopeProperty().set(ScanViewModel.Scope.ONE_ACCOUNT);
        });
        robot.clickOn("#scan-start");
        waitFor(() -> workbench.scans().stateProperty().get() == ScanViewModel.State.COMPLETED
                && !workbench.currentScan().get().isOrganization(), 120);
        robot.interact(() -> workbench.showPage(WorkbenchPages.FINDINGS));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(accountColumn.isVisible());
        assertFalse(accountFilter.isVisible());
    }

    private static Set<String> accountsShown(TableView<StoredResult> table) {
        return table.getItems().stream().map(r -> r.result().resource().accountId()).collect(Collectors.toSet());
    }
}
