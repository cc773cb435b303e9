package io.tablewarden.engine.collect;

import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.BackupInventory;
import io.tablewarden.model.inventory.BackupInventory.BackupPlan;
import io.tablewarden.model.inventory.BackupInventory.BackupRule;
import io.tablewarden.model.inventory.BackupInventory.BackupSelection;
import io.tablewarden.model.inventory.BackupInventory.BackupVault;
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
                "backup:ListBackupPlans", "", token -> client.listBackupPlans(b -> b.includeDeleted(false)
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

    /** True when the region has a plan that is not deleted, i.e. recovery points are worth reading. */
    public static boolean hasLivePlan(BackupInventory backup) {
        return backup.plans().isOk() && backup.plans().value().stream().anyMatch(p -> p.deletionDate() == null);
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
        String label = p.backupPlanName() != null ? p.backupPlanName() : id;
        Fetch<List<BackupRule>> rules = ctx.fetch("backup:GetBackupPlan", label, () -> {
            List<BackupRule> out = new ArrayList<>();
            client.getBackupPlan(b -> b.backupPlanId(id)).backupPlan().rules().forEach(r -> out.add(new BackupRule(
                    r.ruleName(), r.targetBackupVaultName(), r.scheduleExpression(),
                    r.lifecycle() == null ? null : r.lifecycle().deleteAfterDays())));
            return out;
        });
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
                if (plan.rules().isOk()) {
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
