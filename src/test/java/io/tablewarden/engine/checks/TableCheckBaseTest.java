package io.tablewarden.engine.checks;

import io.tablewarden.engine.checks.table.TableDeletionProtectionCheck;
import io.tablewarden.engine.checks.table.TableTaggedCheck;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.RegionError;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory.RegionState;
import io.tablewarden.model.inventory.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.tablewarden.engine.checks.TestInventory.denied;
import static io.tablewarden.engine.checks.TestInventory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Region and table handling that every table check shares. */
class TableCheckBaseTest {

    @Test
    void disabledCancelledAndFailedRegionsGiveNoResultAndAFailedRegionIsOneRegionError() {
        TestInventory inventory = TestInventory.account();
        inventory.region("ap-east-1").state(RegionState.DISABLED,
                new CollectionError("ec2:DescribeRegions", "OptInRequired", "not enabled", CollectionError.Kind.REGION_DISABLED));
        inventory.region("eu-west-2").state(RegionState.CANCELLED, null).add(table("t"));
        inventory.region("eu-west-3").state(RegionState.FAILED, new CollectionError("sts:GetCallerIdentity",
                "ExpiredTokenException", "token expired", CollectionError.Kind.INVALID_CREDENTIALS));
        AccountInventory account = inventory.build();
        assertEquals(List.of(), new TableDeletionProtectionCheck().evaluate(account, TestInventory.context()));
        List<RegionError> errors = RegionError.of(account);
        assertEquals(1, errors.size());
        assertEquals("eu-west-3", errors.get(0).region());
        assertEquals("could not scan eu-west-3: sts:GetCallerIdentity failed (ExpiredTokenException): token expired",
                errors.get(0).message());
    }

    @Test
    void failedListTablesGivesNoMadeUpResourceButOneRegionErrorNamingThePermission() {
        TestInventory inventory = TestInventory.account();
        inventory.region(TestInventory.REGION).tablesError = denied("dynamodb:ListTables");
        AccountInventory account = inventory.build();
        assertEquals(List.of(), new TableDeletionProtectionCheck().evaluate(account, TestInventory.context()));
        List<RegionError> errors = RegionError.of(account);
        assertEquals(1, errors.size());
        assertEquals("dynamodb:ListTables", errors.get(0).call());
        assertTrue(errors.get(0).message().startsWith("could not list all tables in eu-central-1: dynamodb:ListTables"
                + " failed (AccessDeniedException); grant dynamodb:ListTables"), errors.get(0).message());
        assertTrue(errors.get(0).message().endsWith(", 0 tables read before the failure"), errors.get(0).message());
    }

    @Test
    void aListTablesThatFailsAfterSomePagesStillJudgesTheTablesItRead() {
        TestInventory inventory = TestInventory.account();
        inventory.region(TestInventory.REGION).add(table("a")).add(table("b")).tablesError =
                new CollectionError("dynamodb:ListTables", "ThrottlingException", "Rate exceeded",
                        CollectionError.Kind.THROTTLED);
        AccountInventory account = inventory.build();
        List<CheckResult> results = new TableDeletionProtectionCheck().evaluate(account, TestInventory.context());
        assertEquals(List.of("a", "b"), results.stream().map(r -> r.resource().name()).toList());
        results.forEach(r -> assertEquals(ResourceType.TABLE, r.resource().type()));
        assertEquals("could not list all tables in eu-central-1: dynamodb:ListTables failed (ThrottlingException):"
                + " Rate exceeded, 2 tables read before the failure", RegionError.of(account).get(0).message());
    }

    /** W12: one failed DescribeTable does not leave the other tables at defaults. */
    @Test
    void peerBugW12OneFailedDescribeTableSpoilsNothingElse() {
        TestInventory.Table broken = table("a-broken");
        broken.describeError = denied("dynamodb:DescribeTable");
        TestInventory.Table fine = table("b-fine");
        TestInventory inventory = TestInventory.account();
        inventory.region(TestInventory.REGION).add(broken).add(fine);
        List<CheckResult> results = new TableDeletionProtectionCheck().evaluate(inventory.build(), TestInventory.context());
        assertEquals(Status.ERROR, results.get(0).status());
        assertEquals(Status.PASS, results.get(1).status());
    }

    @Test
    void anExceptionOnOneTableBecomesErrorForThatTableOnly() {
        TestInventory inventory = TestInventory.account();
        inventory.region(TestInventory.REGION).add(table("malformed").tags(new Tag(null, "x"))).add(table("fine"));
        List<CheckResult> results = new TableTaggedCheck().evaluate(inventory.build(), TestInventory.context());
        assertEquals(2, results.size());
        assertEquals(Status.ERROR, results.get(0).status());
        assertTrue(results.get(0).statusText().contains("internal error"), results.get(0).statusText());
        assertEquals(Status.PASS, results.get(1).status());
    }

    @Test
    void tableResultsCarryTheResourcePlaceholders() {
        CheckResult result = TestInventory.single(new TableDeletionProtectionCheck(),
                TestInventory.withTable(table("orders")));
        assertEquals(Map.of("table_name", "orders", "table_arn", TestInventory.tableArn("orders"),
                "region", TestInventory.REGION, "account_id", TestInventory.ACCOUNT, "partition", "aws"),
                result.placeholders());
        assertEquals(ResourceType.TABLE, result.resource().type());
    }
}
