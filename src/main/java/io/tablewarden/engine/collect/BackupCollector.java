package io.tablewarden.engine.collect;

import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.BackupInventory;
import io.tablewarden.model.inventory.BackupInventory.BackupPlan;
import io.tablewarden.model.inventory.BackupInventory.BackupRule;
import io.tablewarden.model.inventory.BackupInventory.BackupSelection;
import io.tablewarden.model.inventory.BackupInventory.BackupVault;
import io.tablewarden.model.inventory.BackupInventory.PlanRecoveryPoint;
import io.tablewarden.model.inventory.BackupInventory.RegionSettings;
import io.tablewarden.model.inventory.BackupInventory.SelectionCondition;
import io.tablewarden.model.inventory.BackupInventory.SelectionEntry;
import io.tablewarden.model.inventory.BackupInventory.TagCondition;
import io.tablewarden.model.inventory.RecoveryPoint;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.ConditionParameter;
import software.amazon.awssdk.services.backup.model.Conditions;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.DescribeRegionSettingsResponse;
import software.amazon.awssdk.services.backup.model.ListBackupPlansResponse;
import software.amazon.awssdk.services.backup.model.ListBackupSelectionsResponse;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByResourceResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AWS Backup in one region: opt-in settings, live plans with their rules and selections, the vaults those
 * rules target, and (separately, per table) recovery points. Each plan, selection and vault fails alone.
 * Deleted plans are listed too (ListBackupPlans with IncludeDeleted); what shows which tables one selected
 * (its last version's rules and the recovery points it made) is read separately, by {@link #withDeletedPlans},
 * and only when a table of the region is covered by no live plan.
 */
public final class BackupCollector {

    private final RegionContext ctx;
    private final BackupClient client;

    public BackupCollector(RegionContext ctx) {
        this.ctx = ctx;
        this.client = ctx.clients().backup(ctx.region());
    }

    public BackupInventory collect() {
        Fetch<RegionSettings> settings = ctx.fetch("backup:DescribeRegionSettings", "", () -> {
            DescribeRegionSettingsResponse r = client.describeRegionSettings(b -> { });
            return new RegionSettings(new LinkedHashMap<>(r.resourceTypeOptInPreference()),
                    new LinkedHashMap<>(r.resourceTypeManagementPreference()));
        });
        Fetch<List<BackupPlansListMember>> listed = ctx.<ListBackupPlansResponse, BackupPlansListMember>list(
                "backup:ListBackupPlans", "", token -> client.listBackupPlans(b -> b.includeDeleted(true)
                        .nextToken(token)), ListBackupPlansResponse::backupPlansList,
                ListBackupPlansResponse::nextToken).whole();
        Fetch<List<BackupPlan>> plans = listed.map(list -> {
            List<BackupPlan> out = new ArrayList<>();
            for (BackupPlansListMember p : list) {
                out.add(plan(p));
            }
            return out;
        });
        Map<String, Fetch<BackupVault>> vaults = new LinkedHashMap<>();
        for (String vaultName : targetVaults(plans)) {
            vaults.put(vaultName, vault(vaultName));
        }
        return new BackupInventory(settings, plans, vaults);
    }

    /** True when the region lists a deleted plan, whose recovery points may name tables it selected. */
    public static boolean hasDeletedPlan(BackupInventory backup) {
        return backup.plans() != null && backup.plans().isOk()
                && backup.plans().value().stream().anyMatch(BackupPlan::deleted);
    }

    /**
     * The inventory with every deleted plan's last version (GetBackupPlan with its VersionId: the rules, and so
     * the vaults it wrote to) and the DynamoDB recovery points it made in those vaults (ListRecoveryPointsByBackupVault
     * filtered by the plan's id). A plan whose rules cannot be read keeps its recovery points unread (null).
     */
    public BackupInventory withDeletedPlans(BackupInventory backup) {
        if (!hasDeletedPlan(backup)) {
            return backup;
        }
        List<BackupPlan> plans = new ArrayList<>();
        for (BackupPlan plan : backup.plans().value()) {
            plans.add(plan.deleted() ? deletedPlanDetail(plan) : plan);
        }
        return new BackupInventory(backup.regionSettings(), Fetch.ok(plans), backup.vaults());
    }

    private BackupPlan deletedPlanDetail(BackupPlan plan) {
        String id = plan.backupPlanId();
        String label = plan.backupPlanName() != null ? plan.backupPlanName() : id;
        Fetch<List<BackupRule>> rules = ctx.fetch("backup:GetBackupPlan", label,
                () -> rules(client.getBackupPlan(b -> b.backupPlanId(id).versionId(plan.versionId())).backupPlan()));
        Fetch<List<PlanRecoveryPoint>> points = null;
        if (rules.isOk()) {
            List<PlanRecoveryPoint> all = new ArrayList<>();
            Set<String> vaults = new LinkedHashSet<>();
            rules.value().forEach(r -> {
                if (r.targetBackupVaultName() != null) {
                    vaults.add(r.targetBackupVaultName());
                }
            });
            for (String vault : vaults) {
                Fetch<List<PlanRecoveryPoint>> inVault = ctx.<PlanRecoveryPoint>list(
                        "backup:ListRecoveryPointsByBackupVault", vault, (token, out) -> {
                            ListRecoveryPointsByBackupVaultResponse page = client.listRecoveryPointsByBackupVault(
                                    b -> b.backupVaultName(vault).byBackupPlanId(id).byResourceType("DynamoDB")
                                            .nextToken(token));
                            page.recoveryPoints().forEach(r -> out.add(new PlanRecoveryPoint(r.resourceArn(),
                                    r.recoveryPointArn(), r.backupVaultName(), r.creationDate(), r.statusAsString(),
                                    r.createdBy() == null ? null : r.createdBy().backupPlanVersion())));
                            return page.nextToken();
                        }).whole();
                if (inVault.isFailed()) {
                    points = Fetch.failed(inVault.error());
                    break;
                }
                all.addAll(inVault.value());
            }
            if (points == null) {
                points = Fetch.ok(all);
            }
        }
        return new BackupPlan(id, plan.backupPlanArn(), plan.backupPlanName(), plan.versionId(), plan.deletionDate(),
                rules, plan.selections(), points);
    }

    private static List<BackupRule> rules(software.amazon.awssdk.services.backup.model.BackupPlan plan) {
        List<BackupRule> out = new ArrayList<>();
        plan.rules().forEach(r -> out.add(new BackupRule(r.ruleName(), r.targetBackupVaultName(),
                r.scheduleExpression(), r.lifecycle() == null ? null : r.lifecycle().deleteAfterDays())));
        return out;
    }

    /** True when the region has a plan that is not deleted, i.e. recovery points are worth reading. */
    public static boolean hasLivePlan(BackupInventory backup) {
        return backup.plans().isOk() && backup.plans().value().stream().anyMatch(p -> !p.deleted());
    }

    /** ListRecoveryPointsByResource for one table, every page. */
    public Fetch<List<RecoveryPoint>> recoveryPoints(String tableName, String tableArn) {
        return ctx.<RecoveryPoint>list("backup:ListRecoveryPointsByResource", tableName, (token, out) -> {
            ListRecoveryPointsByResourceResponse page = client.listRecoveryPointsByResource(
                    b -> b.resourceArn(tableArn).nextToken(token));
            page.recoveryPoints().forEach(r -> out.add(new RecoveryPoint(r.recoveryPointArn(), r.creationDate(),
                    null, r.statusAsString(), r.backupVaultName())));
            return page.nextToken();
        }).whole();
    }

    private BackupPlan plan(BackupPlansListMember p) {
        String id = p.backupPlanId();
        if (p.deletionDate() != null) {
            // A deleted plan protects nothing and has no selections left; its detail is read only when needed.
            return new BackupPlan(id, p.backupPlanArn(), p.backupPlanName(), p.versionId(), p.deletionDate(), null,
                    null);
        }
        String label = p.backupPlanName() != null ? p.backupPlanName() : id;
        Fetch<List<BackupRule>> rules = ctx.fetch("backup:GetBackupPlan", label,
                () -> rules(client.getBackupPlan(b -> b.backupPlanId(id)).backupPlan()));
        Fetch<List<BackupSelectionsListMember>> listed = ctx
                .<ListBackupSelectionsResponse, BackupSelectionsListMember>list("backup:ListBackupSelections", label,
                        token -> client.listBackupSelections(b -> b.backupPlanId(id).nextToken(token)),
                        ListBackupSelectionsResponse::backupSelectionsList, ListBackupSelectionsResponse::nextToken)
                .whole();
        Fetch<List<SelectionEntry>> selections = listed.map(list -> {
            List<SelectionEntry> out = new ArrayList<>();
            for (BackupSelectionsListMember s : list) {
                out.add(new SelectionEntry(s.selectionId(), s.selectionName(), selection(id, s)));
            }
            return out;
        });
        return new BackupPlan(id, p.backupPlanArn(), p.backupPlanName(), p.versionId(), p.deletionDate(), rules,
                selections);
    }

    private Fetch<BackupSelection> selection(String planId, BackupSelectionsListMember s) {
        return ctx.fetch("backup:GetBackupSelection", s.selectionName(), () -> {
            software.amazon.awssdk.services.backup.model.BackupSelection sel = client
                    .getBackupSelection(b -> b.backupPlanId(planId).selectionId(s.selectionId())).backupSelection();
            List<TagCondition> tags = new ArrayList<>();
            sel.listOfTags().forEach(t -> tags.add(
                    new TagCondition(t.conditionTypeAsString(), t.conditionKey(), t.conditionValue())));
            return new BackupSelection(sel.selectionName(), sel.iamRoleArn(), sel.resources(), sel.notResources(),
                    tags, flatten(sel.conditions()));
        });
    }

    private static List<SelectionCondition> flatten(Conditions c) {
        List<SelectionCondition> out = new ArrayList<>();
        if (c == null) {
            return out;
        }
        add(out, "StringEquals", c.stringEquals());
        add(out, "StringNotEquals", c.stringNotEquals());
        add(out, "StringLike", c.stringLike());
        add(out, "StringNotLike", c.stringNotLike());
        return out;
    }

    private static void add(List<SelectionCondition> out, String operator, List<ConditionParameter> params) {
        params.forEach(p -> out.add(new SelectionCondition(operator, p.conditionKey(), p.conditionValue())));
    }

    private static Set<String> targetVaults(Fetch<List<BackupPlan>> plans) {
        Set<String> names = new LinkedHashSet<>();
        if (plans.isOk()) {
            for (BackupPlan plan : plans.value()) {
                if (!plan.deleted() && plan.rules().isOk()) {
                    plan.rules().value().forEach(r -> {
                        if (r.targetBackupVaultName() != null) {
                            names.add(r.targetBackupVaultName());
                        }
                    });
                }
            }
        }
        return names;
    }

    private Fetch<BackupVault> vault(String name) {
        return ctx.fetch("backup:DescribeBackupVault", name, () -> {
            DescribeBackupVaultResponse v = client.describeBackupVault(b -> b.backupVaultName(name));
            return new BackupVault(v.backupVaultName(), v.backupVaultArn(), v.locked(), v.minRetentionDays(),
                    v.maxRetentionDays(), v.lockDate());
        });
    }
}
