package io.tablewarden.store;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.inventory.Tag;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A decision to stop flagging a check on a resource, with who took it and why.
 *
 * @param id        row id (0 before it is stored)
 * @param checkId   check id; may be a glob
 * @param resource  resource ARN, or a glob over ARNs ({@code *} any text, {@code ?} one character)
 * @param reason    why the finding is accepted
 * @param createdBy who muted it
 * @param createdAt when
 * @param expiresAt when it stops applying, or null for never
 * @param rule      an imported Prowler mutelist rule that decides what the mute covers, or null for the glob pair;
 *                  with a rule, {@code checkId} and {@code resource} only name it for people
 */
public record Mute(long id, String checkId, String resource, String reason, String createdBy, Instant createdAt,
                   Instant expiresAt, MuteRule rule) {

    /** A mute on a check glob and a resource glob. */
    public Mute(long id, String checkId, String resource, String reason, String createdBy, Instant createdAt,
                Instant expiresAt) {
        this(id, checkId, resource, reason, createdBy, createdAt, expiresAt, null);
    }

    /** Whether the mute applies at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    /** Whether the mute covers this result, for a resource without tags. */
    public boolean matches(CheckResult result) {
        return matches(result, List.of());
    }

    /** Whether the mute covers this result, whose resource carries {@code tags} (empty when none or unknown). */
    public boolean matches(CheckResult result, List<Tag> tags) {
        if (rule != null) {
            return rule.matches(result, tags);
        }
        return glob(checkId).matcher(result.checkId()).matches()
                && glob(resource).matcher(result.resource().arn()).matches();
    }

    /** What the mute covers, in a few words: the glob pair, or the imported rule's summary. */
    public String scope() {
        return rule != null ? rule.summary() : checkId + " on " + resource;
    }

    /** Whether {@code value} matches the glob {@code pattern} ({@code *} any text, {@code ?} one character). */
    public static boolean globMatches(String pattern, String value) {
        return glob(pattern).matcher(value).matches();
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
