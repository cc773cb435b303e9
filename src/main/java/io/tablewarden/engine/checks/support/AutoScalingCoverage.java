package io.tablewarden.engine.checks.support;

import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.inventory.AutoScalingInventory.ScalableTarget;
import io.tablewarden.model.inventory.AutoScalingInventory.ScalingPolicy;
import io.tablewarden.model.inventory.TableDescription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, for a provisioned table, which capacity dimensions scale. The base table ({@code table/T})
 * and every GSI ({@code table/T/index/I}) each need a read and a write scalable target with at least
 * one scaling policy and dynamic scaling not suspended. Targets and policies must come from the
 * table's own region; matching is on the exact resource id, never on the table name alone.
 */
public final class AutoScalingCoverage {

    /** The problems a fix can name dimension by dimension. */
    public static final String NO_TARGET = "no scalable target";
    public static final String NO_POLICY = "a scalable target but no scaling policy";
    public static final String SUSPENDED = "dynamic scaling suspended";

    private AutoScalingCoverage() {
    }

    /**
     * One capacity dimension and, when it does not scale, why.
     *
     * @param resourceId resource id, {@code table/T} or {@code table/T/index/I}
     * @param indexName  GSI name, or null for the base table
     * @param read       true for read capacity, false for write
     * @param problem    null when the dimension scales, else the reason
     */
    public record Dimension(String resourceId, String indexName, boolean read, String problem) {

        public boolean scales() {
            return problem == null;
        }

        /** AWS name of the dimension, e.g. {@code dynamodb:index:WriteCapacityUnits}. */
        public String scalableDimension() {
            return "dynamodb:" + (indexName == null ? "table" : "index") + ":"
                    + (read ? "Read" : "Write") + "CapacityUnits";
        }

        /** Words for a sentence, e.g. "GSI by-customer write capacity". */
        public String label() {
            return (indexName == null ? "table" : "GSI " + indexName) + " " + (read ? "read" : "write") + " capacity";
        }
    }

    /** Evaluates every dimension of {@code table} against the targets and policies of its region. */
    public static List<Dimension> evaluate(TableDescription table, List<ScalableTarget> targets,
                                           List<ScalingPolicy> policies, CheckParameters parameters) {
        List<Dimension> dimensions = new ArrayList<>();
        String base = "table/" + table.tableName();
        for (boolean read : new boolean[]{true, false}) {
            dimensions.add(dimension(base, null, read, targets, policies, parameters));
        }
        for (TableDescription.GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
            for (boolean read : new boolean[]{true, false}) {
                dimensions.add(dimension(base + "/index/" + index.indexName(), index.indexName(), read, targets,
                        policies, parameters));
            }
        }
        return dimensions;
    }

    private static Dimension dimension(String resourceId, String indexName, boolean read, List<ScalableTarget> targets,
                                       List<ScalingPolicy> policies, CheckParameters parameters) {
        Dimension probe = new Dimension(resourceId, indexName, read, null);
        String scalableDimension = probe.scalableDimension();
        ScalableTarget target = null;
        for (ScalableTarget candidate : targets) {
            if (resourceId.equals(candidate.resourceId()) && scalableDimension.equals(candidate.scalableDimension())) {
                target = candidate;
            }
        }
        if (target == null) {
            return new Dimension(resourceId, indexName, read, NO_TARGET);
        }
        List<ScalingPolicy> own = new ArrayList<>();
        for (ScalingPolicy policy : policies) {
            if (resourceId.equals(policy.resourceId()) && scalableDimension.equals(policy.scalableDimension())) {
                own.add(policy);
            }
        }
        if (own.isEmpty()) {
            return new Dimension(resourceId, indexName, read, NO_POLICY);
        }
        if (target.dynamicScalingInSuspended() || target.dynamicScalingOutSuspended()) {
            return new Dimension(resourceId, indexName, read, SUSPENDED);
        }
        Integer minCapacity = read ? parameters.minProvisionedReadCapacity() : parameters.minProvisionedWriteCapacity();
        if (minCapacity != null && (target.minCapacity() == null || target.minCapacity() < minCapacity)) {
            return new Dimension(resourceId, indexName, read, "MinCapacity " + target.minCapacity()
                    + " below the required " + minCapacity);
        }
        Integer utilization = read ? parameters.targetReadUtilization() : parameters.targetWriteUtilization();
        if (utilization != null && !hasTargetValue(own, read, utilization)) {
            return new Dimension(resourceId, indexName, read, "no target-tracking policy with target utilization "
                    + utilization);
        }
        return probe;
    }

    private static boolean hasTargetValue(List<ScalingPolicy> policies, boolean read, int utilization) {
        String metric = read ? "DynamoDBReadCapacityUtilization" : "DynamoDBWriteCapacityUtilization";
        for (ScalingPolicy policy : policies) {
            if ("TargetTrackingScaling".equals(policy.policyType()) && metric.equals(policy.predefinedMetricType())
                    && policy.targetValue() != null && Math.abs(policy.targetValue() - utilization) < 1e-9) {
                return true;
            }
        }
        return false;
    }

    /** Evidence entry per dimension: resource id and dimension → "scales" or the problem. */
    public static Map<String, String> evidence(List<Dimension> dimensions) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Dimension d : dimensions) {
            map.put(d.resourceId() + " " + d.scalableDimension(), d.scales() ? "scales" : d.problem());
        }
        return map;
    }
}
