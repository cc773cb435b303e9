package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.KmsKeyInventory;

import java.time.Instant;
import java.util.function.Consumer;

import static io.tablewarden.engine.checks.TestInventory.denied;
import static io.tablewarden.engine.checks.TestInventory.keyArn;
import static io.tablewarden.engine.checks.TestInventory.single;
import static io.tablewarden.engine.checks.TestInventory.table;

/** Key fixtures shared by the tests of the four KMS checks. */
final class KmsFixtures {

    private KmsFixtures() {
    }

    static final String CMK = keyArn("cmk-1");
    static final String MANAGED = keyArn("aws-managed-1");

    static AccountInventory owned() {
        return TestInventory.withTable(table("orders"));
    }

    static AccountInventory withKey(String arn, Consumer<TestInventory.Region> keys) {
        return withKey(table("orders").kms(arn), keys);
    }

    static AccountInventory withKey(TestInventory.Table t, Consumer<TestInventory.Region> keys) {
        TestInventory inventory = TestInventory.account();
        keys.accept(inventory.region(TestInventory.REGION).add(t));
        return inventory.build();
    }

    static AccountInventory cmk(String state, Instant deletion, Boolean rotation) {
        return withKey(CMK, r -> r.key(CMK, "CUSTOMER", state, deletion, rotation));
    }

    static AccountInventory managed() {
        return withKey(MANAGED, r -> r.key(MANAGED, "AWS", "Enabled", null, null));
    }

    static AccountInventory describeDenied() {
        return withKey(CMK, r -> r.keys.put(CMK, new KmsKeyInventory(CMK, Fetch.failed(denied("kms:DescribeKey")), null)));
    }

    static CheckResult run(Check check, AccountInventory inventory) {
        return single(check, inventory);
    }
}
