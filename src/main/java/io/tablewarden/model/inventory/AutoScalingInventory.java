package io.tablewarden.model.inventory;

import io.tablewarden.model.Fetch;

import java.util.List;

/**
 * Application Auto Scaling in namespace {@code dynamodb} for one region.
 *
 * @param scalableTargets  DescribeScalableTargets (all pages)
 * @param scalingPolicies  DescribeScalingPolicies (all pages)
 */
public record AutoScalingInventory(Fetch<List<ScalableTarget>> scalableTargets,
                                   Fetch<List<ScalingPolicy>> scalingPolicies) {

    /**
     * A scalable target.
     *
     * @param resourceId                 {@code table/T} or {@code table/T/index/I}
     * @param scalableDimension          e.g. {@code dynamodb:table:ReadCapacityUnits}
     * @param minCapacity                MinCapacity
     * @param maxCapacity                MaxCapacity
     * @param dynamicScalingInSuspended  SuspendedState.DynamicScalingInSuspended
     * @param dynamicScalingOutSuspended SuspendedState.DynamicScalingOutSuspended
     * @param scheduledScalingSuspended  SuspendedState.ScheduledScalingSuspended
     * @param scalableTargetArn          ScalableTargetARN
     */
    public record ScalableTarget(String resourceId, String scalableDimension, Integer minCapacity, Integer maxCapacity,
                                 boolean dynamicScalingInSuspended, boolean dynamicScalingOutSuspended,
                                 boolean scheduledScalingSuspended, String scalableTargetArn) {
    }

    /**
     * A scaling policy.
     *
     * @param policyName            PolicyName
     * @param policyArn             PolicyARN
     * @param resourceId            ResourceId
     * @param scalableDimension     ScalableDimension
     * @param policyType            TargetTrackingScaling, StepScaling or PredictiveScaling
     * @param targetValue           TargetTrackingScalingPolicyConfiguration.TargetValue, or null
     * @param predefinedMetricType  ...PredefinedMetricSpecification.PredefinedMetricType, or null
     */
    public record ScalingPolicy(String policyName, String policyArn, String resourceId, String scalableDimension,
                                String policyType, Double targetValue, String predefinedMetricType) {
    }
}
