package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.BackupInventory;
import io.tablewarden.model.inventory.BackupInventory.BackupPlan;
import io.tablewarden.model.inventory.BackupInventory.BackupSelection;
import io.tablewarden.model.inventory.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.tablewarden.engine.checks.TestInventory.denied;
import static io.tablewarden.engine.checks.TestInventory.plan;
import static io.tablewarden.engine.checks.TestInventory.resources;
import static io.tablewarden.engine.checks.TestInventory.single;
import static io.tablewarden.engine.checks.TestInventory.table;
import static io.tablewarden.engine.checks.TestInventory.tagSelection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableBackupPlanCheckTest {

    private final TableBackupPlanCheck check = new TableBackupPlanCheck();

    private static AccountInventory region(java.util.function.Consumer<TestInventory.Region> setup,
                                           TestInventory.Table t) {
        TestInventory inventory = TestInventory.account();
        TestInventory.Region r = inventory.region(TestInventory.REGION).add(t);
        setup.accept(r);
        return inventory.build();
    }

    @Test
    void passNamesPlanAndSelection() {
        CheckResult result = single(check, region(r -> r.plans.add(plan("daily", tagSelection("tagged", "team", "finance"))),
                table("orders")));
        assertEquals(Status.PASS, result.status());
        assertTrue(result.statusText().contains("daily") && result.statusText().contains("tagged"), result.statusText());
        assertEquals("daily", result.placeholders().get(Placeholders.BACKUP_PLAN_NAME));
        @SuppressWarnings("unchecked")
        Map<String, Object> selection = (Map<String, Object>) result.evidence().get("CoveringSelection");
        assertEquals(List.of("team=finance"), selection.get("ListOfTags"));
    }

    @Test
    void failWithoutPlansSaysSo() {
        CheckResult result = single(check, region(r -> { }, table("orders")));
        assertEquals(Status.FAIL, result.status());
        assertTrue(result.statusText().contains("no backup plan"), result.statusText());
        assertTrue(!result.placeholders().containsKey(Placeholders.BACKUP_PLAN_NAME));
    }

    @Test
    void errorWhenPlansCannotBeListed() {
        CheckResult result = single(check, region(r -> r.plansError = denied("backup:ListBackupPlans"), table("orders")));
        assertEquals(Status.ERROR, result.status());
        assertTrue(result.statusText().contains("backup:ListBackupPlans"), result.statusText());
    }

    @Test
    void errorWhenAnUnreadableSelectionMightCoverTheTable() {
        BackupPlan unreadable = new BackupPlan("p", "arn", "weekly", "v", null, Fetch.ok(List.of()),
                Fetch.ok(List.of(new BackupInventory.SelectionEntry("s1", "secret",
                        Fetch.failed(denied("backup:GetBackupSelection"))))));
        CheckResult result = single(check, region(r -> {
            r.plans.add(unreadable);
            r.plans.add(plan("other", resources("s3", "arn:aws:s3:::*")));
        }, table("orders")));
        assertEquals(Status.ERROR, result.status());
        assertTrue(result.statusText().contains("backup:GetBackupSelection"), result.statusText());
    }

    @Test
    void oneReadableCoveringSelectionIsEnoughDespiteUnreadableOnes() {
        BackupPlan unreadable = new BackupPlan("p", "arn", "weekly", "v", null, Fetch.ok(List.of()),
                Fetch.failed(denied("backup:ListBackupSelections")));
        CheckResult result = single(check, region(r -> {
            r.plans.add(unreadable);
            r.plans.add(plan("daily", resources("all-tables", "arn:aws:dynamodb:*:*:table/*")));
        }, table("orders")));
        assertEquals(Status.PASS, result.status());
    }

    @Test
    void tagSelectionWithUnreadableTagsIsError() {
        TestInventory.Table t = table("orders");
        t.tagsError = denied("dynamodb:ListTagsOfResource");
        CheckResult result = single(check, region(r -> r.plans.add(plan("daily", tagSelection("tagged", "team", "finance"))), t));
        assertEquals(Status.ERROR, result.status());
        assertTrue(result.statusText().contains("dynamodb:ListTagsOfResource"), result.statusText());
    }

    @Test
    void notApplicableUnlessActive() {
        for (String status : List.of("CREATING", "UPDATING", "DELETING", "ARCHIVED")) {
            CheckResult result = single(check, region(r -> { }, table("orders").status(status)));
            assertEquals(Status.NOT_APPLICABLE, result.status(), status);
        }
    }

    @Test
    void vaultLockCheckPassesOnlyWithALockedVault() {
        CheckParameters lock = new CheckParameters(null, null, null, null, null, true, List.of(), Set.of(), 48);
        AccountInventory unlocked = region(r -> {
            r.plans.add(plan("daily", resources("all", "*")));
            r.vault("Default", false);
        }, table("orders"));
        CheckResult fail = single(check, unlocked, TestInventory.context(lock));
        assertEquals(Status.FAIL, fail.status());
        assertTrue(fail.statusText().contains("Default"), fail.statusText());

        AccountInventory locked = region(r -> {
            r.plans.add(plan("daily", resources("all", "*")));
            r.vault("Default", true);
        }, table("orders"));
        assertEquals(Status.PASS, single(check, locked, TestInventory.context(lock)).status());

        AccountInventory unreadable = region(r -> {
            r.plans.add(plan("daily", resources("all", "*")));
            r.vaults.put("Default", Fetch.failed(denied("backup:DescribeBackupVault")));
        }, table("orders"));
        CheckResult error = single(check, unreadable, TestInventory.context(lock));
        assertEquals(Status.ERROR, error.status());
        assertTrue(error.statusText().contains("backup:DescribeBackupVault"), error.statusText());
    }

    /** W1: tag-based selections count. */
    @Test
    void peerBugW1TagSelectionsCount() {
        assertEquals(Status.PASS, single(check, region(r -> r.plans.add(plan("daily",
                tagSelection("tagged", "aws:ResourceTag/team", "finance"))), table("orders"))).status());
    }

    /** W2: NotResources and Conditions are honoured. */
    @Test
    void peerBugW2NotResourcesAndConditions() {
        BackupSelection excluding = new BackupSelection("all-but", "role", List.of("*"),
                List.of(TestInventory.tableArn("orders")), List.of(), List.of());
        assertEquals(Status.FAIL, single(check, region(r -> r.plans.add(plan("daily", excluding)),
                table("orders"))).status());
        BackupSelection conditioned = new BackupSelection("prod", "role", List.of("arn:aws:dynamodb:*:*:table/*"),
                List.of(), List.of(), List.of(new BackupInventory.SelectionCondition("StringEquals",
                "aws:ResourceTag/env", "prod")));
        assertEquals(Status.FAIL, single(check, region(r -> r.plans.add(plan("daily", conditioned)),
                table("orders").tags(new Tag("team", "x")))).status());
    }

    /** W3: regional and prefix wildcards match. */
    @Test
    void peerBugW3Wildcards() {
        for (String pattern : List.of("arn:aws:dynamodb:eu-central-1:210987654321:table/*",
                "arn:aws:dynamodb:*:*:table/ord*")) {
            assertEquals(Status.PASS, single(check, region(r -> r.plans.add(plan("daily", resources("s", pattern))),
                    table("orders"))).status(), pattern);
        }
    }

    /** W4: a plan in another region does not cover the table; the opt-in is honoured for bare star. */
    @Test
    void peerBugW4RegionAndOptIn() {
        TestInventory inventory = TestInventory.account();
        inventory.region(TestInventory.REGION).add(table("orders"));
        inventory.region("us-east-1").plans.add(plan("everything", resources("all", "*")));
        List<CheckResult> results = check.evaluate(inventory.build(), TestInventory.context());
        assertEquals(1, results.size());
        assertEquals(Status.FAIL, results.get(0).status());

        AccountInventory optedOut = region(r -> {
            r.plans.add(plan("everything", resources("all", "*")));
            r.optIn.put("DynamoDB", false);
        }, table("orders"));
        CheckResult result = single(check, optedOut);
        assertEquals(Status.FAIL, result.status());
        assertTrue(result.statusText().contains("opted in"), result.statusText());
    }

    // ----- causes: the fix that one change away from coverage needs -----

    private static BackupSelection selection(String name, List<String> resources, List<String> notResources,
                                             List<BackupInventory.TagCondition> tags,
                                             List<BackupInventory.SelectionCondition> conditions) {
        return new BackupSelection(name, "arn:aws:iam::123456789012:role/backup", resources, notResources, tags,
                conditions);
    }

    @Test
    void aTagSelectionInAnOptedOutRegionIsTheOptInCause() {
        CheckResult result = single(check, region(r -> {
            r.optIn.put("DynamoDB", false);
            r.plans.add(plan("finance-daily", tagSelection("finance-tagged", "team", "finance")));
        }, table("orders")));
        assertEquals(Status.FAIL, result.status());
        assertEquals("region_not_opted_in", result.cause());
        assertEquals("finance-daily", result.placeholders().get(Placeholders.BACKUP_PLAN_NAME));
        assertEquals("finance-tagged", result.placeholders().get(Placeholders.SELECTION_NAME));
    }

    @Test
    void aTagSpeltInAnotherCaseIsTheTagCauseWithTheExactSpelling() {
        TestInventory.Table t = table("orders");
        t.tags = new java.util.ArrayList<>(List.of(new Tag("Team", "Finance")));
        CheckResult result = single(check, region(r -> r.plans.add(plan("daily",
                tagSelection("tagged", "team", "finance"))), t));
        assertEquals("selection_tag_mismatch", result.cause());
        assertEquals("team", result.placeholders().get(Placeholders.TAG_KEY));
        assertEquals("finance", result.placeholders().get(Placeholders.TAG_VALUE));
    }

    @Test
    void aConditionValueThatDiffersIsTheTagCause() {
        TestInventory.Table t = table("orders");
        t.tags = new java.util.ArrayList<>(List.of(new Tag("env", "production")));
        BackupSelection envProd = selection("env-prod", List.of("arn:aws:dynamodb:*:*:table/*"), List.of(), List.of(),
                List.of(new BackupInventory.SelectionCondition("StringEquals", "aws:ResourceTag/env", "prod")));
        CheckResult result = single(check, region(r -> r.plans.add(plan("daily", envProd)), t));
        assertEquals("selection_tag_mismatch", result.cause());
        assertEquals("env", result.placeholders().get(Placeholders.TAG_KEY));
        assertEquals("prod", result.placeholders().get(Placeholders.TAG_VALUE));
    }

    @Test
    void aNotResourcesExclusionIsItsCauseWithTheSelectionToCreateInstead() throws Exception {
        BackupSelection all = selection("all-tables", List.of("arn:aws:dynamodb:*:*:table/*"),
                List.of("arn:aws:dynamodb:*:*:table/scratch-*", "arn:aws:dynamodb:*:*:table/tmp-*"), List.of(), List.of());
        CheckResult result = single(check, region(r -> r.plans.add(plan("daily", all)), table("scratch-orders")));
        assertEquals("selection_excludes_table", result.cause());
        com.fasterxml.jackson.databind.JsonNode created = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(result.placeholders().get(Placeholders.SELECTION_JSON));
        assertEquals("all-tables", created.path("SelectionName").asText());
        assertEquals("[\"arn:aws:dynamodb:*:*:table/tmp-*\"]", created.path("NotResources").toString(),
                "only the pattern that excludes the table goes");
        assertEquals("[\"arn:aws:dynamodb:*:*:table/*\"]", created.path("Resources").toString());
        assertTrue(result.placeholders().containsKey(Placeholders.SELECTION_ID));
        assertTrue(result.placeholders().containsKey(Placeholders.BACKUP_PLAN_ID));
    }

    @Test
    void aRegionWithoutPlansIsTheNoPlanCause() {
        assertEquals("no_plan", single(check, region(r -> { }, table("orders"))).cause());
    }

    @Test
    void tablesNoSingleChangeCoversGetTheGenericFix() {
        TestInventory.Table t = table("orders");
        t.tags = new java.util.ArrayList<>(List.of(new Tag("team", "ops")));
        CheckResult result = single(check, region(r -> r.plans.add(plan("daily",
                tagSelection("tagged", "team", "finance"))), t));
        assertEquals(Status.FAIL, result.status());
        assertEquals(null, result.cause(), "a different value is no near miss for ListOfTags");
        assertEquals(check.metadata().remediation(), check.metadata().remediationFor(result));
    }

    private static BackupPlan deletedPlan(String name, java.time.Instant deleted, String tableArn,
                                          java.time.Instant... pointDates) {
        List<BackupInventory.PlanRecoveryPoint> points = new java.util.ArrayList<>();
        for (java.time.Instant d : pointDates) {
            points.add(new BackupInventory.PlanRecoveryPoint(tableArn, "arn:aws:backup:rp-" + d.getEpochSecond(),
                    "Default", d, "COMPLETED", "v1"));
        }
        return new BackupPlan("id-" + name, "arn:aws:backup:plan:id-" + name, name, "v1", deleted,
                Fetch.ok(List.of(new BackupInventory.BackupRule("weekly", "Default", "cron(0 2 ? * SAT *)", 90L))),
                null, Fetch.ok(points));
    }

    @Test
    void recoveryPointsOfADeletedPlanAreTheDeletedPlanCauseWithThePlanToCreateAgain() throws Exception {
        java.time.Instant deleted = java.time.Instant.parse("2025-01-01T10:00:00Z");
        CheckResult result = single(check, region(r -> r.plans.add(deletedPlan("legacy-weekly", deleted,
                TestInventory.tableArn("orders"), deleted.minusSeconds(86_400 * 7), deleted.minusSeconds(86_400))),
                table("orders")));
        assertEquals(Status.FAIL, result.status());
        assertEquals("deleted_plan", result.cause());
        assertTrue(result.statusText().contains("made by plan legacy-weekly, deleted on 2025-01-01"), result.statusText());
        assertEquals("legacy-weekly", result.placeholders().get(Placeholders.BACKUP_PLAN_NAME));
        assertEquals("id-legacy-weekly", result.placeholders().get(Placeholders.BACKUP_PLAN_ID));
        assertEquals("2025-01-01", result.placeholders().get(Placeholders.PLAN_DELETION_DATE));
        assertEquals("{\"BackupPlanName\":\"legacy-weekly\",\"Rules\":[{\"RuleName\":\"weekly\",\"TargetBackupVaultName\":"
                + "\"Default\",\"ScheduleExpression\":\"cron(0 2 ? * SAT *)\",\"Lifecycle\":{\"DeleteAfterDays\":90}}]}",
                result.placeholders().get(Placeholders.BACKUP_PLAN_JSON));
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) result.evidence().get("DeletedPlan");
        assertEquals(2, evidence.get("RecoveryPoints"));
        assertEquals("arn:aws:backup:rp-" + deleted.minusSeconds(86_400).getEpochSecond(),
                evidence.get("NewestRecoveryPoint.RecoveryPointArn"));
    }

    @Test
    void theDeletedPlanCauseNeedsRecoveryPointsOfThisTableRulesAndAPlanNameInAwsGrammar() {
        java.time.Instant deleted = java.time.Instant.parse("2025-01-01T10:00:00Z");
        java.time.Instant before = deleted.minusSeconds(86_400);
        // its recovery points name another table: the region has no live plan, so the cause is no_plan
        assertEquals("no_plan", single(check, region(r -> r.plans.add(deletedPlan("legacy", deleted,
                TestInventory.tableArn("other"), before)), table("orders"))).cause());
        // the recovery points were not read (or failed): nothing proves the plan selected the table
        BackupPlan unread = new BackupPlan("id", "arn", "legacy", "v1", deleted, Fetch.ok(List.of()), null, null);
        assertEquals("no_plan", single(check, region(r -> r.plans.add(unread), table("orders"))).cause());
        BackupPlan failed = new BackupPlan("id", "arn", "legacy", "v1", deleted, Fetch.ok(List.of(
                new BackupInventory.BackupRule("weekly", "Default", null, null))), null,
                Fetch.failed(denied("backup:ListRecoveryPointsByBackupVault")));
        assertEquals("no_plan", single(check, region(r -> r.plans.add(failed), table("orders"))).cause());
        // a name the fix could not look up safely keeps the generic fix of the region
        assertEquals("no_plan", single(check, region(r -> r.plans.add(deletedPlan("legacy plan'", deleted,
                TestInventory.tableArn("orders"), before)), table("orders"))).cause());
        // a live plan that almost selects the table wins: one change to it is cheaper than a plan again
        TestInventory.Table t = table("orders");
        t.tags = new java.util.ArrayList<>(List.of(new Tag("Team", "finance")));
        assertEquals("selection_tag_mismatch", single(check, region(r -> {
            r.plans.add(plan("daily", tagSelection("tagged", "team", "finance")));
            r.plans.add(deletedPlan("legacy", deleted, TestInventory.tableArn("orders"), before));
        }, t)).cause());
        // of two deleted plans, the one with the newest recovery point of the table
        CheckResult two = single(check, region(r -> {
            r.plans.add(deletedPlan("older", deleted, TestInventory.tableArn("orders"), before.minusSeconds(999_999)));
            r.plans.add(deletedPlan("newer", deleted, TestInventory.tableArn("orders"), before));
        }, table("orders")));
        assertEquals("newer", two.placeholders().get(Placeholders.BACKUP_PLAN_NAME));
    }

    @Test
    void passesAndErrorsNameNoCause() {
        assertEquals(null, single(check, region(r -> r.plans.add(plan("daily",
                tagSelection("tagged", "team", "finance"))), table("orders"))).cause());
        assertEquals(null, single(check, region(r -> r.plansError = denied("backup:ListBackupPlans"),
                table("orders"))).cause());
    }
}
