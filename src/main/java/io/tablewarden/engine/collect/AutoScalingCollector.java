package io.tablewarden.engine.collect;

import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.AutoScalingInventory;
import io.tablewarden.model.inventory.AutoScalingInventory.ScalableTarget;
import io.tablewarden.model.inventory.AutoScalingInventory.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.SuspendedState;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

import java.util.ArrayList;
import java.util.List;

/** Application Auto Scaling targets and policies in namespace {@code dynamodb} (tables and GSIs) of one region. */
public final class AutoScalingCollector {

    private final RegionContext ctx;
    private final ApplicationAutoScalingClient client;

    public AutoScalingCollector(RegionContext ctx) {
        this.ctx = ctx;
        this.client = ctx.clients().autoScaling(ctx.region());
    }

    public AutoScalingInventory collect() {
        Fetch<List<ScalableTarget>> targets = ctx.fetch("application-autoscaling:DescribeScalableTargets", "", () -> {
            List<ScalableTarget> out = new ArrayList<>();
            client.describeScalableTargetsPaginator(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB))
                    .scalableTargets().forEach(t -> {
                        SuspendedState s = t.suspendedState();
                        out.add(new ScalableTarget(t.resourceId(), t.scalableDimensionAsString(), t.minCapacity(),
                                t.maxCapacity(),
                                s != null && Boolean.TRUE.equals(s.dynamicScalingInSuspended()),
                                s != null && Boolean.TRUE.equals(s.dynamicScalingOutSuspended()),
                                s != null && Boolean.TRUE.equals(s.scheduledScalingSuspended()),
                                t.scalableTargetARN()));
                    });
            return out;
        });
        Fetch<List<ScalingPolicy>> policies = ctx.fetch("application-autoscaling:DescribeScalingPolicies", "", () -> {
            List<ScalingPolicy> out = new ArrayList<>();
            client.describeScalingPoliciesPaginator(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB))
                    .scalingPolicies().forEach(p -> {
                        TargetTrackingScalingPolicyConfiguration tt = p.targetTrackingScalingPolicyConfiguration();
                        String metric = tt == null || tt.predefinedMetricSpecification() == null ? null
                                : tt.predefinedMetricSpecification().predefinedMetricTypeAsString();
                        out.add(new ScalingPolicy(p.policyName(), p.policyARN(), p.resourceId(),
                                p.scalableDimensionAsString(), p.policyTypeAsString(),
                                tt == null ? null : tt.targetValue(), metric));
                    });
            return out;
        });
        return new AutoScalingInventory(targets, policies);
    }
}
