package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.support.AutoScalingCoverage;
import io.tablewarden.engine.checks.support.CheckCause;
import io.tablewarden.engine.checks.support.TableCheck;
import io.tablewarden.engine.checks.support.TableSubject;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.AutoScalingInventory;
import io.tablewarden.model.inventory.InventoryPart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * DynamoDB.1: the table follows demand. On-demand tables pass; provisioned tables pass only when the
 * base table and every GSI scale on both reads and writes (see {@link AutoScalingCoverage}).
 */
public final class TableAutoScalingCheck extends TableCheck {

    public static final String ID = "dynamodb_table_autoscaling_enabled";

    /** Why a provisioned table does not scale, when the fix can name exactly the dimensions to change. */
    public enum Cause implements CheckCause {
        /**
         * Some dimensions lack a scalable target or a scaling policy, or have dynamic scaling suspended (and none
         * fails for a reason only the check's parameters give): the fix registers, adds a policy or resumes exactly
         * those dimensions.
         */
        SCALING_GAPS;
    }

    /** Table and index names as AWS allows them: the only resource ids a list token may carry. */
    private static final java.util.regex.Pattern RESOURCE_ID =
            java.util.regex.Pattern.compile("table/[A-Za-z0-9_.-]{3,255}(/index/[A-Za-z0-9_.-]{3,255})?");

    public TableAutoScalingCheck() {
        super(ID);
    }

    @Override
    public List<String> causes() {
        return CheckCause.ids(Cause.values());
    }

    @Override
    protected Verdict evaluate(TableSubject subject, CheckContext context) {
        String mode = subject.description().billingMode();
        if (subject.description().isOnDemand()) {
            return Verdict.pass("Table " + subject.name() + " is on-demand (PAY_PER_REQUEST), so its capacity, and "
                    + "that of its GSIs, follows demand.")
                    .evidence("BillingModeSummary.BillingMode", mode)
                    .placeholder(Placeholders.GSI_NAMES, "");
        }
        AutoScalingInventory scaling = subject.region().autoScaling();
        String unreadable = unreadable(scaling);
        if (unreadable != null) {
            return Verdict.error("Auto scaling of provisioned " + subject.label() + " could not be read: "
                    + unreadable + ".")
                    .evidence("BillingModeSummary.BillingMode", mode);
        }
        List<AutoScalingCoverage.Dimension> dimensions = AutoScalingCoverage.evaluate(subject.description(),
                scaling.scalableTargets().value(), scaling.scalingPolicies().value(), context.parameters());
        List<String> lacking = new ArrayList<>();
        Set<String> gsis = new LinkedHashSet<>();
        for (AutoScalingCoverage.Dimension d : dimensions) {
            if (!d.scales()) {
                lacking.add(d.label() + " (" + d.problem() + ")");
                if (d.indexName() != null) {
                    gsis.add(d.indexName());
                }
            }
        }
        Verdict verdict = lacking.isEmpty()
                ? Verdict.pass("Provisioned " + subject.label() + " scales reads and writes on the table"
                        + (subject.description().globalSecondaryIndexes().isEmpty() ? "" : " and on every GSI") + ".")
                : Verdict.fail("Provisioned " + subject.label() + " lacks auto scaling on: "
                        + String.join("; ", lacking) + ".");
        verdict.evidence("BillingModeSummary.BillingMode", mode == null ? "(absent, means PROVISIONED)" : mode)
                .evidence(AutoScalingCoverage.evidence(dimensions))
                .placeholder(Placeholders.GSI_NAMES, String.join(",", gsis));
        if (!gsis.isEmpty()) {
            verdict.placeholder(Placeholders.INDEX_NAME, gsis.iterator().next());
        }
        return lacking.isEmpty() ? verdict : withCause(verdict, dimensions);
    }

    /**
     * Names the gaps when each failing dimension lacks a target, a policy, or has scaling suspended. The lists are
     * "resource id|scalable dimension" items joined by commas; a resource id outside AWS's name grammar (which
     * could hold a comma or a bar) gives no cause, so the generic fix is offered instead.
     */
    private static Verdict withCause(Verdict verdict, List<AutoScalingCoverage.Dimension> dimensions) {
        List<String> unregistered = new ArrayList<>();
        List<String> unpolicied = new ArrayList<>();
        List<String> suspended = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (AutoScalingCoverage.Dimension d : dimensions) {
            if (d.scales()) {
                continue;
            }
            if (!RESOURCE_ID.matcher(d.resourceId()).matches()) {
                return verdict;
            }
            String item = d.resourceId() + "|" + d.scalableDimension();
            switch (d.problem()) {
                case AutoScalingCoverage.NO_TARGET -> unregistered.add(item);
                case AutoScalingCoverage.NO_POLICY -> unpolicied.add(item);
                case AutoScalingCoverage.SUSPENDED -> suspended.add(item);
                default -> {
                    return verdict;
                }
            }
            labels.add(d.label() + " (" + d.problem() + ")");
        }
        return verdict.cause(Cause.SCALING_GAPS)
                .placeholder(Placeholders.UNREGISTERED_DIMENSIONS, String.join(",", unregistered))
                .placeholder(Placeholders.UNPOLICIED_DIMENSIONS, String.join(",", unpolicied))
                .placeholder(Placeholders.SUSPENDED_DIMENSIONS, String.join(",", suspended))
                .placeholder(Placeholders.SCALING_GAP_LABELS, String.join("; ", labels));
    }

    private static String unreadable(AutoScalingInventory scaling) {
        if (scaling == null) {
            return "Application Auto Scaling was not collected (application-autoscaling:DescribeScalableTargets)";
        }
        Fetch<?> targets = scaling.scalableTargets();
        Fetch<?> policies = scaling.scalingPolicies();
        if (targets == null || targets.isFailed() || targets.value() == null) {
            return targets == null || targets.isOk() ? "application-autoscaling:DescribeScalableTargets returned nothing"
                    : targets.error().describe();
        }
        if (policies == null || policies.isFailed() || policies.value() == null) {
            return policies == null || policies.isOk()
                    ? "application-autoscaling:DescribeScalingPolicies returned nothing" : policies.error().describe();
        }
        return null;
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.AUTO_SCALING);
    }
}
