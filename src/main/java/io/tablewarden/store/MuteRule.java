package io.tablewarden.store;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.inventory.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One rule of a Prowler mutelist, kept with the mute it became so that it is judged exactly as Prowler judges it:
 * the account key is an account id or {@code *}; the check key is {@code *}, a check id or a regular expression
 * searched in the check id; regions and resources are lists of regular expressions of which one must be found
 * ({@code *} anywhere, a leading {@code *} meaning {@code .*}); every tag expression must be found in the
 * resource's tags written as {@code k1=v1 | k2=v2}, so a {@code |} inside one expression means either; and the
 * exceptions un-mute what they match. Prowler stops at the first rule of an account whose check matches and whose
 * exceptions apply, so the exceptions of the rules before this one in the same account are kept too.
 *
 * @param account           account id, or {@code *}
 * @param check             check key as written
 * @param regions           region expressions (one must match)
 * @param resources         resource expressions (one must be found in the table or cluster name)
 * @param tags              tag expressions (all must match); empty means any tags
 * @param exceptions        what this rule does not mute, or null
 * @param earlierExceptions the checks and exceptions of the rules before this one under the same account key
 * @param description       the rule's own Description, or null
 */
public record MuteRule(String account, String check, List<String> regions, List<String> resources, List<String> tags,
                       Exceptions exceptions, List<Earlier> earlierExceptions, String description) {

    /** Compiled expressions: a stored scan's results are judged against the same few expressions many times. */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    public MuteRule {
        regions = List.copyOf(regions);
        resources = List.copyOf(resources);
        tags = tags == null ? List.of() : List.copyOf(tags);
        earlierExceptions = earlierExceptions == null ? List.of() : List.copyOf(earlierExceptions);
    }

    /**
     * What a rule does not mute. Prowler's reading: nothing is excepted unless one list matches, and then every
     * list that is not empty must match.
     *
     * @param accounts  account expressions
     * @param regions   region expressions
     * @param resources resource expressions
     * @param tags      tag expressions (all must match, like the rule's tags)
     */
    public record Exceptions(List<String> accounts, List<String> regions, List<String> resources, List<String> tags) {

        public Exceptions {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
            regions = regions == null ? List.of() : List.copyOf(regions);
            resources = resources == null ? List.of() : List.copyOf(resources);
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        boolean apply(String account, String region, CheckResult result, String tagText) {
            boolean accountHit = anyFound(accounts, account);
            boolean regionHit = anyFound(regions, region);
            boolean resourceHit = resourceFound(resources, result);
            boolean tagHit = allFound(tags, tagText);
            if (!accountHit && !regionHit && !resourceHit && !tagHit) {
                return false;
            }
            return (accountHit || accounts.isEmpty()) && (regionHit || regions.isEmpty())
                    && (resourceHit || resources.isEmpty()) && (tagHit || tags.isEmpty());
        }
    }

    /**
     * A rule listed before this one under the same account key: when its check matches and its exceptions apply,
     * Prowler stops reading that account's rules.
     *
     * @param check      its check key
     * @param exceptions its exceptions
     */
    public record Earlier(String check, Exceptions exceptions) {
    }

    /** Whether the rule mutes {@code result}, whose resource carries {@code tags} (empty when it has none). */
    public boolean matches(CheckResult result, List<Tag> tags) {
        String accountId = result.resource().accountId();
        if (!"*".equals(account) && !account.equals(accountId)) {
            return false;
        }
        String tagText = tagText(tags);
        String region = result.resource().region();
        for (Earlier earlier : earlierExceptions) {
            if (earlier.exceptions() != null && checkMatches(earlier.check(), result.checkId())
                    && earlier.exceptions().apply(accountId, region, result, tagText)) {
                return false;
            }
        }
        if (!checkMatches(check, result.checkId())) {
            return false;
        }
        if (exceptions != null && exceptions.apply(accountId, region, result, tagText)) {
            return false;
        }
        return anyFound(regions, region) && resourceFound(resources, result)
                && (this.tags.isEmpty() || allFound(this.tags, tagText));
    }

    /** A one-line account of the rule for lists and tooltips. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append("account ").append(account).append(", check ").append(check)
                .append(", regions ").append(String.join(" ", regions))
                .append(", resources ").append(String.join(" ", resources));
        if (!tags.isEmpty()) {
            text.append(", tags ").append(String.join(" and ", tags));
        }
        if (exceptions != null) {
            List<String> parts = new ArrayList<>();
            addPart(parts, "accounts", exceptions.accounts());
            addPart(parts, "regions", exceptions.regions());
            addPart(parts, "resources", exceptions.resources());
            addPart(parts, "tags", exceptions.tags());
            if (!parts.isEmpty()) {
                text.append("; except ").append(String.join(", ", parts));
            }
        }
        return text.toString();
    }

    private static void addPart(List<String> parts, String name, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + " " + String.join(" ", values));
        }
    }

    /** Prowler's check test: {@code *}, the same id, or the key found as a regular expression in the id. */
    public static boolean checkMatches(String key, String checkId) {
        return "*".equals(key) || key.equals(checkId) || anyFound(List.of(key), checkId);
    }

    /** The tags as Prowler writes them before searching: {@code k1=v1 | k2=v2}, in the resource's order. */
    static String tagText(List<Tag> tags) {
        StringBuilder text = new StringBuilder();
        for (Tag tag : tags) {
            if (text.length() > 0) {
                text.append(" | ");
            }
            text.append(tag.key()).append('=').append(tag.value() == null ? "" : tag.value());
        }
        return text.toString();
    }

    /**
     * Prowler searches the finding's resource id, which for its DynamoDB and DAX checks is the table or cluster
     * name (the ARN is a separate field it does not search): so does this.
     */
    private static boolean resourceFound(List<String> expressions, CheckResult result) {
        String name = result.resource().name();
        return anyFound(expressions, name == null ? "" : name);
    }

    /** One of the expressions is found somewhere in {@code value}; an empty list finds nothing. */
    static boolean anyFound(List<String> expressions, String value) {
        if (value == null) {
            return false;
        }
        for (String expression : expressions) {
            if (compile(expression).matcher(value).find()) {
                return true;
            }
        }
        return false;
    }

    /** Every expression is found in {@code value}; an empty list finds nothing (as in Prowler). */
    static boolean allFound(List<String> expressions, String value) {
        if (expressions.isEmpty() || value == null) {
            return false;
        }
        for (String expression : expressions) {
            if (!compile(expression).matcher(value).find()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The expression as Prowler searches it: a leading {@code *} stands for {@code .*} (so {@code *} alone matches
     * everything). Throws PatternSyntaxException for an expression Java cannot read; the importer checks every
     * expression before storing a rule.
     */
    public static Pattern compile(String expression) throws PatternSyntaxException {
        Pattern known = COMPILED.get(expression);
        if (known != null) {
            return known;
        }
        String regex = expression.startsWith("*") ? ".*" + expression.substring(1) : expression;
        Pattern pattern = Pattern.compile(regex);
        if (COMPILED.size() > 4096) {
            // A bound, not an eviction policy: mutelists are small, and a huge one only costs recompiling.
            COMPILED.clear();
        }
        COMPILED.put(expression, pattern);
        return pattern;
    }
}
