package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.BackupInventory;
import io.tablewarden.model.inventory.BackupInventory.BackupPlan;
import io.tablewarden.model.inventory.BackupInventory.BackupSelection;
import io.tablewarden.model.inventory.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every row of the DynamoDB.4 worked-example table of the check catalogue. */
class BackupPlanWorkedExamplesTest {

    private static final String TABLE = "arn:aws:dynamodb:eu-central-1:210987654321:table/billing-eu";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "explicit ARN                | eu-central-1 | true  | TABLE                                 | -                | -                                          | -     | false | PASS",
        "explicit ARN ignores opt-in | eu-central-1 | false | TABLE                                 | -                | -                                          | -     | false | PASS",
        "plan in another region      | us-east-1    | true  | arn:aws:dynamodb:*:*:table/*          | -                | -                                          | -     | false | FAIL",
        "trailing-star prefix        | eu-central-1 | true  | arn:aws:dynamodb:*:*:table/billing-*  | -                | -                                          | -     | false | PASS",
        "leading star is literal     | eu-central-1 | true  | arn:aws:dynamodb:*:*:table/*-eu       | -                | -                                          | -     | false | FAIL",
        "tag selection               | eu-central-1 | true  | -                                     | team=finance     | -                                          | -     | false | PASS",
        "tag selection, opted out    | eu-central-1 | false | -                                     | team=finance     | -                                          | -     | false | FAIL",
        "tag keys are case-sensitive | eu-central-1 | true  | -                                     | Team=finance     | -                                          | -     | false | FAIL",
        "Resources OR ListOfTags     | eu-central-1 | true  | arn:aws:s3:::*                        | team=finance     | -                                          | -     | false | PASS",
        "every condition must hold   | eu-central-1 | true  | arn:aws:dynamodb:*:*:table/*          | -                | StringEquals aws:ResourceTag/env=staging   | -     | false | FAIL",
        "NotResources wins           | eu-central-1 | true  | *                                     | -                | StringLike aws:ResourceTag/team=fin*       | TABLE | false | FAIL",
        "deleted plan                | eu-central-1 | true  | TABLE                                 | -                | -                                          | -     | true  | FAIL",
    })
    void workedExample(String row, String planRegion, boolean optIn, String resource, String tag, String condition,
                       String notResource, boolean deleted, Status expected) {
        BackupSelection selection = new BackupSelection("sel", "arn:aws:iam::210987654321:role/backup",
                resource == null ? List.of() : List.of(resource.replace("TABLE", TABLE)),
                notResource == null ? List.of() : List.of(notResource.replace("TABLE", TABLE)),
                tag == null ? List.of() : List.of(new BackupInventory.TagCondition("STRINGEQUALS",
                        tag.split("=")[0], tag.split("=")[1])),
                condition == null ? List.of() : List.of(condition(condition)));
        BackupPlan live = TestInventory.plan("plan", selection);
        BackupPlan plan = !deleted ? live : new BackupPlan(live.backupPlanId(), live.backupPlanArn(),
                live.backupPlanName(), live.versionId(), Instant.parse("2026-10-01T00:00:00Z"), live.rules(),
                live.selections());

        TestInventory inventory = TestInventory.account();
        TestInventory.Region home = inventory.region("eu-central-1")
                .add(TestInventory.table("billing-eu").tags(new Tag("team", "finance"), new Tag("env", "prod")));
        TestInventory.Region planHome = planRegion.equals("eu-central-1") ? home : inventory.region(planRegion);
        planHome.plans.add(plan);
        planHome.optIn.put("DynamoDB", optIn);
        home.optIn.put("DynamoDB", optIn);
        AccountInventory built = inventory.build();

        List<CheckResult> results = new ArrayList<>(new TableBackupPlanCheck().evaluate(built, TestInventory.context()));
        results.removeIf(r -> !r.resource().arn().equals(TABLE));
        assertEquals(1, results.size());
        assertEquals(expected, results.get(0).status(), () -> row + ": " + results.get(0).statusText());
    }

    private static BackupInventory.SelectionCondition condition(String text) {
        String[] opAndRest = text.split(" ", 2);
        String[] kv = opAndRest[1].split("=", 2);
        return new BackupInventory.SelectionCondition(opAndRest[0], kv[0], kv[1]);
    }
}
