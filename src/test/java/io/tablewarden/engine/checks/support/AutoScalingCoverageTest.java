package io.tablewarden.engine.checks.support;

import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.inventory.AutoScalingInventory.ScalableTarget;
import io.tablewarden.model.inventory.AutoScalingInventory.ScalingPolicy;
import io.tablewarden.model.inventory.TableDescription;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AutoScalingCoverageTest {

    private static final TableDescription TABLE = new TableDescription("t", "arn", "ACTIVE", "PROVISIONED", 5L, 5L,
            List.of(new TableDescription.GlobalSecondaryIndex("g", "arn/index/g", "ACTIVE", 5L, 5L)), null, true,
            List.of(), null);

    @Test
    void listsTableAndIndexDimensionsInOrder() {
        List<AutoScalingCoverage.Dimension> dimensions = AutoScalingCoverage.evaluate(TABLE, List.of(), List.of(),
                CheckParameters.defaults());
        assertEquals(4, dimensions.size());
        assertEquals("dynamodb:table:ReadCapacityUnits", dimensions.get(0).scalableDimension());
        assertEquals("dynamodb:table:WriteCapacityUnits", dimensions.get(1).scalableDimension());
        assertEquals("table/t/index/g", dimensions.get(2).resourceId());
        assertEquals("dynamodb:index:ReadCapacityUnits", dimensions.get(2).scalableDimension());
        assertEquals("GSI g write capacity", dimensions.get(3).label());
    }

    @Test
    void targetMustMatchResourceIdAndDimensionExactly() {
        // A table-dimension target on the index resource id is not index scaling.
        List<ScalableTarget> targets = List.of(new ScalableTarget("table/t/index/g", "dynamodb:table:ReadCapacityUnits",
                1, 10, false, false, false, "a"));
        List<ScalingPolicy> policies = List.of(new ScalingPolicy("p", "a", "table/t/index/g",
                "dynamodb:table:ReadCapacityUnits", "TargetTrackingScaling", 70.0, "DynamoDBReadCapacityUtilization"));
        List<AutoScalingCoverage.Dimension> dimensions = AutoScalingCoverage.evaluate(TABLE, targets, policies,
                CheckParameters.defaults());
        assertEquals("no scalable target", dimensions.get(2).problem());
    }

    @Test
    void scheduledScalingSuspensionAloneIsFine() {
        List<ScalableTarget> targets = List.of(new ScalableTarget("table/t", "dynamodb:table:ReadCapacityUnits", 1, 10,
                false, false, true, "a"));
        List<ScalingPolicy> policies = List.of(new ScalingPolicy("p", "a", "table/t", "dynamodb:table:ReadCapacityUnits",
                "TargetTrackingScaling", 70.0, "DynamoDBReadCapacityUtilization"));
        assertNull(AutoScalingCoverage.evaluate(TABLE, targets, policies, CheckParameters.defaults()).get(0).problem());
    }
}
