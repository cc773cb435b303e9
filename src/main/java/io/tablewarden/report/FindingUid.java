package io.tablewarden.report;

import io.tablewarden.model.CheckResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable id of a finding, derived only from its identity {@code (checkId, account, region, resourceArn)}:
 * the same finding gets the same uid in every scan, so tools that import our reports can track it.
 */
public final class FindingUid {

    private static final String PREFIX = "tablewarden-";

    private FindingUid() {
    }

    /** e.g. {@code tablewarden-3f2a...} (32 hex digits of SHA-256 over the identity). */
    public static String of(CheckResult result) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(result.identity().getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
