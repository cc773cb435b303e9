package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.TestInventory;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.AutoScalingInventory.ScalableTarget;
import io.tablewarden.model.inventory.AutoScalingInventory.ScalingPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static io.tablewarden.engine.checks.TestInventory.denied;
import static io.tablewarden.engine.checks.TestInventory.single;
import static io.tablewarden.engine.checks.TestInventory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableAutoScalingCheckTest {

    private final TableAutoScalingCheck check = new TableAutoScalingCheck();

    private static AccountInventory inventory(TestInventory.Table t, Consumer<TestInventory.Region> setup) {
        TestInventory inventory = TestInventory.account();
        setup.accept(inventory.region(TestInventory.REGION).add(t));
        return inventory.build();
    }

    @Test
    void onDemandPasses() {
        CheckResult result = single(check, inventory(table("orders").gsi("by-customer"), r -> { }));
        assertEquals(Status.PASS, result.status());
        assertEquals("", result.placeholders().get(Placeholders.GSI_NAMES));
    }

    @Test
    void provisionedWithTableAndGsiScalingPasses() {
        CheckResult result = single(check, inventory(table("orders").provisioned().gsi("by-customer"),
                r -> r.scaling("table/orders").scaling("table/orders/index/by-customer")));
        assertEquals(Status.PASS, result.status(), result.statusText());
        assertFalse(result.placeholders().containsKey(Placeholders.INDEX_NAME));
    }

    @Test
    void provisionedWithoutScalingFailsNamingBothDimensions() {
        CheckResult result = single(check, inventory(table("orders").provisioned(), r -> { }));
        assertEquals(Status.FAIL, result.status());
        assertTrue(result.statusText().contains("table read capacity (no scalable target)"), result.statusText());
        assertTrue(result.statusText().contains("table write capacity (no scalable target)"), result.statusText());
    }

    @Test
    void errorWhenTargetsOrPoliciesCannotBeRead() {
        CheckResult targets = single(check, inventory(table("orders").provisioned(),
                r -> r.targetsError = denied("application-autoscaling:DescribeScalableTargets")));
        assertEquals(Status.ERROR, targets.status());
        assertTrue(targets.statusText().contains("application-autoscaling:DescribeScalableTargets"));
        CheckResult policies = single(check, inventory(table("orders").provisioned(),
                r -> r.policiesError = denied("application-autoscaling:DescribeScalingPolicies")));
        assertEquals(Status.ERROR, policies.status());
        assertTrue(policies.statusText().contains("application-autoscaling:DescribeScalingPolicies"));
    }

    @Test
    void notApplicableWhileDeleting() {
        assertEquals(Status.NOT_APPLICABLE, single(check, inventory(table("orders").provisioned().status("DELETING"),
                r -> { })).status());
    }

    /** W9: GSIs need their own scaling; the text and placeholders name them. */
    @Test
    void peerBugW9GsiWithoutScalingFails() {
        CheckResult result = single(check, inventory(table("orders").provisioned().gsi("by-customer").gsi("by-date"),
                r -> r.scaling("table/orders").scaling("table/orders/index/by-date")));
        assertEquals(Status.FAIL, result.status());
        assertTrue(result.statusText().contains("GSI by-customer read capacity"), result.statusText());
        assertTrue(result.statusText().contains("GSI by-customer write capacity"), result.statusText());
        assertFalse(result.statusText().contains("by-date"), result.statusText());
        assertEquals("by-customer", result.placeholders().get(Placeholders.GSI_NAMES));
        assertEquals("by-customer", result.placeholders().get(Placeholders.INDEX_NAME));
    }

    /** W10: scaling of a same-named table in another region does not count. */
    @Test
    void peerBugW10OtherRegionDoesNotCount() {
        TestInventory inventory = TestInventory.account();
        inventory.region(TestInventory.REGION).add(table("orders").provisioned());
        inventory.region("us-east-1").add(table("orders")).scaling("table/orders");
        List<CheckResult> results = check.evaluate(inventory.build(), TestInventory.context());
        CheckResult home = results.stream().filter(r -> r.resource().region().equals(TestInventory.REGION))
                .findFirst().orElseThrow();
        assertEquals(Status.FAIL, home.status());
    }

    /** W11: a target without a policy, or with dynamic scaling suspended, does not scale. */
    @Test
    void peerBugW11TargetWithoutPolicyOrSuspended() {
        CheckResult noPolicy = single(check, inventory(table("orders").provisioned(), r -> {
            r.scaling("table/orders");
            r.policies.removeIf(p -> p.scalableDimension().endsWith("WriteCapacityUnits"));
        }));
        assertEquals(Status.FAIL, noPolicy.status());
        assertTrue(noPolicy.statusText().contains("table write capacity (a scalable target but no scaling policy)"),
                noPolicy.statusText());

        CheckResult suspended = single(check, inventory(table("orders").provisioned(), r -> {
            r.scaling("table/orders");
            ScalableTarget read = r.targets.remove(0);
            r.targets.add(0, new ScalableTarget(read.resourceId(), read.scalableDimension(), 5, 100, true, false,
                    false, read.scalableTargetArn()));
        }));
        assertEquals(Status.FAIL, suspended.status());
        assertTrue(suspended.statusText().contains("dynamic scaling suspended"), suspended.statusText());
    }

    @Test
    void parametersOnMinimumCapacityAndTargetUtilization() {
        CheckParameters strict = new CheckParameters(10, null, 70, 50, null, false, List.of(), Set.of(), 48);
        CheckResult result = single(check, inventory(table("orders").provisioned(), r -> r.scaling("table/orders")),
                TestInventory.context(strict));
        assertEquals(Status.FAIL, result.status());
        assertTrue(result.statusText().contains("MinCapacity 5 below the required 10"), result.statusText());
        assertTrue(result.statusText().contains("target utilization 50"), result.statusText());

        CheckParameters met = new CheckParameters(5, 5, 70, 70, null, false, List.of(), Set.of(), 48);
        assertEquals(Status.PASS, single(check, inventory(table("orders").provisioned(), r -> r.scaling("table/orders")),
                TestInventory.context(met)).status());
    }

    @Test
    void stepScalingPolicyCountsWithoutUtilizationParameter() {
        CheckResult result = single(check, inventory(table("orders").provisioned(), r -> {
            r.scaling("table/orders");
            r.policies.replaceAll(p -> new ScalingPolicy(p.policyName(), p.policyArn(), p.resourceId(),
                    p.scalableDimension(), "StepScaling", null, null));
        }));
        assertEquals(Status.PASS, result.status());
    }

    @Test
    void theScalingGapsCauseNamesExactlyTheDimensionsToChange() {
        CheckResult result = single(check, inventory(table("orders").provisioned().gsi("by-customer").gsi("by-date"), r -> {
            r.scaling("table/orders").scaling("table/orders/index/by-date");
            // by-date reads: suspended; by-customer: writes have a target without a policy, reads nothing.
            r.targets.replaceAll(t -> t.resourceId().equals("table/orders/index/by-date")
                    && t.scalableDimension().endsWith("ReadCapacityUnits")
                    ? new ScalableTarget(t.resourceId(), t.scalableDimension(), 5, 100, true, false, false, "arn:t") : t);
            r.targets.add(new ScalableTarget("table/orders/index/by-customer", "dynamodb:index:WriteCapacityUnits", 5, 50,
                    false, false, false, "arn:t2"));
        }));
        assertEquals(Status.FAIL, result.status());
        assertEquals("scaling_gaps", result.cause());
        assertEquals("table/orders/index/by-customer|dynamodb:index:ReadCapacityUnits",
                result.placeholders().get(Placeholders.UNREGISTERED_DIMENSIONS));
        assertEquals("table/orders/index/by-customer|dynamodb:index:WriteCapacityUnits",
                result.placeholders().get(Placeholders.UNPOLICIED_DIMENSIONS));
        assertEquals("table/orders/index/by-date|dynamodb:index:ReadCapacityUnits",
                result.placeholders().get(Placeholders.SUSPENDED_DIMENSIONS));
        String cli = io.tablewarden.engine.remediation.RemediationRenderer.fillFor(check.metadata(), result).fullCli();
        assertFalse(cli.contains("describe-table"), "no loop over every index: only the gaps");
        assertTrue(cli.contains("--suspended-state DynamicScalingInSuspended=false,DynamicScalingOutSuspended=false"), cli);
    }

    @Test
    void parameterGapsAndNamesOutsideTheGrammarGetTheGenericFix() {
        CheckResult belowMinimum = single(check, inventory(table("orders").provisioned(), r -> r.scaling("table/orders")),
                new io.tablewarden.engine.checks.CheckContext(new CheckParameters(50, null, null, null, null, false,
                        List.of(), Set.of(), 48), TestInventory.NOW));
        assertEquals(Status.FAIL, belowMinimum.status(), belowMinimum.statusText());
        assertEquals(null, belowMinimum.cause());
        CheckResult odd = single(check, inventory(table("a,b|c").provisioned(), r -> { }));
        assertEquals(Status.FAIL, odd.status());
        assertEquals(null, odd.cause(), "a list item must never be split inside a name");
    }
}
