package io.tablewarden.engine.collect;

import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.AutoScalingInventory;
import io.tablewarden.model.inventory.AutoScalingInventory.ScalableTarget;
import io.tablewarden.model.inventory.AutoScalingInventory.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.SuspendedState;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

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
        return new AutoScalingInventory(scalableTargets(), scalingPolicies());
    }

    /** DescribeScalableTargets in namespace {@code dynamodb}, every page. */
    public Fetch<List<ScalableTarget>> scalableTargets() {
        return ctx.<ScalableTarget>list(
                "application-autoscaling:DescribeScalableTargets", "", (token, out) -> {
            DescribeScalableTargetsResponse page = client.describeScalableTargets(
                    b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).nextToken(token));
            page.scalableTargets().forEach(t -> {
                        SuspendedState s = t.suspendedState();
                        out.add(new ScalableTarget(t.resourceId(), t.scalableDimensionAsString(), t.minCapacity(),
                                t.maxCapacity(),
                                s != null && Boolean.TRUE.equals(s.dynamicScalingInSuspended()),
                                s != null && Boolean.TRUE.equals(s.dynamicScalingOutSuspended()),
                                s != null && Boolean.TRUE.equals(s.scheduledScalingSuspended()),
                                t.scalableTargetARN()));
                    });
            return page.nextToken();
        }).whole();
    }

    /** DescribeScalingPolicies in namespace {@code dynamodb}, every page. */
    public Fetch<List<ScalingPolicy>> scalingPolicies() {
        return ctx.<ScalingPolicy>list(
                "application-autoscaling:DescribeScalingPolicies", "", (token, out) -> {
            DescribeScalingPoliciesResponse page = client.describeScalingPolicies(
                    b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).nextToken(token));
            page.scalingPolicies().forEach(p -> {
                        TargetTrackingScalingPolicyConfiguration tt = p.targetTrackingScalingPolicyConfiguration();
                        String metric = tt == null || tt.predefinedMetricSpecification() == null ? null
                                : tt.predefinedMetricSpecification().predefinedMetricTypeAsString();
                        out.add(new ScalingPolicy(p.policyName(), p.policyARN(), p.resourceId(),
                                p.scalableDimensionAsString(), p.policyTypeAsString(),
                                tt == null ? null : tt.targetValue(), metric));
                    });
            return page.nextToken();
        }).whole();
    }
}
