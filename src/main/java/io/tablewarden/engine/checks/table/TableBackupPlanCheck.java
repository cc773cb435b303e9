package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.support.BackupNearMiss;
import io.tablewarden.engine.checks.support.BackupPlanCoverage;
import io.tablewarden.engine.checks.support.CheckCause;
import io.tablewarden.engine.checks.support.DeletedPlans;
import io.tablewarden.engine.checks.support.Results;
import io.tablewarden.engine.checks.support.TableCheck;
import io.tablewarden.engine.checks.support.TableSubject;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.BackupInventory;
import io.tablewarden.model.inventory.BackupInventory.BackupRule;
import io.tablewarden.model.inventory.BackupInventory.BackupVault;
import io.tablewarden.model.inventory.InventoryPart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * DynamoDB.4: an ACTIVE table is selected by a selection of a live backup plan in its own region
 * (AWS Backup's selection rule, see {@link io.tablewarden.engine.checks.support.BackupSelectionMatcher}).
 * With backupVaultLockCheck, a covering plan must also have a rule whose target vault is locked.
 * When nothing readable covers the table but something could not be read, the verdict is ERROR.
 */
public final class TableBackupPlanCheck extends TableCheck {

    public static final String ID = "dynamodb_table_protected_by_backup_plan";
    private static final int MAX_LISTED_MISSES = 3;

    /** Why no plan selects a table, when one change would fix it, or when there is no plan to change. */
    public enum Cause implements CheckCause {
        /** A tag or pattern selection would select the table if DynamoDB were opted in to AWS Backup in the region. */
        REGION_NOT_OPTED_IN,
        /** A selection wants a tag the table carries in another case, or with another value. */
        SELECTION_TAG_MISMATCH,
        /** A selection would select the table but for its NotResources patterns. */
        SELECTION_EXCLUDES_TABLE,
        /** Only a deleted plan selected the table: recovery points it made name the table. */
        DELETED_PLAN,
        /** The region has no live backup plan at all. */
        NO_PLAN;
    }

    public TableBackupPlanCheck() {
        super(ID);
    }

    @Override
    public List<String> causes() {
        return CheckCause.ids(Cause.values());
    }

    @Override
    protected StatusScope statusScope() {
        return StatusScope.ACTIVE_ONLY;
    }

    @Override
    protected Verdict evaluate(TableSubject subject, CheckContext context) {
        BackupInventory backup = subject.region().backup();
        BackupPlanCoverage.Result coverage = BackupPlanCoverage.evaluate(subject.table(), backup);
        if (!coverage.covered()) {
            Verdict verdict = uncovered(subject, coverage).evidence("ResourceTypeOptInPreference.DynamoDB",
                    BackupPlanCoverage.optInEvidence(backup));
            return verdict.status() == Status.FAIL ? withCause(verdict, subject, backup) : verdict;
        }
        BackupPlanCoverage.Covering first = coverage.covering().get(0);
        Verdict verdict = context.parameters().backupVaultLockCheck()
                ? vaultLock(subject, coverage.covering(), backup)
                : Verdict.pass("Table " + subject.name() + " is selected by " + first.label() + ": "
                        + first.reason() + ".");
        return verdict.evidence("CoveringSelection", BackupPlanCoverage.selectionEvidence(first))
                .evidence("ResourceTypeOptInPreference.DynamoDB", BackupPlanCoverage.optInEvidence(backup))
                .placeholder(Placeholders.BACKUP_PLAN_NAME, first.plan().backupPlanName());
    }

    /** Names the cause of a FAIL and the values its fix needs. */
    private static Verdict withCause(Verdict verdict, TableSubject subject, BackupInventory backup) {
        Optional<BackupNearMiss.Miss> miss = BackupNearMiss.find(subject.table(), backup);
        if (miss.isPresent()) {
            BackupNearMiss.Miss m = miss.get();
            verdict.placeholder(Placeholders.BACKUP_PLAN_NAME, m.plan().backupPlanName())
                    .placeholder(Placeholders.SELECTION_NAME, m.selectionName());
            switch (m.kind()) {
                case OPT_IN:
                    return verdict.cause(Cause.REGION_NOT_OPTED_IN);
                case TAG:
                    return verdict.cause(Cause.SELECTION_TAG_MISMATCH).placeholder(Placeholders.TAG_KEY, m.tagKey())
                            .placeholder(Placeholders.TAG_VALUE, m.tagValue());
                default:
                    return verdict.cause(Cause.SELECTION_EXCLUDES_TABLE)
                            .placeholder(Placeholders.BACKUP_PLAN_ID, m.plan().backupPlanId())
                            .placeholder(Placeholders.SELECTION_ID, m.entry().selectionId())
                            .placeholder(Placeholders.SELECTION_JSON, m.selectionJson());
            }
        }
        Optional<DeletedPlans.Match> deleted = DeletedPlans.find(subject.table().arn(), backup);
        if (deleted.isPresent()) {
            DeletedPlans.Match d = deleted.get();
            return Verdict.fail(verdict.text().substring(0, verdict.text().length() - 1) + "; its recovery points were "
                            + "made by plan " + d.plan().backupPlanName() + ", deleted on " + d.deletionDay() + ".")
                    .evidence(verdict.evidence())
                    .evidence("DeletedPlan", d.evidence())
                    .cause(Cause.DELETED_PLAN)
                    .placeholder(Placeholders.BACKUP_PLAN_NAME, d.plan().backupPlanName())
                    .placeholder(Placeholders.BACKUP_PLAN_ID, d.plan().backupPlanId())
                    .placeholder(Placeholders.PLAN_DELETION_DATE, d.deletionDay())
                    .placeholder(Placeholders.BACKUP_PLAN_JSON, d.planJson());
        }
        boolean livePlan = Results.orEmpty(backup.plans().value()).stream().anyMatch(p -> !p.deleted());
        return livePlan ? verdict : verdict.cause(Cause.NO_PLAN);
    }

    private static Verdict uncovered(TableSubject subject, BackupPlanCoverage.Result coverage) {
        if (!coverage.unknowns().isEmpty()) {
            return Verdict.error("No readable backup selection covers " + subject.label()
                    + ", but not everything could be read: " + coverage.unknowns().get(0) + ".")
                    .evidence("Unreadable", coverage.unknowns())
                    .evidence("NotSelectedBecause", coverage.misses());
        }
        List<String> misses = coverage.misses();
        String why = misses.size() <= MAX_LISTED_MISSES ? String.join("; ", misses)
                : String.join("; ", misses.subList(0, MAX_LISTED_MISSES)) + "; and "
                + (misses.size() - MAX_LISTED_MISSES) + " more";
        return Verdict.fail("No backup plan in " + subject.region().region() + " selects " + subject.label()
                + ": " + why + ".").evidence("NotSelectedBecause", misses);
    }

    private static Verdict vaultLock(TableSubject subject, List<BackupPlanCoverage.Covering> covering,
                                     BackupInventory backup) {
        List<String> unknowns = new ArrayList<>();
        List<String> unlocked = new ArrayList<>();
        for (BackupPlanCoverage.Covering c : covering) {
            Fetch<List<BackupRule>> rules = c.plan().rules();
            if (rules == null || rules.isFailed()) {
                unknowns.add("the rules of plan " + c.plan().backupPlanName() + " could not be read: "
                        + (rules == null ? "not collected (backup:GetBackupPlan)" : rules.error().describe()));
                continue;
            }
            for (BackupRule rule : Results.orEmpty(rules.value())) {
                String vaultName = rule.targetBackupVaultName();
                Fetch<BackupVault> vault = backup.vaults() == null ? null : backup.vaults().get(vaultName);
                if (vault == null || vault.isFailed() || vault.value() == null) {
                    unknowns.add("vault " + vaultName + " could not be read: " + (vault == null || vault.isOk()
                            ? "not collected (backup:DescribeBackupVault)" : vault.error().describe()));
                } else if (Boolean.TRUE.equals(vault.value().locked())) {
                    return Verdict.pass("Table " + subject.name() + " is selected by " + c.label() + " and its rule "
                            + rule.ruleName() + " writes to the locked vault " + vaultName + ".")
                            .evidence("BackupVault.BackupVaultName", vaultName)
                            .evidence("BackupVault.Locked", true);
                } else {
                    unlocked.add(vaultName + " (rule " + rule.ruleName() + " of plan " + c.plan().backupPlanName()
                            + ", Locked=" + vault.value().locked() + ")");
                }
            }
        }
        if (!unknowns.isEmpty()) {
            return Verdict.error("Table " + subject.name() + " is covered by " + covering.get(0).label()
                    + ", but whether a covering rule targets a locked vault is unknown: " + unknowns.get(0) + ".")
                    .evidence("Unreadable", unknowns).evidence("UnlockedVaults", unlocked);
        }
        return Verdict.fail("Table " + subject.name() + " is covered by " + covering.get(0).label()
                + ", but no covering rule targets a vault with Vault Lock: " + String.join("; ", unlocked) + ".")
                .evidence("UnlockedVaults", unlocked);
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.BACKUP, InventoryPart.TABLE_TAGS);
    }
}
