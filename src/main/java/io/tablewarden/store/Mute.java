package io.tablewarden.store;

import io.tablewarden.model.CheckResult;

import java.time.Instant;
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
 */
public record Mute(long id, String checkId, String resource, String reason, String createdBy, Instant createdAt,
                   Instant expiresAt) {

    /** Whether the mute applies at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    /** Whether the mute names this result's check and resource. */
    public boolean matches(CheckResult result) {
        return glob(checkId).matcher(result.checkId()).matches()
                && glob(resource).matcher(result.resource().arn()).matches();
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
