package io.tablewarden.engine.checks.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.model.inventory.BackupInventory;
import io.tablewarden.model.inventory.BackupInventory.BackupPlan;
import io.tablewarden.model.inventory.BackupInventory.BackupRule;
import io.tablewarden.model.inventory.BackupInventory.PlanRecoveryPoint;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which deleted backup plan selected a table, shown by the recovery points it made of the table. AWS deletes a plan
 * only after its selections, so a deleted plan's selection cannot be read back; its recovery points
 * (CreatedBy.BackupPlanId) are what remains. The plan can be re-created only when its last version's rules were
 * read, and its name is one AWS's plan-name grammar allows, so the fix can look the re-created plan up by name.
 */
public final class DeletedPlans {

    /** AWS Backup's plan names: letters, digits, hyphen, underscore and period, 1 to 50 of them. */
    private static final Pattern PLAN_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,50}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeletedPlans() {
    }

    /**
     * A deleted plan that backed the table up.
     *
     * @param plan   the deleted plan with its rules
     * @param newest its newest recovery point of the table
     * @param count  how many of its recovery points name the table
     */
    public record Match(BackupPlan plan, PlanRecoveryPoint newest, int count) {

        /** The day of the deletion, ISO-8601 in UTC. */
        public String deletionDay() {
            return plan.deletionDate().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }

        /** CreateBackupPlan's BackupPlan document: the plan's name and its last version's rules. */
        public String planJson() {
            ObjectNode doc = JSON.createObjectNode();
            doc.put("BackupPlanName", plan.backupPlanName());
            ArrayNode rules = doc.putArray("Rules");
            for (BackupRule r : plan.rules().value()) {
                ObjectNode rule = rules.addObject();
                rule.put("RuleName", r.ruleName());
                rule.put("TargetBackupVaultName", r.targetBackupVaultName());
                if (r.scheduleExpression() != null) {
                    rule.put("ScheduleExpression", r.scheduleExpression());
                }
                if (r.deleteAfterDays() != null) {
                    rule.putObject("Lifecycle").put("DeleteAfterDays", r.deleteAfterDays());
                }
            }
            return doc.toString();
        }

        /** The evidence: which plan, when it was deleted, and its newest recovery point of the table. */
        public Map<String, Object> evidence() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("BackupPlanName", plan.backupPlanName());
            map.put("BackupPlanId", plan.backupPlanId());
            map.put("DeletionDate", plan.deletionDate().toString());
            map.put("RecoveryPoints", count);
            map.put("NewestRecoveryPoint.RecoveryPointArn", newest.recoveryPointArn());
            map.put("NewestRecoveryPoint.CreationDate", String.valueOf(newest.creationDate()));
            map.put("NewestRecoveryPoint.CreatedBy.BackupPlanVersion", newest.backupPlanVersion());
            return map;
        }
    }

    /**
     * The deleted plan whose recovery points of {@code tableArn} are the newest, when its rules were read, it has
     * at least one and its name is in AWS's grammar; else empty.
     */
    public static Optional<Match> find(String tableArn, BackupInventory backup) {
        if (backup == null || backup.plans() == null || !backup.plans().isOk() || tableArn == null) {
            return Optional.empty();
        }
        Match best = null;
        for (BackupPlan plan : Results.orEmpty(backup.plans().value())) {
            if (!plan.deleted() || plan.recoveryPoints() == null || !plan.recoveryPoints().isOk()
                    || plan.rules() == null || !plan.rules().isOk() || Results.orEmpty(plan.rules().value()).isEmpty()
                    || plan.backupPlanName() == null || !PLAN_NAME.matcher(plan.backupPlanName()).matches()) {
                continue;
            }
            List<PlanRecoveryPoint> mine = Results.orEmpty(plan.recoveryPoints().value()).stream()
                    .filter(p -> tableArn.equals(p.resourceArn())).toList();
            Optional<PlanRecoveryPoint> newest = mine.stream().filter(p -> p.creationDate() != null)
                    .max(Comparator.comparing(PlanRecoveryPoint::creationDate));
            if (newest.isEmpty()) {
                continue;
            }
            if (best == null || newest.get().creationDate().isAfter(best.newest().creationDate())) {
                best = new Match(plan, newest.get(), mine.size());
            }
        }
        return Optional.ofNullable(best);
    }
}
