package io.tablewarden.engine.checks.support;

import io.tablewarden.model.inventory.BackupInventory.BackupSelection;
import io.tablewarden.model.inventory.BackupInventory.SelectionCondition;
import io.tablewarden.model.inventory.BackupInventory.TagCondition;
import io.tablewarden.model.inventory.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides whether one AWS Backup selection selects one DynamoDB table, with AWS Backup's own rule:
 * {@code (any Resources pattern matches OR any ListOfTags entry matches) AND every Conditions entry holds
 * AND no NotResources pattern matches}.
 *
 * <p>ARN patterns: {@code *} alone matches everything; {@code *} may stand for a whole or part of the
 * partition, service, region or account field; in the resource-id part only a trailing {@code *} is
 * honoured (prefix match), any other {@code *} there is literal. A pattern with fewer than six fields
 * ending in {@code *} (e.g. {@code arn:aws:dynamodb:*}) matches the rest of the ARN.
 *
 * <p>Region opt-in: a match through an explicit table ARN or a DynamoDB pattern naming the {@code table/} resource
 * type ignores the DynamoDB opt-in; a match through a bare {@code *}, a service-level pattern, tags
 * only, or an empty selection (neither Resources nor ListOfTags) needs DynamoDB opted in.
 *
 * <p>Unknown inputs (tags or opt-in that could not be read) give {@link Outcome#UNKNOWN} only when the
 * answer depends on them; a NotResources hit is decisive on its own.
 *
 * <p>Conditions on a tag the table does not have: StringEquals/StringLike do not hold,
 * StringNotEquals/StringNotLike hold (IAM semantics). The {@code aws:ResourceTag/} prefix is matched
 * without regard to case, the tag key after it exactly. Condition keys other than
 * {@code aws:ResourceTag/...} never hold.
 */
public final class BackupSelectionMatcher {

    static final String RESOURCE_TAG_PREFIX = "aws:ResourceTag/";

    private BackupSelectionMatcher() {
    }

    /** Three-valued answer. */
    public enum Outcome { SELECTED, NOT_SELECTED, UNKNOWN }

    /**
     * The answer and one phrase explaining it.
     *
     * @param outcome SELECTED, NOT_SELECTED or UNKNOWN
     * @param reason  e.g. "Resources pattern arn:aws:dynamodb:*:*:table/* matches"
     */
    public record Match(Outcome outcome, String reason) {
    }

    /**
     * What is known about the table.
     *
     * @param arn             table ARN
     * @param tags            the table's tags, or null when they could not be read
     * @param tagsProblem     why the tags are unknown (null when known)
     * @param optedIn         the region's DynamoDB opt-in, or null when unknown
     * @param optInProblem    why the opt-in is unknown (null when known)
     */
    public record Subject(String arn, List<Tag> tags, String tagsProblem, Boolean optedIn, String optInProblem) {
    }

    /** Decides whether {@code selection} selects the table described by {@code subject}. */
    public static Match match(BackupSelection selection, Subject subject) {
        for (String pattern : selection.notResources()) {
            if (arnMatches(pattern, subject.arn())) {
                return new Match(Outcome.NOT_SELECTED, "NotResources pattern " + pattern + " excludes it");
            }
        }
        Match base = baseMatch(selection, subject);
        if (base.outcome() == Outcome.NOT_SELECTED) {
            return base;
        }
        List<String> unknown = new ArrayList<>();
        for (SelectionCondition condition : selection.conditions()) {
            Outcome holds = conditionHolds(condition, subject);
            String text = condition.operator() + " " + condition.conditionKey() + " = " + condition.conditionValue();
            if (holds == Outcome.NOT_SELECTED) {
                return new Match(Outcome.NOT_SELECTED, "condition " + text + " does not hold");
            }
            if (holds == Outcome.UNKNOWN) {
                unknown.add(subject.tagsProblem());
            }
        }
        if (base.outcome() == Outcome.UNKNOWN) {
            return base;
        }
        if (!unknown.isEmpty()) {
            return new Match(Outcome.UNKNOWN, "its conditions need the table's tags, which are unknown: " + unknown.get(0));
        }
        if (!selection.conditions().isEmpty()) {
            return new Match(base.outcome(), base.reason() + ", and all " + selection.conditions().size()
                    + " Conditions hold");
        }
        return base;
    }

    private static Match baseMatch(BackupSelection selection, Subject subject) {
        if (selection.resources().isEmpty() && selection.listOfTags().isEmpty()) {
            return optIn(subject, "it selects every opted-in resource (no Resources and no ListOfTags)");
        }
        Match best = null;
        for (String pattern : selection.resources()) {
            if (arnMatches(pattern, subject.arn())) {
                if (namesTableType(pattern)) {
                    return new Match(Outcome.SELECTED, "Resources pattern " + pattern + " matches");
                }
                best = better(best, optIn(subject, "Resources pattern " + pattern + " matches"));
            }
        }
        for (TagCondition tag : selection.listOfTags()) {
            String key = bareKey(tag.conditionKey());
            String text = "ListOfTags " + key + " = " + tag.conditionValue();
            if (subject.tags() == null) {
                if (Boolean.FALSE.equals(subject.optedIn())) {
                    // Without the opt-in a tag match selects nothing, so the unknown tags do not matter.
                    best = better(best, optIn(subject, text + " may match"));
                } else {
                    best = better(best, new Match(Outcome.UNKNOWN, text + " cannot be decided: "
                            + subject.tagsProblem()));
                }
            } else if (tagValue(subject.tags(), key) != null && tagValue(subject.tags(), key).equals(tag.conditionValue())) {
                best = better(best, optIn(subject, text + " matches"));
            }
        }
        return best != null ? best
                : new Match(Outcome.NOT_SELECTED, "no Resources pattern and no ListOfTags entry matches it");
    }

    /** Three-valued OR: SELECTED beats UNKNOWN beats NOT_SELECTED; on a tie the first reason stays. */
    private static Match better(Match current, Match candidate) {
        if (current == null) {
            return candidate;
        }
        return rank(candidate.outcome()) > rank(current.outcome()) ? candidate : current;
    }

    private static int rank(Outcome outcome) {
        return outcome == Outcome.SELECTED ? 2 : outcome == Outcome.UNKNOWN ? 1 : 0;
    }

    private static Match optIn(Subject subject, String how) {
        if (subject.optedIn() == null) {
            return new Match(Outcome.UNKNOWN, how + " but the DynamoDB opt-in is unknown: " + subject.optInProblem());
        }
        if (!subject.optedIn()) {
            return new Match(Outcome.NOT_SELECTED, how + " but DynamoDB is not opted in to AWS Backup in the region");
        }
        return new Match(Outcome.SELECTED, how + " and DynamoDB is opted in");
    }

    private static Outcome conditionHolds(SelectionCondition condition, Subject subject) {
        String key = condition.conditionKey();
        if (!hasResourceTagPrefix(key)) {
            return Outcome.NOT_SELECTED;
        }
        if (subject.tags() == null) {
            return Outcome.UNKNOWN;
        }
        String value = tagValue(subject.tags(), key.substring(RESOURCE_TAG_PREFIX.length()));
        String expected = condition.conditionValue() == null ? "" : condition.conditionValue();
        boolean holds;
        switch (condition.operator()) {
            case "StringEquals":
                holds = expected.equals(value);
                break;
            case "StringNotEquals":
                holds = !expected.equals(value);
                break;
            case "StringLike":
                holds = value != null && like(expected, value);
                break;
            case "StringNotLike":
                holds = value == null || !like(expected, value);
                break;
            default:
                holds = false;
        }
        return holds ? Outcome.SELECTED : Outcome.NOT_SELECTED;
    }

    static String bareKey(String key) {
        return hasResourceTagPrefix(key) ? key.substring(RESOURCE_TAG_PREFIX.length()) : key;
    }

    /** Condition key names are case-insensitive (as in IAM); the tag key after the prefix is not. */
    private static boolean hasResourceTagPrefix(String key) {
        return key != null && key.regionMatches(true, 0, RESOURCE_TAG_PREFIX, 0, RESOURCE_TAG_PREFIX.length());
    }

    private static String tagValue(List<Tag> tags, String key) {
        for (Tag tag : tags) {
            if (tag.key().equals(key)) {
                return tag.value();
            }
        }
        return null;
    }

    /** {@code *} matches any run of characters; everything else is literal and case-sensitive. */
    static boolean like(String pattern, String value) {
        return Pattern.compile(globToRegex(pattern), Pattern.DOTALL).matcher(value).matches();
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return regex.toString();
    }

    /** AWS Backup's ARN pattern rule (see the class comment). */
    public static boolean arnMatches(String pattern, String arn) {
        if (pattern == null || arn == null) {
            return false;
        }
        if (pattern.equals("*")) {
            return true;
        }
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (a.length < 6) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (i == p.length - 1 && p.length < 6) {
                // arn:aws:dynamodb:* style: a trailing * in the last given field stands for the rest of the ARN.
                String rest = String.join(":", java.util.Arrays.copyOfRange(a, i, a.length));
                return p[i].endsWith("*") && Pattern.compile(globToRegex(p[i]), Pattern.DOTALL).matcher(rest).matches();
            }
            if (i < 5) {
                if (!Pattern.compile(globToRegex(p[i])).matcher(a[i]).matches()) {
                    return false;
                }
            } else if (p[i].endsWith("*")) {
                // Only a trailing * is a wildcard in the resource id; any other * is literal.
                return a[i].startsWith(p[i].substring(0, p[i].length() - 1));
            } else {
                return p[i].equals(a[i]);
            }
        }
        return false;
    }

    /**
     * True for a six-field pattern that names the DynamoDB table type, e.g. {@code arn:aws:dynamodb:*:*:table/*}.
     * A wildcard service field ({@code arn:aws:*:*:*:table/*}) does not name DynamoDB, so it follows the opt-in.
     */
    static boolean namesTableType(String pattern) {
        String[] p = pattern.split(":", 6);
        return p.length == 6 && p[2].equals("dynamodb") && p[5].startsWith("table/");
    }

    /** Reads the DynamoDB value of ResourceTypeOptInPreference; an absent entry counts as not opted in. */
    public static boolean optedIn(Map<String, Boolean> preference) {
        return preference != null && Boolean.TRUE.equals(preference.get("DynamoDB"));
    }
}
