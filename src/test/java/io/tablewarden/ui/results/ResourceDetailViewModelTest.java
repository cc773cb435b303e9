package io.tablewarden.ui.results;

import io.tablewarden.model.Status;
import io.tablewarden.ui.results.ResourceDetailViewModel.Language;
import io.tablewarden.ui.results.ResourceDetailViewModel.RemediationTab;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tablewarden.ui.results.TestSnapshots.DELETION;
import static io.tablewarden.ui.results.TestSnapshots.KMS_USABLE;
import static io.tablewarden.ui.results.TestSnapshots.PITR;
import static io.tablewarden.ui.results.TestSnapshots.TAGGED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceDetailViewModelTest {

    private final ResourceDetailViewModel vm = new ResourceDetailViewModel();

    @Test
    void listsEveryCheckOfTheResourceFailuresFirst() {
        vm.snapshotProperty().set(TestSnapshots.small());
        vm.resourceArnProperty().set(TestSnapshots.tableArn("us-east-1", "audit-log"));
        assertEquals("audit-log", vm.resourceProperty().get().name());
        assertEquals(List.of(TAGGED, PITR, KMS_USABLE, DELETION),
                vm.entries().stream().map(e -> e.row().result().checkId()).toList());
        assertEquals(Status.FAIL, vm.selectedProperty().get().status());
    }

    @Test
    void remediationTabsAreFilledWithTheResourceNames() {
        vm.snapshotProperty().set(TestSnapshots.small());
        vm.open(TestSnapshots.tableArn("eu-west-1", "orders"), PITR);
        List<RemediationTab> tabs = vm.selectedProperty().get().remediationTabs();
        assertEquals(List.of("CLI", "CloudFormation", "Terraform", "Console"),
                tabs.stream().map(RemediationTab::title).toList());
        assertEquals(List.of(Language.BASH, Language.YAML, Language.HCL, Language.TEXT),
                tabs.stream().map(RemediationTab::language).toList());
        tabs.forEach(tab -> assertFalse(tab.text().contains("{{"), tab.title()));
        assertTrue(tabs.get(0).text().contains("--table-name orders"));
        assertTrue(tabs.get(1).text().contains("TableName: \"orders\""));
        assertTrue(tabs.get(2).text().contains("name = \"orders\""));
        assertTrue(tabs.get(3).text().startsWith("1. Open the DynamoDB console in eu-west-1"));
        assertFalse(vm.selectedProperty().get().remediationSummary().isEmpty());
    }

    @Test
    void keepsTheSelectedCheckAcrossANewSnapshotAndEmptiesForAnUnknownResource() {
        vm.snapshotProperty().set(TestSnapshots.small());
        vm.open(TestSnapshots.tableArn("eu-west-1", "orders"), TAGGED);
        assertEquals(TAGGED, vm.selectedProperty().get().row().result().checkId());
        vm.snapshotProperty().set(TestSnapshots.small());
        assertEquals(TAGGED, vm.selectedProperty().get().row().result().checkId());
        vm.resourceArnProperty().set("arn:aws:dynamodb:eu-west-1:1:table/gone");
        assertNull(vm.resourceProperty().get());
        assertTrue(vm.entries().isEmpty());
        assertNull(vm.selectedProperty().get());
    }

    @Test
    void consoleStepsAreThePlainFilledStepsWithAHostileNameShownNotActedOn() {
        String name = "my_table*\u202e\u001b[2J";
        vm.snapshotProperty().set(TestSnapshots.snapshot(List.of(
                TestSnapshots.table(PITR, "eu-west-1", name, Status.FAIL, false))));
        vm.open(TestSnapshots.tableArn("eu-west-1", name), PITR);
        List<String> steps = vm.selectedProperty().get().consoleSteps();
        assertEquals(3, steps.size(), steps.toString());
        assertFalse(steps.get(0).matches("^\\d.*"), "numbers are the list's, not the text's: " + steps);
        assertTrue(steps.get(0).contains("select my_table*\\u202E\\e[2J"),
                "no Markdown escapes on screen, control characters visible: " + steps.get(0));
    }
}
