package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.support.AutoScalingCoverage;
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

    public TableAutoScalingCheck() {
        super(ID);
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
        return verdict;
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
