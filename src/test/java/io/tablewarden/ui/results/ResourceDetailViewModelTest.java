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
    void theLearnTabExplainsTheSelectedCheck() {
        vm.snapshotProperty().set(TestSnapshots.small());
        vm.open(TestSnapshots.tableArn("eu-west-1", "orders"), PITR);
        assertEquals(List.of(io.tablewarden.report.CheckExplanation.WHAT, io.tablewarden.report.CheckExplanation.WHY,
                        io.tablewarden.report.CheckExplanation.HOW, io.tablewarden.report.CheckExplanation.FALSE_POSITIVE,
                        io.tablewarden.report.CheckExplanation.RELATED),
                vm.learn().stream().map(io.tablewarden.report.CheckExplanation.Section::heading).toList());
        assertEquals("DynamoDB table has point-in-time recovery enabled", vm.learnTitleProperty().get());
        assertTrue(vm.learn().get(0).paragraphs().get(0).contains("Security Hub control DynamoDB.2"));
        assertTrue(vm.learn().get(3).paragraphs().get(0).contains("ContinuousBackupsStatus"));
        // A related check the scan did not run is still named with its title.
        assertTrue(vm.learn().get(4).paragraphs().stream().anyMatch(p ->
                p.startsWith("dynamodb_table_protected_by_backup_plan: DynamoDB table is covered by an AWS Backup plan")),
                String.valueOf(vm.learn().get(4).paragraphs()));
        vm.open(TestSnapshots.tableArn("eu-west-1", "orders"), TAGGED);
        assertTrue(vm.learn().get(0).paragraphs().get(0).contains("ListTagsOfResource"));
        vm.resourceArnProperty().set("arn:aws:dynamodb:eu-west-1:1:table/gone");
        assertTrue(vm.learn().isEmpty());
        assertEquals("", vm.learnTitleProperty().get());
    }

    @Test
    void aResultWithACauseShowsTheFixForThatCause() {
        String backup = "dynamodb_table_protected_by_backup_plan";
        io.tablewarden.store.StoredResult plain = TestSnapshots.table(backup, "eu-central-1", "invoices", Status.FAIL, false);
        io.tablewarden.model.CheckResult r = plain.result();
        java.util.Map<String, String> placeholders = new java.util.HashMap<>(r.placeholders());
        placeholders.put("backup_plan_name", "finance-daily");
        placeholders.put("selection_name", "finance-tagged");
        io.tablewarden.store.StoredResult withCause = new io.tablewarden.store.StoredResult(
                new io.tablewarden.model.CheckResult(r.checkId(), r.resource(), r.status(), r.severity(), r.statusText(),
                        r.evidence(), placeholders, "region_not_opted_in"), false);
        io.tablewarden.store.StoredResult other = new io.tablewarden.store.StoredResult(
                new io.tablewarden.model.CheckResult(r.checkId(), new io.tablewarden.model.ResourceRef(
                        TestSnapshots.tableArn("eu-central-1", "payroll"), "payroll", r.resource().type(), "eu-central-1",
                        r.resource().accountId()), r.status(), r.severity(), r.statusText(), r.evidence(),
                        placeholders, "region_not_opted_in"), false);
        vm.snapshotProperty().set(TestSnapshots.snapshot(List.of(withCause, other)));
        vm.open(r.resource().arn(), backup);
        assertEquals("The region-wide part of this fix is the same for 2 resources in eu-central-1 (invoices, payroll):"
                + " run it once.", vm.sharedFixProperty().get());
        List<RemediationTab> tabs = vm.selectedProperty().get().remediationTabs();
        assertTrue(tabs.get(0).text().startsWith("# One change for the whole region"), tabs.get(0).text());
        assertTrue(tabs.get(0).text().contains("aws backup update-region-settings --region eu-central-1"
                + " --resource-type-opt-in-preference DynamoDB=true"), tabs.get(0).text());
        assertFalse(tabs.get(0).text().contains("create-backup-selection"));
        assertTrue(vm.selectedProperty().get().remediationSummary().startsWith("Opt DynamoDB in to AWS Backup in eu-central-1"),
                vm.selectedProperty().get().remediationSummary());
        tabs.forEach(tab -> assertFalse(tab.text().contains("{{"), tab.title() + ": " + tab.text()));
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
