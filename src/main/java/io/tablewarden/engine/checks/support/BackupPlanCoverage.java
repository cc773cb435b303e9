package io.tablewarden.engine.checks.support;

import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.BackupInventory;
import io.tablewarden.model.inventory.BackupInventory.BackupPlan;
import io.tablewarden.model.inventory.BackupInventory.BackupSelection;
import io.tablewarden.model.inventory.BackupInventory.SelectionCondition;
import io.tablewarden.model.inventory.BackupInventory.SelectionEntry;
import io.tablewarden.model.inventory.BackupInventory.TagCondition;
import io.tablewarden.model.inventory.Tag;
import io.tablewarden.model.inventory.TableInventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which backup plans of the table's own region select the table. Plans of other regions are never
 * consulted (each region's inventory holds only its own plans), and deleted plans protect nothing.
 * Anything that could not be read and might have selected the table is kept as an "unknown", so that a
 * check can report ERROR instead of a FAIL it cannot prove.
 */
public final class BackupPlanCoverage {

    private BackupPlanCoverage() {
    }

    /**
     * One selection that selects the table.
     *
     * @param plan      the plan
     * @param entry     the selection entry
     * @param selection its detail
     * @param reason    why it selects the table
     */
    public record Covering(BackupPlan plan, SelectionEntry entry, BackupSelection selection, String reason) {

        /** "plan P, selection S" for sentences. */
        public String label() {
            return "backup plan " + plan.backupPlanName() + " (selection " + selectionName() + ")";
        }

        public String selectionName() {
            return selection.selectionName() != null ? selection.selectionName() : entry.selectionName();
        }
    }

    /**
     * The coverage of one table.
     *
     * @param covering selections that select it, in plan order
     * @param unknowns parts that could not be read, each naming the failed call
     * @param misses   per readable selection, why it does not select the table
     */
    public record Result(List<Covering> covering, List<String> unknowns, List<String> misses) {
        public boolean covered() {
            return !covering.isEmpty();
        }
    }

    /** Evaluates every selection of every live plan in {@code backup} against {@code table}. */
    public static Result evaluate(TableInventory table, BackupInventory backup) {
        List<Covering> covering = new ArrayList<>();
        List<String> unknowns = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        if (backup == null || backup.plans() == null) {
            unknowns.add("AWS Backup was not collected (backup:ListBackupPlans)");
            return new Result(covering, unknowns, misses);
        }
        if (backup.plans().isFailed()) {
            unknowns.add(backup.plans().error().describe());
            return new Result(covering, unknowns, misses);
        }
        BackupSelectionMatcher.Subject subject = subject(table, backup);
        for (BackupPlan plan : Results.orEmpty(backup.plans().value())) {
            if (plan.deletionDate() != null) {
                // A deleted plan selects nothing (AWS deletes its selections first); whether it once backed this
                // table up is told by the table's recovery points (DeletedPlans), not by listing it for every table.
                continue;
            }
            Fetch<List<SelectionEntry>> selections = plan.selections();
            if (selections == null || selections.isFailed()) {
                unknowns.add("the selections of plan " + plan.backupPlanName() + " could not be listed: "
                        + (selections == null ? "not collected (backup:ListBackupSelections)" : selections.error().describe()));
                continue;
            }
            if (Results.orEmpty(selections.value()).isEmpty()) {
                misses.add("plan " + plan.backupPlanName() + " has no resource selection");
            }
            for (SelectionEntry entry : Results.orEmpty(selections.value())) {
                String label = "plan " + plan.backupPlanName() + " selection " + entry.selectionName();
                if (entry.selection() == null || entry.selection().isFailed()) {
                    unknowns.add(label + " could not be read: " + (entry.selection() == null
                            ? "not collected (backup:GetBackupSelection)" : entry.selection().error().describe()));
                    continue;
                }
                BackupSelectionMatcher.Match match = BackupSelectionMatcher.match(entry.selection().value(), subject);
                switch (match.outcome()) {
                    case SELECTED:
                        covering.add(new Covering(plan, entry, entry.selection().value(), match.reason()));
                        break;
                    case UNKNOWN:
                        unknowns.add(label + ": " + match.reason());
                        break;
                    default:
                        misses.add(label + ": " + match.reason());
                }
            }
        }
        if (Results.orEmpty(backup.plans().value()).isEmpty()) {
            misses.add("the region has no backup plan");
        }
        return new Result(covering, unknowns, misses);
    }

    static BackupSelectionMatcher.Subject subject(TableInventory table, BackupInventory backup) {
        List<Tag> tags = null;
        String tagsProblem = null;
        if (table.tags() == null) {
            tagsProblem = "the table's tags were not collected (dynamodb:ListTagsOfResource)";
        } else if (table.tags().isFailed()) {
            tagsProblem = table.tags().error().describe();
        } else {
            tags = table.tags().value() == null ? List.of() : table.tags().value();
        }
        Boolean optedIn = null;
        String optInProblem = null;
        if (backup.regionSettings() == null) {
            optInProblem = "the region settings were not collected (backup:DescribeRegionSettings)";
        } else if (backup.regionSettings().isFailed()) {
            optInProblem = backup.regionSettings().error().describe();
        } else {
            optedIn = backup.regionSettings().value() != null
                    && BackupSelectionMatcher.optedIn(backup.regionSettings().value().resourceTypeOptInPreference());
        }
        return new BackupSelectionMatcher.Subject(table.arn(), tags, tagsProblem, optedIn, optInProblem);
    }

    /** The selection as the raw fields AWS returned, for evidence. */
    public static Map<String, Object> selectionEvidence(Covering covering) {
        BackupSelection s = covering.selection();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("BackupPlanName", covering.plan().backupPlanName());
        map.put("BackupPlanId", covering.plan().backupPlanId());
        map.put("SelectionId", covering.entry().selectionId());
        map.put("SelectionName", covering.selectionName());
        map.put("Resources", s.resources());
        List<String> tags = new ArrayList<>();
        for (TagCondition t : s.listOfTags()) {
            tags.add(t.conditionKey() + "=" + t.conditionValue());
        }
        map.put("ListOfTags", tags);
        List<String> conditions = new ArrayList<>();
        for (SelectionCondition c : s.conditions()) {
            conditions.add(c.operator() + " " + c.conditionKey() + "=" + c.conditionValue());
        }
        map.put("Conditions", conditions);
        map.put("NotResources", s.notResources());
        return map;
    }

    /** DynamoDB opt-in of the region as evidence text. */
    public static Object optInEvidence(BackupInventory backup) {
        if (backup == null || backup.regionSettings() == null || backup.regionSettings().isFailed()
                || backup.regionSettings().value() == null) {
            return "unknown";
        }
        Map<String, Boolean> preference = backup.regionSettings().value().resourceTypeOptInPreference();
        return preference == null || preference.get("DynamoDB") == null ? Verdict.ABSENT : preference.get("DynamoDB");
    }
}
