package io.tablewarden.engine.checks.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Why no backup plan selects a table when one change would make a selection select it: the region's DynamoDB
 * opt-in, a tag the table carries in another spelling or with another value, or a NotResources pattern. Each
 * answer is proved by evaluating the selection again with that one change applied (AWS Backup's own rule, through
 * {@link BackupSelectionMatcher}), so the fix offered is one that works.
 */
public final class BackupNearMiss {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupNearMiss() {
    }

    /** The kinds of near miss, in the order they are looked for. */
    public enum Kind {
        /** A selection selects the table once DynamoDB is opted in to AWS Backup in the region. */
        OPT_IN,
        /** A selection selects the table once it carries one tag exactly as the selection spells it. */
        TAG,
        /** A selection selects the table once its NotResources patterns that match the table are removed. */
        NOT_RESOURCES
    }

    /**
     * One change that makes one selection select the table.
     *
     * @param kind          which change
     * @param plan          the selection's plan
     * @param entry         the selection
     * @param tagKey        for {@link Kind#TAG}, the key to set
     * @param tagValue      for {@link Kind#TAG}, the value to set
     * @param selectionJson for {@link Kind#NOT_RESOURCES}, the selection to create instead, as CreateBackupSelection's
     *                      {@code BackupSelection} document
     * @param excluding     for {@link Kind#NOT_RESOURCES}, the patterns removed
     */
    public record Miss(Kind kind, BackupPlan plan, SelectionEntry entry, String tagKey, String tagValue,
                       String selectionJson, List<String> excluding) {

        public String selectionName() {
            BackupSelection s = entry.selection().value();
            return s.selectionName() != null ? s.selectionName() : entry.selectionName();
        }
    }

    /** The first near miss of {@code table} among the live plans of {@code backup}, or empty. */
    public static Optional<Miss> find(TableInventory table, BackupInventory backup) {
        if (backup == null || backup.plans() == null || !backup.plans().isOk()) {
            return Optional.empty();
        }
        BackupSelectionMatcher.Subject subject = BackupPlanCoverage.subject(table, backup);
        List<Miss> byTag = new ArrayList<>();
        List<Miss> byNotResources = new ArrayList<>();
        for (BackupPlan plan : Results.orEmpty(backup.plans().value())) {
            if (plan.deletionDate() != null || plan.selections() == null || !plan.selections().isOk()) {
                continue;
            }
            for (SelectionEntry entry : Results.orEmpty(plan.selections().value())) {
                if (entry.selection() == null || !entry.selection().isOk() || entry.selection().value() == null) {
                    continue;
                }
                BackupSelection selection = entry.selection().value();
                if (Boolean.FALSE.equals(subject.optedIn()) && selects(selection, withOptIn(subject))) {
                    return Optional.of(new Miss(Kind.OPT_IN, plan, entry, null, null, null, List.of()));
                }
                if (subject.tags() != null) {
                    for (Tag tag : tagCandidates(selection, subject.tags())) {
                        if (selects(selection, withTag(subject, tag))) {
                            byTag.add(new Miss(Kind.TAG, plan, entry, tag.key(), tag.value(), null, List.of()));
                            break;
                        }
                    }
                }
                List<String> excluding = new ArrayList<>();
                for (String pattern : selection.notResources()) {
                    if (BackupSelectionMatcher.arnMatches(pattern, subject.arn())) {
                        excluding.add(pattern);
                    }
                }
                if (!excluding.isEmpty()) {
                    List<String> kept = new ArrayList<>(selection.notResources());
                    kept.removeAll(excluding);
                    BackupSelection without = new BackupSelection(selection.selectionName(), selection.iamRoleArn(),
                            selection.resources(), kept, selection.listOfTags(), selection.conditions());
                    if (selects(without, subject)) {
                        byNotResources.add(new Miss(Kind.NOT_RESOURCES, plan, entry, null, null,
                                selectionJson(without, entry), excluding));
                    }
                }
            }
        }
        if (!byTag.isEmpty()) {
            return Optional.of(byTag.get(0));
        }
        return byNotResources.stream().findFirst();
    }

    private static boolean selects(BackupSelection selection, BackupSelectionMatcher.Subject subject) {
        return BackupSelectionMatcher.match(selection, subject).outcome() == BackupSelectionMatcher.Outcome.SELECTED;
    }

    private static BackupSelectionMatcher.Subject withOptIn(BackupSelectionMatcher.Subject s) {
        return new BackupSelectionMatcher.Subject(s.arn(), s.tags(), s.tagsProblem(), true, null);
    }

    private static BackupSelectionMatcher.Subject withTag(BackupSelectionMatcher.Subject s, Tag tag) {
        List<Tag> tags = new ArrayList<>();
        for (Tag t : s.tags()) {
            if (!t.key().equals(tag.key())) {
                tags.add(t);
            }
        }
        tags.add(tag);
        return new BackupSelectionMatcher.Subject(s.arn(), tags, null, s.optedIn(), s.optInProblem());
    }

    /**
     * Tags the selection asks for that the table nearly has: a ListOfTags entry whose key and value the table carries
     * in another case, or an equality condition on a tag key the table carries (in any case) with another value.
     */
    static List<Tag> tagCandidates(BackupSelection selection, List<Tag> tags) {
        List<Tag> out = new ArrayList<>();
        for (TagCondition wanted : selection.listOfTags()) {
            String key = BackupSelectionMatcher.bareKey(wanted.conditionKey());
            for (Tag has : tags) {
                if (has.key().equalsIgnoreCase(key) && lower(has.value()).equals(lower(wanted.conditionValue()))
                        && !(has.key().equals(key) && String.valueOf(has.value()).equals(wanted.conditionValue()))) {
                    out.add(new Tag(key, wanted.conditionValue()));
                }
            }
        }
        for (SelectionCondition condition : selection.conditions()) {
            if (!"StringEquals".equals(condition.operator()) || condition.conditionKey() == null
                    || !condition.conditionKey().regionMatches(true, 0, BackupSelectionMatcher.RESOURCE_TAG_PREFIX, 0,
                    BackupSelectionMatcher.RESOURCE_TAG_PREFIX.length())) {
                continue;
            }
            String key = BackupSelectionMatcher.bareKey(condition.conditionKey());
            for (Tag has : tags) {
                if (has.key().equalsIgnoreCase(key)) {
                    out.add(new Tag(key, condition.conditionValue() == null ? "" : condition.conditionValue()));
                }
            }
        }
        return out;
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    /** CreateBackupSelection's BackupSelection document for {@code s}, named like the selection it replaces. */
    static String selectionJson(BackupSelection s, SelectionEntry entry) {
        ObjectNode root = JSON.createObjectNode();
        root.put("SelectionName", s.selectionName() != null ? s.selectionName() : entry.selectionName());
        root.put("IamRoleArn", s.iamRoleArn());
        if (!s.resources().isEmpty()) {
            s.resources().forEach(root.putArray("Resources")::add);
        }
        if (!s.notResources().isEmpty()) {
            s.notResources().forEach(root.putArray("NotResources")::add);
        }
        if (!s.listOfTags().isEmpty()) {
            ArrayNode list = root.putArray("ListOfTags");
            for (TagCondition t : s.listOfTags()) {
                list.addObject().put("ConditionType", t.conditionType() == null ? "STRINGEQUALS" : t.conditionType())
                        .put("ConditionKey", t.conditionKey()).put("ConditionValue", t.conditionValue());
            }
        }
        if (!s.conditions().isEmpty()) {
            Map<String, ArrayNode> byOperator = new LinkedHashMap<>();
            ObjectNode conditions = root.putObject("Conditions");
            for (SelectionCondition c : s.conditions()) {
                byOperator.computeIfAbsent(c.operator(), conditions::putArray).addObject()
                        .put("ConditionKey", c.conditionKey()).put("ConditionValue", c.conditionValue());
            }
        }
        return root.toString();
    }
}
