package io.tablewarden.engine.aws.credentials;

import java.time.Instant;

/**
 * What {@code profiles test} found out about a profile: whose identity it yields, or why it yields none. Never
 * holds a credential, so it may be shown, stored and exported.
 *
 * @param profile      the profile tested
 * @param testedAt     when
 * @param ok           true when STS answered GetCallerIdentity
 * @param account      the account id, or null
 * @param arn          the caller ARN, or null
 * @param accountAlias the account alias, or null when there is none or it may not be read
 * @param error        why the test failed, or null
 */
public record ProfileTestResult(String profile, Instant testedAt, boolean ok, String account, String arn,
                                String accountAlias, String error) {

    static ProfileTestResult failed(String profile, Instant at, String error) {
        return new ProfileTestResult(profile, at, false, null, null, null, error);
    }
}
