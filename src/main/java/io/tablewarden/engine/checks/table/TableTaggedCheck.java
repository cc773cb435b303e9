package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.support.TableCheck;
import io.tablewarden.engine.checks.support.TableSubject;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.InventoryPart;
import io.tablewarden.model.inventory.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB.5: the table has at least one user tag (system {@code aws:} tags do not count) and, when
 * requiredTagKeys is set, every listed key (case-sensitive).
 */
public final class TableTaggedCheck extends TableCheck {

    public static final String ID = "dynamodb_table_tagged";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Why the tags fall short, when the parameter names the keys the table must carry. */
    public enum Cause implements io.tablewarden.engine.checks.support.CheckCause {
        /** requiredTagKeys names keys the table lacks: only those are added, its other tags stay. */
        REQUIRED_TAGS_MISSING;
    }

    @Override
    public java.util.List<String> causes() {
        return io.tablewarden.engine.checks.support.CheckCause.ids(Cause.values());
    }

    public TableTaggedCheck() {
        super(ID);
    }

    @Override
    protected Verdict evaluate(TableSubject subject, CheckContext context) {
        Fetch<List<Tag>> tags = subject.table().tags();
        if (tags == null || tags.isFailed()) {
            String reason = tags == null ? "the tags were not collected (dynamodb:ListTagsOfResource)"
                    : tags.error().describe();
            return Verdict.error("Tags of " + subject.label() + " could not be read: " + reason + ".");
        }
        Map<String, String> userTags = new LinkedHashMap<>();
        for (Tag tag : tags.value() == null ? List.<Tag>of() : tags.value()) {
            if (!tag.isSystemTag()) {
                userTags.put(tag.key(), tag.value());
            }
        }
        List<String> required = context.parameters().requiredTagKeys();
        List<String> missing = new ArrayList<>();
        for (String key : required) {
            if (!userTags.containsKey(key)) {
                missing.add(key);
            }
        }
        Verdict verdict;
        if (userTags.isEmpty()) {
            verdict = Verdict.fail("Table " + subject.name() + " has no user tags" + (required.isEmpty() ? "." : "; required keys: " + String.join(", ", required) + "."));
        } else if (!missing.isEmpty()) {
            verdict = Verdict.fail("Table " + subject.name() + " lacks the required tag keys "
                    + String.join(", ", missing) + " (keys are case-sensitive).");
        } else {
            verdict = Verdict.pass("Table " + subject.name() + " has the user tags " + String.join(", ", userTags.keySet())
                    + ".");
        }
        if (!missing.isEmpty()) {
            // Each missing key with an empty value, for the reader to fill in: tag-resource adds them and keeps
            // the table's other tags.
            com.fasterxml.jackson.databind.node.ArrayNode json = JSON.createArrayNode();
            missing.forEach(key -> json.addObject().put("Key", key).put("Value", ""));
            verdict.cause(Cause.REQUIRED_TAGS_MISSING)
                    .placeholder(io.tablewarden.engine.checks.Placeholders.MISSING_TAG_KEYS, String.join(", ", missing))
                    .placeholder(io.tablewarden.engine.checks.Placeholders.MISSING_TAGS_JSON, json.toString());
        }
        verdict.evidence("Tags", userTags);
        if (!required.isEmpty()) {
            verdict.evidence("parameter.requiredTagKeys", required);
        }
        return verdict;
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.TABLE_TAGS);
    }
}
